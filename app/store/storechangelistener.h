// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "store/storelocation.h"
#include "util/result.h"

#include <QDate>
#include <QObject>
#include <QSqlDriver>

#include <memory>
#include <optional>

namespace Lectern {

class Database;

/// What another client changed in a shared store: a day fetched or scored, or a shared note.
struct StoreChange
{
    enum class Kind { DayFetched, DayScored, SharedNote };
    Kind kind = Kind::DayFetched;
    QDate day; ///< the day the change belongs to (a note's: its paper's latest listing); may be invalid
    QString arxivId; ///< the paper of a shared note; empty for days

    /// The payload of a notification on channel "lectern" (JSON {kind, day, paper}); nothing when it is
    /// not one of ours.
    [[nodiscard]] static std::optional<StoreChange> fromPayload(const QString &payload);
};

/// Tells a running client what other clients changed, as it happens: on PostgreSQL the store announces
/// every fetched day, every score and every shared note on channel "lectern" in the transaction that makes
/// it (schema 15's triggers), and this listener holds a connection of its own that LISTENs (on the thread
/// that opens it, which must run an event loop: the GUI thread). A connection of its own, because one that
/// also runs queries lets libpq read notifications while waiting for a result, and the driver then never
/// hears of them. An SQLite file has one client: there is nothing to hear and listen() does nothing.
class StoreChangeListener final : public QObject
{
    Q_OBJECT
public:
    explicit StoreChangeListener(QObject *parent = nullptr);
    ~StoreChangeListener() override;

    /// Starts listening to the store at @p location (PostgreSQL only; SQLite succeeds without listening).
    Result<void> listen(const StoreLocation &location);
    [[nodiscard]] bool isListening() const { return m_db != nullptr; }

Q_SIGNALS:
    /// Another client committed @p change.
    void changed(const Lectern::StoreChange &change);

private:
    void notified(const QString &name, QSqlDriver::NotificationSource source, const QVariant &payload);

    std::unique_ptr<Database> m_db;
};

} // namespace Lectern
