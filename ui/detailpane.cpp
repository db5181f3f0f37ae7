// SPDX-License-Identifier: GPL-3.0-or-later
#include "detailpane.h"

#include "blockedresource.h"
#include "externallinkopener.h"
#include "models/scorestatus.h"
#include "scoring/authormatcher.h"
#include "scoring/scorecomments.h"
#include "text/textounicode.h"

#include <QLocale>
#include <QUrlQuery>

#include <algorithm>

namespace Lectern {

DetailPane::DetailPane(QWidget *parent)
    : QTextBrowser(parent)
{
    setObjectName(QStringLiteral("detailPane"));
    setAccessibleName(tr("Paper details"));
    // Links are handled here: web links go to the browser, lectern: links act in the app.
    setOpenLinks(false);
    // Tight paragraphs: in a 900×600 window the abstract must start within the pane, not below metadata.
    document()->setDefaultStyleSheet(QStringLiteral(
        "p { margin-top: 0px; margin-bottom: 6px; } h3 { margin-top: 0px; margin-bottom: 6px; }"));
    connect(this, &QTextBrowser::anchorClicked, this, [this](const QUrl &url) {
        if (url.scheme() == u"http" || url.scheme() == u"https") {
            if (const QString problem = ExternalLinkOpener::open(url); !problem.isEmpty())
                Q_EMIT message(problem);
        } else if (url.scheme() == u"lectern") {
            const QString name = QUrlQuery(url).queryItemValue(QStringLiteral("name"), QUrl::FullyDecoded);
            if (url.path() == u"author")
                Q_EMIT authorClicked(name);
            else if (url.path() == u"follow")
                Q_EMIT followAuthorRequested(name);
            else if (url.path() == u"paper")
                Q_EMIT paperRequested(
                    QUrlQuery(url).queryItemValue(QStringLiteral("id"), QUrl::FullyDecoded));
            else if (url.path() == u"sharednote") {
                for (const SharedNote &n : std::as_const(m_sharedNotes)) {
                    if (n.author == name && n.arxivId == m_arxivId)
                        Q_EMIT sharedNoteEditRequested(n);
                }
            }
        }
    });
    showRecord(nullptr);
}

QVariant DetailPane::loadResource(int type, const QUrl &name)
{
    // Only resources compiled into the app; never a remote or local file named by paper text.
    if (name.scheme() == u"qrc")
        return QTextBrowser::loadResource(type, name);
    return BlockedResource::nothing(type);
}

void DetailPane::showRecord(const PaperRecord *record, const QList<Paper> &previousVersions,
    const QList<SimilarEntry> &similar, const QString &librarySource)
{
    if (!record) {
        m_arxivId.clear();
        setHtml(QStringLiteral("<p style='color:gray'>%1</p>")
                    .arg(tr("Select a paper to read its abstract.").toHtmlEscaped()));
        return;
    }
    const Paper &p = record->paper;
    m_arxivId = p.arxivId;
    auto esc = [](const QString &s) { return s.simplified().toHtmlEscaped(); };
    // arXiv's TeX, made readable (real sub/superscripts, display math on its own line); the store
    // keeps the original.
    auto tex = [](const QString &s) { return TexToUnicode::toHtml(s); };

    QString html;
    html += QStringLiteral("<h3>%1</h3>").arg(tex(p.title));
    QStringList authorLinks;
    for (const QString &author : p.authors) {
        // Filter and follow by the readable name without an affiliation in parentheses: "Peter Richtárik",
        // never arXiv's TeX (whose apostrophe once cut the link at "Peter Richt\").
        const QString name = TexToUnicode::convert(author.section(u'(', 0, 0));
        QUrl link(QStringLiteral("lectern:author"));
        QUrlQuery q;
        q.addQueryItem(QStringLiteral("name"), name);
        link.setQuery(q);
        const bool followed = std::any_of(m_followedAuthors.cbegin(), m_followedAuthors.cend(),
            [&name](const QString &f) { return AuthorMatcher::sameAuthor(f, name); });
        if (followed) {
            // No "+" beside someone already followed (seen under Xvfb): a mark that says so instead.
            authorLinks << QStringLiteral("<a href=\"%1\">%2</a> <span title=\"%3\"><small>✓</small></span>")
                               .arg(link.toString(QUrl::FullyEncoded).toHtmlEscaped(), tex(author),
                                   tr("You follow %1").arg(name).toHtmlEscaped());
            continue;
        }
        QUrl follow(QStringLiteral("lectern:follow"));
        follow.setQuery(q);
        authorLinks << QStringLiteral(
            "<a href=\"%1\">%2</a> <a href=\"%3\" title=\"%4\"><small>+</small></a>")
                           .arg(link.toString(QUrl::FullyEncoded).toHtmlEscaped(), tex(author),
                               follow.toString(QUrl::FullyEncoded).toHtmlEscaped(),
                               tr("Follow %1").arg(name).toHtmlEscaped());
    }
    html += QStringLiteral("<p><b>%1</b></p>").arg(authorLinks.join(QStringLiteral(", ")));
    // Identity and links on one line, so that the abstract stays in view in a small window.
    html += QStringLiteral("<p>%1 v%2 · %3 · %4 · %5 — <a href='%6'>%7</a> · <a href='%8'>%9</a> · "
                           "<a href='%10'>%11</a></p>")
                .arg(esc(p.arxivId))
                .arg(p.version)
                .arg(esc(p.categories.join(u' ')), esc(p.announceType),
                    esc(p.announced.toString(Qt::ISODate)), p.absUrl().toHtmlEscaped(), tr("Abstract page"),
                    p.pdfUrl().toHtmlEscaped(), tr("PDF"), p.htmlUrl().toHtmlEscaped(), tr("HTML"));
    if (!librarySource.isEmpty())
        html += QStringLiteral("<p><span style='color:#2a6f3f'>◆</span> <i>%1</i></p>")
                    .arg(esc(tr("In your library (imported from %1)").arg(librarySource)));
    if (const std::optional<Score> &s = record->score; s && s->isScored()) {
        // The built-in scorer's marks say so, so that they never pass for a language model's verdict.
        html += QStringLiteral("<p><b>%1</b> %2 · <b>%3</b> %4 · <i>%5</i></p>")
                    .arg(tr("Relevance"))
                    .arg(*s->relevance)
                    .arg(tr("Novelty"))
                    .arg(*s->novelty)
                    .arg(s->isLocal() ? esc(tr("scored by lectern-local (the built-in scorer, not an LLM)"))
                                      : esc(s->model));
    } else {
        html += QStringLiteral("<p><i>%1</i></p>").arg(esc(ScoreStatus::describe(s)));
    }
    // A stage's comment ("Dropped by title filter"…) would only repeat the status above.
    if (const std::optional<Score> &s = record->score; s && !s->comment.isEmpty() &&
        (s->verdict() == ScoreVerdict::Scored || s->verdict() == ScoreVerdict::Failed))
        // Lectern's own stored comments ("Not scored: …") in the reader's language; the model's as written.
        html += QStringLiteral("<p><b>%1</b> %2</p>")
                    .arg(tr("Comment:"), esc(ScoreComments::readable(s->comment)));
    html += QStringLiteral("<p>%1</p>").arg(tex(p.abstract));
    if (!p.comments.isEmpty())
        html += QStringLiteral("<p><b>%1</b> %2</p>").arg(tr("arXiv comments:"), esc(p.comments));
    if (!p.journalRef.isEmpty())
        html += QStringLiteral("<p><b>%1</b> %2</p>").arg(tr("Journal:"), esc(p.journalRef));
    if (!p.doi.isEmpty())
        html += QStringLiteral("<p><b>DOI</b> %1</p>").arg(esc(p.doi));
    if (!record->state.tags.isEmpty())
        html += QStringLiteral("<p><b>%1</b> %2</p>")
                    .arg(tr("Tags:"), esc(record->state.tags.join(QStringLiteral(", "))));
    // The member's own shared note as the group left it: another member may have edited it (schema 16).
    QString note = record->state.note;
    bool shared = record->state.noteShared;
    QString editedBy;
    for (const SharedNote &n : std::as_const(m_sharedNotes)) {
        if (n.mine && n.arxivId == p.arxivId) {
            note = n.text;
            shared = true;
            if (n.lastEditor != n.author)
                editedBy = n.lastEditor;
        }
    }
    if (!note.isEmpty())
        html += QStringLiteral("<p><b>%1</b>%2</p><p>%3</p>")
                    .arg(shared ? tr("Note (shared with the group):") : tr("Note:"),
                        editedBy.isEmpty() ? QString()
                                           : QStringLiteral(" <small style='color:gray'>%1</small>")
                                                 .arg(esc(tr("last edited by %1").arg(editedBy))),
                        note.toHtmlEscaped().replace(u'\n', QStringLiteral("<br>")));
    for (const SharedNote &n : std::as_const(m_sharedNotes)) {
        if (n.mine || n.arxivId != p.arxivId || n.text.isEmpty())
            continue;
        QString about = QLocale().toString(n.updatedAt.toLocalTime(), QLocale::ShortFormat);
        if (n.lastEditor != n.author)
            about = tr("%1, last edited by %2").arg(about, n.lastEditor);
        QString edit;
        if (m_sharedNotesEditable) {
            QUrl url(QStringLiteral("lectern:sharednote"));
            url.setQuery(QUrlQuery {{QStringLiteral("name"), n.author}});
            edit = QStringLiteral(" <a href='%1'>%2</a>")
                       .arg(esc(url.toString(QUrl::FullyEncoded)), esc(tr("Edit")));
        }
        html += QStringLiteral("<p><b>%1</b> <small style='color:gray'>%2</small>%3</p><p>%4</p>")
                    .arg(tr("Shared by %1:").arg(esc(n.author)), esc(about), edit,
                        n.text.toHtmlEscaped().replace(u'\n', QStringLiteral("<br>")));
    }
    for (const Paper &old : previousVersions)
        html += QStringLiteral("<p style='color:gray'>%1</p>")
                    .arg(tr("Version %1 was titled “%2”.").arg(old.version).arg(tex(old.title)));
    if (!similar.isEmpty()) {
        html +=
            QStringLiteral("<h3><a name='similar'></a>%1</h3><ul>").arg(tr("More like this").toHtmlEscaped());
        for (const SimilarEntry &e : similar) {
            QUrl link(QStringLiteral("lectern:paper"));
            QUrlQuery q;
            q.addQueryItem(QStringLiteral("id"), e.arxivId);
            link.setQuery(q);
            html += QStringLiteral("<li><a href=\"%1\">%2</a> <small>%3 · %4 %5</small></li>")
                        .arg(link.toString(QUrl::FullyEncoded).toHtmlEscaped(), tex(e.title), esc(e.arxivId),
                            QString::number(e.similarity, 'f', 2),
                            e.sharedTerms.isEmpty() ? QString()
                                                    : u"· " +
                                    esc(tr("shared: %1").arg(e.sharedTerms.join(QStringLiteral(", ")))));
        }
        html += QStringLiteral("</ul>");
    }
    if (!m_detailsNote.isEmpty())
        html += QStringLiteral("<p style='color:gray'><i>%1</i></p>").arg(esc(m_detailsNote));
    setHtml(html);
}

} // namespace Lectern
