// SPDX-License-Identifier: GPL-3.0-or-later
#include "readerview.h"

#include "daystatusbar.h"
#include "detailpane.h"
#include "models/paperfilterproxy.h"
#include "models/paperstatehub.h"
#include "models/papertablemodel.h"
#include "models/roles.h"
#include "noteeditor.h"
#include "papertableheader.h"
#include "scoring/builtinscorer.h"
#include "scoring/similarpapers.h"
#include "sharednotedialog.h"
#include "store/database.h"
#include "store/librarystore.h"
#include "store/paperstore.h"
#include "storereaderthread.h"
#include "triagecontroller.h"

#include <QAction>
#include <QHeaderView>
#include <QLineEdit>
#include <QMenu>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QScrollBar>
#include <QTableView>
#include <QThread>
#include <QVBoxLayout>

#include <algorithm>

namespace Lectern {

ReaderView::ReaderView(PaperTableModel *model, PaperFilterProxy *proxy, PaperStateHub *hub, QWidget *parent)
    : QSplitter(Qt::Vertical, parent)
    , m_model(model)
    , m_proxy(proxy)
    , m_store(hub->store())
    , m_dayStatus(new DayStatusBar(this))
    , m_table(new QTableView(this))
    , m_detail(new DetailPane(this))
    , m_noteEditor(new NoteEditor(hub, this))
{
    setObjectName(QStringLiteral("readerView"));
    m_table->setObjectName(QStringLiteral("paperTable"));
    m_table->setAccessibleName(tr("Papers"));
    auto *header = new PaperTableHeader(m_table);
    m_table->setHorizontalHeader(header);
    m_table->setModel(m_proxy);
    m_table->setSortingEnabled(true);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setAlternatingRowColors(true);
    m_table->setWordWrap(false);
    // Tab leaves the table (arrows, j and k move within it); by default Tab walked its cells forever.
    m_table->setTabKeyNavigation(false);
    m_table->verticalHeader()->hide();
    m_table->verticalHeader()->setDefaultSectionSize(m_table->fontMetrics().height() + 8);
    // A saved header state (the window's) overrides these defaults.
    header->applyDefaultLayout();
    m_table->sortByColumn(TotalColumn, Qt::DescendingOrder);

    auto *tablePane = new QWidget(this);
    auto *tableLayout = new QVBoxLayout(tablePane);
    tableLayout->setContentsMargins(0, 0, 0, 0);
    tableLayout->setSpacing(2);
    tableLayout->addWidget(m_dayStatus);
    tableLayout->addWidget(m_table);
    addWidget(tablePane);
    auto *detailSplitter = new QSplitter(Qt::Vertical, this);
    detailSplitter->setObjectName(QStringLiteral("detailSplitter"));
    detailSplitter->addWidget(m_detail);
    detailSplitter->addWidget(m_noteEditor);
    detailSplitter->setStretchFactor(0, 3);
    detailSplitter->setStretchFactor(1, 1);
    addWidget(detailSplitter);
    m_detailSplitter = detailSplitter;
    setStretchFactor(0, 3);
    setStretchFactor(1, 2);
    connect(this, &QSplitter::splitterMoved, this, [this] { m_userSized = true; });
    connect(detailSplitter, &QSplitter::splitterMoved, this, [this] { m_userSized = true; });

    m_triage = new TriageController(m_table, m_proxy, m_model, this);
    m_triage->setObjectName(QStringLiteral("triageController"));
    m_triage->setHub(hub);
    connect(m_triage, &TriageController::focusNoteRequested, this,
        [this] { m_noteEditor->noteEdit()->setFocus(); });
    connect(m_triage, &TriageController::focusTagsRequested, this,
        [this] { m_noteEditor->tagsEdit()->setFocus(); });
    // Space reads on, as in a mail or news reader: a page further down, and past the end the next paper.
    connect(m_triage, &TriageController::pageAbstractRequested, this, [this] {
        QScrollBar *bar = m_detail->verticalScrollBar();
        if (bar->value() < bar->maximum())
            bar->triggerAction(QAbstractSlider::SliderPageStepAdd);
        else
            m_triage->next();
    });
    connect(m_triage, &TriageController::failed, this, &ReaderView::message);
    connect(m_detail, &DetailPane::message, this, &ReaderView::message);
    connect(m_noteEditor, &NoteEditor::returnFocusRequested, this, [this] { m_table->setFocus(); });
    connect(m_noteEditor, &NoteEditor::saveFailed, this,
        [this](const QString &m) { Q_EMIT message(tr("The note could not be saved: %1").arg(m)); });
    connect(hub, &PaperStateHub::changed, this, &ReaderView::stateChanged);

    // More like this: the list under the abstract, reached from the table's context menu.
    m_moreLikeThis = new QAction(tr("More Like This"), this);
    m_moreLikeThis->setObjectName(QStringLiteral("moreLikeThisAction"));
    connect(m_moreLikeThis, &QAction::triggered, this, [this] {
        if (!m_similar)
            Q_EMIT message(tr("Finding similar papers: the index is still being built."));
        m_detail->scrollToAnchor(QStringLiteral("similar"));
    });
    m_table->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(m_table, &QWidget::customContextMenuRequested, this, [this](const QPoint &pos) {
        const QModelIndex index = m_table->indexAt(pos);
        if (!index.isValid())
            return;
        m_table->selectRow(index.row());
        QMenu menu(m_table);
        menu.addAction(m_moreLikeThis);
        menu.exec(m_table->viewport()->mapToGlobal(pos));
    });
    // Other members' shared notes are the group's to edit (schema 16): on a lab's store only.
    m_detail->setSharedNotesEditable(m_store && m_store->database().location().isPostgres());
    connect(m_detail, &DetailPane::sharedNoteEditRequested, this, &ReaderView::editSharedNote);
    connect(m_detail, &DetailPane::paperRequested, this, [this](const QString &arxivId) {
        if (!selectPaper(arxivId))
            Q_EMIT message(tr("%1 is not in the table: another day, or hidden by the filters.").arg(arxivId));
    });
    connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
        &ReaderView::updateSelection);
    // A sort moves the paper being read anywhere in the list, and Qt leaves the scroll where it was: the
    // highlight vanished off screen and the next j/k went on from a row the user could not see.
    connect(m_table->horizontalHeader(), &QHeaderView::sortIndicatorChanged, this, [this] {
        QMetaObject::invokeMethod(
            this,
            [this] {
                if (const QModelIndex current = m_table->currentIndex(); current.isValid())
                    m_table->scrollTo(current, QAbstractItemView::PositionAtCenter);
            },
            Qt::QueuedConnection);
    });
    // A refilter that hides the current paper leaves the table without a current row and Qt says
    // nothing: the reading pane must not go on showing a paper the table no longer lists.
    connect(m_proxy, &PaperFilterProxy::refilterFinished, this, &ReaderView::followFilters);
}

void ReaderView::followFilters()
{
    if (m_refreshing || m_table->currentIndex().isValid())
        return;
    const QString id = m_detail->currentArxivId().isEmpty() ? m_hiddenId : m_detail->currentArxivId();
    if (id.isEmpty())
        return;
    const int row = m_model->rowOf(id);
    const QModelIndex index = row < 0 ? QModelIndex() : m_proxy->mapFromSource(m_model->index(row, 0));
    if (index.isValid()) {
        // Listed again (the search was cleared): the user's place comes back, without marking it read.
        m_triage->selectRowQuietly(index.row());
        m_table->scrollTo(index);
        return;
    }
    m_hiddenId = id;
    m_detail->showRecord(nullptr);
    m_noteEditor->clear();
}

bool ReaderView::restoreSplit(const QByteArray &state)
{
    m_userSized = restoreState(state);
    return m_userSized;
}

void ReaderView::resizeEvent(QResizeEvent *event)
{
    QSplitter::resizeEvent(event);
    if (m_userSized || height() <= 0)
        return;
    // Until the user moves a handle: the reading pane keeps room for the metadata and the start of the
    // abstract (size hints alone left a 900×600 window showing no abstract), the table takes the rest.
    const int noteHeight = std::max(m_noteEditor ? m_noteEditor->minimumSizeHint().height() : 0, 90);
    const int bottom =
        std::clamp(height() * 2 / 5, 190 + noteHeight, std::max(height() - 150, 190 + noteHeight));
    setSizes({height() - bottom, bottom});
    m_detailSplitter->setSizes({bottom - noteHeight, noteHeight});
}

ReaderView::~ReaderView()
{
    // A view closed while its index is being built waits for it: the thread must not outlive its object.
    if (m_similarThread)
        m_similarThread->wait();
}

void ReaderView::closeNoteEditor()
{
    delete m_noteEditor;
    m_noteEditor = nullptr;
}

bool ReaderView::mayClose(int otherUnsaved)
{
    m_noteEditor->flush();
    const int unsaved = m_noteEditor->unsavedCount() + otherUnsaved;
    if (unsaved == 0)
        return true;
    QMessageBox box(QMessageBox::Warning, tr("Unsaved Notes"),
        tr("%n note(s) could not be saved (is the disk full?). Keep Lectern open, free some space, and "
           "they are saved within seconds; closing now loses them.",
            nullptr, unsaved),
        QMessageBox::NoButton, window());
    box.setObjectName(QStringLiteral("unsavedNotesBox"));
    QPushButton *keep = box.addButton(tr("Keep Open"), QMessageBox::RejectRole);
    keep->setObjectName(QStringLiteral("keepOpenButton"));
    box.addButton(tr("Close and Lose Them"), QMessageBox::DestructiveRole)
        ->setObjectName(QStringLiteral("closeAnywayButton"));
    box.setDefaultButton(keep);
    box.exec();
    return box.clickedButton() && box.clickedButton() != keep;
}

void ReaderView::stateChanged(const PaperState &state)
{
    const int row = m_model->rowOf(state.arxivId);
    if (row < 0)
        return;
    PaperRecord updated = *m_model->recordAt(row);
    updated.state = state;
    m_model->updateRecord(updated);
    if (state.arxivId == m_detail->currentArxivId())
        updateSelection();
}

void ReaderView::selectFirstRow()
{
    if (m_proxy->rowCount() > 0)
        m_triage->selectRowQuietly(0);
    else
        m_detail->showRecord(nullptr);
}

void ReaderView::focusList()
{
    if (!m_table->currentIndex().isValid() && m_proxy->rowCount() > 0)
        m_triage->next(); // from no row: the first
    m_table->setFocus();
}

void ReaderView::takeKeyboard()
{
    // A table taking the focus without a current row makes its first row current by itself, which would
    // count as going to that paper.
    if (!m_table->currentIndex().isValid() && m_proxy->rowCount() > 0)
        m_triage->selectRowQuietly(0);
    m_table->setFocus();
}

bool ReaderView::selectPaper(const QString &arxivId)
{
    const int row = m_model->rowOf(arxivId);
    if (row < 0)
        return false;
    const QModelIndex index = m_proxy->mapFromSource(m_model->index(row, 0));
    if (!index.isValid())
        return false;
    m_table->selectRow(index.row());
    m_table->scrollTo(index);
    return true;
}

bool ReaderView::restoreSelection(const QString &arxivId)
{
    // Only a paper the user went to is kept; the window's own pick (the first row when the day loaded)
    // gives way to the new first row, so a Run ends on the top of the scored list, not mid-table.
    if (arxivId != m_triage->userChoice())
        return false;
    const int row = m_model->rowOf(arxivId);
    const QModelIndex index = row < 0 ? QModelIndex() : m_proxy->mapFromSource(m_model->index(row, 0));
    if (!index.isValid())
        return false;
    m_triage->selectRowQuietly(index.row());
    return true;
}

QString ReaderView::currentArxivId() const
{
    return m_detail->currentArxivId();
}

void ReaderView::refreshRecords(QList<PaperRecord> records)
{
    bool sameRows = records.size() == m_model->rowCount();
    for (int i = 0; sameRows && i < records.size(); ++i)
        sameRows = m_model->recordAt(i)->paper.arxivId == records.at(i).paper.arxivId;
    if (!sameRows) {
        replaceRecordsKeepingPlace(std::move(records));
        return;
    }
    updateRecordsInPlace(records);
}

void ReaderView::updateRecordsInPlace(const QList<PaperRecord> &changed)
{
    const QString current = currentArxivId();
    const int tableScroll = m_table->verticalScrollBar()->value();
    const int detailScroll = m_detail->verticalScrollBar()->value();
    // Rows changed in place (scores, states): no reset, so the view keeps everything itself.
    for (const PaperRecord &r : changed)
        m_model->updateRecord(r);
    m_table->verticalScrollBar()->setValue(tableScroll);
    updateSelection();
    if (!current.isEmpty() && currentArxivId() == current)
        m_detail->verticalScrollBar()->setValue(detailScroll);
}

bool ReaderView::applyRowChanges(PaperRowChanges changes)
{
    const QString current = currentArxivId();
    const int tableScroll = m_table->verticalScrollBar()->value();
    const int detailScroll = m_detail->verticalScrollBar()->value();
    // Rows added or gone, sorted text changed, or many rows moving in the sort or through the filters: the
    // proxy sorts and filters once at the end (30-55 ms at 100k rows) instead of at each signal, where each
    // row that moves re-lays the whole table. Rows changed in place without moving (a state the sort and
    // filters do not look at) are cheaper one range at a time: 250 of them took 28 ms held.
    constexpr qsizetype kMovingOneByOne = 16;
    bool hold = !changes.added.isEmpty() || !changes.removed.isEmpty() || changes.orders ||
        m_model->rowsMovedBy(changes, m_proxy->sortColumn()) > kMovingOneByOne;
    if (!hold && m_proxy->filtersRows()) {
        qsizetype passing = 0; // rows that come into or leave the table
        for (qsizetype i = 0; i < changes.changed.size() && passing <= kMovingOneByOne; ++i) {
            const int at = changes.changedAt.at(i);
            const PaperRecord *shown = m_model->recordAt(at);
            passing +=
                shown && m_proxy->wouldAccept(*shown, at) != m_proxy->wouldAccept(changes.changed.at(i), at);
        }
        hold = passing > kMovingOneByOne;
    }
    if (hold)
        m_proxy->holdSorting();
    const bool applied = m_model->applyChanges(std::move(changes));
    if (hold)
        m_proxy->resumeSorting();
    if (!applied)
        return false;
    m_table->verticalScrollBar()->setValue(tableScroll);
    updateSelection();
    if (!current.isEmpty() && currentArxivId() == current)
        m_detail->verticalScrollBar()->setValue(detailScroll);
    return true;
}

void ReaderView::replaceRecordsKeepingPlace(QList<PaperRecord> records, PaperTableOrders orders)
{
    const QString current = currentArxivId();
    const int tableScroll = m_table->verticalScrollBar()->value();
    const int detailScroll = m_detail->verticalScrollBar()->value();
    // A reset, after which the same paper is selected again, quietly (not marked read), without the
    // detail pane or the note editor noticing the moment without a selection.
    m_refreshing = true;
    m_model->setRecords(std::move(records), std::move(orders));
    const int row = current.isEmpty() ? -1 : m_model->rowOf(current);
    const QModelIndex index = row < 0 ? QModelIndex() : m_proxy->mapFromSource(m_model->index(row, 0));
    if (index.isValid())
        m_triage->selectRowQuietly(index.row());
    m_refreshing = false;
    m_table->verticalScrollBar()->setValue(tableScroll);
    updateSelection();
    if (!current.isEmpty() && currentArxivId() == current)
        m_detail->verticalScrollBar()->setValue(detailScroll);
}

void ReaderView::refreshPaper(const QString &arxivId)
{
    if (arxivId.isEmpty() || arxivId != currentArxivId())
        return;
    const int detailScroll = m_detail->verticalScrollBar()->value();
    // The details are read again: the member's own shared note may be the one another member changed, and
    // the editor follows it when the user is not typing there.
    updateSelection();
    m_detail->verticalScrollBar()->setValue(detailScroll);
}

const PaperRecord *ReaderView::currentRecord() const
{
    const QModelIndex current = m_proxy->mapToSource(m_table->currentIndex());
    return current.isValid() ? m_model->recordAt(current.row()) : nullptr;
}

void ReaderView::updateSelection()
{
    if (!m_noteEditor || m_refreshing)
        return;
    const PaperRecord *record = currentRecord();
    if (!record) {
        m_noteEditor->clear();
        m_detail->setSharedNotes({});
        m_detail->showRecord(nullptr);
        return;
    }
    // Only a real change of paper reloads the editor: a refresh of the same paper must not reset typing.
    if (m_detail->currentArxivId() != record->paper.arxivId || !m_noteEditor->isEnabled())
        m_noteEditor->setPaper(record->state);
    // What the row holds is shown at once (the last details read of this paper with it); what the store
    // adds is read on the details thread and shown when it comes.
    const bool known = m_details && m_details->arxivId == record->paper.arxivId;
    showDetails(*record, known ? &*m_details : nullptr);
    readDetails(*record);
    m_hiddenId.clear();
    buildSimilarIndex();
}

void ReaderView::showDetails(const PaperRecord &row, const Details *details, const QString &problem)
{
    const PaperRecord *record = &row;
    // A lean row ("All days") lacks the abstract and details: the paper read whole, with the row's state,
    // which is the current one (the hub keeps it).
    std::optional<PaperRecord> whole;
    if (row.lean && details && details->whole) {
        whole = *details->whole;
        whole->state = row.state;
        whole->paper.announced = row.paper.announced;
        whole->paper.announceType = row.paper.announceType;
        record = &*whole;
    }
    const bool samePaper = m_detail->currentArxivId() == row.paper.arxivId;
    const int scroll = m_detail->verticalScrollBar()->value();
    QString librarySource;
    if (details && details->imported)
        librarySource = details->librarySource.isEmpty() ? tr("an earlier import") : details->librarySource;
    m_detail->setSharedNotes(details ? details->sharedNotes : QList<SharedNote>());
    if (!problem.isEmpty())
        m_detail->setDetailsNote(tr("The paper's details could not be read: %1").arg(problem));
    else if (row.lean && !whole)
        m_detail->setDetailsNote(tr("Reading the abstract…")); // a lean row has none; a slow server shows
    else
        m_detail->setDetailsNote({});
    m_detail->showRecord(record, details ? details->versions : QList<Paper>(),
        details ? details->similar : QList<DetailPane::SimilarEntry>(), librarySource);
    if (samePaper)
        m_detail->verticalScrollBar()->setValue(scroll);
}

namespace {

constexpr int SimilarShown = 5; ///< papers in the "More like this" list

/// On the details thread: what the reading pane shows of @p row beyond the row itself.
Result<ReaderView::Details> readDetailsOf(
    PaperStore &store, const PaperRecord &row, const std::shared_ptr<const SimilarPapers> &index)
{
    ReaderView::Details d;
    d.arxivId = row.paper.arxivId;
    auto state = store.state(d.arxivId);
    if (!state)
        return Error {state.error()};
    d.state = *state;
    const Paper *paper = &row.paper;
    if (row.lean) {
        auto loaded = store.record(d.arxivId);
        if (!loaded)
            return Error {loaded.error()};
        if (loaded->has_value()) {
            d.whole = std::move(**loaded);
            paper = &d.whole->paper;
        }
    }
    auto versions = store.previousVersions(d.arxivId);
    if (!versions)
        return Error {versions.error()};
    d.versions = *versions;
    d.imported = row.state.tags.contains(PaperState::ImportedTag);
    if (d.imported) {
        auto source = LibraryStore(store.database()).sourceOf(d.arxivId);
        if (!source)
            return Error {source.error()};
        d.librarySource = *source;
    }
    auto notes = store.sharedNotes(d.arxivId);
    if (!notes)
        return Error {notes.error()};
    d.sharedNotes = *notes;
    if (index) {
        // The whole paper is at hand: its full vector asks (the index keeps only its heaviest terms).
        const SparseVector vector = index->vectorizer().transform(TfidfVectorizer::Document {
            paper->title, paper->abstract, paper->categories, paper->primaryCategory});
        const QString text = paper->title + u' ' + paper->abstract;
        for (const SimilarPapers::Match &m : index->nearest(vector, SimilarShown, d.arxivId)) {
            // The index holds no titles, to stay small.
            auto similar = store.paper(m.arxivId);
            if (!similar)
                return Error {similar.error()};
            d.similar << DetailPane::SimilarEntry {m.arxivId,
                similar->has_value() ? (*similar)->title : QString(), m.similarity,
                TextAnalyzer::spelledAs(m.sharedTerms, text)};
        }
    }
    return d;
}

} // namespace

void ReaderView::readDetails(const PaperRecord &row)
{
    if (!m_store)
        return;
    if (!m_detailsReader) {
        m_detailsReader =
            new StoreReaderThread(m_store->database().path(), QStringLiteral("lectern-details"), this);
        m_detailsWanted = std::make_shared<std::atomic<quint64>>(0);
    }
    const quint64 generation = ++m_detailsGeneration;
    *m_detailsWanted = generation;
    ++m_detailsOutstanding;
    m_detailsReader->read<Details>(
        [wanted = m_detailsWanted, generation, row, index = m_similar](PaperStore &store) -> Result<Details> {
            // Another paper selected meanwhile (j held down): this one is not worth the queries.
            if (*wanted != generation)
                return Details {};
            return readDetailsOf(store, row, index);
        },
        [this, generation](const Result<Details> &details) {
            --m_detailsOutstanding;
            if (generation != m_detailsGeneration)
                return;
            const PaperRecord *record = currentRecord();
            if (!details) {
                // Said in the pane, not the status bar: a server gone away has its own word there
                // ("reconnecting"), and the row's own text stays readable.
                if (record && !m_refreshing)
                    showDetails(*record, nullptr, details.error());
                Q_EMIT detailsShown(record ? record->paper.arxivId : QString());
                return;
            }
            m_details = *details;
            if (record && record->paper.arxivId == details->arxivId && !m_refreshing) {
                showDetails(*record, &*m_details);
                // The note and tags as stored, with the version an edit of a shared note goes on from.
                if (m_noteEditor)
                    m_noteEditor->showStored(m_details->state);
            }
            Q_EMIT detailsShown(details->arxivId);
        });
}

SharedNoteDialog *ReaderView::sharedNoteDialog() const
{
    return m_sharedNoteDialog;
}

void ReaderView::editSharedNote(const SharedNote &note)
{
    if (m_sharedNoteDialog) {
        m_sharedNoteDialog->raise();
        return;
    }
    m_sharedNoteDialog = new SharedNoteDialog(m_store, note, note.arxivId, this);
    m_sharedNoteDialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(m_sharedNoteDialog, &SharedNoteDialog::saved, this,
        [this](const SharedNote &saved) { refreshPaper(saved.arxivId); });
    m_sharedNoteDialog->open();
}

void ReaderView::refreshSimilarIndex()
{
    if (!m_similar && !m_similarBuilding)
        return; // never shown yet: the first selection builds it with everything stored by then
    m_similarOutdated = true;
    buildSimilarIndex();
}

void ReaderView::buildSimilarIndex()
{
    if ((m_similar && !m_similarOutdated) || m_similarBuilding || !m_store)
        return;
    m_similarBuilding = true;
    m_similarOutdated = false;
    // Its own connection on its own thread: vectorising a large library takes seconds.
    const QString databasePath = m_store->database().path();
    auto built = std::make_shared<std::shared_ptr<const SimilarPapers>>();
    QThread *thread = QThread::create([databasePath, built] {
        auto store = PaperStore::open(databasePath);
        if (!store)
            return;
        auto index = SimilarPapers::fromStore(*store.value(), BuiltinScorer::modelPath(databasePath));
        if (index)
            *built = std::make_shared<const SimilarPapers>(std::move(index).value());
    });
    m_similarThread = thread;
    connect(thread, &QThread::finished, this, [this, built] {
        m_similarBuilding = false;
        if (*built)
            m_similar = *built;
        if (m_similarOutdated)
            buildSimilarIndex(); // papers came in while this one was built
        else if (m_similar)
            updateSelection();
    });
    connect(thread, &QThread::finished, thread, &QObject::deleteLater);
    // Idle priority (SCHED_IDLE on Linux): seconds of vectorising at 100k papers must not slow "All days",
    // a search or a job the user is waiting for.
    thread->start(QThread::IdlePriority);
}

} // namespace Lectern
