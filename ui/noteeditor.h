// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "domain/paperstate.h"

#include <QTimer>
#include <QWidget>

class QLineEdit;
class QPlainTextEdit;
class QCompleter;
class QStringListModel;

namespace Lectern {

class PaperStore;

/// The user's tags and note for the selected paper. The note saves as you type (a short pause is
/// enough) and whenever the paper changes or the editor goes away, so nothing typed is lost.
class NoteEditor final : public QWidget
{
    Q_OBJECT
public:
    explicit NoteEditor(PaperStore *store, QWidget *parent = nullptr);
    ~NoteEditor() override;

    /// Shows @p state for editing (saving what was pending for the previous paper first).
    void setPaper(const PaperState &state);
    void clear();
    void setKnownTags(const QStringList &tags);
    [[nodiscard]] QPlainTextEdit *noteEdit() const { return m_note; }
    [[nodiscard]] QLineEdit *tagsEdit() const { return m_tags; }
    /// Writes pending edits now.
    void flush();

Q_SIGNALS:
    /// After a save: the state as stored, for the table to refresh its row.
    void saved(const Lectern::PaperState &state);
    void saveFailed(const QString &message);

private:
    void scheduleSave();

    PaperStore *m_store;
    PaperState m_state;
    bool m_dirty = false;
    bool m_loading = false;
    QLineEdit *m_tags;
    QPlainTextEdit *m_note;
    QStringListModel *m_tagModel;
    QTimer m_saveTimer;
};

} // namespace Lectern
