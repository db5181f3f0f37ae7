// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "domain/sharednote.h"
#include "notemergedialog.h"

#include <QDialog>
#include <QPointer>

class QLabel;
class QPlainTextEdit;
class QPushButton;

namespace Lectern {

class PaperStore;

/// Another member's note shared with the group, edited by a member of the group (schema 16). Save stores
/// the text over the version the dialog opened on; when someone saved the note meanwhile, nothing is
/// stored and a NoteMergeDialog shows both texts, whose Save stores the merge over the newer version. A
/// save the store refuses (the note was withdrawn, the member is not in the author's group) is said here
/// and the text stays, so nothing typed is lost.
class SharedNoteDialog final : public QDialog
{
    Q_OBJECT
public:
    SharedNoteDialog(
        PaperStore *store, const SharedNote &note, const QString &title, QWidget *parent = nullptr);

    [[nodiscard]] QPlainTextEdit *noteEdit() const { return m_edit; }
    [[nodiscard]] QPushButton *saveButton() const { return m_save; }
    /// Why the last save stored nothing; empty when none failed.
    [[nodiscard]] QString problem() const;
    /// The merge dialog of a save that found a newer version, while it is open.
    [[nodiscard]] NoteMergeDialog *mergeDialog() const { return m_merge; }

Q_SIGNALS:
    /// The note was stored (as @p note, at its new version).
    void saved(const Lectern::SharedNote &note);

private:
    void save();
    void mergeFinished(int result);

    PaperStore *m_store;
    SharedNote m_note;
    QString m_title;
    QPlainTextEdit *m_edit;
    QLabel *m_problem;
    QPushButton *m_save;
    QPointer<NoteMergeDialog> m_merge;
};

} // namespace Lectern
