// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "domain/paperstate.h"

#include <QList>
#include <QObject>
#include <QTimer>

class QAction;
class QTableView;

namespace Lectern {

class PaperFilterProxy;
class PaperStore;
class PaperTableModel;
struct PaperRecord;

/// Keyboard triage on the paper table: j/k next/previous, s star, x dismiss, u read, o open, t tag,
/// n note, Space page the abstract, Ctrl+Z undo the last triage action. Every change goes to the store
/// at once; the table row is refreshed in place. Showing a paper for a while marks it read.
class TriageController final : public QObject
{
    Q_OBJECT
public:
    TriageController(
        QTableView *table, PaperFilterProxy *proxy, PaperTableModel *model, QObject *parent = nullptr);

    void setStore(PaperStore *store) { m_store = store; }
    /// 0 disables marking papers read by showing them.
    void setMarkReadAfterMs(int ms) { m_markReadAfterMs = ms; }
    [[nodiscard]] QList<QAction *> actions() const { return m_actions; }
    [[nodiscard]] bool canUndo() const { return !m_undo.isEmpty(); }

public Q_SLOTS:
    void next();
    void previous();
    void toggleStar();
    void toggleDismissed();
    void toggleRead();
    void openInBrowser();
    void undo();
    /// Call when a stored state changed elsewhere (note editor) so the row shows it.
    void refresh(const Lectern::PaperState &state);

Q_SIGNALS:
    void focusNoteRequested();
    void focusTagsRequested();
    void pageAbstractRequested();
    void stateChanged(const Lectern::PaperState &state);
    void failed(const QString &message);

private:
    const PaperRecord *currentRecord() const;
    void change(const std::function<void(PaperState &)> &edit);
    void apply(const PaperState &state);
    void move(int delta);
    void currentChanged();
    QAction *addAction(
        const QString &text, const QKeySequence &key, const QString &tip, void (TriageController::*slot)());

    QTableView *m_table;
    PaperFilterProxy *m_proxy;
    PaperTableModel *m_model;
    PaperStore *m_store = nullptr;
    QList<QAction *> m_actions;
    QList<PaperState> m_undo; ///< states before each triage action, newest last
    QTimer m_readTimer;
    QString m_readCandidate;
    int m_markReadAfterMs = 2000;
};

} // namespace Lectern
