// SPDX-License-Identifier: GPL-3.0-or-later
// `score --batch` and `batch status|collect|cancel`: scoring through a provider's batch interface.
#include "cli/commandcontext.h"
#include "cli/commands.h"
#include "scoring/batchscoring.h"
#include "scoring/llmproviders.h"
#include "scoring/providerfactory.h"
#include "store/paperstore.h"
#include "store/providerbatchstore.h"

#include <QCoreApplication>

namespace Lectern {

namespace {

/// The provider connection a recorded batch was submitted through, with the model it was submitted for.
Result<LlmConfig> batchConfig(const Settings &settings, const ProviderBatch &b)
{
    const std::optional<LlmKind> kind = parseLlmKind(b.provider);
    auto config = kind
        ? llmConfigFromSettings(settings, ApiKeySource(), *kind)
        : Result<LlmConfig>(
              Error {QCoreApplication::translate("Lectern::Cli", "unknown provider \"%1\"").arg(b.provider)});
    if (config)
        config.value().model = b.model;
    return config;
}

/// Asks about each waiting provider batch and collects those that ended (when @p collect).
int pollBatches(CommandContext &context, const QList<ProviderBatch> &batches, bool collect)
{
    bool failed = false;
    for (const ProviderBatch &b : batches) {
        auto config = batchConfig(context.settings(), b);
        if (!config) {
            context.failure(QStringLiteral("batch ") + b.batchId + u": " + config.error());
            failed = true;
            continue;
        }
        auto api = makeLlmBatchApi(*config);
        auto request = ScoringRequest::fromProfile(context.settings(), context.profile(), b.day);
        if (!api || !request) {
            context.failure(
                QStringLiteral("batch ") + b.batchId + u": " + (!api ? api.error() : request.error()));
            failed = true;
            continue;
        }
        auto polled = BatchScoring(std::move(request).value()).poll(**api, b, collect);
        if (!polled) {
            context.failure(polled.error());
            failed = true;
            continue;
        }
        context.warn(polled->warnings);
        for (const QString &line : polled->lines())
            context.out() << line << "\n";
        if (polled->collected && polled->status.failed)
            failed = true;
    }
    return failed ? CommandContext::Failure : CommandContext::Ok;
}

int cancelBatch(CommandContext &context, ProviderBatchStore &batches, const QString &batchId)
{
    auto found = batches.find(batchId);
    if (!found)
        return context.failure(found.error());
    if (!found->has_value())
        return context.failure(QCoreApplication::translate(
            "Lectern::Cli", "no provider batch \"%1\" is recorded in this profile.")
                                   .arg(batchId));
    const ProviderBatch &b = **found;
    if (b.state != u"submitted")
        return context.failure(
            QCoreApplication::translate("Lectern::Cli", "batch %1 is %2 already.").arg(b.batchId, b.state));
    auto config = batchConfig(context.settings(), b);
    if (!config)
        return context.failure(config.error());
    auto api = makeLlmBatchApi(*config);
    if (!api)
        return context.failure(api.error());
    if (auto cancelled = api.value()->cancelBatch(b.batchId, nullptr); !cancelled)
        return context.failure(QCoreApplication::translate("Lectern::Cli", "cancelling batch %1 failed: %2")
                                   .arg(b.batchId, cancelled.error()));
    context.out() << "Asked " << b.provider << " to cancel batch " << b.batchId
                  << "; `lectern batch collect` stores what it finished once it has ended and marks the rest "
                     "unscored.\n";
    return CommandContext::Ok;
}

} // namespace

int scoreBatch(CommandContext &context, QDate day)
{
    PaperStore *store = context.openProfileStore();
    if (!store || !context.resolveDay(day, kNothingToScore))
        return CommandContext::Failure;
    const Settings &settings = context.settings();
    auto waiting = ProviderBatchStore(store->database()).waiting(day);
    if (!waiting)
        return context.failure(waiting.error());
    context.closeStore(); // submitting and collecting write through connections of their own
    // One batch per day at a time: a second would send the same papers again.
    if (!waiting->isEmpty()) {
        context.out() << "A provider batch of " << day.toString(Qt::ISODate)
                      << " is waiting; asking about it instead of submitting another.\n";
        return pollBatches(context, *waiting, true);
    }
    if (settings.string(Keys::ScoringProvider) == u"builtin")
        return context.failure(QCoreApplication::translate("Lectern::Cli",
            "--batch needs scoring/provider openai or anthropic (the built-in "
            "scorer is free and runs at once: use `lectern score`)."));
    auto config = llmConfigFromSettings(settings, ApiKeySource());
    if (!config)
        return context.failure(config.error());
    auto api = makeLlmBatchApi(*config);
    if (!api)
        return context.failure(api.error());
    // The model name keys the score cache: the one direct scoring would record.
    auto provider = makeLlmProvider(*config);
    if (!provider)
        return context.failure(provider.error());
    auto request = ScoringRequest::fromProfile(settings, context.profile(), day);
    if (!request)
        return context.failure(request.error());
    context.warn(request->prompt.problems());
    if (request->titleFilter) {
        // The title pre-filter runs before submitting, as direct requests to the same provider.
        QString error;
        request.value().factory = makeScoringProviderFactory(settings, context.profile(), &error);
        if (!request->factory)
            return context.failure(error);
    }
    BatchScoring scoring(std::move(request).value());
    auto submitted = scoring.submit(**api, llmKindName(config->kind), provider.value()->model().trimmed());
    if (!submitted)
        return context.failure(submitted.error());
    context.warn(submitted->warnings);
    for (const QString &line : submitted->lines())
        context.out() << line << "\n";
    if (submitted->budgetReached)
        return context.failure(QCoreApplication::translate(
            "Lectern::Cli", "the daily budget (scoring/dailyBudget) held back %1 papers.")
                                   .arg(submitted->notSent));
    return CommandContext::Ok;
}

int batchCommand(CommandContext &context, const QStringList &args, const QCommandLineParser &)
{
    const QString sub = args.value(0);
    if (!((sub == u"status" || sub == u"collect") && args.size() == 1) &&
        !(sub == u"cancel" && args.size() == 2))
        return context.usageError(QCoreApplication::translate(
            "Lectern::Cli", "usage: lectern batch status | batch collect | batch cancel ID"));
    // The settings' problems are told before the provider is asked.
    PaperStore *store = context.openProfileStore();
    if (!store)
        return CommandContext::Failure;
    ProviderBatchStore batches(store->database());
    if (sub == u"cancel")
        return cancelBatch(context, batches, args.at(1));
    auto waiting = batches.waiting();
    if (!waiting)
        return context.failure(waiting.error());
    if (waiting->isEmpty()) {
        context.out() << "No provider batches are waiting.\n";
        return CommandContext::Ok;
    }
    return pollBatches(context, *waiting, sub == u"collect");
}

} // namespace Lectern
