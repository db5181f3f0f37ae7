// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "domain/paper.h"

#include <QList>
#include <QString>

#include <atomic>
#include <functional>

namespace Lectern {

class BatchDispatcher;
class Clock;
class PaperStore;
class RunAccount;
struct BatchReply;

/// The title pre-filter, for direct scoring and provider batches alike: the titles of the papers to score
/// go out in batches of the title batch size; each reply's drops are stored as they come (a row without
/// marks, TitleDropComment, the model and the title prompt's hash: the verdict's cache). Only ids of the
/// batch count; a reply that is unusable keeps its whole batch (TitleVerdict). In a direct run the papers
/// kept go on to abstract scoring in full batches on the same dispatcher, the last partial one once every
/// title is judged; for a provider batch they wait for the caller (kept()), which submits them.
class TitleFilterStage final
{
public:
    using Progress = std::function<void(const QString &message)>;
    /// Where the kept papers go.
    enum class KeptTo {
        AbstractBatches, ///< queued on the dispatcher in abstract batches of batchSize (direct scoring)
        Caller, ///< held for kept() (provider batches)
    };

    /// @p titleBatches: how many title batches the dispatcher holds; @p batchSize: the abstract batch size;
    /// @p clock stamps the drops.
    TitleFilterStage(PaperStore &store, BatchDispatcher &dispatcher, RunAccount &account, const Clock &clock,
        QString model, QString titleHash, int titleBatches, int batchSize, KeptTo keptTo,
        const std::atomic_bool *cancel, Progress progress);

    void onReply(BatchReply &reply);
    /// Kept papers that never reached an abstract batch (the run stopped first), or with KeptTo::Caller,
    /// every paper kept so far.
    [[nodiscard]] qsizetype waiting() const { return m_kept.size(); }
    /// The papers kept so far, in the order their batches were judged (KeptTo::Caller).
    [[nodiscard]] const QList<Paper> &kept() const { return m_kept; }

private:
    void queueKept();

    PaperStore &m_store;
    BatchDispatcher &m_dispatcher;
    RunAccount &m_account;
    const Clock &m_clock;
    QString m_model;
    QString m_titleHash;
    int m_titleBatchesLeft; ///< not yet handled
    int m_batchSize;
    KeptTo m_keptTo;
    const std::atomic_bool *m_cancel;
    Progress m_progress;
    QList<Paper> m_kept; ///< kept by titles, waiting to fill an abstract batch
};

} // namespace Lectern
