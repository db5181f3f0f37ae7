// SPDX-License-Identifier: GPL-3.0-or-later
#include "scoring/pipeline/titlefilterstage.h"

#include "scoring/pipeline/batchdispatcher.h"
#include "scoring/pipeline/runaccount.h"
#include "scoring/titleverdict.h"
#include "util/clock.h"

#include <QCoreApplication>

namespace Lectern {

TitleFilterStage::TitleFilterStage(PaperStore &store, BatchDispatcher &dispatcher, RunAccount &account,
    const Clock &clock, QString model, QString titleHash, int titleBatches, int batchSize, KeptTo keptTo,
    const std::atomic_bool *cancel, Progress progress)
    : m_store(store)
    , m_dispatcher(dispatcher)
    , m_account(account)
    , m_clock(clock)
    , m_model(std::move(model))
    , m_titleHash(std::move(titleHash))
    , m_titleBatchesLeft(titleBatches)
    , m_batchSize(std::max(1, batchSize))
    , m_keptTo(keptTo)
    , m_cancel(cancel)
    , m_progress(std::move(progress))
{ }

void TitleFilterStage::onReply(BatchReply &reply)
{
    const QList<Paper> &batch = reply.task.papers;
    const BatchResult &r = reply.result;
    ScoringSummary &sum = m_account.summary();
    --m_titleBatchesLeft;
    const double cost = m_account.charge(r);
    sum.titleUsage += r.usage;
    sum.titleCost += cost;
    for (const QString &w : r.warnings)
        m_account.warn(w);
    if (r.fatal || (m_cancel && *m_cancel)) {
        if (r.fatal)
            m_account.failWith(r);
        m_dispatcher.stop();
        sum.notSent += int(batch.size());
        return;
    }
    const TitleVerdict verdict = TitleVerdict::judge(batch, r, m_model, m_titleHash, cost, m_clock.nowUtc());
    if (verdict.failedOpen) {
        m_account.warn(verdict.warning);
        sum.titleFailedOpen += int(batch.size());
    }
    m_kept << verdict.kept;
    sum.titleKept += int(verdict.kept.size());
    if (!m_account.store(m_store, verdict.dropRows)) {
        m_dispatcher.stop();
        sum.notSent += int(verdict.dropRows.size());
        return;
    }
    sum.titleDropped += int(verdict.dropRows.size());
    queueKept();
    m_progress(QCoreApplication::translate("Lectern::ScoringJob", "Title pre-filter: %1 kept of %2 so far")
                   .arg(sum.titleKept)
                   .arg(sum.titleKept + sum.titleDropped));
}

void TitleFilterStage::queueKept()
{
    if (m_keptTo != KeptTo::AbstractBatches)
        return;
    while (m_kept.size() >= m_batchSize || (m_titleBatchesLeft == 0 && !m_kept.isEmpty())) {
        m_dispatcher.append(BatchTask {m_kept.mid(0, m_batchSize)});
        m_kept.remove(0, std::min<qsizetype>(m_batchSize, m_kept.size()));
    }
}

} // namespace Lectern
