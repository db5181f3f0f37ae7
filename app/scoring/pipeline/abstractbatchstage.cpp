// SPDX-License-Identifier: GPL-3.0-or-later
#include "scoring/pipeline/abstractbatchstage.h"

#include "scoring/pipeline/batchdispatcher.h"
#include "scoring/pipeline/costestimator.h"
#include "scoring/pipeline/runaccount.h"
#include "scoring/replyscores.h"
#include "scoring/scorecomments.h"
#include "util/clock.h"

#include <QCoreApplication>

namespace Lectern {

AbstractBatchStage::AbstractBatchStage(PaperStore &store, BatchDispatcher &dispatcher, RunAccount &account,
    CostEstimator &estimator, const Clock &clock, QString model, QString promptHash, int batchSize,
    const std::atomic_bool *cancel, Progress progress)
    : m_store(store)
    , m_dispatcher(dispatcher)
    , m_account(account)
    , m_estimator(estimator)
    , m_clock(clock)
    , m_model(std::move(model))
    , m_hash(std::move(promptHash))
    , m_batchSize(std::max(1, batchSize))
    , m_cancel(cancel)
    , m_progress(std::move(progress))
{ }

void AbstractBatchStage::onReply(BatchReply &reply)
{
    const QList<Paper> &batch = reply.task.papers;
    const BatchResult &r = reply.result;
    ScoringSummary &sum = m_account.summary();
    const double cost = m_account.charge(r);
    m_estimator.learn(r.usage, reply.task.estimatedPromptTokens, batch.size());
    if (r.fatal) {
        m_account.failWith(r);
        m_dispatcher.stop();
    } else if (!r.error.isEmpty() && !cancelled()) {
        m_account.warn(QCoreApplication::translate("Lectern::ScoringJob", "A batch of %1 papers failed: %2")
                           .arg(batch.size())
                           .arg(r.error));
    }
    if (r.truncated)
        m_account.warn(QCoreApplication::translate("Lectern::ScoringJob",
            "A reply was cut off at the output limit; the papers it lacks are sent again."));
    for (const QString &w : r.warnings)
        m_account.warn(w);
    const ReplyScores scores(batch, r, m_model, m_hash, cost, m_clock.nowUtc());
    for (const QString &w : scores.warnings())
        m_account.warn(w);
    QList<Score> rows = scores.scored();
    const QList<Paper> &missing = scores.missing();
    const QList<Paper> &conflicting = scores.conflicting();
    const int unanswered = int(missing.size() + conflicting.size());
    const int scoredHere = int(rows.size());
    int unscoredHere = 0;
    if (unanswered > 0) {
        if (r.fatal || cancelled()) {
            sum.notSent += unanswered;
        } else if (reply.task.attempt == 1) {
            // A paper given two verdicts is asked again alone, away from whatever text provoked them.
            QList<QList<Paper>> retries = batchesOf(missing, std::max(1, m_batchSize / 2));
            for (const Paper &p : conflicting)
                retries << QList<Paper> {p};
            for (qsizetype i = retries.size() - 1; i >= 0; --i)
                m_dispatcher.prepend(BatchTask {retries.at(i), 2});
            sum.retried += unanswered;
        } else {
            const QString why = !r.error.isEmpty()
                ? ScoreComments::stored(ScoreComments::Form::RequestFailedTwice, {r.error.left(200)})
                : ScoreComments::stored(r.truncated ? ScoreComments::Form::ReplyCutOffTwice
                                                    : ScoreComments::Form::LeftOutTwice);
            for (const Paper &p : missing)
                rows << scores.unscored(p, why);
            for (const Paper &p : conflicting)
                rows << scores.unscored(p, ScoreComments::stored(ScoreComments::Form::TwoVerdictsTwice));
            unscoredHere = unanswered;
        }
    }
    if (!m_account.store(m_store, rows)) {
        m_dispatcher.stop();
        sum.notSent += int(rows.size());
        return;
    }
    sum.scored += scoredHere;
    sum.unscored += unscoredHere;
    m_progress(QCoreApplication::translate("Lectern::ScoringJob", "%1 of %2 papers scored (%3 tokens, %4)")
                   .arg(sum.scored)
                   .arg(sum.toScore)
                   .arg(sum.usage.promptTokens + sum.usage.completionTokens)
                   .arg(PriceTable::money(sum.cost)));
}

} // namespace Lectern
