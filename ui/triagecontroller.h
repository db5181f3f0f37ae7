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
class PaperStateHub;
class PaperTableModel;
struct PaperRecord;

/// Keyboard triage on the paper table: j/k next/previous, s star, x dismiss, u read, o open, t tag,
/// n note, Space page the abstract, Ctrl+Z undo the last triage action. Every change goes to the store
/// at once through the PaperStateHub, whose signal refreshes every view.
///
/// Showing a paper the user went to (keys, click, chart) for a while marks it read, undoably. The
/// current paper is pinned in the proxy: marked read, dismissed or unstarred, it stays listed until the
/// user moves on, so the filters never hand the selection to the next paper by themselves, and a paper
/// the selection reaches that way (a filter change, a day loaded) is not marked read.
class TriageController final : public QObject
{
    Q_OBJECT
public:
    TriageController(
        QTableView *table, PaperFilterProxy *proxy, PaperTableModel *model, QObject *parent = nullptr);

    void setHub(PaperStateHub *hub) { m_hub = hub; }
    /// 0 disables marking papers read by showing them.
    void setMarkReadAfterMs(int ms) { m_markReadAfterMs = ms; }
    [[nodiscard]] QList<QAction *> actions() const { return m_actions; }
    [[nodiscard]] bool canUndo() const { return !m_undo.isEmpty(); }
    /// Selects @p proxyRow as the window's own doing (a day was loaded): the paper is not marked read
    /// by being shown until the user goes to a paper.
    void selectRowQuietly(int proxyRow);
    /// The last paper the user went to (keys, click, chart), as opposed to one the window selected.
    [[nodiscard]] QString userChoice() const { return m_userChoice; }
    /// Whether the shown paper will be marked read if it stays shown (for tests and the status bar).
    [[nodiscard]] bool markReadPending() const { return m_readTimer.isActive(); }

public Q_SLOTS:
    void next();
    void previous();
    void toggleStar();
    void toggleDismissed();
    void toggleRead();
    void openInBrowser();
    void undo();

Q_SIGNALS:
    void focusNoteRequested();
    void focusTagsRequested();
    void pageAbstractRequested();
    void failed(const QString &message);

private:
    const PaperRecord *currentRecord() const;
    void change(const std::function<void(PaperState &)> &edit);
    void move(int delta);
    void select(int proxyRow);
    void markShownRead();
    void currentChanged();
    void selectCurrentRow();
    QAction *addAction(
        const QString &text, const QKeySequence &key, const QString &tip, void (TriageController::*slot)());

    QTableView *m_table;
    PaperFilterProxy *m_proxy;
    PaperTableModel *m_model;
    PaperStateHub *m_hub = nullptr;
    QList<QAction *> m_actions;
    QList<PaperState> m_undo; ///< states before each triage action, newest last
    QTimer m_readTimer;
    QString m_readCandidate;
    QString m_userChoice;
    int m_markReadAfterMs = 2000;
    int m_quiet = 0; ///< > 0 while the selection moves without the user (refilter, day loaded)
};

} // namespace Lectern
