// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "util/clock.h"
#include "util/result.h"

#include <QDate>
#include <QDateTime>
#include <QList>
#include <QString>
#include <QVariant>

#include <map>
#include <optional>

namespace Lectern {

class Database;

/// One paper version carried by a request of a provider batch.
struct BatchPaperRef
{
    QString arxivId;
    int version = 1;
    bool operator==(const BatchPaperRef &) const = default;
};

/// A provider batch as recorded in the database (schema 7).
struct ProviderBatch
{
    qint64 rowId = 0;
    QString batchId; ///< the provider's id
    QString provider; ///< "openai" or "anthropic"
    QString model;
    QDate day;
    QString promptHash;
    QString promptText; ///< StoredPrompt form, for the day's record
    QDateTime submittedAt;
    QString state = QStringLiteral("submitted"); ///< submitted, collected, cancelled, failed
    QString providerState; ///< the provider's last word on it
    QString note;
    QDateTime finishedAt;
    std::map<QString, QList<BatchPaperRef>> requests; ///< custom id -> papers
    [[nodiscard]] int paperCount() const;
};

/// The provider_batches and provider_batch_papers tables: what was submitted and waits for collection.
class ProviderBatchStore final
{
public:
    /// @p clock stamps the end of a batch.
    explicit ProviderBatchStore(Database &db, const Clock &clock = Clock::system());

    /// Records a submitted batch with its papers in one transaction; sets batch.rowId.
    Result<void> add(ProviderBatch &batch);
    /// Batches still waiting (state submitted), oldest first; only @p day's when it is valid.
    [[nodiscard]] Result<QList<ProviderBatch>> waiting(const QDate &day = {});
    /// Every batch of @p day's (waiting or not), oldest first.
    [[nodiscard]] Result<QList<ProviderBatch>> forDay(const QDate &day);
    [[nodiscard]] Result<std::optional<ProviderBatch>> find(const QString &batchId);
    /// Remembers the provider's state word; single statement.
    Result<void> setProviderState(qint64 rowId, const QString &providerState);
    /// Ends the batch's wait (collected, cancelled or failed) with a note; single statement, so it can
    /// share the transaction that stores the batch's scores. An error when the batch no longer waits.
    Result<void> finish(qint64 rowId, const QString &state, const QString &note);

private:
    Result<QList<ProviderBatch>> query(const QString &where, const QVariantList &values);

    Database &m_db;
    const Clock &m_clock;
};

} // namespace Lectern
