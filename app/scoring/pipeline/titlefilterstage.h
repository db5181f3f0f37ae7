// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "domain/paper.h"

#include <QList>
#include <QString>

#include <atomic>
#include <functional>

namespace Lectern {

class BatchDispatcher;
class PaperStore;
class RunAccount;
struct BatchReply;

/// The title pre-filter of a direct run: the titles of the papers to score go out in batches of the title
/// batch size; each reply's drops are stored as they come (a row without marks, TitleDropComment, the
/// model and the title prompt's hash: the verdict's cache), and the papers kept go on to abstract scoring
/// in full batches, the last partial one once every title is judged. Only ids of the batch count; a reply
/// that is unusable keeps its whole batch (TitleVerdict). Provider batches run the same verdicts one title
/// batch after the other (TitleStage).
class TitleFilterStage final
{
public:
    using Progress = std::function<void(const QString &message)>;

    /// @p titleBatches: how many title batches the dispatcher holds; @p batchSize: the abstract batch size.
    TitleFilterStage(PaperStore &store, BatchDispatcher &dispatcher, RunAccount &account, QString model,
        QString titleHash, int titleBatches, int batchSize, const std::atomic_bool *cancel,
        Progress progress);

    void onReply(BatchReply &reply);
    /// Kept papers that never reached an abstract batch (the run stopped first).
    [[nodiscard]] qsizetype waiting() const { return m_kept.size(); }

private:
    void queueKept();

    PaperStore &m_store;
    BatchDispatcher &m_dispatcher;
    RunAccount &m_account;
    QString m_model;
    QString m_titleHash;
    int m_titleBatchesLeft; ///< not yet handled
    int m_batchSize;
    const std::atomic_bool *m_cancel;
    Progress m_progress;
    QList<Paper> m_kept; ///< kept by titles, waiting to fill an abstract batch
};

} // namespace Lectern
