// SPDX-License-Identifier: GPL-3.0-or-later
#include "settingsdialog.h"

#include "categorypicker.h"
#include "config/settings.h"
#include "connectiontester.h"
#include "delivery/deliveryjob.h"
#include "deliverytester.h"
#include "keyringstore.h"
#include "pricetableeditor.h"
#include "scoring/apikeysource.h"
#include "scoring/llmproviders.h"
#include "store/storepasswords.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDoubleSpinBox>
#include <QFileInfo>
#include <QFormLayout>
#include <QGroupBox>
#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QScrollArea>
#include <QSpinBox>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QVBoxLayout>

namespace Lectern {

namespace {

// Which tab a setting lives on, by its key's group.
QString tabFor(const QString &key)
{
    const QString group = key.section(u'/', 0, 0);
    if (group == u"arxiv")
        return QObject::tr("arXiv");
    if (group == u"topics")
        return QObject::tr("Topics");
    if (group == u"digest" || group == u"ui")
        return QObject::tr("Reading");
    if (group == u"store")
        return QObject::tr("Store");
    if (group == u"delivery")
        return QObject::tr("Delivery");
    return QObject::tr("Scoring");
}

// The LLM providers whose settings (key group) get a box of their own, in the provider choice's order.
const QStringList &providerGroups()
{
    static const QStringList groups {
        QStringLiteral("openai"), QStringLiteral("anthropic"), QStringLiteral("local")};
    return groups;
}

} // namespace

QString SettingsDialog::groupTitle(const QString &provider)
{
    if (provider == u"openai")
        return tr("OpenAI");
    if (provider == u"anthropic")
        return tr("Anthropic");
    return tr("Local server (OpenAI-compatible)");
}

QString SettingsDialog::labelFor(const QString &key)
{
    // Keys are for the file and the CLI; people read these. Provider fields sit in their provider's box,
    // so "Base URL" and "Model" need not repeat its name.
    static const QHash<QString, const char *> labels {
        {QString(Keys::ArxivCategories), QT_TR_NOOP("Categories:")},
        {QString(Keys::ArxivAnnounceTypes), QT_TR_NOOP("Announcement types:")},
        {QString(Keys::ArxivRssBase), QT_TR_NOOP("RSS feed address:")},
        {QString(Keys::ArxivApiBase), QT_TR_NOOP("API address:")},
        {QString(Keys::ArxivOaiBase), QT_TR_NOOP("OAI-PMH address:")},
        {QString(Keys::ArxivContact), QT_TR_NOOP("Contact e-mail:")},
        {QString(Keys::ArxivMinIntervalMs), QT_TR_NOOP("Pause between requests (ms):")},
        {QString(Keys::ArxivRetryBaseMs), QT_TR_NOOP("First retry after (ms):")},
        {QString(Keys::ScoringProvider), QT_TR_NOOP("Scorer:")},
        {QString(Keys::ScoringMode), QT_TR_NOOP("Scoring mode:")},
        {QString(Keys::ScoringHybridRecall), QT_TR_NOOP("Hybrid: recall the gate aims at:")},
        {QString(Keys::ScoringHybridMaxShare), QT_TR_NOOP("Hybrid: most of the day to the LLM (%):")},
        {QString(Keys::ScoringHybridSample), QT_TR_NOOP("Hybrid: random sample of the rest (%):")},
        {QString(Keys::ScoringRelevanceThreshold), QT_TR_NOOP("Digest: minimum relevance:")},
        {QString(Keys::ScoringNoveltyThreshold), QT_TR_NOOP("Digest: minimum novelty:")},
        {QString(Keys::ScoringBatchSize), QT_TR_NOOP("Papers per request:")},
        {QString(Keys::ScoringParallel), QT_TR_NOOP("Requests at once:")},
        {QString(Keys::ScoringDailyBudget), QT_TR_NOOP("Daily budget (USD):")},
        {QString(Keys::ScoringReasoningEffort), QT_TR_NOOP("Reasoning effort:")},
        {QString(Keys::ScoringStructuredOutput), QT_TR_NOOP("Structured output:")},
        {QString(Keys::ScoringMinHIndex), QT_TR_NOOP("Minimum author h-index:")},
        {QString(Keys::ScoringTitleFilter), QT_TR_NOOP("Title pre-filter:")},
        {QString(Keys::ScoringTitleBatchSize), QT_TR_NOOP("Titles per request:")},
        {QString(Keys::ScoringExamples), QT_TR_NOOP("Prompt examples:")},
        {QString(Keys::ScoringExampleCount), QT_TR_NOOP("Examples of each kind:")},
        {QString(Keys::TopicsFollowedAuthors), QT_TR_NOOP("Followed authors:")},
        {QString(Keys::OpenAiBase), QT_TR_NOOP("Base URL:")},
        {QString(Keys::OpenAiModel), QT_TR_NOOP("Model:")},
        {QString(Keys::AnthropicBase), QT_TR_NOOP("Base URL:")},
        {QString(Keys::AnthropicModel), QT_TR_NOOP("Model:")},
        {QString(Keys::LocalBase), QT_TR_NOOP("Base URL:")},
        {QString(Keys::LocalModel), QT_TR_NOOP("Model:")},
        {QString(Keys::SemanticScholarBase), QT_TR_NOOP("Semantic Scholar address:")},
        {QString(Keys::DigestPageSize), QT_TR_NOOP("PDF page size:")},
        {QString(Keys::DigestAuthor), QT_TR_NOOP("Author in exports:")},
        {QString(Keys::UiMarkReadAfterMs), QT_TR_NOOP("Mark read after (ms):")},
        {QString(Keys::UiAutoRunAtStart), QT_TR_NOOP("At start-up:")},
        {QString(Keys::UiNotify), QT_TR_NOOP("Notifications:")},
        {QString(Keys::StoreBackend), QT_TR_NOOP("Backend:")},
        {QString(Keys::StoreHost), QT_TR_NOOP("Server host:")},
        {QString(Keys::StorePort), QT_TR_NOOP("Port:")},
        {QString(Keys::StoreDatabase), QT_TR_NOOP("Database:")},
        {QString(Keys::StoreUser), QT_TR_NOOP("User:")},
        {QString(Keys::StoreSslMode), QT_TR_NOOP("TLS mode:")},
        {QString(Keys::DeliveryKeyFile), QT_TR_NOOP("Key file:")},
        {QString(Keys::DeliveryEmailTo), QT_TR_NOOP("E-mail: to:")},
        {QString(Keys::DeliveryEmailFrom), QT_TR_NOOP("E-mail: from:")},
        {QString(Keys::DeliveryEmailServer), QT_TR_NOOP("E-mail: SMTP server:")},
        {QString(Keys::DeliveryEmailUser), QT_TR_NOOP("E-mail: SMTP user:")},
        {QString(Keys::DeliveryEmailRequireTls), QT_TR_NOOP("E-mail: TLS:")},
        {QString(Keys::DeliveryEmailCaFile), QT_TR_NOOP("E-mail: CA file:")},
        {QString(Keys::DeliveryMatrixHomeserver), QT_TR_NOOP("Matrix: homeserver:")},
        {QString(Keys::DeliveryMatrixRoom), QT_TR_NOOP("Matrix: room:")},
    };
    if (const char *label = labels.value(key))
        return tr(label);
    // Each delivery channel's five settings: "Slack: minimum relevance:".
    static const QHash<QString, const char *> channels {{QStringLiteral("email"), QT_TR_NOOP("E-mail")},
        {QStringLiteral("slack"), QT_TR_NOOP("Slack")}, {QStringLiteral("matrix"), QT_TR_NOOP("Matrix")},
        {QStringLiteral("webhook"), QT_TR_NOOP("JSON webhook")}};
    static const QHash<QString, const char *> fields {
        {QStringLiteral("enabled"), QT_TR_NOOP("%1: after each run:")},
        {QStringLiteral("minRelevance"), QT_TR_NOOP("%1: minimum relevance (0: the digest's):")},
        {QStringLiteral("minNovelty"), QT_TR_NOOP("%1: minimum novelty (0: the digest's):")},
        {QStringLiteral("maxPapers"), QT_TR_NOOP("%1: most papers (0: all):")},
        {QStringLiteral("onlyWhenNew"), QT_TR_NOOP("%1: days without papers:")}};
    const QStringList parts = key.split(u'/');
    if (parts.size() == 3 && parts.at(0) == u"delivery" && channels.contains(parts.at(1)) &&
        fields.contains(parts.at(2)))
        return tr(fields.value(parts.at(2))).arg(tr(channels.value(parts.at(1))));
    return QString();
}

QString SettingsDialog::choiceLabel(const QString &key, const QString &value)
{
    // The stored value stays the item's data; the user reads words (the Xvfb session showed "openai",
    // "llm" and "minimal").
    if (key == Keys::ScoringProvider) {
        if (value == u"builtin")
            return tr("Built-in scorer (no key needed)");
        if (value == u"openai")
            return tr("OpenAI");
        if (value == u"anthropic")
            return tr("Anthropic");
        if (value == u"local")
            return tr("Local server (OpenAI-compatible)");
    } else if (key == Keys::ScoringMode) {
        if (value == u"llm")
            return tr("The language model scores every paper");
        if (value == u"hybrid")
            return tr("Hybrid: the built-in ranks, the language model checks");
        if (value == u"builtin")
            return tr("The built-in scorer scores every paper");
    } else if (key == Keys::ScoringReasoningEffort) {
        if (value == u"minimal")
            return tr("Minimal");
        if (value == u"low")
            return tr("Low");
        if (value == u"medium")
            return tr("Medium");
        if (value == u"high")
            return tr("High");
    } else if (key == Keys::StoreBackend) {
        if (value == u"sqlite")
            return tr("A file on this computer (SQLite)");
        if (value == u"postgres")
            return tr("A PostgreSQL server (a lab's)");
    } else if (key == Keys::StoreSslMode && value.isEmpty()) {
        return tr("Default (PGSSLMODE, or prefer)");
    }
    return value;
}

QString SettingsDialog::checkTextFor(const QString &key)
{
    if (key == Keys::ScoringStructuredOutput)
        return tr("Ask for schema-constrained JSON (off for servers without it)");
    if (key == Keys::ScoringTitleFilter)
        return tr("Drop clearly off-topic titles before scoring abstracts");
    if (key == Keys::ScoringExamples)
        return tr("Add recently starred and dismissed titles to the prompt");
    if (key == Keys::UiAutoRunAtStart)
        return tr("Fetch and score when today's run is missing");
    if (key == Keys::UiNotify)
        return tr("Notify when a background run finishes");
    if (key == Keys::DeliveryEmailRequireTls)
        return tr("Require TLS (off only for a server on this computer)");
    if (key.startsWith(u"delivery/") && key.endsWith(u"/enabled"))
        return tr("Send the digest after each run");
    if (key.startsWith(u"delivery/") && key.endsWith(u"/onlyWhenNew"))
        return tr("Send nothing when no paper is over the thresholds");
    return {};
}

SettingsDialog::SettingsDialog(Settings &settings, QWidget *parent)
    : QDialog(parent)
    , m_settings(settings)
    , m_keyring(new KeyringStore(this))
    , m_tabs(new QTabWidget(this))
    , m_error(new QLabel(this))
{
    m_tabs->setAccessibleName(tr("Settings sections"));
    setObjectName(QStringLiteral("settingsDialog"));
    setWindowTitle(tr("Lectern Settings"));
    m_error->setObjectName(QStringLiteral("settingsError"));
    m_error->setStyleSheet(QStringLiteral("color: #b00020"));
    m_error->setWordWrap(true);
    m_error->setTextFormat(Qt::PlainText);
    m_error->hide();

    QHash<QString, QFormLayout *> forms;
    QHash<QString, QVBoxLayout *> pages;
    auto formFor = [&](const QString &tab) {
        if (!forms.contains(tab)) {
            // Scrolled, so that a long tab (Scoring) never squeezes its rows or the connection result.
            auto *scroll = new QScrollArea(m_tabs);
            scroll->setWidgetResizable(true);
            scroll->setFrameShape(QFrame::NoFrame);
            scroll->setFocusPolicy(Qt::NoFocus); // Tab goes from the tab bar to the first field
            auto *page = new QWidget(scroll);
            auto *column = new QVBoxLayout(page);
            auto *form = new QFormLayout;
            // A label too long beside its field goes above it (German labels run longer than English).
            form->setRowWrapPolicy(QFormLayout::WrapLongRows);
            column->addLayout(form);
            scroll->setWidget(page);
            m_tabs->addTab(scroll, tab);
            forms.insert(tab, form);
            pages.insert(tab, column);
        }
        return forms.value(tab);
    };
    // Fixed tab order, whatever the registry order.
    for (const QString &tab :
        {tr("arXiv"), tr("Scoring"), tr("Topics"), tr("Reading"), tr("Store"), tr("Delivery")})
        formFor(tab);
    QHash<QString, QFormLayout *> providerForms;
    for (const QString &provider : providerGroups()) {
        auto *box = new QGroupBox(groupTitle(provider), this);
        box->setObjectName(provider + QStringLiteral("Group"));
        auto *form = new QFormLayout(box);
        form->setRowWrapPolicy(QFormLayout::WrapLongRows);
        providerForms.insert(provider, form);
        pages.value(tr("Scoring"))->addWidget(box);
        m_providerBoxes.insert(provider, box);
    }

    // Delivery: one box per channel, its address, thresholds and switch together.
    QHash<QString, QFormLayout *> channelForms;
    const std::pair<QString, QString> channels[] = {{QStringLiteral("email"), tr("E-mail")},
        {QStringLiteral("slack"), tr("Slack")}, {QStringLiteral("matrix"), tr("Matrix")},
        {QStringLiteral("webhook"), tr("JSON webhook")}};
    for (const auto &[channel, title] : channels) {
        auto *box = new QGroupBox(title, this);
        box->setObjectName(QStringLiteral("delivery_") + channel);
        auto *form = new QFormLayout(box);
        // A label too long beside its field goes above it: the channel's labels name it, and the widest
        // one ("JSON webhook: minimum relevance (0: the digest's):") made the page scroll sideways.
        form->setRowWrapPolicy(QFormLayout::WrapLongRows);
        channelForms.insert(channel, form);
        pages.value(tr("Delivery"))->addWidget(box);
    }

    for (const SettingSpec &spec : Settings::registry()) {
        if (isInternal(spec.key))
            continue;
        const QString group = spec.key.section(u'/', 0, 0);
        QFormLayout *form = providerForms.value(group, nullptr);
        if (!form && group == u"delivery") // delivery/keyFile belongs to no channel: the tab's own form
            form = channelForms.value(spec.key.section(u'/', 1, 1), nullptr);
        if (!form)
            form = formFor(tabFor(spec.key));
        if (spec.key == Keys::ArxivCategories) {
            auto *holder = new QWidget(this);
            buildCategoryPicker(holder);
            form->addRow(labelFor(spec.key), holder);
            continue;
        }
        QWidget *editor = makeEditor(spec);
        editor->setObjectName(spec.key);
        editor->setToolTip(spec.displayDescription());
        m_editors.insert(spec.key, editor);
        form->addRow(labelFor(spec.key), editor);
    }
    if (auto *provider = qobject_cast<QComboBox *>(m_editors.value(QString(Keys::ScoringProvider))))
        connect(provider, &QComboBox::currentIndexChanged, this, &SettingsDialog::enableProviderFields);
    enableProviderFields();
    // No password field: the password goes to the system keyring (Password…) or libpq's password file.
    auto *storeNote = new QLabel(
        tr("The PostgreSQL password is never kept in Lectern's settings: Password… puts it in the system "
           "keyring, or the server's client library reads it from ~/.pgpass (or the file PGPASSFILE names). "
           "Empty fields and port 0 leave the value to PGHOST, PGPORT, PGDATABASE, PGUSER, PGSERVICE and "
           "PGSSLMODE. A changed store is opened at the next start."),
        this);
    storeNote->setObjectName(QStringLiteral("storeNote"));
    storeNote->setWordWrap(true);
    m_storePassword = new QPushButton(tr("Password…"), this);
    m_storePassword->setObjectName(QStringLiteral("storePasswordButton"));
    m_storePassword->setToolTip(tr("Store the server's password in the system keyring"));
    connect(m_storePassword, &QPushButton::clicked, this, &SettingsDialog::askStorePassword);
    m_storePasswordNote = new QLabel(this);
    m_storePasswordNote->setObjectName(QStringLiteral("storePasswordNote"));
    m_storePasswordNote->setWordWrap(true);
    m_storePasswordNote->setTextFormat(Qt::PlainText); // may show the keyring's own error
    if (!KeyringStore::isAvailable())
        m_storePasswordNote->setText(tr("No system keyring is available on this desktop: put the password in "
                                        "~/.pgpass (host:port:database:user:password, chmod 600)."));
    formFor(tr("Store"))->addRow(tr("Password:"), m_storePassword);
    formFor(tr("Store"))->addRow(QString(), m_storePasswordNote);
    formFor(tr("Store"))->addRow(QString(), storeNote);
    if (auto *backend = qobject_cast<QComboBox *>(m_editors.value(QString(Keys::StoreBackend))))
        connect(backend, &QComboBox::currentIndexChanged, this, &SettingsDialog::enableStoreFields);
    enableStoreFields();

    // Delivery: each channel's secret goes to the system keyring, never to the settings file.
    const bool keyring = KeyringStore::isAvailable();
    const std::tuple<DeliverySecrets::Secret, QString, QString> secrets[] = {
        {DeliverySecrets::Secret::SmtpPassword, QStringLiteral("email"), tr("SMTP password:")},
        {DeliverySecrets::Secret::SlackWebhookUrl, QStringLiteral("slack"), tr("Webhook URL:")},
        {DeliverySecrets::Secret::MatrixToken, QStringLiteral("matrix"), tr("Access token:")},
        {DeliverySecrets::Secret::WebhookUrl, QStringLiteral("webhook"), tr("Webhook URL:")}};
    for (const auto &[secret, channel, label] : secrets) {
        auto *edit = new QLineEdit(this);
        edit->setObjectName(QStringLiteral("deliverySecret_") + DeliverySecrets::keyName(secret));
        edit->setEchoMode(QLineEdit::Password);
        edit->setEnabled(keyring);
        edit->setPlaceholderText(keyring
                ? tr("kept in the system keyring; leave empty to keep the stored one")
                : tr("no system keyring: use the key file or the environment"));
        channelForms.value(channel)->addRow(label, edit);
        m_deliverySecrets.append({secret, edit});
    }
    // The secrets stay out of the settings; a test sends the latest day now.
    auto *deliveryNote = new QLabel(
        tr("Passwords, tokens and webhook addresses are never kept in Lectern's settings: enter them above "
           "(they go to the system keyring), or put them in the key file (smtp-password, matrix-token, "
           "slack-webhook-url, webhook-url; readable by you only) or in the environment "
           "(LECTERN_SMTP_PASSWORD, LECTERN_MATRIX_TOKEN, LECTERN_SLACK_WEBHOOK_URL, LECTERN_WEBHOOK_URL), "
           "which come first. The command line (lectern run, lectern deliver) sends the digest after each "
           "run."),
        this);
    deliveryNote->setObjectName(QStringLiteral("deliveryNote"));
    deliveryNote->setWordWrap(true);
    formFor(tr("Delivery"))->addRow(QString(), deliveryNote);
    m_deliveryTester = new DeliveryTester(this);
    connect(m_deliveryTester, &DeliveryTester::testRequested, this, &SettingsDialog::sendDeliveryTest);
    formFor(tr("Delivery"))->addRow(tr("Test:"), m_deliveryTester);

    // The API key: keyring only.
    // Below the provider boxes: the key and the test apply to the provider chosen above.
    auto *scoring = new QFormLayout;
    pages.value(tr("Scoring"))->addLayout(scoring);
    m_apiKey = new QLineEdit(this);
    m_apiKey->setObjectName(QStringLiteral("apiKey"));
    m_apiKey->setEchoMode(QLineEdit::Password);
    m_apiKey->setPlaceholderText(tr("kept in the system keyring; leave empty to keep the stored key"));
    connect(m_apiKey, &QLineEdit::textEdited, this, [this] { m_apiKeyEdited = true; });
    m_keyringNote = new QLabel(this);
    m_keyringNote->setObjectName(QStringLiteral("keyringNote"));
    m_keyringNote->setWordWrap(true);
    m_keyringNote->setTextFormat(Qt::PlainText); // may show the keyring's own error
    if (!KeyringStore::isAvailable()) {
        m_keyringNote->setText(
            tr("No system keyring is available on this desktop, so an API key cannot be stored "
               "here. Set OPENAI_API_KEY, ANTHROPIC_API_KEY or LECTERN_API_KEY in the environment "
               "instead. The built-in scorer needs no key."));
        m_apiKey->setEnabled(false);
    } else {
        m_keyringNote->setText(tr("The key is stored in the system keyring, never in Lectern's files."));
    }
    scoring->addRow(tr("API key:"), m_apiKey);
    scoring->addRow(QString(), m_keyringNote);
    m_tester = new ConnectionTester(this);
    connect(m_tester, &ConnectionTester::testRequested, this, &SettingsDialog::testConnection);
    scoring->addRow(tr("Connection:"), m_tester);
    for (QVBoxLayout *column : std::as_const(pages))
        column->addStretch(1);

    m_prices = new PriceTableEditor(
        QFileInfo(m_settings.fileName()).absolutePath() + QStringLiteral("/prices.json"), m_tabs);
    m_tabs->addTab(m_prices, tr("Prices"));

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    connect(buttons, &QDialogButtonBox::accepted, this, &SettingsDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &SettingsDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_tabs);
    layout->addWidget(m_error);
    layout->addWidget(buttons);
    resize(720, 560);
}

void SettingsDialog::buildCategoryPicker(QWidget *page)
{
    auto *picker = new CategoryPicker(m_settings.stringList(Keys::ArxivCategories), page);
    m_categoryFilter = picker->filter();
    m_categories = picker->list();
    m_picker = picker;
    auto *layout = new QVBoxLayout(page);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(picker);
}

QWidget *SettingsDialog::makeEditor(const SettingSpec &spec)
{
    const QVariant value = m_settings.value(spec.key);
    switch (spec.type) {
    case SettingType::Int: {
        auto *spin = new QSpinBox(this);
        spin->setRange(spec.minimum != spec.maximum ? int(spec.minimum) : -1000000000,
            spec.minimum != spec.maximum ? int(spec.maximum) : 1000000000);
        spin->setValue(value.toInt());
        return spin;
    }
    case SettingType::Double: {
        auto *spin = new QDoubleSpinBox(this);
        spin->setDecimals(2);
        spin->setRange(spec.minimum != spec.maximum ? spec.minimum : -1e9,
            spec.minimum != spec.maximum ? spec.maximum : 1e9);
        spin->setValue(value.toDouble());
        return spin;
    }
    case SettingType::Bool: {
        auto *box = new QCheckBox(checkTextFor(spec.key), this);
        box->setChecked(value.toBool());
        return box;
    }
    case SettingType::Choice: {
        auto *combo = new QComboBox(this);
        for (const QString &choice : spec.choices)
            combo->addItem(choiceLabel(spec.key, choice), choice);
        combo->setCurrentIndex(std::max(0, combo->findData(value.toString())));
        return combo;
    }
    case SettingType::String:
    case SettingType::StringList:
    case SettingType::Url: {
        auto *edit = new QLineEdit(Settings::format(spec, value), this);
        edit->setPlaceholderText(spec.displayDescription());
        return edit;
    }
    }
    return new QWidget(this);
}

QString SettingsDialog::editorText(const SettingSpec &spec) const
{
    QWidget *w = m_editors.value(spec.key);
    if (auto *spin = qobject_cast<QSpinBox *>(w))
        return QString::number(spin->value());
    if (auto *dspin = qobject_cast<QDoubleSpinBox *>(w))
        return QString::number(dspin->value(), 'f', 2);
    if (auto *box = qobject_cast<QCheckBox *>(w))
        return box->isChecked() ? QStringLiteral("true") : QStringLiteral("false");
    if (auto *combo = qobject_cast<QComboBox *>(w))
        return combo->currentData().toString();
    if (auto *edit = qobject_cast<QLineEdit *>(w))
        return edit->text();
    return {};
}

bool SettingsDialog::isInternal(const QString &key)
{
    // Lectern's own bookkeeping, not preferences: the first-run assistant and the export dialog set them.
    return key == Keys::UiFirstRunDone || key == Keys::UiExportFolder;
}

void SettingsDialog::enableStoreFields()
{
    const bool postgres = editorText(*Settings::find(Keys::StoreBackend)) == u"postgres";
    for (auto it = m_editors.cbegin(); it != m_editors.cend(); ++it) {
        if (it.key().startsWith(u"store/") && it.key() != Keys::StoreBackend)
            it.value()->setEnabled(postgres);
    }
    m_storePassword->setEnabled(postgres && KeyringStore::isAvailable());
}

StoreLocation SettingsDialog::editedStoreLocation() const
{
    auto value = [this](QLatin1StringView key) { return editorText(*Settings::find(key)); };
    return StoreLocation::postgres(value(Keys::StoreHost), value(Keys::StorePort).toInt(),
        value(Keys::StoreDatabase), value(Keys::StoreUser), value(Keys::StoreSslMode));
}

void SettingsDialog::askStorePassword()
{
    const StoreLocation location = editedStoreLocation();
    bool ok = false;
    const QString password = QInputDialog::getText(this, tr("PostgreSQL Password"),
        tr("Password for %1 (kept in the system keyring; empty removes it):").arg(location.toString()),
        QLineEdit::Password, QString(), &ok);
    if (!ok)
        return;
    // This process's next connections use it at once; the keyring keeps it for the next start.
    StorePasswords::set(location, password);
    m_keyring->writeStorePassword(location, password, [this, location, password](const QString &error) {
        if (!error.isEmpty())
            m_storePasswordNote->setText(error);
        else if (password.isEmpty())
            m_storePasswordNote->setText(tr("No password kept for %1.").arg(location.toString()));
        else
            m_storePasswordNote->setText(
                tr("The password for %1 is in the system keyring.").arg(location.toString()));
    });
}

void SettingsDialog::enableProviderFields()
{
    const QString provider = currentProvider();
    for (auto it = m_providerBoxes.cbegin(); it != m_providerBoxes.cend(); ++it)
        it.value()->setEnabled(it.key() == provider);
}

QString SettingsDialog::currentProvider() const
{
    auto *combo = qobject_cast<QComboBox *>(m_editors.value(QString(Keys::ScoringProvider)));
    return combo ? combo->currentData().toString() : m_settings.string(Keys::ScoringProvider);
}

void SettingsDialog::testConnection()
{
    const QString provider = currentProvider();
    const std::optional<LlmKind> kind = parseLlmKind(provider);
    if (!kind) {
        m_tester->showProblem(
            tr("The built-in scorer runs on this computer: there is nothing to connect to."));
        return;
    }
    // The values as edited, not as saved: testing comes before OK.
    const QString group = llmKindName(*kind);
    LlmConfig config;
    config.kind = *kind;
    config.baseUrl = QUrl(editorText(*Settings::find(group + QStringLiteral("/baseUrl"))).trimmed());
    config.model = editorText(*Settings::find(group + QStringLiteral("/model"))).trimmed();
    config.structuredOutput = editorText(*Settings::find(Keys::ScoringStructuredOutput)) == u"true";
    config.reasoningEffort = effectiveReasoningEffort(
        config.kind, config.model, editorText(*Settings::find(Keys::ScoringReasoningEffort)));
    auto startWith = [this, config](const QString &keyringKey) mutable {
        const ApiKeySource keys([keyringKey](LlmKind) { return keyringKey; });
        const ApiKeySource::Key key = keys.find(config.kind);
        if (!key.problem.isEmpty()) {
            m_tester->showProblem(key.problem);
            return;
        }
        config.apiKey = key.value;
        if (config.apiKey.isEmpty() && config.kind != LlmKind::Local) {
            m_tester->showProblem(tr("No API key for %1: enter one above or set %2 in the environment.")
                                      .arg(llmKindLabel(config.kind),
                                          ApiKeySource::environmentVariables(config.kind).join(tr(" or "))));
            return;
        }
        m_tester->start(config);
    };
    if (m_apiKeyEdited && !m_apiKey->text().isEmpty()) {
        startWith(m_apiKey->text());
        return;
    }
    if (!KeyringStore::isAvailable()) {
        startWith(QString());
        return;
    }
    m_tester->button()->setEnabled(false);
    m_keyring->readKey(provider, [this, startWith](const QString &key, const QString &) mutable {
        m_tester->button()->setEnabled(true);
        startWith(key);
    });
}

void SettingsDialog::sendDeliveryTest()
{
    if (m_store.isEmpty()) {
        m_deliveryTester->showProblem(tr("No database is open to take a day from."));
        return;
    }
    // The values as edited, read through a scratch copy of the settings: testing comes before OK.
    QTemporaryDir scratch;
    Settings edited(scratch.filePath(QStringLiteral("lectern.ini")));
    for (const SettingSpec &spec : Settings::registry()) {
        if (!spec.key.startsWith(u"delivery/") && spec.key != Keys::ScoringRelevanceThreshold &&
            spec.key != Keys::ScoringNoveltyThreshold && spec.key != Keys::TopicsFollowedAuthors)
            continue;
        if (auto set = edited.setText(spec.key, editorText(spec)); !set) {
            m_deliveryTester->showProblem(set.error());
            return;
        }
    }
    DeliveryRequest request = DeliveryRequest::fromSettings(edited, m_store);
    if (edited.string(Keys::DeliveryKeyFile).trimmed().isEmpty())
        request.keyFile = DeliveryRequest::keyFileFor(m_settings);
    // The secrets as edited here, before they are saved to the keyring, else as stored there.
    const DeliverySecrets::KeyringLookup stored = KeyringStore::deliverySecrets();
    QHash<int, QString> typed;
    for (const auto &[secret, edit] : std::as_const(m_deliverySecrets)) {
        if (edit->isModified() && !edit->text().trimmed().isEmpty())
            typed.insert(int(secret), edit->text().trimmed());
    }
    request.keyring = [stored, typed](DeliverySecrets::Secret secret) {
        return typed.contains(int(secret)) ? typed.value(int(secret)) : stored ? stored(secret) : QString();
    };
    m_deliveryTester->start(std::move(request));
}

bool SettingsDialog::apply()
{
    // Check everything first: nothing is written unless every value is acceptable.
    QList<std::pair<QString, QString>> values;
    QStringList problems;
    for (const SettingSpec &spec : Settings::registry()) {
        if (isInternal(spec.key))
            continue; // not shown: its stored value stays as it is
        QString text;
        if (spec.key == Keys::ArxivCategories) {
            const QStringList codes = m_picker->checkedCodes();
            if (codes.isEmpty())
                problems << tr("Choose at least one arXiv category.");
            text = codes.join(QStringLiteral(", "));
        } else {
            text = editorText(spec);
        }
        if (auto parsed = Settings::parse(spec, text); !parsed)
            problems << parsed.error();
        values.append({spec.key, text});
    }
    if (auto prices = m_prices->edited(); !prices)
        problems << prices.error();
    if (!problems.isEmpty()) {
        m_lastError = problems.join(u'\n');
        m_error->setText(m_lastError);
        m_error->show();
        return false;
    }
    for (const auto &[key, text] : values) {
        const SettingSpec *spec = Settings::find(key);
        // Keep the file minimal: a value equal to its default is not written.
        const bool isDefault = Settings::format(*spec, spec->defaultValue) ==
            Settings::format(*spec, *Settings::parse(*spec, text));
        Result<void> r = isDefault ? m_settings.reset(key) : m_settings.setText(key, text);
        if (!r) {
            m_lastError = r.error();
            m_error->setText(m_lastError);
            m_error->show();
            return false;
        }
    }
    if (auto saved = m_prices->save(); !saved) {
        m_lastError = saved.error();
        m_error->setText(m_lastError);
        m_error->show();
        return false;
    }
    if (m_apiKeyEdited && m_apiKey->isEnabled()) {
        m_keyring->writeKey(currentProvider(), m_apiKey->text(), [this](const QString &error) {
            if (!error.isEmpty()) {
                m_lastError = error;
                m_keyringNote->setText(error);
            }
        });
        m_apiKeyEdited = false;
    }
    for (const auto &[secret, edit] : std::as_const(m_deliverySecrets)) {
        if (!edit->isModified() || edit->text().trimmed().isEmpty() || !edit->isEnabled())
            continue; // empty keeps the stored secret
        m_keyring->writeDeliverySecret(secret, edit->text().trimmed(), [this](const QString &error) {
            if (!error.isEmpty()) {
                m_lastError = error;
                m_error->setText(error);
                m_error->show();
            }
        });
        edit->clear();
        edit->setModified(false);
    }
    m_error->hide();
    m_lastError.clear();
    return true;
}

void SettingsDialog::accept()
{
    if (apply())
        QDialog::accept();
}

} // namespace Lectern
