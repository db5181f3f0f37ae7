// SPDX-License-Identifier: GPL-3.0-or-later
#include "triagecontroller.h"

#include "models/paperfilterproxy.h"
#include "models/papertablemodel.h"
#include "models/roles.h"
#include "store/paperstore.h"

#include <QAction>
#include <QDesktopServices>
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
    QAction *page = addAction(
        tr("Page Abstract"), QKeySequence(Qt::Key_Space), tr("Scroll the abstract (Space)"), nullptr);
    connect(page, &QAction::triggered, this, &TriageController::pageAbstractRequested);
    QAction *undoAction = addAction(tr("Undo Triage"), QKeySequence::Undo,
        tr("Undo the last star, dismissal or read change (Ctrl+Z)"), &TriageController::undo);
    undoAction->setObjectName(QStringLiteral("actionUndoTriage"));

    m_readTimer.setSingleShot(true);
    connect(&m_readTimer, &QTimer::timeout, this, [this] {
        const PaperRecord *r = currentRecord();
        if (!r || r->paper.arxivId != m_readCandidate || r->state.read || !m_store)
            return;
        PaperState st = r->state;
        st.read = true;
        if (auto saved = m_store->saveState(st); !saved) {
            Q_EMIT failed(saved.error());
            return;
        }
        apply(st);
    });
    connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
        &TriageController::currentChanged);
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
    m_table->selectRow(row);
    m_table->scrollTo(m_proxy->index(row, 0));
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
    if (!r || !m_store)
        return;
    const PaperState before = r->state;
    PaperState after = before;
    edit(after);
    if (auto saved = m_store->saveState(after); !saved) {
        Q_EMIT failed(saved.error());
        return;
    }
    m_undo << before;
    if (m_undo.size() > kUndoDepth)
        m_undo.removeFirst();
    apply(after);
}

void TriageController::apply(const PaperState &state)
{
    const int row = m_model->rowOf(state.arxivId);
    if (row < 0)
        return;
    PaperRecord updated = *m_model->recordAt(row);
    updated.state = state;
    m_model->updateRecord(updated);
    Q_EMIT stateChanged(state);
}

void TriageController::refresh(const PaperState &state)
{
    apply(state);
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
    const QString id = r->paper.arxivId;
    const bool wasDismissed = r->state.dismissed;
    const int row = m_table->currentIndex().row();
    change([](PaperState &s) { s.dismissed = !s.dismissed; });
    if (wasDismissed)
        return;
    // Dismissing is "done with this one": go on to the next paper. When the filter hides dismissed papers,
    // the next one has already moved up into this row.
    const int sourceRow = m_model->rowOf(id);
    const bool stillShown = sourceRow >= 0 && m_proxy->mapFromSource(m_model->index(sourceRow, 0)).isValid();
    if (stillShown) {
        next();
    } else if (m_proxy->rowCount() > 0) {
        const int target = std::min(row, m_proxy->rowCount() - 1);
        m_table->selectRow(target);
        m_table->scrollTo(m_proxy->index(target, 0));
    }
}

void TriageController::toggleRead()
{
    m_readTimer.stop();
    change([](PaperState &s) { s.read = !s.read; });
}

void TriageController::openInBrowser()
{
    if (const PaperRecord *r = currentRecord())
        QDesktopServices::openUrl(QUrl(r->paper.absUrl()));
}

void TriageController::undo()
{
    if (m_undo.isEmpty() || !m_store)
        return;
    const PaperState previous = m_undo.takeLast();
    // Keep the note and tags as they are now: undo is for triage flags, never for typed text.
    PaperState restored = previous;
    if (auto current = m_store->state(previous.arxivId)) {
        restored.note = current->note;
        restored.tags = current->tags;
    }
    if (auto saved = m_store->saveState(restored); !saved) {
        Q_EMIT failed(saved.error());
        return;
    }
    apply(restored);
    const int row = m_model->rowOf(restored.arxivId);
    if (row >= 0) {
        const QModelIndex proxyIndex = m_proxy->mapFromSource(m_model->index(row, 0));
        if (proxyIndex.isValid())
            m_table->selectRow(proxyIndex.row());
    }
}

void TriageController::currentChanged()
{
    m_readTimer.stop();
    const PaperRecord *r = currentRecord();
    if (!r || r->state.read || m_markReadAfterMs <= 0)
        return;
    m_readCandidate = r->paper.arxivId;
    m_readTimer.start(m_markReadAfterMs);
}

} // namespace Lectern
