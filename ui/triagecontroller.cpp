// SPDX-License-Identifier: GPL-3.0-or-later
#include "triagecontroller.h"

#include "externallinkopener.h"
#include "models/paperfilterproxy.h"
#include "models/paperstatehub.h"
#include "models/papertablemodel.h"
#include "models/roles.h"

#include <QAction>
#include <QItemSelectionModel>
#include <QTableView>
#include <QUrl>

namespace Lectern {

namespace {
constexpr int kUndoDepth = 100;
}

TriageController::TriageController(
    QTableView *table, PaperFilterProxy *proxy, PaperTableModel *model, QObject *parent)
    : QObject(parent)
    , m_table(table)
    , m_proxy(proxy)
    , m_model(model)
{
    addAction(
        tr("Next Paper"), QKeySequence(Qt::Key_J), tr("Select the next paper (J)"), &TriageController::next);
    addAction(tr("Previous Paper"), QKeySequence(Qt::Key_K), tr("Select the previous paper (K)"),
        &TriageController::previous);
    addAction(tr("Star"), QKeySequence(Qt::Key_S), tr("Star or unstar the paper (S)"),
        &TriageController::toggleStar);
    addAction(tr("Dismiss"), QKeySequence(Qt::Key_X), tr("Dismiss or restore the paper (X)"),
        &TriageController::toggleDismissed);
    addAction(tr("Toggle Read"), QKeySequence(Qt::Key_U), tr("Mark read or unread (U)"),
        &TriageController::toggleRead);
    addAction(tr("Open in Browser"), QKeySequence(Qt::Key_O), tr("Open the abstract page on arXiv (O)"),
        &TriageController::openInBrowser);
    QAction *tag =
        addAction(tr("Edit Tags"), QKeySequence(Qt::Key_T), tr("Edit the paper's tags (T)"), nullptr);
    connect(tag, &QAction::triggered, this, &TriageController::focusTagsRequested);
    QAction *note =
        addAction(tr("Edit Note"), QKeySequence(Qt::Key_N), tr("Write a note on the paper (N)"), nullptr);
    connect(note, &QAction::triggered, this, &TriageController::focusNoteRequested);
    QAction *page = addAction(tr("Page Abstract"), QKeySequence(Qt::Key_Space),
        tr("Scroll the abstract; at its end, the next paper (Space)"), nullptr);
    connect(page, &QAction::triggered, this, &TriageController::pageAbstractRequested);
    QAction *undoAction = addAction(tr("Undo Triage"), QKeySequence::Undo,
        tr("Undo the last star, dismissal or read change (Ctrl+Z)"), &TriageController::undo);
    undoAction->setObjectName(QStringLiteral("actionUndoTriage"));

    m_readTimer.setSingleShot(true);
    connect(&m_readTimer, &QTimer::timeout, this, &TriageController::markShownRead);
    connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
        &TriageController::currentChanged);
    // A click on the paper already shown (the first of a day, selected by the window) is going to it.
    connect(m_table, &QAbstractItemView::clicked, this, [this](const QModelIndex &index) {
        const PaperRecord *r = currentRecord();
        if (!r || index.row() != m_table->currentIndex().row() || r->state.read || m_readTimer.isActive() ||
            m_markReadAfterMs <= 0)
            return;
        m_readCandidate = r->paper.arxivId;
        m_readTimer.start(m_markReadAfterMs);
    });
    connect(m_proxy, &PaperFilterProxy::refilterStarted, this, [this] { ++m_quiet; });
    connect(m_proxy, &PaperFilterProxy::refilterFinished, this, [this] {
        --m_quiet;
        // A filter changed and dropped every pin: the paper shown is still the one the user is on, and
        // marking it read must not make it vanish (and the next one take its place and be marked too).
        if (const PaperRecord *r = currentRecord())
            m_proxy->setPinned(r->paper.arxivId);
    });
    // A row that leaves by itself (another client's change) moves the current index without the user.
    connect(m_proxy, &QAbstractItemModel::rowsAboutToBeRemoved, this, [this] { ++m_quiet; });
    connect(m_proxy, &QAbstractItemModel::rowsRemoved, this, [this] { --m_quiet; });
    // A reset (another day) drops the selection: the next current paper is the window's choice.
    connect(m_proxy, &QAbstractItemModel::modelAboutToBeReset, this, [this] { ++m_quiet; });
    connect(m_proxy, &QAbstractItemModel::modelReset, this, [this] { --m_quiet; });
}

QAction *TriageController::addAction(
    const QString &text, const QKeySequence &key, const QString &tip, void (TriageController::*slot)())
{
    auto *action = new QAction(text, this);
    action->setShortcut(key);
    action->setToolTip(tip);
    // Single letters must not fire while typing a note: only when the table has focus.
    action->setShortcutContext(Qt::WidgetShortcut);
    m_table->addAction(action);
    if (slot)
        connect(action, &QAction::triggered, this, slot);
    m_actions << action;
    return action;
}

const PaperRecord *TriageController::currentRecord() const
{
    const QModelIndex source = m_proxy->mapToSource(m_table->currentIndex());
    return source.isValid() ? m_model->recordAt(source.row()) : nullptr;
}

void TriageController::move(int delta)
{
    const int rows = m_proxy->rowCount();
    if (rows == 0)
        return;
    const int row = m_table->currentIndex().isValid()
        ? std::clamp(m_table->currentIndex().row() + delta, 0, rows - 1)
        : 0;
    select(row);
}

void TriageController::select(int proxyRow)
{
    // The row is selected before it becomes current: becoming current may let the paper left behind
    // leave the list (read under "Unread"), which selectRow() would follow by selecting the row below.
    const QModelIndex index = m_proxy->index(proxyRow, 0);
    m_table->selectionModel()->setCurrentIndex(
        index, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    m_table->scrollTo(index);
}

void TriageController::selectRowQuietly(int proxyRow)
{
    ++m_quiet;
    select(proxyRow);
    --m_quiet;
}

void TriageController::next()
{
    move(+1);
}

void TriageController::previous()
{
    move(-1);
}

void TriageController::change(const std::function<void(PaperState &)> &edit)
{
    const PaperRecord *r = currentRecord();
    if (!r || !m_hub)
        return;
    // The store's state, not the row's: a note typed a moment ago may not have reached the row yet.
    auto before = m_hub->state(r->paper.arxivId);
    if (!before) {
        Q_EMIT failed(before.error());
        return;
    }
    PaperState after = *before;
    edit(after);
    if (auto saved = m_hub->save(after); !saved) {
        Q_EMIT failed(saved.error());
        return;
    }
    m_undo << *before;
    if (m_undo.size() > kUndoDepth)
        m_undo.removeFirst();
}

void TriageController::markShownRead()
{
    const PaperRecord *r = currentRecord();
    if (!r || r->paper.arxivId != m_readCandidate || r->state.read)
        return;
    change([](PaperState &s) { s.read = true; });
}

void TriageController::toggleStar()
{
    change([](PaperState &s) { s.starred = !s.starred; });
}

void TriageController::toggleDismissed()
{
    const PaperRecord *r = currentRecord();
    if (!r)
        return;
    const bool wasDismissed = r->state.dismissed;
    change([](PaperState &s) { s.dismissed = !s.dismissed; });
    // Dismissing is "done with this one": go on to the next paper (the dismissed one stays pinned until
    // then, so "next" is the paper below it, not the one after).
    if (!wasDismissed)
        next();
}

void TriageController::toggleRead()
{
    m_readTimer.stop();
    change([](PaperState &s) { s.read = !s.read; });
}

void TriageController::openInBrowser()
{
    if (const PaperRecord *r = currentRecord()) {
        if (const QString problem = ExternalLinkOpener::open(QUrl(r->paper.absUrl())); !problem.isEmpty())
            Q_EMIT failed(problem);
    }
}

void TriageController::undo()
{
    if (m_undo.isEmpty() || !m_hub)
        return;
    const PaperState previous = m_undo.takeLast();
    // Keep the note and tags as they are now: undo is for triage flags, never for typed text.
    auto restored = m_hub->update(previous.arxivId, [&previous](PaperState &s) {
        s.starred = previous.starred;
        s.read = previous.read;
        s.dismissed = previous.dismissed;
    });
    if (!restored) {
        Q_EMIT failed(restored.error());
        return;
    }
    // Undo goes back to the paper; being shown again must not mark it read again at once.
    m_readTimer.stop();
    const int row = m_model->rowOf(restored->arxivId);
    if (row >= 0) {
        // Pinned first, so that a paper the filters hide comes back to be selected.
        m_proxy->setPinned(restored->arxivId);
        const QModelIndex proxyIndex = m_proxy->mapFromSource(m_model->index(row, 0));
        if (proxyIndex.isValid()) {
            ++m_quiet;
            select(proxyIndex.row());
            --m_quiet;
        }
    }
}

void TriageController::selectCurrentRow()
{
    const QModelIndex current = m_table->currentIndex();
    QItemSelectionModel *selection = m_table->selectionModel();
    if (!current.isValid() ||
        (selection->isRowSelected(current.row()) && selection->selectedRows().size() == 1))
        return;
    selection->select(current, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
}

void TriageController::currentChanged()
{
    const PaperRecord *r = currentRecord();
    const QString id = r ? r->paper.arxivId : QString();
    // The same paper in another row (rows above it left): nothing changed for the user.
    if (!id.isEmpty() && id == m_proxy->pinned())
        return;
    m_readTimer.stop();
    m_readCandidate.clear();
    m_proxy->setPinned(id);
    // A click makes the row current before the view selects at the mouse: when the paper left behind
    // left the list just now, the row under the mouse is the one below. Select the current row once the
    // view is done.
    QMetaObject::invokeMethod(this, &TriageController::selectCurrentRow, Qt::QueuedConnection);
    if (m_quiet == 0 && !id.isEmpty())
        m_userChoice = id;
    if (!r || r->state.read || m_markReadAfterMs <= 0 || m_quiet > 0)
        return;
    m_readCandidate = id;
    m_readTimer.start(m_markReadAfterMs);
}

} // namespace Lectern
