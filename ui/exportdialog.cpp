// SPDX-License-Identifier: GPL-3.0-or-later
#include "exportdialog.h"

#include "export/pdfrenderer.h"
#include "util/clock.h"

#include <QButtonGroup>
#include <QComboBox>
#include <QDateEdit>
#include <QDialogButtonBox>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QGridLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QRadioButton>
#include <QStandardItemModel>
#include <QToolButton>
#include <QVBoxLayout>

namespace Lectern {

namespace {

const QList<ExportFormat> kFormats {ExportFormat::Markdown, ExportFormat::Pdf, ExportFormat::Html,
    ExportFormat::Json, ExportFormat::BibTeX, ExportFormat::Ris, ExportFormat::Csv};

bool monthFormat(ExportFormat f)
{
    return f == ExportFormat::Markdown || f == ExportFormat::Html || f == ExportFormat::Pdf;
}

QString iso(const QDate &d)
{
    return d.toString(Qt::ISODate);
}

/// A tag as it may stand in a file name.
QString fileSafe(const QString &text)
{
    QString out;
    for (const QChar c : text)
        out += c.isLetterOrNumber() || c == u'-' || c == u'_' ? c : QChar(u'-');
    return out;
}

} // namespace

ExportDialog::ExportDialog(Context context, QWidget *parent)
    : QDialog(parent)
    , m_context(std::move(context))
    , m_scopes(new QButtonGroup(this))
    , m_selections(new QButtonGroup(this))
    , m_from(new QDateEdit(this))
    , m_to(new QDateEdit(this))
    , m_month(new QDateEdit(this))
    , m_tag(new QComboBox(this))
    , m_format(new QComboBox(this))
    , m_pageSize(new QComboBox(this))
    , m_path(new QLineEdit(this))
    , m_export(new QPushButton(tr("&Export"), this))
    , m_error(new QLabel(this))
{
    setObjectName(QStringLiteral("exportDialog"));
    setWindowTitle(tr("Export"));
    if (!m_context.day.isValid())
        m_context.day = Clock::system().nowUtc().toLocalTime().date();
    const QDate day = m_context.day;

    // What.
    auto *what = new QGroupBox(tr("What"), this);
    auto *whatLayout = new QGridLayout(what);
    auto *dayButton = new QRadioButton(tr("This &day (%1)").arg(iso(day)), what);
    auto *rangeButton = new QRadioButton(tr("Days &from"), what);
    auto *monthButton = new QRadioButton(tr("&Monthly overview of"), what);
    auto *shownButton = new QRadioButton(
        tr("The papers the current &filter shows (%n)", nullptr, int(m_context.shownIds.size())), what);
    dayButton->setObjectName(QStringLiteral("scopeDay"));
    rangeButton->setObjectName(QStringLiteral("scopeRange"));
    monthButton->setObjectName(QStringLiteral("scopeMonth"));
    shownButton->setObjectName(QStringLiteral("scopeShown"));
    m_scopes->addButton(dayButton, int(Scope::Day));
    m_scopes->addButton(rangeButton, int(Scope::Range));
    m_scopes->addButton(monthButton, int(Scope::Month));
    m_scopes->addButton(shownButton, int(Scope::Shown));
    for (QDateEdit *edit : {m_from, m_to}) {
        edit->setDisplayFormat(QStringLiteral("yyyy-MM-dd"));
        edit->setCalendarPopup(true);
    }
    m_from->setObjectName(QStringLiteral("exportFrom"));
    m_to->setObjectName(QStringLiteral("exportTo"));
    m_month->setObjectName(QStringLiteral("exportMonth"));
    m_month->setDisplayFormat(QStringLiteral("yyyy-MM"));
    // The range defaults to the shown day's month.
    m_from->setDate(QDate(day.year(), day.month(), 1));
    m_to->setDate(QDate(day.year(), day.month(), day.daysInMonth()));
    m_month->setDate(QDate(day.year(), day.month(), 1));
    whatLayout->addWidget(dayButton, 0, 0, 1, 4);
    whatLayout->addWidget(rangeButton, 1, 0);
    whatLayout->addWidget(m_from, 1, 1);
    whatLayout->addWidget(new QLabel(tr("to"), what), 1, 2);
    whatLayout->addWidget(m_to, 1, 3);
    whatLayout->addWidget(monthButton, 2, 0);
    whatLayout->addWidget(m_month, 2, 1);
    whatLayout->addWidget(shownButton, 3, 0, 1, 4);

    // Which papers of the days.
    auto *which = new QGroupBox(tr("Papers of the days"), this);
    which->setObjectName(QStringLiteral("selectionGroup"));
    auto *whichLayout = new QGridLayout(which);
    auto *digestButton = new QRadioButton(tr("The &digest (relevant papers)"), which);
    auto *starredButton = new QRadioButton(tr("Only &starred papers"), which);
    auto *tagButton = new QRadioButton(tr("Only papers &tagged"), which);
    digestButton->setObjectName(QStringLiteral("selectDigest"));
    starredButton->setObjectName(QStringLiteral("selectStarred"));
    tagButton->setObjectName(QStringLiteral("selectTag"));
    m_selections->addButton(digestButton, int(Selection::Digest));
    m_selections->addButton(starredButton, int(Selection::Starred));
    m_selections->addButton(tagButton, int(Selection::Tag));
    m_tag->setObjectName(QStringLiteral("exportTag"));
    m_tag->addItems(m_context.tags);
    whichLayout->addWidget(digestButton, 0, 0, 1, 2);
    whichLayout->addWidget(starredButton, 1, 0, 1, 2);
    whichLayout->addWidget(tagButton, 2, 0);
    whichLayout->addWidget(m_tag, 2, 1);
    whichLayout->setColumnStretch(1, 1);
    // The Digest tab can combine what the three above cannot ("relevant, starred", minimum scores): what it
    // shows is one more choice, so that File ▸ Export writes exactly that.
    if (!m_context.digestFilter.isDefault()) {
        auto *tabButton = new QRadioButton(
            tr("As the Di&gest tab shows it (%1)").arg(m_context.digestFilter.describe()), which);
        tabButton->setObjectName(QStringLiteral("selectDigestTab"));
        m_selections->addButton(tabButton, int(Selection::DigestTab));
        whichLayout->addWidget(tabButton, 3, 0, 1, 2);
    }

    // How and where.
    auto *how = new QGroupBox(tr("File"), this);
    auto *form = new QFormLayout(how);
    m_format->setObjectName(QStringLiteral("exportFormat"));
    m_format->addItem(tr("Markdown (.md)"), QStringLiteral("md"));
    m_format->addItem(tr("PDF (.pdf)"), QStringLiteral("pdf"));
    m_format->addItem(tr("HTML (.html)"), QStringLiteral("html"));
    m_format->addItem(tr("JSON (.json)"), QStringLiteral("json"));
    m_format->addItem(tr("BibTeX (.bib)"), QStringLiteral("bib"));
    m_format->addItem(tr("RIS (.ris)"), QStringLiteral("ris"));
    m_format->addItem(tr("CSV for spreadsheets (.csv)"), QStringLiteral("csv"));
    m_pageSize->setObjectName(QStringLiteral("exportPageSize"));
    m_pageSize->addItem(tr("A4"), QStringLiteral("A4"));
    m_pageSize->addItem(tr("Letter"), QStringLiteral("Letter"));
    m_pageSize->setCurrentIndex(
        m_context.pageSize.compare(QStringLiteral("Letter"), Qt::CaseInsensitive) == 0 ? 1 : 0);
    m_pageSize->setToolTip(tr("PDF page size; the default is the digest page size of the settings"));
    m_path->setObjectName(QStringLiteral("exportPath"));
    // Wide enough to show a typical folder and the file name, not only the end of the path.
    m_path->setMinimumWidth(m_path->fontMetrics().averageCharWidth() * 48);
    auto *browse = new QToolButton(how);
    browse->setObjectName(QStringLiteral("exportBrowse"));
    browse->setText(tr("Browse…"));
    auto *pathRow = new QHBoxLayout;
    pathRow->addWidget(m_path, 1);
    pathRow->addWidget(browse);
    form->addRow(tr("F&ormat:"), m_format);
    form->addRow(tr("PDF &page size:"), m_pageSize);
    auto *pathLabel = new QLabel(tr("&Save as:"), how);
    pathLabel->setBuddy(m_path);
    form->addRow(pathLabel, pathRow);

    m_error->setObjectName(QStringLiteral("exportError"));
    m_error->setTextFormat(Qt::PlainText); // names files and quotes system errors
    m_error->setWordWrap(true);
    m_error->setStyleSheet(QStringLiteral("color: #c0392b; font-weight: bold;"));
    m_error->hide();

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    m_export->setObjectName(QStringLiteral("exportButton"));
    m_export->setDefault(true);
    buttons->addButton(m_export, QDialogButtonBox::AcceptRole);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_export, &QPushButton::clicked, this, &ExportDialog::tryExport);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(what);
    layout->addWidget(which);
    layout->addWidget(how);
    layout->addWidget(m_error);
    layout->addWidget(buttons);

    // Initial choices: the shown day, as the Digest tab filters it.
    dayButton->setChecked(true);
    if (QAbstractButton *tab = m_selections->button(int(Selection::DigestTab)))
        tab->setChecked(true);
    else
        digestButton->setChecked(true);
    if (m_context.tags.contains(m_context.digestFilter.tag))
        m_tag->setCurrentText(m_context.digestFilter.tag);
    if (m_context.directory.isEmpty())
        m_context.directory = QDir::homePath();

    const auto changed = [this] {
        updateEnabled();
        suggestName();
        m_error->hide();
    };
    connect(m_scopes, &QButtonGroup::idToggled, this, [changed](int, bool on) {
        if (on)
            changed();
    });
    connect(m_selections, &QButtonGroup::idToggled, this, [changed](int, bool on) {
        if (on)
            changed();
    });
    for (QDateEdit *edit : {m_from, m_to, m_month})
        connect(edit, &QDateEdit::dateChanged, this, changed);
    connect(m_tag, &QComboBox::currentTextChanged, this, changed);
    connect(m_format, &QComboBox::currentIndexChanged, this, changed);
    connect(m_path, &QLineEdit::textEdited, this, &ExportDialog::pathEdited);
    connect(browse, &QToolButton::clicked, this, &ExportDialog::browse);
    updateEnabled();
    suggestName();
}

void ExportDialog::setScope(Scope scope)
{
    m_scopes->button(int(scope))->setChecked(true);
}

ExportDialog::Scope ExportDialog::scope() const
{
    return Scope(m_scopes->checkedId());
}

void ExportDialog::setSelection(Selection selection)
{
    m_selections->button(int(selection))->setChecked(true);
}

ExportDialog::Selection ExportDialog::selection() const
{
    return Selection(m_selections->checkedId());
}

void ExportDialog::setFormat(ExportFormat format)
{
    m_format->setCurrentIndex(int(kFormats.indexOf(format)));
}

ExportFormat ExportDialog::format() const
{
    return kFormats.value(m_format->currentIndex(), ExportFormat::Markdown);
}

QString ExportDialog::path() const
{
    return m_path->text().trimmed();
}

ExportRequest ExportDialog::request() const
{
    ExportRequest r;
    r.format = format();
    r.options = m_context.options;
    r.options.pageSize = PdfRenderer::pageSize(m_pageSize->currentData().toString());
    switch (scope()) {
    case Scope::Day:
        r.from = r.to = m_context.day;
        break;
    case Scope::Range:
        r.from = m_from->date();
        r.to = m_to->date();
        break;
    case Scope::Month:
        r.scope = ExportRequest::Scope::Month;
        r.from = QDate(m_month->date().year(), m_month->date().month(), 1);
        r.to = QDate(r.from.year(), r.from.month(), r.from.daysInMonth());
        return r;
    case Scope::Shown:
        r.from = m_context.shownFrom;
        r.to = m_context.shownTo;
        r.ids = m_context.shownIds;
        r.filter.relevantOnly = false;
        return r;
    }
    if (selection() == Selection::DigestTab) {
        r.filter = m_context.digestFilter;
        return r;
    }
    r.filter.starredOnly = selection() == Selection::Starred;
    if (selection() == Selection::Tag)
        r.filter.tag = m_tag->currentText().trimmed();
    r.filter.relevantOnly = selection() == Selection::Digest;
    return r;
}

void ExportDialog::updateEnabled()
{
    const Scope s = scope();
    m_from->setEnabled(s == Scope::Range);
    m_to->setEnabled(s == Scope::Range);
    m_month->setEnabled(s == Scope::Month);
    m_scopes->button(int(Scope::Shown))->setEnabled(!m_context.shownIds.isEmpty());
    const bool days = s == Scope::Day || s == Scope::Range;
    for (QAbstractButton *b : m_selections->buttons())
        b->setEnabled(days);
    m_selections->button(int(Selection::Tag))->setEnabled(days && m_tag->count() > 0);
    m_tag->setEnabled(days && selection() == Selection::Tag);
    // A monthly overview is a page of totals and links: md, html or pdf.
    auto *model = qobject_cast<QStandardItemModel *>(m_format->model());
    for (int i = 0; i < kFormats.size(); ++i) {
        if (QStandardItem *item = model ? model->item(i) : nullptr)
            item->setEnabled(s != Scope::Month || monthFormat(kFormats.at(i)));
    }
    if (s == Scope::Month && !monthFormat(format())) {
        const QSignalBlocker block(m_format);
        setFormat(ExportFormat::Markdown);
    }
    m_pageSize->setEnabled(format() == ExportFormat::Pdf);
}

void ExportDialog::suggestName()
{
    const QString ext = DigestExporter::name(format());
    QString current = path();
    if (m_nameEdited && !current.isEmpty()) {
        // The user's name stays; only its extension follows the format.
        const QFileInfo info(current);
        if (info.suffix().isEmpty() || DigestExporter::parseFormat(info.suffix()))
            current = QDir(info.path()).filePath(info.completeBaseName() + u'.' + ext);
        else
            current += u'.' + ext;
        if (current != m_path->text())
            m_path->setText(current);
        return;
    }
    QString base;
    const ExportRequest r = request();
    switch (scope()) {
    case Scope::Day:
    case Scope::Range:
        base = r.from == r.to ? QStringLiteral("digest-%1").arg(iso(r.from))
                              : QStringLiteral("digest-%1_to_%2").arg(iso(r.from), iso(r.to));
        if (r.filter.starredOnly)
            base += QStringLiteral("-starred");
        else if (!r.filter.tag.isEmpty())
            base += QStringLiteral("-tag-") + fileSafe(r.filter.tag);
        break;
    case Scope::Month:
        base = QStringLiteral("overview-%1").arg(r.from.toString(QStringLiteral("yyyy-MM")));
        break;
    case Scope::Shown:
        base = r.from == r.to ? QStringLiteral("papers-%1").arg(iso(r.from))
                              : QStringLiteral("papers-%1_to_%2").arg(iso(r.from), iso(r.to));
        break;
    }
    const QString folder = current.isEmpty() ? m_context.directory : QFileInfo(current).path();
    m_path->setText(QDir(folder).filePath(base + u'.' + ext));
    m_overwriteConfirmed = false;
}

void ExportDialog::pathEdited(const QString &text)
{
    m_nameEdited = !text.trimmed().isEmpty();
    m_overwriteConfirmed = false;
    m_error->hide();
    // A known extension typed by hand picks its format.
    if (auto f = DigestExporter::formatForFile(text.trimmed()); f && *f != format()) {
        if (scope() == Scope::Month && !monthFormat(*f))
            return;
        const QSignalBlocker block(m_format);
        setFormat(*f);
        updateEnabled();
    }
}

void ExportDialog::browse()
{
    const QString filters = tr("%1 (*.%2)").arg(m_format->currentText(), DigestExporter::name(format()));
    const QString chosen = QFileDialog::getSaveFileName(this, tr("Export To"), path(), filters);
    if (chosen.isEmpty())
        return;
    m_path->setText(chosen);
    pathEdited(chosen);
    suggestName(); // the extension follows the format
    m_overwriteConfirmed = true; // the file dialog asked
}

QString ExportDialog::problem() const
{
    const ExportRequest r = request();
    if (scope() == Scope::Range && r.from > r.to)
        return tr("The range starts (%1) after it ends (%2).").arg(iso(r.from), iso(r.to));
    if (scope() == Scope::Shown && m_context.shownIds.isEmpty())
        return tr("The current filter shows no papers.");
    if (selection() == Selection::Tag && scope() != Scope::Month && scope() != Scope::Shown &&
        r.filter.tag.isEmpty())
        return tr("Choose a tag.");
    const QString file = path();
    if (file.isEmpty())
        return tr("Choose the file to write.");
    const QFileInfo info(file);
    if (info.isDir())
        return tr("%1 is a folder; choose a file name.").arg(file);
    const QFileInfo folder(info.absolutePath());
    if (!folder.isDir())
        return tr("Cannot write %1: the folder %2 does not exist.").arg(file, folder.filePath());
    if (!folder.isWritable())
        return tr("Cannot write %1: the folder %2 is not writable.").arg(file, folder.filePath());
    if (info.exists() && !info.isWritable())
        return tr("Cannot write %1: the file is read-only.").arg(file);
    return {};
}

void ExportDialog::tryExport()
{
    if (const QString why = problem(); !why.isEmpty()) {
        m_error->setText(why);
        m_error->show();
        return;
    }
    const QString file = QFileInfo(path()).absoluteFilePath();
    if (QFileInfo::exists(file) && !m_overwriteConfirmed) {
        QMessageBox ask(QMessageBox::Question, tr("Export"), tr("%1 exists. Replace it?").arg(file),
            QMessageBox::Yes | QMessageBox::No, this);
        ask.setTextFormat(Qt::PlainText); // a file name is not markup
        if (ask.exec() != QMessageBox::Yes)
            return;
    }
    m_error->hide();
    Q_EMIT exportRequested(request(), file);
    accept();
}

} // namespace Lectern
