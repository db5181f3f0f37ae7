// SPDX-License-Identifier: GPL-3.0-or-later
#include "noteeditor.h"

#include "models/paperstatehub.h"
#include "notemergedialog.h"
#include "store/paperstore.h"

#include <QAbstractItemView>
#include <QCheckBox>
#include <QCompleter>
#include <QFormLayout>
#include <QKeyEvent>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QStringListModel>

#include <utility>

namespace Lectern {

namespace {

QStringList parseTags(const QString &text)
{
    QStringList tags;
    for (const QString &t : text.split(u',', Qt::SkipEmptyParts)) {
        const QString clean = t.trimmed();
        if (!clean.isEmpty() && !tags.contains(clean))
            tags << clean;
    }
    tags.sort(Qt::CaseInsensitive);
    return tags;
}

} // namespace

NoteEditor::NoteEditor(PaperStateHub *hub, QWidget *parent)
    : QWidget(parent)
    , m_hub(hub)
    , m_tags(new QLineEdit(this))
    , m_note(new QPlainTextEdit(this))
    , m_share(new QCheckBox(tr("Share with the group"), this))
    , m_tagModel(new QStringListModel(this))
{
    setObjectName(QStringLiteral("noteEditor"));
    m_tags->setObjectName(QStringLiteral("tagsEdit"));
    m_note->setObjectName(QStringLiteral("noteEdit"));
    m_tags->setPlaceholderText(tr("tags, comma separated (T; Enter returns to the list)"));
    m_note->setPlaceholderText(
        tr("Your note on this paper (N). Saved as you type; Esc returns to the list."));
    m_tags->setAccessibleName(tr("Tags"));
    m_note->setAccessibleName(tr("Note"));
    // Tab moves on, as in every other field; a tab character in a note is never what was meant.
    m_note->setTabChangesFocus(true);
    m_tagCompleter = new QCompleter(m_tagModel, this);
    m_tagCompleter->setCaseSensitivity(Qt::CaseInsensitive);
    m_tagCompleter->setWidget(m_tags);
    m_tagCompleter->setCompletionMode(QCompleter::PopupCompletion);
    // The completer completes the tag being typed (after the last comma), not the whole field.
    connect(m_tags, &QLineEdit::textEdited, this, [this](const QString &text) {
        const QString prefix = text.section(u',', -1).trimmed();
        if (prefix.isEmpty()) {
            m_tagCompleter->popup()->hide();
            return;
        }
        m_tagCompleter->setCompletionPrefix(prefix);
        if (m_tagCompleter->completionCount() > 0)
            m_tagCompleter->complete();
        else
            m_tagCompleter->popup()->hide();
    });
    connect(
        m_tagCompleter, qOverload<const QString &>(&QCompleter::activated), this, [this](const QString &tag) {
            QStringList parts = m_tags->text().split(u',');
            parts.last() = parts.size() > 1 ? u' ' + tag : tag;
            m_tags->setText(parts.join(u','));
            scheduleSave();
        });
    m_tags->installEventFilter(this);
    m_note->installEventFilter(this);
    auto *layout = new QFormLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addRow(tr("Tags:"), m_tags);
    layout->addRow(tr("Note:"), m_note);
    m_share->setObjectName(QStringLiteral("shareNoteCheck"));
    m_share->setToolTip(
        tr("Every member of the lab reads a shared note, with your name; only you change it."));
    layout->addRow(QString(), m_share);
    // Sharing needs a group: a lab's PostgreSQL store. An SQLite file has one member.
    m_share->setVisible(m_hub && m_hub->store() && m_hub->store()->database().location().isPostgres());
    connect(m_share, &QCheckBox::toggled, this, &NoteEditor::scheduleSave);

    m_saveTimer.setSingleShot(true);
    m_saveTimer.setInterval(400);
    connect(&m_saveTimer, &QTimer::timeout, this, &NoteEditor::flush);
    m_retryTimer.setSingleShot(true);
    m_retryTimer.setInterval(5000);
    connect(&m_retryTimer, &QTimer::timeout, this, &NoteEditor::saveUnsaved);
    connect(m_note, &QPlainTextEdit::textChanged, this, &NoteEditor::scheduleSave);
    connect(m_tags, &QLineEdit::textEdited, this, &NoteEditor::scheduleSave);
    connect(m_tags, &QLineEdit::editingFinished, this, &NoteEditor::flush);
    if (m_hub)
        connect(m_hub, &PaperStateHub::changed, this, &NoteEditor::stateChanged);
    setEnabled(false);
}

bool NoteEditor::eventFilter(QObject *watched, QEvent *event)
{
    const bool keyEvent = event->type() == QEvent::KeyPress || event->type() == QEvent::ShortcutOverride;
    if (!keyEvent || (watched != m_tags && watched != m_note))
        return QWidget::eventFilter(watched, event);
    auto *key = static_cast<QKeyEvent *>(event);
    // An open completion list takes Enter and Esc itself.
    if (watched == m_tags && m_tagCompleter->popup()->isVisible())
        return QWidget::eventFilter(watched, event);
    const bool enterInTags =
        watched == m_tags && (key->key() == Qt::Key_Return || key->key() == Qt::Key_Enter);
    if (key->key() != Qt::Key_Escape && !enterInTags)
        return QWidget::eventFilter(watched, event);
    if (event->type() == QEvent::ShortcutOverride) {
        // Ours, not the window's Esc (cancel the running job): the key press comes here next.
        key->accept();
        return true;
    }
    finishEditing();
    return true;
}

void NoteEditor::finishEditing()
{
    flush();
    Q_EMIT returnFocusRequested();
}

void NoteEditor::stateChanged(const PaperState &state)
{
    if (state.arxivId != m_state.arxivId || m_state.arxivId.isEmpty())
        return;
    // What the user is typing here wins; otherwise show the stored note and tags (changed in the digest).
    if (m_dirty || m_saveTimer.isActive() || m_unsaved.contains(state.arxivId) ||
        m_conflicts.contains(state.arxivId)) {
        // The version stays the one the typing started from: a save over a newer one must be merged.
        const int base = m_state.noteVersion;
        m_state = state;
        m_state.noteVersion = base;
        return;
    }
    m_state = state;
    m_loading = true;
    m_share->setChecked(state.noteShared);
    if (m_note->toPlainText() != state.note)
        m_note->setPlainText(state.note);
    if (parseTags(m_tags->text()) != state.tags)
        m_tags->setText(state.tags.join(QStringLiteral(", ")));
    m_loading = false;
}

NoteEditor::~NoteEditor()
{
    m_closing = true;
    flush();
}

void NoteEditor::scheduleSave()
{
    if (m_loading || m_state.arxivId.isEmpty())
        return;
    m_dirty = true;
    m_saveTimer.start();
}

void NoteEditor::flush()
{
    m_saveTimer.stop();
    if (m_dirty && m_hub && !m_state.arxivId.isEmpty()) {
        m_dirty = false;
        PaperState edit = m_state;
        edit.note = m_note->toPlainText();
        edit.tags = parseTags(m_tags->text());
        edit.noteShared = m_share->isChecked();
        // Typing on after a cancelled merge: still over the version that conflicted, so it asks again.
        if (const auto waiting = m_conflicts.constFind(edit.arxivId); waiting != m_conflicts.cend())
            edit.noteVersion = waiting->noteVersion;
        m_conflicts.remove(edit.arxivId);
        m_unsaved.insert(edit.arxivId, edit);
    }
    saveUnsaved();
}

bool NoteEditor::saveUnsaved()
{
    m_retryTimer.stop();
    if (!m_hub || m_unsaved.isEmpty())
        return true;
    QString error;
    // Taken out while saving: a save announces the new state, and a view reacting to it may flush this
    // editor again, which must not save the same edit a second time (over and over).
    const QHash<QString, PaperState> pending = std::exchange(m_unsaved, {});
    for (auto it = pending.cbegin(); it != pending.cend(); ++it) {
        // On the stored state, so that a star or dismissal made meanwhile is kept.
        const PaperState &edit = it.value();
        auto r = m_hub->saveNote(edit);
        if (!r) {
            if (error.isEmpty())
                error = r.error();
            if (!m_unsaved.contains(it.key())) // a newer edit of it was queued meanwhile
                m_unsaved.insert(it.key(), edit);
            continue;
        }
        if (r->conflict) {
            m_conflicts.insert(edit.arxivId, edit);
            showConflict(edit, *r->conflict);
        } else if (edit.arxivId == m_state.arxivId) {
            // Our own save is the version further typing builds on.
            m_state.noteShared = edit.noteShared && !edit.note.isEmpty();
            m_state.noteVersion = m_state.noteShared ? r->noteVersion : 0;
        }
    }
    if (error.isEmpty())
        return true;
    m_retryTimer.start();
    Q_EMIT saveFailed(tr("%1 (the note is kept here and saved as soon as that works again)").arg(error));
    return false;
}

void NoteEditor::setPaper(const PaperState &state)
{
    flush();
    m_loading = true;
    m_state = state;
    // An edit of this paper that could not be saved yet is what the user expects to see, not the old note.
    const PaperState shown = m_unsaved.value(state.arxivId, m_conflicts.value(state.arxivId, m_state));
    m_note->setPlainText(shown.note);
    m_tags->setText(shown.tags.join(QStringLiteral(", ")));
    m_share->setChecked(shown.noteShared);
    m_loading = false;
    setEnabled(true);
}

void NoteEditor::clear()
{
    flush();
    m_loading = true;
    m_state = PaperState();
    m_note->clear();
    m_tags->clear();
    m_share->setChecked(false);
    m_loading = false;
    setEnabled(false);
}

void NoteEditor::showConflict(const PaperState &edit, const NoteConflict &conflict)
{
    Q_EMIT saveFailed(tr("your shared note on %1 was changed elsewhere meanwhile; merge the two texts "
                         "(your text is kept here until then)")
                          .arg(edit.arxivId));
    // One merge at a time; a second conflict is asked about with the next edit.
    if (m_closing || m_mergeDialog)
        return;
    m_mergeDialog = new NoteMergeDialog(conflict, edit.arxivId, this);
    m_mergeDialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(m_mergeDialog, &QDialog::finished, this, &NoteEditor::mergeFinished);
    m_mergeDialog->open();
}

void NoteEditor::mergeFinished(int result)
{
    if (!m_mergeDialog)
        return;
    const NoteConflict conflict = m_mergeDialog->conflict();
    const QString merged = m_mergeDialog->mergedText();
    const auto waiting = m_conflicts.constFind(conflict.arxivId);
    // Cancel: nothing is saved; the text stays in the editor (and in m_conflicts) for the next edit.
    if (result != QDialog::Accepted || waiting == m_conflicts.cend())
        return;
    PaperState edit = *waiting;
    m_conflicts.erase(waiting);
    edit.note = merged;
    edit.noteVersion = conflict.theirVersion;
    if (edit.arxivId == m_state.arxivId) {
        m_loading = true;
        m_note->setPlainText(merged);
        m_note->moveCursor(QTextCursor::End); // to go on writing
        m_loading = false;
        m_state.noteVersion = conflict.theirVersion;
    }
    m_unsaved.insert(edit.arxivId, edit);
    saveUnsaved();
}

void NoteEditor::setKnownTags(const QStringList &tags)
{
    m_tagModel->setStringList(tags);
}

} // namespace Lectern
