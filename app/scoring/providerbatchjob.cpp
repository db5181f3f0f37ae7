// SPDX-License-Identifier: GPL-3.0-or-later
#include "scoring/providerbatchjob.h"

#include "scoring/llmbatchapi.h"
#include "scoring/llmproviders.h"
#include "store/paperstore.h"
#include "store/providerbatchstore.h"

#include <QScopeGuard>

namespace Lectern {

ProviderBatchJob::ProviderBatchJob(
    Action action, ScoringRequest request, LlmConfig config, QString batchId, QObject *parent)
    : Job(parent)
    , m_action(action)
    , m_request(std::move(request))
    , m_config(std::move(config))
    , m_batchId(std::move(batchId))
{ }

Result<QString> ProviderBatchJob::run()
{
    const auto publish = qScopeGuard([this] {
        setResult(QVariant::fromValue(ProviderBatchResult {m_action, m_batchId, m_lines}));
    });
    switch (m_action) {
    case Action::Submit:
        return submit();
    case Action::Check:
        return poll(false);
    case Action::Collect:
        return poll(true);
    case Action::Cancel:
        return cancelBatch();
    }
    return Error {tr("Unknown provider batch action.")};
}

Result<QString> ProviderBatchJob::submit()
{
    const QDate day = m_request.day;
    {
        // One batch per day at a time: a second would send the same papers again.
        auto store = PaperStore::open(m_request.databasePath);
        if (!store)
            return Error {store.error()};
        auto waiting = ProviderBatchStore(store.value()->database()).waiting(day);
        if (!waiting)
            return Error {waiting.error()};
        if (!waiting->isEmpty())
            return Error {tr("Provider batch %1 of %2 is waiting already: check or collect it "
                             "(Score ▸ Provider Batches…) before submitting another.")
                              .arg(waiting->first().batchId, day.toString(Qt::ISODate))};
    }
    auto api = makeLlmBatchApi(m_config);
    if (!api)
        return Error {api.error()};
    // The model name keys the score cache: the one direct scoring would record.
    auto provider = makeLlmProvider(m_config);
    if (!provider)
        return Error {provider.error()};
    const QString model = provider.value()->model().trimmed();
    if (m_request.titleFilter) {
        const LlmConfig config = m_config;
        m_request.factory = [config]() -> std::unique_ptr<ScoringProvider> {
            auto p = makeLlmProvider(config);
            return p ? std::move(p).value() : nullptr;
        };
    }
    report(
        0, 0, tr("Submitting %1 as a %2 batch…").arg(day.toString(Qt::ISODate), llmKindName(m_config.kind)));
    auto submitted = BatchScoring(m_request, cancelFlag()).submit(**api, llmKindName(m_config.kind), model);
    if (!submitted)
        return Error {submitted.error()};
    m_lines = submitted->lines();
    m_batchId = submitted->batchId;
    if (submitted->batchId.isEmpty())
        return submitted->budgetReached ? tr("%1: nothing submitted; the daily budget holds back %2 papers")
                                              .arg(day.toString(Qt::ISODate))
                                              .arg(submitted->notSent)
                                        : tr("%1: nothing to submit (%2 from the cache)")
                                              .arg(day.toString(Qt::ISODate))
                                              .arg(submitted->cached);
    QString out = tr("%1: batch %2 submitted, %3 papers at half price; results within 24 hours")
                      .arg(day.toString(Qt::ISODate), submitted->batchId)
                      .arg(submitted->sent);
    if (submitted->titleFilter)
        out +=
            tr(" (title filter: %1 kept, %2 dropped)").arg(submitted->titleKept).arg(submitted->titleDropped);
    if (submitted->budgetReached)
        out += tr("; daily budget reached, %1 papers held back").arg(submitted->notSent);
    return out;
}

Result<ProviderBatchJob::WaitingBatch> ProviderBatchJob::waitingBatch()
{
    std::optional<ProviderBatch> batch;
    {
        auto store = PaperStore::open(m_request.databasePath);
        if (!store)
            return Error {store.error()};
        auto found = ProviderBatchStore(store.value()->database()).find(m_batchId);
        if (!found)
            return Error {found.error()};
        batch = *found;
    }
    if (!batch)
        return Error {tr("No provider batch \"%1\" is recorded in this profile.").arg(m_batchId)};
    if (batch->state != u"submitted")
        return Error {tr("Batch %1 is %2 already.").arg(batch->batchId, batch->state)};
    LlmConfig config = m_config;
    config.model = batch->model;
    auto api = makeLlmBatchApi(config);
    if (!api)
        return Error {api.error()};
    return WaitingBatch {*batch, std::move(api).value()};
}

Result<QString> ProviderBatchJob::poll(bool collect)
{
    auto waiting = waitingBatch();
    if (!waiting)
        return Error {waiting.error()};
    const std::optional<ProviderBatch> batch = waiting.value().batch;
    Result<std::unique_ptr<LlmBatchApi>> api = std::move(waiting.value().api);
    report(0, 0, tr("Asking %1 about batch %2…").arg(batch->provider, batch->batchId));
    ScoringRequest request = m_request;
    request.day = batch->day;
    auto polled = BatchScoring(request, cancelFlag()).poll(**api, *batch, collect);
    if (!polled)
        return Error {polled.error()};
    m_lines = polled->lines();
    m_lines << polled->warnings;
    const QString state = polled->status.state.isEmpty() ? QStringLiteral("unknown") : polled->status.state;
    if (!polled->collected)
        return polled->status.ended
            ? tr("Batch %1 has ended (%2): Collect stores its scores").arg(batch->batchId, state)
            : tr("Batch %1: %2, not ended yet").arg(batch->batchId, state);
    if (polled->status.failed)
        return Error {tr("Batch %1 failed (%2): %3 papers stored unscored; score the day again")
                          .arg(batch->batchId, polled->status.error.isEmpty() ? state : polled->status.error)
                          .arg(polled->unscored)};
    return tr("Batch %1 collected: %2 scored, %3 unscored, %4 relevant")
        .arg(batch->batchId)
        .arg(polled->scored)
        .arg(polled->unscored)
        .arg(polled->relevant);
}

Result<QString> ProviderBatchJob::cancelBatch()
{
    auto waiting = waitingBatch();
    if (!waiting)
        return Error {waiting.error()};
    const std::optional<ProviderBatch> batch = waiting.value().batch;
    Result<std::unique_ptr<LlmBatchApi>> api = std::move(waiting.value().api);
    if (auto cancelled = api.value()->cancelBatch(batch->batchId, cancelFlag()); !cancelled)
        return Error {tr("Cancelling batch %1 failed: %2").arg(batch->batchId, cancelled.error())};
    return tr("Asked %1 to cancel batch %2; Collect stores what it finished once it has ended")
        .arg(batch->provider, batch->batchId);
}

} // namespace Lectern
