// SPDX-License-Identifier: GPL-3.0-or-later
#include "firstrunwizard.h"

#include "categorypicker.h"
#include "config/settings.h"
#include "keyringstore.h"
#include "scoring/apikeysource.h"
#include "scoring/prompttemplate.h"

#include <QButtonGroup>
#include <QCheckBox>
#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFormLayout>
#include <QGroupBox>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPointer>
#include <QProcessEnvironment>
#include <QRadioButton>
#include <QSaveFile>
#include <QScrollArea>
#include <QVBoxLayout>

#include <functional>

namespace Lectern {

namespace {

/// A page whose Next/Finish runs a check of the wizard's (QWizard asks the page, not the wizard).
class CheckedPage final : public QWizardPage
{
public:
    explicit CheckedPage(std::function<bool()> check, QWidget *parent = nullptr)
        : QWizardPage(parent)
        , m_check(std::move(check))
    { }
    bool validatePage() override { return !m_check || m_check(); }

private:
    std::function<bool()> m_check;
};

QString joinList(const QStringList &items)
{
    return items.join(QStringLiteral(", "));
}

struct Endpoint
{
    QLatin1StringView baseKey;
    QLatin1StringView modelKey;
};

Endpoint endpointOf(const QString &provider)
{
    if (provider == u"openai")
        return {Keys::OpenAiBase, Keys::OpenAiModel};
    if (provider == u"anthropic")
        return {Keys::AnthropicBase, Keys::AnthropicModel};
    return {Keys::LocalBase, Keys::LocalModel};
}

struct EnvironmentKey
{
    QString variable; ///< empty: no key in the environment
    bool usable = false;
};

/// The environment variable whose key scoring with @p provider reads, in ApiKeySource's order.
EnvironmentKey environmentKey(const QString &provider)
{
    const auto kind = parseLlmKind(provider);
    if (!kind)
        return {};
    const QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    for (const QString &name : ApiKeySource::environmentVariables(*kind)) {
        const QString value = env.value(name).trimmed();
        if (!value.isEmpty())
            return {name, ApiKeySource::isUsable(value)};
    }
    return {};
}

const QStringList &providers()
{
    static const QStringList names = {QStringLiteral("builtin"), QStringLiteral("openai"),
        QStringLiteral("anthropic"), QStringLiteral("local")};
    return names;
}

} // namespace

FirstRunWizard::FirstRunWizard(Settings &settings, const QString &promptsDir, QWidget *parent)
    : QWizard(parent)
    , m_settings(settings)
    , m_promptsDir(promptsDir)
    // Not a child of the wizard: a keyring write still running when the wizard closes must finish.
    , m_keyring(new KeyringStore(QCoreApplication::instance()))
{
    setObjectName(QStringLiteral("firstRunWizard"));
    setWindowTitle(tr("Welcome to Lectern"));
    setOption(QWizard::NoBackButtonOnStartPage);
    setPage(WelcomePage, buildWelcomePage());
    setPage(CategoriesPage, buildCategoriesPage());
    setPage(TopicsPage, buildTopicsPage());
    setPage(ScorerPage, buildScorerPage());
    setPage(FinishPage, buildFinishPage());
    setStartId(WelcomePage);
    loadTopics();
    recheckOnEdit(CategoriesPage, [this] { return validateCategories(); }, {m_categories});
    QList<QObject *> topicEdits;
    for (const TopicEditors &t : std::as_const(m_topics))
        topicEdits << t.name << t.description << t.relevant << t.irrelevant << t.applications;
    recheckOnEdit(
        TopicsPage, [this] { return validateTopics(); }, topicEdits);
    recheckOnEdit(
        ScorerPage, [this] { return validateScorer(); }, {m_providers, m_baseUrl, m_model, m_apiKey});
    resize(700, 600);
}

QWizardPage *FirstRunWizard::buildWelcomePage()
{
    auto *page = new QWizardPage(this);
    page->setObjectName(QStringLiteral("welcomePage"));
    page->setTitle(tr("Welcome to Lectern"));
    auto *text = new QLabel(page);
    text->setObjectName(QStringLiteral("welcomeText"));
    text->setWordWrap(true);
    text->setTextFormat(Qt::PlainText);
    text->setText(
        tr("Every morning Lectern fetches the new arXiv papers of your categories, scores each one for "
           "relevance to your research and for novelty, and lists them best first, so that you read the "
           "few that matter and skip the rest with a key.\n\n"
           "Four short steps follow:\n"
           "  1. the arXiv categories to fetch;\n"
           "  2. your research topics, in your own words, with keywords;\n"
           "  3. the scorer: the built-in one needs no account and sends nothing anywhere; an LLM "
           "(OpenAI, Anthropic or a local server) reads more closely;\n"
           "  4. whether to fetch today's papers now.\n\n"
           "Everything can be changed later in Settings (Ctrl+,) and Edit Prompts. Cancel keeps the "
           "defaults."));
    auto *layout = new QVBoxLayout(page);
    layout->addWidget(text);
    layout->addStretch();
    return page;
}

QWizardPage *FirstRunWizard::buildCategoriesPage()
{
    auto *page = new CheckedPage([this] { return validateCategories(); }, this);
    page->setTitle(tr("arXiv categories"));
    page->setSubTitle(tr("Which categories should Lectern fetch every morning? Search by code or name; "
                         "choose at least one."));
    m_categories = new CategoryPicker(m_settings.stringList(Keys::ArxivCategories), page);
    auto *layout = new QVBoxLayout(page);
    layout->addWidget(m_categories);
    auto *error = new QLabel(page);
    error->setObjectName(QStringLiteral("categoriesError"));
    m_errors.insert(CategoriesPage, error);
    layout->addWidget(error);
    return page;
}

QWizardPage *FirstRunWizard::buildTopicsPage()
{
    auto *page = new CheckedPage([this] { return validateTopics(); }, this);
    page->setTitle(tr("Your research topics"));
    page->setSubTitle(
        tr("Describe up to three topics. The built-in scorer ranks papers by the relevant "
           "keywords, a language model also reads the description. Lists are comma separated."));
    auto *inner = new QWidget;
    auto *innerLayout = new QVBoxLayout(inner);
    for (int i = 0; i < MaxTopics; ++i) {
        auto *box = new QGroupBox(tr("Topic %1").arg(i + 1), inner);
        auto *form = new QFormLayout(box);
        TopicEditors t;
        t.name = new QLineEdit(box);
        t.name->setObjectName(QStringLiteral("topicName%1").arg(i));
        t.name->setPlaceholderText(tr("e.g. Efficient inference for large language models"));
        t.description = new QPlainTextEdit(box);
        t.description->setObjectName(QStringLiteral("topicDescription%1").arg(i));
        t.description->setPlaceholderText(tr("What the topic is about, in your own words"));
        t.description->setTabChangesFocus(true);
        t.description->setFixedHeight(t.description->fontMetrics().lineSpacing() * 4);
        t.relevant = new QLineEdit(box);
        t.relevant->setObjectName(QStringLiteral("topicRelevant%1").arg(i));
        t.relevant->setPlaceholderText(tr("quantization, speculative decoding, kv cache"));
        t.irrelevant = new QLineEdit(box);
        t.irrelevant->setObjectName(QStringLiteral("topicIrrelevant%1").arg(i));
        t.irrelevant->setPlaceholderText(tr("survey, prompt engineering"));
        t.applications = new QLineEdit(box);
        t.applications->setObjectName(QStringLiteral("topicApplications%1").arg(i));
        t.applications->setPlaceholderText(tr("optional: on-device inference, serving systems"));
        form->addRow(tr("Name:"), t.name);
        form->addRow(tr("Description:"), t.description);
        form->addRow(tr("Relevant keywords:"), t.relevant);
        form->addRow(tr("Irrelevant keywords:"), t.irrelevant);
        form->addRow(tr("Applications:"), t.applications);
        m_topics.append(t);
        innerLayout->addWidget(box);
    }
    auto *authors = new QGroupBox(tr("Followed authors"), inner);
    auto *authorsForm = new QFormLayout(authors);
    m_followed = new QLineEdit(m_settings.text(Keys::TopicsFollowedAuthors), authors);
    m_followed->setObjectName(QStringLiteral("followedAuthors"));
    m_followed->setPlaceholderText(
        tr("optional: Ada Lovelace, Alan Turing (their papers always come first)"));
    authorsForm->addRow(tr("Authors:"), m_followed);
    innerLayout->addWidget(authors);

    auto *scroll = new QScrollArea(page);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setFocusPolicy(Qt::NoFocus); // Tab goes straight to the topic fields
    scroll->setWidget(inner);
    auto *layout = new QVBoxLayout(page);
    layout->addWidget(scroll);
    auto *error = new QLabel(page);
    error->setObjectName(QStringLiteral("topicsError"));
    m_errors.insert(TopicsPage, error);
    layout->addWidget(error);
    return page;
}

QWizardPage *FirstRunWizard::buildScorerPage()
{
    auto *page = new CheckedPage([this] { return validateScorer(); }, this);
    page->setTitle(tr("Who scores the papers"));
    page->setSubTitle(tr("The built-in scorer works offline with no key. A language model reads your topic "
                         "descriptions too, at a small cost per day."));
    auto *layout = new QVBoxLayout(page);
    m_providers = new QButtonGroup(page);
    const QHash<QString, QString> labels = {
        {QStringLiteral("builtin"), tr("Built-in keyword scorer (no key, no network)")},
        {QStringLiteral("openai"), tr("OpenAI")},
        {QStringLiteral("anthropic"), tr("Anthropic")},
        {QStringLiteral("local"), tr("Local OpenAI-compatible server (Ollama, llama.cpp, vLLM)")},
    };
    const QString current = m_settings.string(Keys::ScoringProvider);
    for (const QString &name : providers()) {
        auto *button = new QRadioButton(labels.value(name), page);
        button->setObjectName(QStringLiteral("provider_") + name);
        button->setChecked(name == current);
        m_providers->addButton(button);
        m_providerButtons.insert(name, button);
        layout->addWidget(button);
    }
    if (!m_providers->checkedButton())
        m_providerButtons.value(QStringLiteral("builtin"))->setChecked(true);
    auto *form = new QFormLayout;
    m_baseUrl = new QLineEdit(page);
    m_baseUrl->setObjectName(QStringLiteral("providerBaseUrl"));
    m_model = new QLineEdit(page);
    m_model->setObjectName(QStringLiteral("providerModel"));
    m_apiKey = new QLineEdit(page);
    m_apiKey->setObjectName(QStringLiteral("apiKey"));
    m_apiKey->setEchoMode(QLineEdit::Password);
    m_keyringNote = new QLabel(page);
    m_keyringNote->setObjectName(QStringLiteral("keyringNote"));
    m_keyringNote->setTextFormat(Qt::PlainText);
    m_keyringNote->setWordWrap(true);
    form->addRow(tr("Base URL:"), m_baseUrl);
    form->addRow(tr("Model:"), m_model);
    form->addRow(tr("API key:"), m_apiKey);
    form->addRow(QString(), m_keyringNote);
    layout->addLayout(form);
    layout->addStretch();
    auto *error = new QLabel(page);
    error->setObjectName(QStringLiteral("scorerError"));
    m_errors.insert(ScorerPage, error);
    layout->addWidget(error);
    connect(m_providers, &QButtonGroup::buttonToggled, this, [this](QAbstractButton *, bool on) {
        if (on)
            providerChanged();
    });
    providerChanged();
    return page;
}

QWizardPage *FirstRunWizard::buildFinishPage()
{
    auto *page = new QWizardPage(this);
    page->setTitle(tr("Ready"));
    page->setSubTitle(
        tr("Everything can be changed later in Settings, and the topics in the prompt editor."));
    auto *layout = new QVBoxLayout(page);
    m_fetchNow = new QCheckBox(tr("Fetch today's papers now"), page);
    m_fetchNow->setObjectName(QStringLiteral("fetchNow"));
    m_fetchNow->setChecked(true);
    layout->addWidget(m_fetchNow);
    auto *note =
        new QLabel(tr("The fetch runs in the background. If arXiv cannot be reached (offline, proxy), "
                      "the status bar says so and Lectern opens anyway; fetch again later with "
                      "File › Fetch Today."),
            page);
    note->setWordWrap(true);
    layout->addWidget(note);
    layout->addStretch();
    auto *error = new QLabel(page);
    error->setObjectName(QStringLiteral("finishError"));
    m_errors.insert(FinishPage, error);
    layout->addWidget(error);
    for (QLabel *label : std::as_const(m_errors)) {
        label->setTextFormat(Qt::PlainText); // errors quote settings files and servers
        label->setStyleSheet(QStringLiteral("color: #b00020"));
        label->setWordWrap(true);
        label->hide();
    }
    return page;
}

void FirstRunWizard::loadTopics()
{
    // Read the file as it is; PromptTemplate::load() would write the example topics first.
    QFile file(QDir(m_promptsDir).filePath(PromptTemplate::TopicsFile));
    if (!file.open(QIODevice::ReadOnly))
        return;
    m_loaded = ResearchTopics::parse(QString::fromUtf8(file.readAll()));
    for (int i = 0; i < MaxTopics && i < m_loaded.topics.size(); ++i) {
        const ResearchTopic &t = m_loaded.topics.at(i);
        m_topics[i].name->setText(t.name);
        m_topics[i].description->setPlainText(t.description);
        m_topics[i].relevant->setText(joinList(t.relevant));
        m_topics[i].irrelevant->setText(joinList(t.irrelevant));
        m_topics[i].applications->setText(joinList(t.applications));
    }
}

QAbstractButton *FirstRunWizard::providerButton(const QString &provider) const
{
    return m_providerButtons.value(provider);
}

QString FirstRunWizard::currentProvider() const
{
    for (auto it = m_providerButtons.cbegin(); it != m_providerButtons.cend(); ++it) {
        if (it.value()->isChecked())
            return it.key();
    }
    return QStringLiteral("builtin");
}

void FirstRunWizard::providerChanged()
{
    // Keep what was typed for the provider being left, show the next one's values.
    if (!m_shownProvider.isEmpty() && m_shownProvider != u"builtin")
        m_endpointEdits.insert(m_shownProvider, {m_baseUrl->text(), m_model->text()});
    const QString provider = currentProvider();
    m_shownProvider = provider;
    const bool remote = provider != u"builtin";
    if (remote) {
        const Endpoint e = endpointOf(provider);
        const auto typed =
            m_endpointEdits.value(provider, {m_settings.text(e.baseKey), m_settings.text(e.modelKey)});
        m_baseUrl->setText(typed.first);
        m_model->setText(typed.second);
    } else {
        m_baseUrl->clear();
        m_model->clear();
    }
    m_baseUrl->setEnabled(remote);
    m_model->setEnabled(remote);
    const bool keyring = KeyringStore::isAvailable();
    m_apiKey->setEnabled(remote && keyring);
    const EnvironmentKey fromEnvironment = remote ? environmentKey(provider) : EnvironmentKey();
    if (!remote) {
        m_apiKey->setPlaceholderText(tr("not needed"));
        m_keyringNote->setText(tr("The built-in scorer needs no key and no network."));
    } else if (fromEnvironment.usable) {
        // Say which variable will be used, never its value.
        m_apiKey->setPlaceholderText(tr("from %1").arg(fromEnvironment.variable));
        m_keyringNote->setText(keyring
                ? tr("%1 is set in the environment: Lectern will use that key. A key typed here is kept "
                     "in the system keyring and used instead.")
                      .arg(fromEnvironment.variable)
                : tr("%1 is set in the environment: Lectern will use that key.")
                      .arg(fromEnvironment.variable));
    } else if (!fromEnvironment.variable.isEmpty()) {
        m_apiKey->setPlaceholderText(keyring ? tr("kept in the system keyring") : tr("no system keyring"));
        m_keyringNote->setText(
            tr("%1 is set in the environment, but its key contains spaces or characters that cannot be "
               "sent. Correct it, or type the key here (this needs a system keyring).")
                .arg(fromEnvironment.variable));
    } else if (keyring) {
        m_apiKey->setPlaceholderText(
            provider == u"local" ? tr("optional for most local servers") : tr("kept in the system keyring"));
        m_keyringNote->setText(
            tr("The key is stored in the system keyring, never in Lectern's files. Leave it "
               "empty to keep a stored key or to use OPENAI_API_KEY, ANTHROPIC_API_KEY or "
               "LECTERN_API_KEY from the environment."));
    } else {
        m_apiKey->setPlaceholderText(tr("no system keyring"));
        m_keyringNote->setText(
            tr("No system keyring is available on this desktop, so the key cannot be stored "
               "here. Set OPENAI_API_KEY, ANTHROPIC_API_KEY or LECTERN_API_KEY in the "
               "environment instead."));
    }
}

bool FirstRunWizard::refuse(int page, const QString &message)
{
    QLabel *label = m_errors.value(page);
    m_lastError = message;
    if (label) {
        label->setText(message);
        label->setVisible(!message.isEmpty());
    }
    return message.isEmpty();
}

void FirstRunWizard::recheckOnEdit(
    int page, const std::function<bool()> &check, const QList<QObject *> &sources)
{
    const auto recheck = [this, page, check] {
        // Only while an error is shown: a page is not judged before the user tried to leave it.
        if (QLabel *label = m_errors.value(page); label && !label->isHidden())
            check();
    };
    for (QObject *source : sources) {
        if (auto *line = qobject_cast<QLineEdit *>(source))
            connect(line, &QLineEdit::textChanged, this, recheck);
        else if (auto *text = qobject_cast<QPlainTextEdit *>(source))
            connect(text, &QPlainTextEdit::textChanged, this, recheck);
        else if (auto *group = qobject_cast<QButtonGroup *>(source))
            connect(group, &QButtonGroup::idToggled, this, recheck);
        else if (auto *picker = qobject_cast<CategoryPicker *>(source))
            connect(picker, &CategoryPicker::selectionChanged, this, recheck);
    }
}

bool FirstRunWizard::validateCategories()
{
    if (m_categories->checkedCodes().isEmpty())
        return refuse(CategoriesPage, tr("Choose at least one arXiv category."));
    return refuse(CategoriesPage, {});
}

ResearchTopics FirstRunWizard::editedTopics() const
{
    ResearchTopics out;
    out.notes = m_loaded.notes;
    for (const TopicEditors &e : m_topics) {
        ResearchTopic t;
        t.name = e.name->text().simplified();
        t.description = e.description->toPlainText().trimmed();
        t.relevant = Settings::splitList(e.relevant->text());
        t.irrelevant = Settings::splitList(e.irrelevant->text());
        t.applications = Settings::splitList(e.applications->text());
        if (t.name.isEmpty() && t.description.isEmpty() && t.relevant.isEmpty() && t.irrelevant.isEmpty() &&
            t.applications.isEmpty())
            continue;
        out.topics.append(t);
    }
    for (int i = MaxTopics; i < m_loaded.topics.size(); ++i)
        out.topics.append(m_loaded.topics.at(i));
    return out;
}

bool FirstRunWizard::validateTopics()
{
    QStringList problems;
    int usable = 0;
    for (int i = 0; i < MaxTopics; ++i) {
        const TopicEditors &e = m_topics.at(i);
        const bool blank = e.name->text().trimmed().isEmpty() &&
            e.description->toPlainText().trimmed().isEmpty() &&
            Settings::splitList(e.relevant->text()).isEmpty() &&
            Settings::splitList(e.irrelevant->text()).isEmpty() &&
            Settings::splitList(e.applications->text()).isEmpty();
        if (blank)
            continue;
        if (e.name->text().trimmed().isEmpty())
            problems << tr("Topic %1 needs a name.").arg(i + 1);
        if (Settings::splitList(e.relevant->text()).isEmpty())
            problems << tr(
                "Topic %1 needs at least one relevant keyword (the built-in scorer ranks by them).")
                            .arg(i + 1);
        else if (!e.name->text().trimmed().isEmpty())
            ++usable;
    }
    if (problems.isEmpty() && usable == 0)
        problems << tr("Describe at least one topic, with a name and at least one relevant keyword.");
    return refuse(TopicsPage, problems.join(u'\n'));
}

bool FirstRunWizard::validateScorer()
{
    const QString provider = currentProvider();
    if (provider == u"builtin")
        return refuse(ScorerPage, {});
    QStringList problems;
    const Endpoint e = endpointOf(provider);
    if (auto r = Settings::parse(*Settings::find(e.baseKey), m_baseUrl->text()); !r)
        problems << r.error();
    if (m_model->text().trimmed().isEmpty())
        problems << tr("Name the model to use.");
    return refuse(ScorerPage, problems.join(u'\n'));
}

QString FirstRunWizard::topicsFileText(const ResearchTopics &topics)
{
    // The default file's title and format comment, so the user's copy stays self-explaining.
    const QString defaults = PromptTemplate::defaultText(QString(PromptTemplate::TopicsFile));
    qsizetype first = defaults.indexOf(QStringLiteral("\n## "));
    QString out = first >= 0 ? defaults.left(first + 1) : QStringLiteral("# Research topics\n");
    if (!out.endsWith(QStringLiteral("\n\n")))
        out += u'\n';
    if (!topics.notes.isEmpty())
        out += topics.notes + QStringLiteral("\n\n");
    for (const ResearchTopic &t : topics.topics) {
        out += QStringLiteral("## ") + t.name + u'\n';
        for (const QString &line : t.description.split(u'\n')) {
            // A description line must not start a topic or a heading of its own.
            QString safe = line;
            while (safe.startsWith(u'#'))
                safe.remove(0, 1);
            if (!safe.trimmed().isEmpty())
                out += safe.trimmed() + u'\n';
        }
        if (!t.relevant.isEmpty())
            out += QStringLiteral("Relevant: ") + joinList(t.relevant) + u'\n';
        if (!t.irrelevant.isEmpty())
            out += QStringLiteral("Irrelevant: ") + joinList(t.irrelevant) + u'\n';
        if (!t.applications.isEmpty())
            out += QStringLiteral("Applications: ") + joinList(t.applications) + u'\n';
        out += u'\n';
    }
    return out;
}

bool FirstRunWizard::apply()
{
    // Check every page again (a test or a keyboard user can finish from anywhere), then write.
    if (!validateCategories())
        return refuse(FinishPage, m_lastError);
    if (!validateTopics())
        return refuse(FinishPage, m_lastError);
    if (!validateScorer())
        return refuse(FinishPage, m_lastError);

    const QString provider = currentProvider();
    QList<std::pair<QString, QString>> values = {
        {QString(Keys::ArxivCategories), joinList(m_categories->checkedCodes())},
        {QString(Keys::TopicsFollowedAuthors), m_followed->text()},
        {QString(Keys::ScoringProvider), provider},
    };
    if (provider != u"builtin") {
        const Endpoint e = endpointOf(provider);
        values.append({QString(e.baseKey), m_baseUrl->text()});
        values.append({QString(e.modelKey), m_model->text()});
    }
    QStringList problems;
    for (const auto &[key, text] : values) {
        if (auto r = Settings::parse(*Settings::find(key), text); !r)
            problems << r.error();
    }
    if (!problems.isEmpty())
        return refuse(FinishPage, problems.join(u'\n'));

    if (!QDir().mkpath(m_promptsDir))
        return refuse(FinishPage, tr("The prompt folder %1 could not be created.").arg(m_promptsDir));
    QSaveFile topicsFile(QDir(m_promptsDir).filePath(PromptTemplate::TopicsFile));
    if (!topicsFile.open(QIODevice::WriteOnly) ||
        topicsFile.write(topicsFileText(editedTopics()).toUtf8()) < 0 || !topicsFile.commit())
        return refuse(FinishPage,
            tr("The topics could not be saved to %1: %2")
                .arg(topicsFile.fileName(), topicsFile.errorString()));

    for (const auto &[key, text] : values) {
        if (auto r = m_settings.setText(key, text); !r)
            return refuse(FinishPage, r.error());
    }
    if (m_apiKey->isEnabled() && !m_apiKey->text().isEmpty()) {
        QPointer<FirstRunWizard> self(this);
        m_keyring->writeKey(provider, m_apiKey->text(), [self](const QString &error) {
            if (!error.isEmpty() && self)
                self->refuse(FinishPage, error);
        });
    }
    markDone();
    return refuse(FinishPage, {});
}

void FirstRunWizard::markDone()
{
    if (auto r = m_settings.setValue(Keys::UiFirstRunDone, true); !r)
        m_lastError = r.error();
}

void FirstRunWizard::accept()
{
    if (apply())
        QWizard::accept();
}

void FirstRunWizard::reject()
{
    // Skipping is a choice too: the app opens with its defaults and does not ask again.
    markDone();
    QWizard::reject();
}

bool FirstRunWizard::fetchNow() const
{
    return result() == QDialog::Accepted && m_fetchNow->isChecked();
}

} // namespace Lectern
