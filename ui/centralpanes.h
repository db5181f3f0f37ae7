// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QSplitter>

class QLabel;
class QStackedWidget;
class QTabWidget;

namespace Lectern {

class DayNavigator;
class DigestView;
class EmptyStateWidget;
class JobErrorBar;
class PaperFilterProxy;
class PaperStateHub;
class PaperTableModel;
class ReaderView;

/// The window's central area: the day list on the left; on the right the job error bar, the banner naming
/// broken profile files, and either the empty state or the Reader and Digest tabs. Its splitter state is
/// the one the window saves.
class CentralPanes final : public QSplitter
{
    Q_OBJECT
public:
    /// @p profileProblems goes above the papers (it hides itself when all is well).
    CentralPanes(PaperTableModel *model, PaperFilterProxy *proxy, PaperStateHub *hub, QLabel *profileProblems,
        QWidget *parent = nullptr);

    [[nodiscard]] DayNavigator *navigator() const { return m_navigator; }
    [[nodiscard]] JobErrorBar *errorBar() const { return m_errorBar; }
    [[nodiscard]] QLabel *profileProblems() const { return m_profileProblems; }
    [[nodiscard]] EmptyStateWidget *emptyState() const { return m_empty; }
    [[nodiscard]] QTabWidget *tabs() const { return m_tabs; }
    [[nodiscard]] ReaderView *reader() const { return m_reader; }
    [[nodiscard]] DigestView *digest() const { return m_digest; }

    /// The Reader and Digest tabs in place of the empty state.
    void showPapers();
    /// The empty state (with its Fetch button) in place of the tabs.
    void showEmptyState();
    /// Before the empty state's fetch button is disabled for a job: the keyboard stays in the empty state.
    void keepKeyboardWhileBusy();

private:
    DayNavigator *m_navigator;
    JobErrorBar *m_errorBar;
    QLabel *m_profileProblems;
    EmptyStateWidget *m_empty;
    QTabWidget *m_tabs;
    ReaderView *m_reader;
    DigestView *m_digest;
    QStackedWidget *m_stack;
};

} // namespace Lectern
