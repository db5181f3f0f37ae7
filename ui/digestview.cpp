// SPDX-License-Identifier: GPL-3.0-or-later
#include "digestview.h"

#include "blockedresource.h"
#include "externallinkopener.h"
#include "latestjobloader.h"
#include "models/paperstatehub.h"
#include "notemergedialog.h"
#include "store/paperstore.h"
#include "text/textounicode.h"

#include <QCheckBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPointer>
#include <QPushButton>
#include <QScrollBar>
#include <QShortcut>
#include <QSpinBox>
#include <QSplitter>
#include <QUrlQuery>
#include <QVBoxLayout>

namespace Lectern {

DigestBrowser::DigestBrowser(QWidget *parent)
    : QTextBrowser(parent)
{
    setObjectName(QStringLiteral("digestBrowser"));
    // Every click comes to DigestView::openLink; QTextBrowser itself follows nothing.
    setOpenLinks(false);
    setOpenExternalLinks(false);
}

QVariant DigestBrowser::loadResource(int type, const QUrl &name)
{
    if (name.scheme() == u"qrc")
        return QTextBrowser::loadResource(type, name);
    return BlockedResource::nothing(type);
}

DigestView::DigestView(QWidget *parent)
    : QWidget(parent)
    , m_renderer(new LatestJobLoader(
          [this] {
              return new DigestDocumentJob(m_storePath,
                  DigestPageRequest {m_day, m_month, m_settings, m_filter, m_browser->font(), thread()});
          },
          this))
    , m_browser(new DigestBrowser(this))
    , m_splitter(new QSplitter(Qt::Vertical, this))
    , m_relevantOnly(new QCheckBox(tr("Relevant only"), this))
    , m_starredOnly(new QCheckBox(tr("Starred only"), this))
    , m_tag(new QLineEdit(this))
    , m_minRelevance(new QSpinBox(this))
    , m_minNovelty(new QSpinBox(this))
    , m_notePanel(new QWidget(this))
    , m_noteTitle(new QLabel(this))
    , m_noteEdit(new QPlainTextEdit(this))
    , m_saveNote(new QPushButton(tr("Save Note"), this))
{
    setObjectName(QStringLiteral("digestView"));
    m_relevantOnly->setObjectName(QStringLiteral("digestRelevantOnly"));
    m_relevantOnly->setChecked(true);
    m_relevantOnly->setToolTip(tr("Only the digest's papers (thresholds and followed authors); "
                                  "off: every paper listed that day"));
    m_starredOnly->setObjectName(QStringLiteral("digestStarredOnly"));
    m_tag->setObjectName(QStringLiteral("digestTag"));
    m_tag->setPlaceholderText(tr("Tag"));
    m_tag->setClearButtonEnabled(true);
    m_tag->setMaximumWidth(160);
    m_minRelevance->setObjectName(QStringLiteral("digestMinRelevance"));
    m_minRelevance->setRange(0, 10);
    m_minRelevance->setPrefix(tr("Relevance ≥ "));
    m_minRelevance->setSpecialValueText(tr("Any relevance"));
    m_minNovelty->setObjectName(QStringLiteral("digestMinNovelty"));
    m_minNovelty->setRange(0, 10);
    m_minNovelty->setPrefix(tr("Novelty ≥ "));
    m_minNovelty->setSpecialValueText(tr("Any novelty"));

    auto *filters = new QHBoxLayout;
    filters->addWidget(m_relevantOnly);
    filters->addWidget(m_starredOnly);
    filters->addWidget(m_tag);
    filters->addWidget(m_minRelevance);
    filters->addWidget(m_minNovelty);
    filters->addStretch(1);

    m_noteTitle->setObjectName(QStringLiteral("digestNoteTitle"));
    m_noteTitle->setWordWrap(true);
    m_noteTitle->setTextFormat(Qt::PlainText); // a title is text, never markup
    m_noteEdit->setObjectName(QStringLiteral("digestNoteEditor"));
    m_noteEdit->setPlaceholderText(tr("Your note on this paper"));
    m_saveNote->setObjectName(QStringLiteral("digestSaveNote"));
    auto *closeNote = new QPushButton(tr("Close"), m_notePanel);
    closeNote->setObjectName(QStringLiteral("digestCloseNote"));
    closeNote->setToolTip(tr("Save the note and close the panel (Esc)"));
    m_saveNote->setToolTip(tr("Save the note (Ctrl+Return)"));
    m_saveNote->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Return));
    auto *noteButtons = new QHBoxLayout;
    noteButtons->addWidget(m_noteTitle, 1);
    noteButtons->addWidget(m_saveNote);
    noteButtons->addWidget(closeNote);
    auto *noteLayout = new QVBoxLayout(m_notePanel);
    noteLayout->setContentsMargins(0, 0, 0, 0);
    noteLayout->addLayout(noteButtons);
    noteLayout->addWidget(m_noteEdit);
    m_notePanel->hide();

    m_splitter->addWidget(m_browser);
    m_splitter->addWidget(m_notePanel);
    m_splitter->setStretchFactor(0, 4);
    m_splitter->setStretchFactor(1, 1);
    m_splitter->setChildrenCollapsible(false);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(filters);
    layout->addWidget(m_splitter, 1);

    connect(m_renderer, &LatestJobLoader::loaded, this,
        [this](const QVariant &page) { showRendered(page.value<RenderedDigestPage>()); });
    connect(m_renderer, &LatestJobLoader::failed, this, [this](const QString &m) {
        m_rendering = false;
        setError(m);
        Q_EMIT rendered();
    });
    connect(m_browser, &QTextBrowser::anchorClicked, this, &DigestView::openLink);
    connect(m_saveNote, &QPushButton::clicked, this, &DigestView::saveNote);
    connect(closeNote, &QPushButton::clicked, this, &DigestView::closeNote);
    auto *escape = new QShortcut(QKeySequence(Qt::Key_Escape), m_notePanel);
    escape->setContext(Qt::WidgetWithChildrenShortcut);
    connect(escape, &QShortcut::activated, this, &DigestView::closeNote);
    const auto filtersChanged = [this] {
        readFilterWidgets();
        load();
    };
    connect(m_relevantOnly, &QCheckBox::toggled, this, filtersChanged);
    connect(m_starredOnly, &QCheckBox::toggled, this, filtersChanged);
    connect(m_tag, &QLineEdit::editingFinished, this, filtersChanged);
    connect(m_minRelevance, &QSpinBox::valueChanged, this, filtersChanged);
    connect(m_minNovelty, &QSpinBox::valueChanged, this, filtersChanged);
}

DigestView::~DigestView() = default;

void DigestView::setHub(PaperStateHub *hub)
{
    if (m_hub)
        disconnect(m_hub, nullptr, this, nullptr);
    m_hub = hub;
    m_store = hub ? hub->store() : nullptr;
    m_storePath = m_store ? m_store->database().path() : QString();
    if (m_hub)
        connect(m_hub, &PaperStateHub::changed, this, &DigestView::stateChanged);
    load();
}

void DigestView::stateChanged(const PaperState &state)
{
    // Whoever changed it (the reader, a key, this page), the page shows what the store holds: re-rendered
    // now when visible, else when next shown.
    refresh();
    if (state.arxivId == m_notePaper && !noteModified()) {
        m_noteEdit->setPlainText(state.note);
        m_noteStored = state.note;
        m_noteVersion = state.noteVersion;
    } else if (state.arxivId == m_notePaper) {
        m_noteStored = state.note; // the draft stays; saving it is the user's choice
    }
}

void DigestView::setSettings(const DigestSettings &settings)
{
    m_settings = settings;
    load();
}

void DigestView::setFilter(const DigestFilter &filter)
{
    // The widgets follow without each of them reloading the day.
    const QSignalBlocker b1(m_relevantOnly), b2(m_starredOnly), b3(m_tag), b4(m_minRelevance),
        b5(m_minNovelty);
    m_relevantOnly->setChecked(filter.relevantOnly);
    m_starredOnly->setChecked(filter.starredOnly);
    m_tag->setText(filter.tag);
    m_minRelevance->setValue(filter.minRelevance);
    m_minNovelty->setValue(filter.minNovelty);
    m_filter = filter;
    load();
}

void DigestView::readFilterWidgets()
{
    m_filter.relevantOnly = m_relevantOnly->isChecked();
    m_filter.starredOnly = m_starredOnly->isChecked();
    m_filter.tag = m_tag->text().trimmed();
    m_filter.minRelevance = m_minRelevance->value();
    m_filter.minNovelty = m_minNovelty->value();
}

void DigestView::showDay(const QDate &day)
{
    m_day = day;
    m_month = {};
    load();
}

void DigestView::showMonth(int year, int month)
{
    m_month = QDate(year, month, 1);
    load();
}

void DigestView::refresh()
{
    if (!m_store)
        return;
    m_dirty = true;
    if (isVisible())
        render(true);
}

void DigestView::load()
{
    m_dirty = true;
    if (isVisible())
        render(false);
}

void DigestView::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    if (m_dirty)
        render(false);
}

void DigestView::setError(const QString &message)
{
    m_error = message;
    showMessage(QStringLiteral("<p style='color:#a00000'>%1</p>").arg(message.toHtmlEscaped()));
}

void DigestView::showMessage(const QString &html)
{
    m_browser->setHtml(html);
}

void DigestView::render(bool keepScroll)
{
    m_dirty = false;
    m_error.clear();
    if (!m_store || (!m_month.isValid() && !m_day.isValid())) {
        m_renderer->cancel();
        m_rendering = false;
        m_digest = {};
        showMessage(QStringLiteral("<p style='color:gray'>%1</p>")
                        .arg((m_store ? tr("No day to show yet.") : tr("No database.")).toHtmlEscaped()));
        Q_EMIT rendered();
        return;
    }
    // A refresh keeps the place only when no other page was asked for since.
    m_keepScroll = keepScroll && (!m_rendering || m_keepScroll);
    m_rendering = true;
    m_renderer->load();
}

void DigestView::showRendered(const RenderedDigestPage &page)
{
    m_rendering = false;
    m_digest = page.digest;
    QTextDocument *document = page.document.get();
    if (!document)
        return;
    const int scroll = m_browser->verticalScrollBar()->value();
    // The browser deletes its own first document; the ones adopted here go when the next one comes.
    const QPointer<QTextDocument> previous = m_browser->document();
    document->setParent(this); // adopted: the view owns it from now on
    m_browser->setDocument(document);
    if (previous && previous->parent() == this)
        delete previous;
    if (m_keepScroll) {
        // Lay the document out now, so that the old position exists again.
        m_browser->document()->documentLayout()->documentSize();
        m_browser->verticalScrollBar()->setValue(scroll);
    }
    Q_EMIT rendered();
}

void DigestView::openLink(const QUrl &url)
{
    if (url.scheme().isEmpty() && url.path().isEmpty() && url.hasFragment()) {
        m_browser->scrollToAnchor(url.fragment());
        return;
    }
    if (url.scheme() == u"http" || url.scheme() == u"https") {
        if (const QString problem = ExternalLinkOpener::open(url); !problem.isEmpty())
            Q_EMIT message(problem);
        return;
    }
    if (url.scheme() != u"lectern")
        return;
    const QUrlQuery query(url);
    const QString action = url.path();
    if (action == u"star") {
        setStarred(query.queryItemValue(QStringLiteral("id"), QUrl::FullyDecoded),
            query.queryItemValue(QStringLiteral("starred")) == u"1");
    } else if (action == u"note") {
        editNote(query.queryItemValue(QStringLiteral("id"), QUrl::FullyDecoded));
    } else if (action == u"day") {
        const QDate d = QDate::fromString(query.queryItemValue(QStringLiteral("date")), Qt::ISODate);
        if (d.isValid()) {
            showDay(d);
            Q_EMIT dayShown(d);
        }
    } else if (action == u"month") {
        const QDate d = QDate::fromString(
            query.queryItemValue(QStringLiteral("month")) + QStringLiteral("-01"), Qt::ISODate);
        if (d.isValid())
            showMonth(d.year(), d.month());
    }
}

bool DigestView::setStarred(const QString &arxivId, bool starred)
{
    if (!m_hub || arxivId.isEmpty())
        return false;
    // The page follows through the hub's signal, like every other view.
    if (auto saved = m_hub->update(arxivId, [starred](PaperState &s) { s.starred = starred; }); !saved) {
        setError(saved.error());
        return false;
    }
    return true;
}

void DigestView::editNote(const QString &arxivId)
{
    if (!m_hub || arxivId.isEmpty())
        return;
    // Another paper's draft is saved before its panel is reused.
    if (arxivId != m_notePaper && !closeNote())
        return;
    auto state = m_hub->state(arxivId);
    if (!state) {
        setError(state.error());
        return;
    }
    QString title = arxivId;
    for (const DigestEntry &e : std::as_const(m_digest.entries)) {
        if (e.paper.arxivId == arxivId)
            title = TexToUnicode::convert(e.paper.title);
    }
    m_notePaper = arxivId;
    m_noteStored = state->note;
    m_noteVersion = state->noteVersion;
    m_noteTitle->setText(tr("Note on %1").arg(title));
    if (!noteModified() || m_noteEdit->toPlainText().isEmpty())
        m_noteEdit->setPlainText(state->note);
    m_notePanel->show();
    // A panel shown for the first time gets no room from the splitter: give it a quarter.
    if (const QList<int> sizes = m_splitter->sizes();
        sizes.value(1) < m_noteEdit->minimumSizeHint().height() * 2) {
        const int total = sizes.value(0) + sizes.value(1);
        m_splitter->setSizes({total - total / 4, total / 4});
    }
    m_noteEdit->moveCursor(QTextCursor::End); // to go on writing
    m_noteEdit->setFocus();
}

bool DigestView::saveNote()
{
    if (!m_hub || m_notePaper.isEmpty())
        return false;
    const QString note = m_noteEdit->toPlainText().trimmed();
    auto current = m_hub->state(m_notePaper);
    if (!current) {
        setError(current.error());
        return false;
    }
    // Over the version the panel opened on: a shared note changed meanwhile elsewhere is merged first.
    PaperState edit = *current;
    edit.note = note;
    edit.noteVersion = m_noteVersion;
    auto saved = m_hub->saveNote(edit);
    if (!saved) {
        setError(saved.error());
        return false;
    }
    if (saved->conflict) {
        // The panel stays open with the text; the merge, once saved, is saved from here.
        NoteMergeDialog merge(*saved->conflict, m_noteTitle->text(), this);
        if (merge.exec() != QDialog::Accepted)
            return false;
        m_noteEdit->setPlainText(merge.mergedText());
        m_noteVersion = saved->conflict->theirVersion;
        return saveNote();
    }
    m_noteStored = note;
    m_noteVersion = saved->noteVersion;
    return true;
}

bool DigestView::noteModified() const
{
    return !m_notePaper.isEmpty() && m_noteEdit->toPlainText().trimmed() != m_noteStored.trimmed();
}

bool DigestView::closeNote()
{
    if (m_notePaper.isEmpty())
        return true;
    // Closing never loses typed text: it is saved, and a failed save keeps the panel open with it.
    if (noteModified() && !saveNote())
        return false;
    m_notePaper.clear();
    m_noteStored.clear();
    m_noteEdit->clear();
    m_notePanel->hide();
    m_browser->setFocus();
    return true;
}

} // namespace Lectern
