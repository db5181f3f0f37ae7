// SPDX-License-Identifier: GPL-3.0-or-later
#include "notemergedialog.h"

#include <QDialogButtonBox>
#include <QGridLayout>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSet>

namespace Lectern {

NoteMergeDialog::NoteMergeDialog(const NoteConflict &conflict, const QString &title, QWidget *parent)
    : QDialog(parent)
    , m_conflict(conflict)
    , m_theirs(new QPlainTextEdit(this))
    , m_merged(new QPlainTextEdit(this))
{
    setObjectName(QStringLiteral("noteMergeDialog"));
    setWindowTitle(tr("Merge Shared Note"));
    // Who saved meanwhile is known on a lab's store (schema 16): another member, or oneself elsewhere.
    const QString what = conflict.theirEditor.isEmpty()
        ? tr("Your shared note on %1 was changed elsewhere while you were editing it.").arg(title)
        : tr("The shared note on %1 was changed by %2 while you were editing it.")
              .arg(title, conflict.theirEditor);
    auto *explanation = new QLabel(what + u' ' +
            tr("The saved text is on the left; on the right is yours, with the saved text's other lines "
               "added. Edit it and save, or cancel to go on with your text (nothing is saved then)."),
        this);
    explanation->setTextFormat(Qt::PlainText);
    explanation->setWordWrap(true);
    m_theirs->setObjectName(QStringLiteral("theirNoteEdit"));
    m_theirs->setReadOnly(true);
    m_theirs->setPlainText(conflict.theirs);
    m_theirs->setAccessibleName(tr("Saved meanwhile"));
    m_theirs->setTabChangesFocus(true);
    m_merged->setObjectName(QStringLiteral("mergedNoteEdit"));
    m_merged->setPlainText(proposedMerge(conflict.theirs, conflict.yours));
    m_merged->setAccessibleName(tr("Your note, merged"));
    m_merged->setTabChangesFocus(true);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Save | QDialogButtonBox::Cancel, this);
    m_save = buttons->button(QDialogButtonBox::Save);
    m_save->setObjectName(QStringLiteral("saveMergedNoteButton"));
    buttons->button(QDialogButtonBox::Cancel)->setObjectName(QStringLiteral("cancelMergeButton"));
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QGridLayout(this);
    layout->addWidget(explanation, 0, 0, 1, 2);
    auto *theirsLabel = new QLabel(tr("Saved meanwhile (read-only):"), this);
    theirsLabel->setBuddy(m_theirs);
    auto *mergedLabel = new QLabel(tr("&Yours (saved on Save):"), this);
    mergedLabel->setBuddy(m_merged);
    layout->addWidget(theirsLabel, 1, 0);
    layout->addWidget(mergedLabel, 1, 1);
    layout->addWidget(m_theirs, 2, 0);
    layout->addWidget(m_merged, 2, 1);
    layout->addWidget(buttons, 3, 0, 1, 2);
    m_merged->setFocus();
    m_merged->moveCursor(QTextCursor::End);
}

QString NoteMergeDialog::mergedText() const
{
    return m_merged->toPlainText();
}

QString NoteMergeDialog::proposedMerge(const QString &theirs, const QString &yours)
{
    if (yours.trimmed().isEmpty())
        return theirs;
    const QStringList yourLines = yours.split(u'\n');
    QSet<QString> have;
    for (const QString &line : yourLines)
        have.insert(line.trimmed());
    QStringList merged = yourLines;
    for (const QString &line : theirs.split(u'\n')) {
        if (line.trimmed().isEmpty() || have.contains(line.trimmed()))
            continue;
        have.insert(line.trimmed());
        merged << line;
    }
    return merged.join(u'\n');
}

} // namespace Lectern
