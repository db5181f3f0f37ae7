// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "domain/paperstate.h"
#include "domain/sharednote.h"
#include "notemergedialog.h"

#include <QHash>
#include <QPointer>
#include <QTimer>
#include <QWidget>

class QCheckBox;
class QLineEdit;
class QPlainTextEdit;
class QCompleter;
class QStringListModel;

namespace Lectern {

class PaperStateHub;

/// The user's tags and note for the selected paper. The note saves as you type (a short pause is
/// enough) and whenever the paper changes or the editor goes away, so nothing typed is lost. A save that
/// fails (full disk, locked database) keeps the edit: it is shown again for its paper and retried with
/// every later save and every few seconds, until it is stored. A note or tags changed elsewhere (the
/// digest) show here at once unless the user is typing here.
///
/// On a lab's PostgreSQL store the note can be shared with the group ("Share with the group"). A shared note
/// is saved only over the version this editor started from: when it was changed elsewhere meanwhile (the
/// same member's other window), nothing is saved and a NoteMergeDialog shows both texts; Save stores the
/// merge, Cancel keeps the text here, unsaved, until the next edit asks again.
///
/// Keys: Enter in Tags and Esc in either field save and hand the keyboard back to the paper table
/// (returnFocusRequested); Tab moves between the fields instead of typing a tab; tags complete from the
/// tags already in use, each after its comma.
class NoteEditor final : public QWidget
{
    Q_OBJECT
public:
    explicit NoteEditor(PaperStateHub *hub, QWidget *parent = nullptr);
    ~NoteEditor() override;

    /// Shows @p state, the table's, for editing (saving what was pending for the previous paper first); the
    /// state read from the store follows with showStored().
    void setPaper(const PaperState &state);
    void clear();
    void setKnownTags(const QStringList &tags);
    /// Shows @p stored, the paper's state as read from the store now (another member changed its shared
    /// note, another window its tags), with the version to go on from, unless the user is typing here or an
    /// edit of it waits to be saved or merged. Another paper's state is ignored.
    void showStored(const PaperState &stored) { stateChanged(stored); }
    [[nodiscard]] QPlainTextEdit *noteEdit() const { return m_note; }
    [[nodiscard]] QLineEdit *tagsEdit() const { return m_tags; }
    [[nodiscard]] QCheckBox *shareCheck() const { return m_share; }
    /// The merge dialog of a shared note that changed elsewhere, while it is open.
    [[nodiscard]] NoteMergeDialog *mergeDialog() const { return m_mergeDialog; }
    /// Writes pending edits now, and retries those that failed before.
    void flush();
    /// Edits not stored yet because saving them failed or their shared note awaits a merge.
    [[nodiscard]] int unsavedCount() const { return int(m_unsaved.size() + m_conflicts.size()); }

Q_SIGNALS:
    void saveFailed(const QString &message);
    /// Enter in Tags or Esc: the user is done here; the paper table should take the keys again.
    void returnFocusRequested();

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void scheduleSave();
    bool saveUnsaved();
    void stateChanged(const PaperState &state);
    void finishEditing();
    void showConflict(const PaperState &edit, const NoteConflict &conflict);
    void mergeFinished(int result);

    PaperStateHub *m_hub;
    PaperState m_state;
    bool m_dirty = false;
    bool m_loading = false;
    QLineEdit *m_tags;
    QPlainTextEdit *m_note;
    QCheckBox *m_share;
    QStringListModel *m_tagModel;
    QCompleter *m_tagCompleter;
    QTimer m_saveTimer;
    QTimer m_retryTimer;
    QHash<QString, PaperState> m_unsaved; ///< by arXiv id: edits whose save failed, retried
    /// By arXiv id: edits of a shared note that changed elsewhere, not retried: they wait for a merge.
    QHash<QString, PaperState> m_conflicts;
    QPointer<NoteMergeDialog> m_mergeDialog;
    bool m_closing = false; ///< in the destructor: no dialog any more
};

} // namespace Lectern
