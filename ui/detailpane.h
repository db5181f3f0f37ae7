// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "domain/paperrecord.h"
#include "domain/sharednote.h"

#include <QTextBrowser>

namespace Lectern {

/// The selected paper: title, authors, ids and links, abstract, the model's comment and scores.
/// Loads nothing from the network, ever: remote images or styles in an abstract stay unfetched.
class DetailPane final : public QTextBrowser
{
    Q_OBJECT
public:
    /// One paper of the "More like this" list.
    struct SimilarEntry
    {
        QString arxivId;
        QString title;
        double similarity = 0;
        QStringList sharedTerms; ///< why: the terms the two papers share that weigh most
    };

    explicit DetailPane(QWidget *parent = nullptr);

    /// @p similar: the papers nearest to it, listed under "More like this" (anchor "similar").
    /// @p librarySource: the file the paper was imported from, when it is in the user's library.
    void showRecord(const PaperRecord *record, const QList<Paper> &previousVersions = {},
        const QList<SimilarEntry> &similar = {}, const QString &librarySource = {});
    [[nodiscard]] QString currentArxivId() const { return m_arxivId; }
    /// The notes members shared on the paper showRecord() shows next (read-only here, with each author's
    /// name; the member's own is their note, shown as such).
    void setSharedNotes(const QList<SharedNote> &notes) { m_sharedNotes = notes; }
    /// The authors the user follows: theirs get a mark instead of the "+" that would follow them.
    void setFollowedAuthors(const QStringList &names) { m_followedAuthors = names; }
    /// A word on the paper's details (being read, or why they could not be), said at the end of the pane by
    /// the next showRecord(); empty for none.
    void setDetailsNote(const QString &note) { m_detailsNote = note; }
    /// Whether other members' shared notes get an "Edit" link (a lab's store: the group edits them).
    void setSharedNotesEditable(bool editable) { m_sharedNotesEditable = editable; }

    QVariant loadResource(int type, const QUrl &name) override;

Q_SIGNALS:
    /// The user clicked an author's name: filter by that author.
    void authorClicked(const QString &name);
    /// The user asked to follow an author (their papers come first in the digest).
    void followAuthorRequested(const QString &name);
    /// Something to say in the status bar (a link no browser could open).
    void message(const QString &text);
    /// The user clicked a paper of the "More like this" list.
    void paperRequested(const QString &arxivId);
    /// The user asked to edit another member's shared note (its "Edit" link).
    void sharedNoteEditRequested(const Lectern::SharedNote &note);

private:
    QString m_arxivId;
    QList<SharedNote> m_sharedNotes;
    QString m_detailsNote;
    QStringList m_followedAuthors;
    bool m_sharedNotesEditable = false;
};

} // namespace Lectern
