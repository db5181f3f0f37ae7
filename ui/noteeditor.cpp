// SPDX-License-Identifier: GPL-3.0-or-later
#include "noteeditor.h"

#include "store/paperstore.h"

#include <QCompleter>
#include <QFormLayout>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QStringListModel>

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

NoteEditor::NoteEditor(PaperStore *store, QWidget *parent)
    : QWidget(parent)
    , m_store(store)
    , m_tags(new QLineEdit(this))
    , m_note(new QPlainTextEdit(this))
    , m_tagModel(new QStringListModel(this))
{
    setObjectName(QStringLiteral("noteEditor"));
    m_tags->setObjectName(QStringLiteral("tagsEdit"));
    m_note->setObjectName(QStringLiteral("noteEdit"));
    m_tags->setPlaceholderText(tr("tags, comma separated (T)"));
    m_note->setPlaceholderText(tr("Your note on this paper (N). Saved as you type."));
    auto *completer = new QCompleter(m_tagModel, this);
    completer->setCaseSensitivity(Qt::CaseInsensitive);
    m_tags->setCompleter(completer);
    auto *layout = new QFormLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addRow(tr("Tags:"), m_tags);
    layout->addRow(tr("Note:"), m_note);

    m_saveTimer.setSingleShot(true);
    m_saveTimer.setInterval(400);
    connect(&m_saveTimer, &QTimer::timeout, this, &NoteEditor::flush);
    m_retryTimer.setSingleShot(true);
    m_retryTimer.setInterval(5000);
    connect(&m_retryTimer, &QTimer::timeout, this, &NoteEditor::saveUnsaved);
    connect(m_note, &QPlainTextEdit::textChanged, this, &NoteEditor::scheduleSave);
    connect(m_tags, &QLineEdit::textEdited, this, &NoteEditor::scheduleSave);
    connect(m_tags, &QLineEdit::editingFinished, this, &NoteEditor::flush);
    setEnabled(false);
}

NoteEditor::~NoteEditor()
{
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
    if (m_dirty && m_store && !m_state.arxivId.isEmpty()) {
        m_dirty = false;
        PaperState edit = m_state;
        edit.note = m_note->toPlainText();
        edit.tags = parseTags(m_tags->text());
        m_unsaved.insert(edit.arxivId, edit);
    }
    saveUnsaved();
}

bool NoteEditor::saveUnsaved()
{
    m_retryTimer.stop();
    if (!m_store || m_unsaved.isEmpty())
        return true;
    QString error;
    for (auto it = m_unsaved.begin(); it != m_unsaved.end();) {
        // Re-read the stored state so that a star or dismissal made meanwhile is kept.
        auto current = m_store->state(it.key());
        PaperState st = current ? *current : it.value();
        st.note = it->note;
        st.tags = it->tags;
        if (auto r = m_store->saveState(st); !r) {
            if (error.isEmpty())
                error = r.error();
            ++it;
            continue;
        }
        it = m_unsaved.erase(it);
        if (st.arxivId == m_state.arxivId)
            m_state = st;
        Q_EMIT saved(st);
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
    const PaperState shown = m_unsaved.value(state.arxivId, state);
    m_note->setPlainText(shown.note);
    m_tags->setText(shown.tags.join(QStringLiteral(", ")));
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
    m_loading = false;
    setEnabled(false);
}

void NoteEditor::setKnownTags(const QStringList &tags)
{
    m_tagModel->setStringList(tags);
}

} // namespace Lectern
