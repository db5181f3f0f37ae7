// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "domain/paperstate.h"

#include <QHash>
#include <QTimer>
#include <QWidget>

class QLineEdit;
class QPlainTextEdit;
class QCompleter;
class QStringListModel;

namespace Lectern {

class PaperStore;

/// The user's tags and note for the selected paper. The note saves as you type (a short pause is
/// enough) and whenever the paper changes or the editor goes away, so nothing typed is lost. A save that
/// fails (full disk, locked database) keeps the edit: it is shown again for its paper and retried with
/// every later save and every few seconds, until it is stored.
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
    /// Writes pending edits now, and retries those that failed before.
    void flush();
    /// Edits not stored yet because saving them failed.
    [[nodiscard]] int unsavedCount() const { return int(m_unsaved.size()); }

Q_SIGNALS:
    /// After a save: the state as stored, for the table to refresh its row.
    void saved(const Lectern::PaperState &state);
    void saveFailed(const QString &message);

private:
    void scheduleSave();
    bool saveUnsaved();

    PaperStore *m_store;
    PaperState m_state;
    bool m_dirty = false;
    bool m_loading = false;
    QLineEdit *m_tags;
    QPlainTextEdit *m_note;
    QStringListModel *m_tagModel;
    QTimer m_saveTimer;
    QTimer m_retryTimer;
    QHash<QString, PaperState> m_unsaved; ///< by arXiv id: edits whose save failed, retried
};

} // namespace Lectern
