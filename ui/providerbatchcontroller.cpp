// SPDX-License-Identifier: GPL-3.0-or-later
#include "providerbatchcontroller.h"

#include "actionicon.h"
#include "config/settings.h"
#include "jobcontroller.h"
#include "keyringstore.h"
#include "providerbatchesdialog.h"
#include "scoring/llmproviders.h"
#include "scoring/providerbatchjob.h"
#include "store/paperstore.h"
#include "store/providerbatchstore.h"

#include <QAction>
#include <QIcon>
#include <QWidget>

namespace Lectern {

ProviderBatchController::ProviderBatchController(
    const Profile &profile, Settings &settings, JobController *jobs, QWidget *window)
    : QObject(window)
    , m_profile(profile)
    , m_settings(settings)
    , m_jobs(jobs)
    , m_window(window)
    , m_submit(new QAction(
          ActionIcon::named(QStringLiteral("mail-send")), tr("Score as Provider &Batch (half price)"), this))
    , m_list(new QAction(tr("Provider Ba&tches…"), this))
{
    setObjectName(QStringLiteral("providerBatchController"));
    m_submit->setObjectName(QStringLiteral("actionScoreBatch"));
    m_list->setObjectName(QStringLiteral("actionProviderBatches"));
    connect(m_list, &QAction::triggered, this, &ProviderBatchController::showBatches);
    updateAvailability();
}

ProviderBatchController::~ProviderBatchController() = default;

ProviderBatchesDialog *ProviderBatchController::dialog() const
{
    return m_dialog;
}

void ProviderBatchController::updateAvailability()
{
    const QString provider = m_settings.string(Keys::ScoringProvider);
    const bool batchApi = provider == u"openai" || provider == u"anthropic";
    int waiting = 0;
    if (auto store = PaperStore::open(m_profile.store())) {
        if (auto found = ProviderBatchStore(store.value()->database()).waiting())
            waiting = int(found->size());
    }
    QString why;
    if (provider == u"builtin")
        why = tr("The built-in scorer is free and scores at once: it has no batch API. Provider batches need "
                 "OpenAI or Anthropic as the scorer (Preferences ▸ Scoring).");
    else if (!batchApi)
        why = tr("A local server has no batch API. Provider batches need OpenAI or Anthropic as the scorer "
                 "(Preferences ▸ Scoring).");
    m_submit->setEnabled(batchApi);
    m_submit->setToolTip(batchApi
            ? tr("Submit the shown day's papers as one %1 batch: half the price, results "
                 "within 24 hours (Provider Batches… collects them)")
                  .arg(provider == u"openai" ? QStringLiteral("OpenAI") : QStringLiteral("Anthropic"))
            : why);
    m_list->setEnabled(batchApi || waiting > 0);
    m_list->setToolTip(
        batchApi || waiting > 0 ? tr("The provider batches waiting for collection (%1)").arg(waiting) : why);
    if (m_dialog)
        m_dialog->refresh();
}

void ProviderBatchController::withKey(const QString &provider, std::function<void(const QString &key)> then)
{
    if (!KeyringStore::isAvailable()) {
        then(QString()); // the environment, through ApiKeySource
        return;
    }
    // Read here, on the GUI thread, and handed to the job.
    auto *keyring = new KeyringStore(this);
    keyring->readKey(provider, [keyring, then = std::move(then)](const QString &key, const QString &) {
        keyring->deleteLater();
        then(key);
    });
}

void ProviderBatchController::submitDay(const QDate &day)
{
    const QString name = tr("Provider batch of %1").arg(day.toString(Qt::ISODate));
    const auto retry = [this, day] { submitDay(day); };
    if (!day.isValid()) {
        m_jobs->fail(name, tr("Nothing to score yet: fetch today's papers first."), retry);
        return;
    }
    const QString provider = m_settings.string(Keys::ScoringProvider);
    withKey(provider, [this, day, name, retry](const QString &key) {
        auto config = llmConfigFromSettings(m_settings, ApiKeySource([key](LlmKind) { return key; }));
        if (!config) {
            m_jobs->fail(name, config.error(), retry);
            return;
        }
        auto request = ScoringRequest::fromProfile(m_settings, m_profile, day);
        if (!request) {
            m_jobs->fail(name, request.error(), retry);
            return;
        }
        launch(new ProviderBatchJob(
                   ProviderBatchJob::Action::Submit, std::move(request).value(), std::move(config).value()),
            name, tr("Submitting %1 as a provider batch…").arg(day.toString(Qt::ISODate)), retry);
    });
}

void ProviderBatchController::check(const QString &batchId, bool collect)
{
    const QString name =
        collect ? tr("Collecting batch %1").arg(batchId) : tr("Checking batch %1").arg(batchId);
    const auto retry = [this, batchId, collect] { check(batchId, collect); };
    std::optional<ProviderBatch> batch;
    if (auto store = PaperStore::open(m_profile.store())) {
        if (auto found = ProviderBatchStore(store.value()->database()).find(batchId))
            batch = *found;
    }
    if (!batch) {
        m_jobs->fail(name, tr("No provider batch \"%1\" is recorded in this profile.").arg(batchId), retry);
        return;
    }
    const std::optional<LlmKind> kind = parseLlmKind(batch->provider);
    if (!kind) {
        m_jobs->fail(
            name, tr("Batch %1 names an unknown provider \"%2\".").arg(batchId, batch->provider), retry);
        return;
    }
    const QDate day = batch->day;
    withKey(batch->provider, [this, batchId, collect, kind, day, name, retry](const QString &key) {
        auto config = llmConfigFromSettings(m_settings, ApiKeySource([key](LlmKind) { return key; }), *kind);
        auto request = ScoringRequest::fromProfile(m_settings, m_profile, day);
        if (!config || !request) {
            m_jobs->fail(name, !config ? config.error() : request.error(), retry);
            return;
        }
        launch(new ProviderBatchJob(
                   collect ? ProviderBatchJob::Action::Collect : ProviderBatchJob::Action::Check,
                   std::move(request).value(), std::move(config).value(), batchId),
            name,
            collect ? tr("Collecting batch %1…").arg(batchId) : tr("Asking about batch %1…").arg(batchId),
            retry);
    });
}

void ProviderBatchController::cancelBatch(const QString &batchId)
{
    const QString name = tr("Cancelling batch %1").arg(batchId);
    const auto retry = [this, batchId] { cancelBatch(batchId); };
    std::optional<ProviderBatch> batch;
    if (auto store = PaperStore::open(m_profile.store())) {
        if (auto found = ProviderBatchStore(store.value()->database()).find(batchId))
            batch = *found;
    }
    const std::optional<LlmKind> kind = batch ? parseLlmKind(batch->provider) : std::nullopt;
    if (!batch || !kind) {
        m_jobs->fail(name, tr("No provider batch \"%1\" is recorded in this profile.").arg(batchId), retry);
        return;
    }
    const QDate day = batch->day;
    withKey(batch->provider, [this, batchId, kind, day, name, retry](const QString &key) {
        auto config = llmConfigFromSettings(m_settings, ApiKeySource([key](LlmKind) { return key; }), *kind);
        auto request = ScoringRequest::fromProfile(m_settings, m_profile, day);
        if (!config || !request) {
            m_jobs->fail(name, !config ? config.error() : request.error(), retry);
            return;
        }
        launch(new ProviderBatchJob(ProviderBatchJob::Action::Cancel, std::move(request).value(),
                   std::move(config).value(), batchId),
            name, tr("Asking the provider to cancel batch %1…").arg(batchId), retry);
    });
}

void ProviderBatchController::showBatches()
{
    if (!m_dialog) {
        m_dialog = new ProviderBatchesDialog(m_profile.store(), m_window);
        m_dialog->setAttribute(Qt::WA_DeleteOnClose);
        connect(m_dialog, &ProviderBatchesDialog::checkRequested, this,
            [this](const QString &id) { check(id, false); });
        connect(m_dialog, &ProviderBatchesDialog::collectRequested, this,
            [this](const QString &id) { check(id, true); });
        connect(
            m_dialog, &ProviderBatchesDialog::cancelRequested, this, &ProviderBatchController::cancelBatch);
    }
    m_dialog->refresh();
    m_dialog->show();
    m_dialog->raise();
    m_dialog->activateWindow();
}

void ProviderBatchController::jobStarted()
{
    m_submit->setEnabled(false);
    if (m_dialog)
        m_dialog->setBusy(true);
}

void ProviderBatchController::launch(
    ProviderBatchJob *job, const QString &name, const QString &message, std::function<void()> retry)
{
    m_jobs->start(job, name, message, std::move(retry));
}

void ProviderBatchController::jobEnded(const JobOutcome &outcome)
{
    updateAvailability();
    if (!m_dialog)
        return;
    m_dialog->setBusy(false);
    // Only a provider-batch job's outcome carries lines for the list; a fetch or scoring run's does not.
    if (outcome.result.metaType() != QMetaType::fromType<ProviderBatchResult>())
        return;
    const auto result = outcome.resultAs<ProviderBatchResult>();
    if (!result.lines.isEmpty())
        m_dialog->showLines(result.lines);
    if (!result.batchId.isEmpty())
        m_dialog->selectBatch(result.batchId);
}

} // namespace Lectern
