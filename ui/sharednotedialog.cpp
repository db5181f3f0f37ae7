// SPDX-License-Identifier: GPL-3.0-or-later
#include "sharednotedialog.h"

#include "store/paperstore.h"

#include <QDialogButtonBox>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace Lectern {

SharedNoteDialog::SharedNoteDialog(
    PaperStore *store, const SharedNote &note, const QString &title, QWidget *parent)
    : QDialog(parent)
    , m_store(store)
    , m_note(note)
    , m_title(title)
    , m_edit(new QPlainTextEdit(this))
    , m_problem(new QLabel(this))
{
    setObjectName(QStringLiteral("sharedNoteDialog"));
    setWindowTitle(tr("Edit Shared Note"));
    auto *explanation = new QLabel(tr("%1 shared this note on %2 with the group. Your changes are saved as "
                                      "theirs, with your name as the last editor.")
                                       .arg(note.author, title),
        this);
    explanation->setTextFormat(Qt::PlainText);
    explanation->setWordWrap(true);
    m_edit->setObjectName(QStringLiteral("sharedNoteEdit"));
    m_edit->setAccessibleName(tr("Shared note"));
    m_edit->setTabChangesFocus(true);
    m_edit->setPlainText(note.text);
    m_problem->setObjectName(QStringLiteral("sharedNoteProblem"));
    m_problem->setTextFormat(Qt::PlainText);
    m_problem->setWordWrap(true);
    m_problem->setStyleSheet(QStringLiteral("color: #b00020"));
    m_problem->hide();
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Save | QDialogButtonBox::Cancel, this);
    m_save = buttons->button(QDialogButtonBox::Save);
    m_save->setObjectName(QStringLiteral("saveSharedNoteButton"));
    connect(buttons, &QDialogButtonBox::accepted, this, &SharedNoteDialog::save);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(explanation);
    layout->addWidget(m_edit);
    layout->addWidget(m_problem);
    layout->addWidget(buttons);
    m_edit->setFocus();
    m_edit->moveCursor(QTextCursor::End);
}

QString SharedNoteDialog::problem() const
{
    return m_problem->isHidden() ? QString() : m_problem->text();
}

void SharedNoteDialog::save()
{
    if (!m_store || m_merge)
        return;
    SharedNote edit = m_note;
    edit.text = m_edit->toPlainText();
    auto r = m_store->saveSharedNoteOf(edit);
    if (!r) {
        m_problem->setText(r.error());
        m_problem->show();
        return;
    }
    if (r->conflict) {
        // Nothing stored: both texts go to the merge; the text typed here stays until it is saved.
        m_merge = new NoteMergeDialog(*r->conflict, m_title, this);
        m_merge->setAttribute(Qt::WA_DeleteOnClose);
        connect(m_merge, &QDialog::finished, this, &SharedNoteDialog::mergeFinished);
        m_merge->open();
        return;
    }
    m_problem->hide();
    m_note = edit;
    m_note.version = r->noteVersion;
    Q_EMIT saved(m_note);
    accept();
}

void SharedNoteDialog::mergeFinished(int result)
{
    if (!m_merge)
        return;
    const NoteConflict conflict = m_merge->conflict();
    const QString merged = m_merge->mergedText();
    m_merge = nullptr;
    if (result != QDialog::Accepted)
        return; // the text stays here, over the version it started from: Save asks again
    m_note.version = conflict.theirVersion;
    m_edit->setPlainText(merged);
    save();
}

} // namespace Lectern
