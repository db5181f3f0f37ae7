// SPDX-License-Identifier: GPL-3.0-or-later
#include "prompteditordialog.h"

#include "config/profile.h"
#include "config/settings.h"
#include "scoring/pricetable.h"
#include "scoring/prompttemplate.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFile>
#include <QFontDatabase>
#include <QHBoxLayout>
#include <QLabel>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRegularExpression>
#include <QSaveFile>
#include <QTextBrowser>
#include <QVBoxLayout>

#include <KSyntaxHighlighting/Definition>
#include <KSyntaxHighlighting/Repository>
#include <KSyntaxHighlighting/SyntaxHighlighter>
#include <KSyntaxHighlighting/Theme>

namespace Lectern {

PromptEditorDialog::PromptEditorDialog(
    QList<PromptFile> files, int paperCount, double usdPerMillionPromptTokens, int batchSize, QWidget *parent)
    : QDialog(parent)
    , m_fileList(std::move(files))
    , m_paperCount(paperCount)
    , m_dayLabel(tr("the shown day"))
    , m_price(usdPerMillionPromptTokens)
    , m_batchSize(std::max(1, batchSize))
    , m_repository(new KSyntaxHighlighting::Repository)
    , m_files(new QComboBox(this))
    , m_editor(new QPlainTextEdit(this))
    , m_placeholders(new QLabel(this))
    , m_estimate(new QLabel(this))
    , m_error(new QLabel(this))
{
    setObjectName(QStringLiteral("promptEditor"));
    setWindowTitle(tr("Prompt Templates"));
    m_editor->setObjectName(QStringLiteral("promptText"));
    m_editor->setAccessibleName(tr("Template text"));
    m_files->setAccessibleName(tr("Template file"));
    // Tab moves on to the buttons, so the dialog works without a mouse; Markdown indents with spaces.
    m_editor->setTabChangesFocus(true);
    m_estimate->setObjectName(QStringLiteral("promptEstimate"));
    m_placeholders->setObjectName(QStringLiteral("promptPlaceholders"));
    m_editor->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_editor->setLineWrapMode(QPlainTextEdit::WidgetWidth);
    m_highlighter = new KSyntaxHighlighting::SyntaxHighlighter(m_editor->document());
    m_highlighter->setDefinition(m_repository->definitionForName(QStringLiteral("Markdown")));
    m_highlighter->setTheme(m_repository->themeForPalette(palette()));
    m_error->setTextFormat(Qt::PlainText); // quotes template files
    m_error->setStyleSheet(QStringLiteral("color: #b00020"));
    m_error->hide();

    for (const PromptFile &f : std::as_const(m_fileList)) {
        m_files->addItem(f.name);
        m_openedTexts << f.text;
    }
    auto *reset = new QPushButton(tr("Reset to Default"), this);
    reset->setObjectName(QStringLiteral("resetPrompt"));
    reset->setToolTip(tr("Replace this template with the one Lectern ships"));
    auto *diff = new QPushButton(tr("Compare with Default…"), this);
    diff->setObjectName(QStringLiteral("diffPrompt"));
    auto *top = new QHBoxLayout;
    top->addWidget(m_files, 1);
    top->addWidget(reset);
    top->addWidget(diff);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Save | QDialogButtonBox::Cancel, this);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addWidget(m_editor, 1);
    layout->addWidget(m_placeholders);
    layout->addWidget(m_estimate);
    layout->addWidget(m_error);
    layout->addWidget(buttons);

    connect(m_files, &QComboBox::currentIndexChanged, this, &PromptEditorDialog::showFile);
    connect(m_editor, &QPlainTextEdit::textChanged, this, &PromptEditorDialog::updateInfo);
    connect(reset, &QPushButton::clicked, this, &PromptEditorDialog::resetToDefault);
    connect(diff, &QPushButton::clicked, this, &PromptEditorDialog::showDiff);
    connect(buttons, &QDialogButtonBox::accepted, this, &PromptEditorDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &PromptEditorDialog::reject);
    showFile(0);
    resize(860, 640);
}

PromptEditorDialog::~PromptEditorDialog()
{
    delete m_highlighter;
    m_highlighter = nullptr;
    delete m_repository;
}

QString PromptEditorDialog::definitionName() const
{
    return m_highlighter->definition().name();
}

void PromptEditorDialog::showFile(int index)
{
    if (m_current >= 0 && m_current < m_fileList.size())
        m_fileList[m_current].text = m_editor->toPlainText();
    if (index < 0 || index >= m_fileList.size())
        return;
    m_current = index;
    m_editor->setPlainText(m_fileList.at(index).text);
    updateInfo();
}

qint64 PromptEditorDialog::estimateTokens(const QString &text)
{
    return (text.size() + 3) / 4;
}

QStringList PromptEditorDialog::placeholders(const QString &text)
{
    static const QRegularExpression re(QStringLiteral("\\{\\{\\s*([A-Za-z_][A-Za-z0-9_]*)\\s*\\}\\}"));
    QStringList names;
    auto it = re.globalMatch(text);
    while (it.hasNext()) {
        const QString name = it.next().captured(1);
        if (!names.contains(name))
            names << name;
    }
    return names;
}

void PromptEditorDialog::updateInfo()
{
    if (m_current < 0)
        return;
    const QString text = m_editor->toPlainText();
    const QStringList names = placeholders(text);
    m_placeholders->setText(names.isEmpty()
            ? tr("No placeholders in this template.")
            : tr("Placeholders: %1")
                  .arg(QStringLiteral("{{") + names.join(QStringLiteral("}}, {{")) + QStringLiteral("}}")));
    // The static templates travel once per batch; the papers themselves are counted by the run's estimate.
    qint64 staticTokens = 0;
    for (int i = 0; i < m_fileList.size(); ++i)
        staticTokens += estimateTokens(i == m_current ? text : m_fileList.at(i).text);
    const int batches = m_paperCount > 0 ? (m_paperCount + m_batchSize - 1) / m_batchSize : 0;
    const qint64 total = staticTokens * batches;
    const double cost = double(total) * m_price / 1e6;
    m_estimate->setText(
        tr("About %1 template tokens per request; for the %2 papers of %3 in %4 requests: ~%5 tokens, "
           "~$%6 (before prompt caching)")
            .arg(staticTokens)
            .arg(m_paperCount)
            .arg(m_dayLabel)
            .arg(batches)
            .arg(total)
            .arg(cost, 0, 'f', 3));
}

void PromptEditorDialog::setDayLabel(const QString &label)
{
    m_dayLabel = label;
    updateInfo();
}

void PromptEditorDialog::resetToDefault()
{
    if (m_current < 0)
        return;
    m_editor->setPlainText(m_fileList.at(m_current).defaultText);
}

QStringList PromptEditorDialog::lineDiff(const QString &from, const QString &to)
{
    const QStringList a = from.split(u'\n');
    const QStringList b = to.split(u'\n');
    const qsizetype n = a.size();
    const qsizetype m = b.size();
    // Templates are short (tens of lines): a plain LCS table is fine.
    QList<QList<int>> lcs(n + 1, QList<int>(m + 1, 0));
    for (qsizetype i = n - 1; i >= 0; --i)
        for (qsizetype j = m - 1; j >= 0; --j)
            lcs[i][j] = a.at(i) == b.at(j) ? lcs[i + 1][j + 1] + 1 : std::max(lcs[i + 1][j], lcs[i][j + 1]);
    QStringList out;
    qsizetype i = 0;
    qsizetype j = 0;
    while (i < n && j < m) {
        if (a.at(i) == b.at(j)) {
            out << QStringLiteral("  ") + a.at(i);
            ++i;
            ++j;
        } else if (lcs[i + 1][j] >= lcs[i][j + 1]) {
            out << QStringLiteral("- ") + a.at(i++);
        } else {
            out << QStringLiteral("+ ") + b.at(j++);
        }
    }
    while (i < n)
        out << QStringLiteral("- ") + a.at(i++);
    while (j < m)
        out << QStringLiteral("+ ") + b.at(j++);
    return out;
}

QString PromptEditorDialog::diffText() const
{
    if (m_current < 0)
        return {};
    return lineDiff(m_fileList.at(m_current).defaultText, m_editor->toPlainText()).join(u'\n');
}

void PromptEditorDialog::showDiff()
{
    QDialog dialog(this);
    dialog.setWindowTitle(tr("Changes against the default"));
    auto *view = new QTextBrowser(&dialog);
    QString html = QStringLiteral("<pre>");
    for (const QString &line : lineDiff(m_fileList.at(m_current).defaultText, m_editor->toPlainText())) {
        const QString esc = line.toHtmlEscaped();
        if (line.startsWith(u'+'))
            html += QStringLiteral("<span style='background:#e6ffec'>") + esc + QStringLiteral("</span>\n");
        else if (line.startsWith(u'-'))
            html += QStringLiteral("<span style='background:#ffebe9'>") + esc + QStringLiteral("</span>\n");
        else
            html += esc + u'\n';
    }
    view->setHtml(html + QStringLiteral("</pre>"));
    auto *layout = new QVBoxLayout(&dialog);
    layout->addWidget(view);
    dialog.resize(760, 520);
    dialog.exec();
}

void PromptEditorDialog::accept()
{
    if (m_current >= 0)
        m_fileList[m_current].text = m_editor->toPlainText();
    if (onSave) {
        const QString error = onSave(m_fileList);
        if (!error.isEmpty()) {
            m_error->setText(error);
            m_error->show();
            return;
        }
    }
    QDialog::accept();
}

QString PromptEditorDialog::editProfilePrompts(const Profile &profile, const Settings &settings,
    int paperCount, const QString &dayLabel, QWidget *parent)
{
    const QString dir = profile.promptsDir();
    if (auto prompt = PromptTemplate::load(dir); !prompt)
        return prompt.error();
    QList<PromptFile> files;
    for (const QString &name : PromptTemplate::fileNames()) {
        QFile f(dir + u'/' + name);
        QString text;
        if (f.open(QIODevice::ReadOnly))
            text = QString::fromUtf8(f.readAll());
        files.append({name, text, PromptTemplate::defaultText(name)});
    }
    double price = 0;
    if (auto prices = PriceTable::loadOrCreate(PriceTable::pathFor(profile))) {
        const QString provider = settings.string(Keys::ScoringProvider);
        const QString model = provider == u"openai" ? settings.string(Keys::OpenAiModel)
            : provider == u"anthropic"              ? settings.string(Keys::AnthropicModel)
                                                    : QString();
        if (auto p = prices->find(model))
            price = p->input;
    }
    PromptEditorDialog dialog(files, paperCount, price, settings.integer(Keys::ScoringBatchSize), parent);
    dialog.setDayLabel(dayLabel);
    dialog.onSave = [dir](const QList<PromptFile> &edited) -> QString {
        for (const PromptFile &f : edited) {
            QSaveFile out(dir + u'/' + f.name);
            if (!out.open(QIODevice::WriteOnly) || out.write(f.text.toUtf8()) < 0 || !out.commit())
                return tr("Could not save %1: %2").arg(f.name, out.errorString());
        }
        return {};
    };
    dialog.exec();
    return {};
}

bool PromptEditorDialog::isModified() const
{
    for (int i = 0; i < m_fileList.size(); ++i) {
        const QString text = i == m_current ? m_editor->toPlainText() : m_fileList.at(i).text;
        if (text != m_openedTexts.value(i))
            return true;
    }
    return false;
}

void PromptEditorDialog::reject()
{
    if (!isModified()) {
        QDialog::reject();
        return;
    }
    QMessageBox box(QMessageBox::Question, tr("Unsaved Prompt Changes"),
        tr("The prompt templates have changes that are not saved."), QMessageBox::NoButton, this);
    box.setObjectName(QStringLiteral("unsavedPromptsBox"));
    box.setInformativeText(tr("Save them, discard them, or go on editing?"));
    QPushButton *save = box.addButton(QMessageBox::Save);
    save->setObjectName(QStringLiteral("savePromptsButton"));
    box.addButton(QMessageBox::Discard)->setObjectName(QStringLiteral("discardPromptsButton"));
    QPushButton *keep = box.addButton(tr("Keep Editing"), QMessageBox::RejectRole);
    keep->setObjectName(QStringLiteral("keepEditingButton"));
    box.setDefaultButton(keep);
    box.setEscapeButton(keep);
    box.exec();
    if (box.clickedButton() == save)
        accept(); // stays open with the error shown when saving fails
    else if (box.clickedButton() && box.clickedButton() != keep)
        QDialog::reject();
}

} // namespace Lectern
