// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "detailpane.h"
#include "domain/paperrecord.h"
#include "domain/paperstate.h"
#include "domain/papertableorders.h"
#include "domain/sharednote.h"

#include <QPointer>
#include <QSplitter>

#include <atomic>
#include <memory>
#include <optional>

class QAction;
class QThread;
class QTableView;

namespace Lectern {

class DayStatusBar;
class DetailPane;
class NoteEditor;
class PaperFilterProxy;
class PaperStateHub;
class PaperStore;
class PaperTableModel;
class SharedNoteDialog;
class SimilarPapers;
class StoreReaderThread;
class TriageController;

/// The Reader tab: the day's status and the paper table above, the selected paper's details, tags and
/// note below, and keyboard triage on the table. It shows what the models hold and follows the
/// PaperStateHub: a state changed anywhere updates its row and, for the shown paper, the details.
class ReaderView final : public QSplitter
{
    Q_OBJECT
public:
    ReaderView(
        PaperTableModel *model, PaperFilterProxy *proxy, PaperStateHub *hub, QWidget *parent = nullptr);
    ~ReaderView() override;

    [[nodiscard]] QTableView *table() const { return m_table; }
    [[nodiscard]] DetailPane *detail() const { return m_detail; }
    [[nodiscard]] NoteEditor *noteEditor() const { return m_noteEditor; }
    [[nodiscard]] DayStatusBar *dayStatus() const { return m_dayStatus; }
    [[nodiscard]] TriageController *triage() const { return m_triage; }
    /// "More Like This" (the table's context menu): shows the current paper's nearest papers.
    [[nodiscard]] QAction *moreLikeThisAction() const { return m_moreLikeThis; }
    /// Whether the "More like this" index has been built (it is built once, off the GUI thread, when the
    /// first paper is shown).
    [[nodiscard]] bool hasSimilarIndex() const { return bool(m_similar); }
    /// The "More like this" index as built last (null until the first selection built it).
    [[nodiscard]] std::shared_ptr<const SimilarPapers> similarIndex() const { return m_similar; }
    /// Papers were stored or the built-in model trained since the index was built (a job ended): build it
    /// again in the background, the old one answering meanwhile. Nothing while none was built yet.
    void refreshSimilarIndex();

    /// Selects the first row as the window's own choice (not marked read), or shows no paper.
    void selectFirstRow();
    /// The keyboard to the table, on the paper shown or, when none is, on the first row as the user's choice.
    void focusList();
    /// The keyboard to the table as the window's doing: a first row it makes current is not the user's
    /// choice (not marked read), as when a day is loaded.
    void takeKeyboard();
    /// Selects @p arxivId if the filters show it.
    bool selectPaper(const QString &arxivId);
    /// Selects @p arxivId again after a reload, as the window's doing (not marked read); false when hidden
    /// or when the user never went to it (the window had picked it), leaving the new first row selected.
    bool restoreSelection(const QString &arxivId);
    /// Another client changed the papers shown (a live update): the table shows @p records, the user's
    /// selected paper, the table's scroll position and the note being typed all stay as they were.
    void refreshRecords(QList<PaperRecord> records);
    /// Replaces the rows with @p records (with their sort orders), the same paper selected again quietly
    /// and the table scrolled where it was ("All days" after another client's work).
    void replaceRecordsKeepingPlace(QList<PaperRecord> records, PaperTableOrders orders = {});
    /// Replaces the shown rows of @p changed's papers in place (no reset): the selection, the table's and
    /// the detail pane's scroll and the note being typed stay; the selected paper is shown again.
    void updateRecordsInPlace(const QList<PaperRecord> &changed);
    /// Puts a re-read's changed, added and gone rows in place (PaperTableModel::applyChanges; no reset): the
    /// selection, the table's and the detail pane's scroll and the note being typed stay. False, with
    /// nothing changed, when the rows shown are no longer those the changes were found beside.
    [[nodiscard]] bool applyRowChanges(PaperRowChanges changes);
    /// Another member's shared note on @p arxivId changed: the detail pane shows it again, scrolled where it
    /// was, when that paper is the one shown.
    void refreshPaper(const QString &arxivId);
    /// The dialog editing another member's shared note (the detail pane's "Edit"), while it is open.
    [[nodiscard]] SharedNoteDialog *sharedNoteDialog() const;
    /// The paper in the detail pane; empty when none.
    [[nodiscard]] QString currentArxivId() const;
    /// Saves a pending note; the editor goes before the store does.
    void closeNoteEditor();
    /// Before the window closes: saves pending notes and, when some (plus @p otherUnsaved elsewhere)
    /// could not be saved, asks whether to close anyway (Keep Open is the default). True: close.
    bool mayClose(int otherUnsaved);
    /// Restores the user's split between table and reading pane; until there is one (or the user moves a
    /// handle) the split follows the window's size.
    bool restoreSplit(const QByteArray &state);

    /// Whether the selected paper's details (its abstract in "All days", versions, library source, shared
    /// notes, "More like this") are still being read.
    [[nodiscard]] bool isReadingDetails() const { return m_detailsOutstanding > 0; }

    /// What the reading pane shows beyond the table's row, read on a worker thread.
    struct Details
    {
        QString arxivId; ///< empty: the read was skipped (another paper was selected meanwhile)
        PaperState
            state; ///< as stored now: another window or member may have changed it since the row was read
        std::optional<PaperRecord> whole; ///< a lean row's paper, read whole
        QList<Paper> versions;
        bool imported = false;
        QString librarySource;
        QList<SharedNote> sharedNotes;
        QList<DetailPane::SimilarEntry> similar;
    };

Q_SIGNALS:
    /// Something to say in the status bar (a failed save).
    void message(const QString &text);
    /// The selected paper's details were read and shown (or could not be read).
    void detailsShown(const QString &arxivId);

protected:
    void resizeEvent(QResizeEvent *event) override;

private:
    void updateSelection();
    /// The table's current paper, or null.
    [[nodiscard]] const PaperRecord *currentRecord() const;
    /// Shows @p row in the reading pane with @p details when they are the row's (else what the row holds),
    /// keeping the scroll place when the pane already shows that paper.
    /// @p problem: why the details could not be read.
    void showDetails(const PaperRecord &row, const Details *details, const QString &problem = {});
    /// Reads the details of @p row on the details thread; the newest request wins.
    void readDetails(const PaperRecord &row);
    /// After a search or filter: the reading pane shows the table's current paper or none.
    void followFilters();
    void stateChanged(const PaperState &state);
    /// Starts building the "More like this" index on a thread of its own, once.
    void buildSimilarIndex();
    /// Opens the dialog that edits @p note (another member's, shared with the group).
    void editSharedNote(const SharedNote &note);

    PaperTableModel *m_model;
    PaperFilterProxy *m_proxy;
    PaperStore *m_store;
    DayStatusBar *m_dayStatus;
    QTableView *m_table;
    DetailPane *m_detail;
    NoteEditor *m_noteEditor;
    TriageController *m_triage;
    QSplitter *m_detailSplitter = nullptr;
    bool m_userSized = false;
    QAction *m_moreLikeThis;
    std::shared_ptr<const SimilarPapers> m_similar;
    bool m_similarBuilding = false;
    bool m_similarOutdated = false; ///< a rebuild was asked for while one ran
    QPointer<SharedNoteDialog> m_sharedNoteDialog;
    StoreReaderThread *m_detailsReader =
        nullptr; ///< its own connection: a selection never waits on the GUI thread
    std::shared_ptr<std::atomic<quint64>>
        m_detailsWanted; ///< the generation worth reading, read on the worker
    quint64 m_detailsGeneration = 0;
    int m_detailsOutstanding = 0;
    std::optional<Details> m_details; ///< of the last paper whose details came back
    QPointer<QThread> m_similarThread;
    bool m_refreshing = false; ///< refreshRecords() is replacing the rows: the selection is put back after
    QString m_hiddenId; ///< the paper a filter took away from the table, selected again when it returns
};

} // namespace Lectern
