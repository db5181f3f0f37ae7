// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "domain/sharednote.h"

#include <QDialog>

class QPlainTextEdit;
class QPushButton;

namespace Lectern {

/// A shared note changed elsewhere (another member, or another window of the same member) while it was being
/// edited here: the
/// stored text, read-only, beside the user's, editable and prefilled with a simple merge of both. Save
/// stores the merged text over the stored version; Cancel stores nothing and leaves the user's text where
/// it was typed, so nothing is lost either way.
class NoteMergeDialog final : public QDialog
{
    Q_OBJECT
public:
    NoteMergeDialog(const NoteConflict &conflict, const QString &title, QWidget *parent = nullptr);

    [[nodiscard]] const NoteConflict &conflict() const { return m_conflict; }
    /// The text to save, as the user left it.
    [[nodiscard]] QString mergedText() const;
    [[nodiscard]] QPlainTextEdit *theirsEdit() const { return m_theirs; }
    [[nodiscard]] QPlainTextEdit *mergedEdit() const { return m_merged; }
    [[nodiscard]] QPushButton *saveButton() const { return m_save; }

    /// The user's text followed by the stored text's lines it lacks, in their order: what both sides wrote
    /// is kept, and the user only deletes what should go.
    [[nodiscard]] static QString proposedMerge(const QString &theirs, const QString &yours);

private:
    NoteConflict m_conflict;
    QPlainTextEdit *m_theirs;
    QPlainTextEdit *m_merged;
    QPushButton *m_save;
};

} // namespace Lectern
