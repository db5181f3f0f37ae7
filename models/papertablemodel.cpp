// SPDX-License-Identifier: GPL-3.0-or-later
#include "papertablemodel.h"

#include "plaintooltip.h"
#include "roles.h"
#include "scorestatus.h"
#include "text/papertabletext.h"
#include "text/searchfold.h"

#include <QFont>
#include <QThreadPool>

#include <algorithm>
#ifdef __GLIBC__
#include <malloc.h>
#endif

namespace Lectern {

PaperTableModel::PaperTableModel(QObject *parent)
    : QAbstractTableModel(parent)
{ }

void PaperTableModel::setRecords(QList<PaperRecord> records, PaperTableOrders orders)
{
    beginResetModel();
    if (m_records.size() > kReleasedElsewhereAbove) {
        // Freeing 100k rows (leaving "All days", or its reload) held the GUI thread some 40 ms: they go
        // to a pooled thread, which drops the last reference to them (strings count references
        // atomically).
        struct Released
        {
            QList<PaperRecord> records;
            std::vector<DisplayText> display;
            std::vector<QString> foldedAuthors;
            QHash<QString, int> rowOfId;
        };
        auto released = std::make_shared<Released>();
        released->records.swap(m_records);
        released->display.swap(m_display);
        released->foldedAuthors.swap(m_foldedAuthors);
        released->rowOfId.swap(m_rowOfId);
        QThreadPool::globalInstance()->start([held = std::move(released)]() mutable {
            held.reset();
#ifdef __GLIBC__
            // The freed pages go back to the system: the next "All days" reads its rows on another thread,
            // whose allocator arena would not reuse them, and a second visit to "All days" peaked 65 MB
            // higher than the first.
            malloc_trim(0);
#endif
        });
    }
    m_records = std::move(records);
    m_orders = std::move(orders);
    const size_t rows = size_t(m_records.size());
    // Orders made for other rows would sort these wrongly: made anew when needed instead.
    if (m_orders.id.size() != rows)
        m_orders.id.clear();
    if (m_orders.id.empty() || m_orders.title.size() != rows)
        m_orders.title.clear();
    if (m_orders.id.empty() || m_orders.authors.size() != rows)
        m_orders.authors.clear();
    for (std::vector<int> *ranks : {&m_orders.category, &m_orders.announceType, &m_orders.tags}) {
        if (m_orders.id.empty() || ranks->size() != rows)
            ranks->clear();
    }
    m_display.assign(size_t(m_records.size()), DisplayText());
    m_displayed.assign(size_t(m_records.size()), false);
    m_sortKeys.clear();
    m_sortKeys.reserve(size_t(m_records.size()));
    for (const PaperRecord &r : std::as_const(m_records))
        m_sortKeys.push_back(sortKeysOf(r));
    m_foldedAuthors.clear();
    m_rowOfId.clear();
    endResetModel();
}

const QString &PaperTableModel::foldedAuthorsAt(int row) const
{
    if (m_foldedAuthors.size() != size_t(m_records.size())) {
        m_foldedAuthors.clear();
        m_foldedAuthors.reserve(size_t(m_records.size()));
        for (int i = 0; i < m_records.size(); ++i)
            m_foldedAuthors.push_back(SearchFold::foldTyped(authorsFullAt(i)));
    }
    return m_foldedAuthors[size_t(row)];
}

QString PaperTableModel::authorsFullAt(int row) const
{
    return PaperTableText::fullAuthors(m_records.at(row));
}

const PaperTableModel::DisplayText &PaperTableModel::displayAt(int row) const
{
    if (!m_displayed[size_t(row)]) {
        const PaperRecord &r = m_records.at(row);
        m_display[size_t(row)] = {PaperTableText::title(r), PaperTableText::shortAuthors(r)};
        m_displayed[size_t(row)] = true;
    }
    return m_display[size_t(row)];
}

const PaperRecord *PaperTableModel::recordAt(int row) const
{
    return row >= 0 && row < m_records.size() ? &m_records.at(row) : nullptr;
}

int PaperTableModel::rowOf(const QString &arxivId) const
{
    // Asked on every state change and selection: a scan of 100k rows each time adds up.
    if (m_rowOfId.size() != m_records.size()) {
        m_rowOfId.clear();
        m_rowOfId.reserve(m_records.size());
        for (int i = 0; i < m_records.size(); ++i)
            m_rowOfId.insert(m_records.at(i).paper.arxivId, i);
    }
    return m_rowOfId.value(arxivId, -1);
}

void PaperTableModel::updateRecord(const PaperRecord &record)
{
    const int row = rowOf(record.paper.arxivId);
    if (row < 0)
        return;
    const PaperRecord &old = m_records.at(row);
    if (record.paper.title != old.paper.title)
        m_orders.title.clear();
    if (record.paper.authors != old.paper.authors || record.authorLines != old.authorLines)
        m_orders.authors.clear();
    if (record.paper.primaryCategory != old.paper.primaryCategory)
        m_orders.category.clear();
    if (record.paper.announceType != old.paper.announceType)
        m_orders.announceType.clear();
    if (record.state.tags != old.state.tags)
        m_orders.tags.clear();
    m_records[row] = record;
    m_displayed[size_t(row)] = false;
    if (m_foldedAuthors.size() == size_t(m_records.size()))
        m_foldedAuthors[size_t(row)] = SearchFold::foldTyped(authorsFullAt(row));
    m_sortKeys[size_t(row)] = sortKeysOf(record);
    Q_EMIT dataChanged(index(row, 0), index(row, PaperColumnCount - 1));
}

void PaperTableModel::replaceRow(int row, PaperRecord record)
{
    m_records[row] = std::move(record);
    m_displayed[size_t(row)] = false;
    if (m_foldedAuthors.size() == size_t(m_records.size()))
        m_foldedAuthors[size_t(row)] = SearchFold::foldTyped(authorsFullAt(row));
    m_sortKeys[size_t(row)] = sortKeysOf(m_records.at(row));
}

qsizetype PaperTableModel::rowsMovedBy(const PaperRowChanges &changes, int column) const
{
    qsizetype moved = 0;
    for (qsizetype i = 0; i < changes.changed.size(); ++i) {
        const int at = changes.changedAt.at(i);
        if (at < 0 || at >= m_records.size())
            continue;
        const SortKeys was = m_sortKeys[size_t(at)];
        const SortKeys now = sortKeysOf(changes.changed.at(i));
        switch (column) {
        case StarColumn:
            moved += was.starred != now.starred;
            break;
        case RelevanceColumn:
        case NoveltyColumn:
        case TotalColumn:
            moved += was.relevance != now.relevance || was.novelty != now.novelty || was.total != now.total;
            break;
        case ReadColumn:
            moved += was.read != now.read;
            break;
        case NoteColumn:
            moved += was.note != now.note;
            break;
        default:
            break;
        }
    }
    return moved;
}

bool PaperTableModel::applyChanges(PaperRowChanges changes)
{
    const qsizetype rows = m_records.size();
    if (changes.shownRows != rows || changes.changed.size() != changes.changedAt.size() ||
        changes.added.size() != changes.addedAt.size() ||
        changes.removed.size() != changes.removedRowIds.size())
        return false;
    for (qsizetype i = 0; i < changes.changed.size(); ++i) {
        const int at = changes.changedAt.at(i);
        if (at < 0 || at >= rows || m_records.at(at).rowId != changes.changed.at(i).rowId)
            return false;
    }
    for (qsizetype i = 0; i < changes.removed.size(); ++i) {
        const int at = changes.removed.at(i);
        if (at < 0 || at >= rows || m_records.at(at).rowId != changes.removedRowIds.at(i))
            return false;
    }
    const qsizetype after = rows + changes.added.size() - changes.removed.size();
    if (changes.orders && changes.orders->id.size() != size_t(after))
        return false;
    const bool remap = !changes.removed.isEmpty() || !changes.added.isEmpty();
    // Rows changed in place only, no new orders: the shown orders still fit and sort them as they move.
    m_applying = remap || changes.orders;
    // Changed rows, one dataChanged per run of adjacent rows: a proxy handles each signal on its own.
    for (qsizetype i = 0; i < changes.changed.size();) {
        const int first = changes.changedAt.at(i);
        int last = first - 1;
        for (; i < changes.changed.size() && changes.changedAt.at(i) == last + 1; ++i) {
            last = changes.changedAt.at(i);
            // Without orders from the reader no sorted text changed; tags are checked all the same.
            if (!changes.orders && changes.changed.at(i).state.tags != m_records.at(last).state.tags)
                m_orders.tags.clear();
            replaceRow(last, std::move(changes.changed[i]));
        }
        Q_EMIT dataChanged(index(first, 0), index(last, PaperColumnCount - 1));
    }
    // The arXiv id look-up follows the rows instead of being built again for 100k rows.
    QHash<QString, int> rowOfId;
    if (remap)
        rowOfId.swap(m_rowOfId);
    const bool folded = m_foldedAuthors.size() == size_t(rows);
    // Gone rows, runs of adjacent rows from the last.
    for (qsizetype i = changes.removed.size(); i > 0;) {
        const int last = changes.removed.at(i - 1);
        int first = last;
        --i;
        while (i > 0 && changes.removed.at(i - 1) == first - 1)
            first = changes.removed.at(--i);
        const int count = last - first + 1;
        beginRemoveRows({}, first, last);
        for (int r = first; r <= last; ++r)
            rowOfId.remove(m_records.at(r).paper.arxivId);
        m_records.remove(first, count);
        m_sortKeys.erase(m_sortKeys.begin() + first, m_sortKeys.begin() + last + 1);
        m_display.erase(m_display.begin() + first, m_display.begin() + last + 1);
        m_displayed.erase(m_displayed.begin() + first, m_displayed.begin() + last + 1);
        if (folded)
            m_foldedAuthors.erase(m_foldedAuthors.begin() + first, m_foldedAuthors.begin() + last + 1);
        endRemoveRows();
    }
    // New rows, a range for each place among the rows shown before (counted before the removals).
    qsizetype inserted = 0;
    qsizetype removedBefore = 0;
    for (qsizetype i = 0; i < changes.added.size();) {
        const int shownAt = changes.addedAt.at(i);
        qsizetype end = i;
        while (end < changes.added.size() && changes.addedAt.at(end) == shownAt)
            ++end;
        while (removedBefore < changes.removed.size() && changes.removed.at(removedBefore) < shownAt)
            ++removedBefore;
        const int first = int(shownAt - removedBefore + inserted);
        const int count = int(end - i);
        beginInsertRows({}, first, first + count - 1);
        m_records.insert(first, count, PaperRecord {});
        m_sortKeys.insert(m_sortKeys.begin() + first, size_t(count), SortKeys {});
        m_display.insert(m_display.begin() + first, size_t(count), DisplayText {});
        m_displayed.insert(m_displayed.begin() + first, size_t(count), false);
        if (folded)
            m_foldedAuthors.insert(m_foldedAuthors.begin() + first, size_t(count), QString());
        for (int k = 0; k < count; ++k)
            replaceRow(first + k, std::move(changes.added[i + k]));
        endInsertRows();
        inserted += count;
        i = end;
    }
    if (remap && !rowOfId.isEmpty() && m_rowOfId.isEmpty()) {
        // A shown row's place after the changes: less the rows removed before it, plus those added there.
        for (auto it = rowOfId.begin(); it != rowOfId.end(); ++it) {
            const int old = it.value();
            const auto removed = std::lower_bound(changes.removed.cbegin(), changes.removed.cend(), old) -
                changes.removed.cbegin();
            const auto added = std::upper_bound(changes.addedAt.cbegin(), changes.addedAt.cend(), old) -
                changes.addedAt.cbegin();
            it.value() = int(old - removed + added);
        }
        for (qsizetype i = 0; i < changes.addedAt.size(); ++i) {
            const int at = int(changes.addedAt.at(i) + i -
                (std::lower_bound(changes.removed.cbegin(), changes.removed.cend(), changes.addedAt.at(i)) -
                    changes.removed.cbegin()));
            rowOfId.insert(m_records.at(at).paper.arxivId, at);
        }
        m_rowOfId.swap(rowOfId);
    }
    if (changes.orders)
        m_orders = std::move(*changes.orders);
    m_applying = false;
    return true;
}

QModelIndex PaperTableModel::index(int row, int column, const QModelIndex &parent) const
{
    if (parent.isValid() || row < 0 || row >= m_records.size() || column < 0 || column >= PaperColumnCount)
        return {};
    return createIndex(row, column);
}

int PaperTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_records.size());
}

int PaperTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : PaperColumnCount;
}

namespace {

bool isMarksColumn(int column)
{
    return column == RelevanceColumn || column == NoveltyColumn || column == TotalColumn;
}

} // namespace

QVariant PaperTableModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const PaperRecord &r = m_records.at(index.row());
    const DisplayText &text = displayAt(index.row());
    const bool scored = r.score && r.score->isScored();

    switch (role) {
    case ArxivIdRole:
        return r.paper.arxivId;
    case RowIdRole:
        return r.rowId;
    case ScoredRole:
        return scored;
    case StarredRole:
        return r.state.starred;
    case ReadRole:
        return r.state.read;
    case DismissedRole:
        return r.state.dismissed;
    case RelevanceRole:
        return scored ? QVariant(*r.score->relevance) : QVariant();
    case NoveltyRole:
        return scored ? QVariant(*r.score->novelty) : QVariant();
    case DateRole:
        return r.paper.announced;
    case TagsRole:
        return r.state.tags;
    case AuthorsRole:
        return r.lean ? QString::fromUtf8(r.authorLines).split(u'\n', Qt::SkipEmptyParts) : r.paper.authors;
    case CategoriesRole:
        return r.paper.categories;
    case LocalScoreRole:
        return scored && r.score->isLocal();
    case Qt::ToolTipRole:
        // Titles, authors and model names come from arXiv and servers: shown as text, never as markup.
        if (index.column() == TitleColumn)
            return PlainToolTip::of(text.title);
        if (index.column() == AuthorsColumn)
            return PlainToolTip::of(authorsFullAt(index.row()));
        if (index.column() == StarColumn && r.state.tags.contains(PaperState::ImportedTag))
            return r.state.starred ? tr("Starred; in your library (imported)")
                                   : tr("In your library (imported)");
        if (!scored &&
            (index.column() == RelevanceColumn || index.column() == NoveltyColumn ||
                index.column() == TotalColumn))
            return PlainToolTip::of(ScoreStatus::describe(r.score));
        if (scored && r.score->isLocal() && isMarksColumn(index.column()))
            return PlainToolTip::of(tr("Scored by lectern-local, the built-in scorer: not a language model's "
                                       "verdict"));
        return {};
    case Qt::FontRole: {
        // Marks the LLM did not give (hybrid mode) are set in italics, so they never pass for its verdicts.
        const bool local = scored && r.score->isLocal() && isMarksColumn(index.column());
        if (!r.state.read || local) {
            QFont f;
            f.setBold(!r.state.read);
            f.setItalic(local);
            return f;
        }
        return {};
    }
    case Qt::TextAlignmentRole:
        if (index.column() <= TotalColumn || index.column() == NoteColumn || index.column() == ReadColumn)
            return int(Qt::AlignCenter);
        return {};
    case Qt::DisplayRole:
        switch (index.column()) {
        case StarColumn:
            // A diamond marks a paper of the user's imported library that is not starred.
            if (r.state.starred)
                return QStringLiteral("★");
            return r.state.tags.contains(PaperState::ImportedTag) ? QStringLiteral("◆") : QString();
        case RelevanceColumn:
            return scored ? QString::number(*r.score->relevance) : QStringLiteral("–");
        case NoveltyColumn:
            return scored ? QString::number(*r.score->novelty) : QStringLiteral("–");
        case TotalColumn:
            return scored ? QString::number(r.score->total()) : QStringLiteral("–");
        case TitleColumn:
            return text.title;
        case AuthorsColumn:
            return text.authorsShort;
        case CategoriesColumn:
            return r.paper.categories.join(u' ');
        case AnnounceTypeColumn:
            return r.paper.announceType;
        case TagsColumn:
            return r.state.tags.join(QStringLiteral(", "));
        case NoteColumn:
            return r.state.note.isEmpty() ? QString() : QStringLiteral("✎");
        case ReadColumn:
            return r.state.dismissed ? tr("dismissed") : (r.state.read ? tr("read") : QString());
        }
        return {};
    case SortRole:
        switch (index.column()) {
        case StarColumn:
            return int(r.state.starred);
        // Unscored papers sort below every real score (-1), so they are never mistaken for low scores.
        case RelevanceColumn:
            return scored ? *r.score->relevance : -1;
        case NoveltyColumn:
            return scored ? *r.score->novelty : -1;
        case TotalColumn:
            return scored ? r.score->total() : -1;
        case TitleColumn:
            return QString::fromUtf8(PaperTableText::sortKey(text.title));
        case AuthorsColumn:
            return QString::fromUtf8(PaperTableText::sortKey(text.authorsShort));
        case CategoriesColumn:
            return r.paper.primaryCategory;
        case AnnounceTypeColumn:
            return r.paper.announceType;
        case TagsColumn:
            return r.state.tags.join(u',');
        case NoteColumn:
            return int(!r.state.note.isEmpty());
        case ReadColumn:
            return int(r.state.read) + 2 * int(r.state.dismissed);
        }
        return {};
    default:
        return {};
    }
}

PaperTableModel::SortKeys PaperTableModel::sortKeysOf(const PaperRecord &r)
{
    SortKeys k;
    k.starred = qint8(r.state.starred);
    if (r.score && r.score->isScored()) {
        k.relevance = qint8(*r.score->relevance);
        k.novelty = qint8(*r.score->novelty);
        k.total = qint8(r.score->total());
    }
    k.read = qint8(int(r.state.read) + 2 * int(r.state.dismissed));
    k.note = qint8(!r.state.note.isEmpty());
    return k;
}

const std::vector<int> &PaperTableModel::idRanks() const
{
    if (m_orders.id.size() != size_t(m_records.size()))
        m_orders.id = PaperTableOrders::idRanks(m_records);
    return m_orders.id;
}

const std::vector<int> &PaperTableModel::textRanks(bool authors) const
{
    std::vector<int> &ranks = authors ? m_orders.authors : m_orders.title;
    if (ranks.size() != size_t(m_records.size()))
        ranks = PaperTableOrders::textRanks(m_records, idRanks(), authors);
    return ranks;
}

const std::vector<int> &PaperTableModel::valueRanks(int column) const
{
    using Value = PaperTableOrders::Value;
    const Value value = column == CategoriesColumn
        ? Value::PrimaryCategory
        : (column == TagsColumn ? Value::Tags : Value::AnnounceType);
    std::vector<int> &ranks = value == Value::PrimaryCategory
        ? m_orders.category
        : (value == Value::Tags ? m_orders.tags : m_orders.announceType);
    if (ranks.size() != size_t(m_records.size()))
        ranks = PaperTableOrders::valueRanks(m_records, idRanks(), value);
    return ranks;
}

int PaperTableModel::compareRows(int a, int b, int column, Qt::SortOrder sortOrder) const
{
    auto cmp = [](int x, int y) { return x < y ? -1 : (y < x ? 1 : 0); };
    if (m_applying)
        return cmp(a, b); // the orders fit the rows again at the end, when the proxy sorts once
    const SortKeys &ka = m_sortKeys[size_t(a)];
    const SortKeys &kb = m_sortKeys[size_t(b)];
    const bool scoreColumn = column == RelevanceColumn || column == NoveltyColumn || column == TotalColumn;
    if (scoreColumn && (ka.total < 0) != (kb.total < 0)) {
        const int unscoredLast = ka.total < 0 ? 1 : -1;
        return sortOrder == Qt::AscendingOrder ? unscoredLast : -unscoredLast;
    }
    int c = 0;
    switch (column) {
    case StarColumn:
        c = cmp(ka.starred, kb.starred);
        break;
    case RelevanceColumn:
        c = cmp(ka.relevance, kb.relevance);
        break;
    case NoveltyColumn:
        c = cmp(ka.novelty, kb.novelty);
        break;
    case TotalColumn:
        c = cmp(ka.total, kb.total);
        break;
    case ReadColumn:
        c = cmp(ka.read, kb.read);
        break;
    case NoteColumn:
        c = cmp(ka.note, kb.note);
        break;
    case TitleColumn:
    case AuthorsColumn: {
        const std::vector<int> &rank = textRanks(column == AuthorsColumn);
        return cmp(rank[size_t(a)], rank[size_t(b)]); // ranks are unique: the id tie-break is in them
    }
    case CategoriesColumn:
    case AnnounceTypeColumn:
    case TagsColumn: {
        const std::vector<int> &rank = valueRanks(column);
        return cmp(rank[size_t(a)], rank[size_t(b)]); // unique, as the text ranks
    }
    default:
        break;
    }
    if (c != 0)
        return c;
    const std::vector<int> &ids = idRanks();
    return cmp(ids[size_t(a)], ids[size_t(b)]);
}

QVariant PaperTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || section < 0 || section >= PaperColumnCount)
        return {};
    if (role == Qt::DisplayRole) {
        switch (section) {
        case StarColumn:
            return QStringLiteral("★");
        case RelevanceColumn:
            return tr("Rel");
        case NoveltyColumn:
            return tr("Nov");
        case TotalColumn:
            return tr("Total");
        case TitleColumn:
            return tr("Title");
        case AuthorsColumn:
            return tr("Authors");
        case CategoriesColumn:
            return tr("Categories");
        case AnnounceTypeColumn:
            return tr("Type");
        case TagsColumn:
            return tr("Tags");
        case NoteColumn:
            return QStringLiteral("✎");
        case ReadColumn:
            return tr("State");
        }
    }
    if (role == Qt::ToolTipRole) {
        switch (section) {
        case StarColumn:
            return tr("Starred");
        case RelevanceColumn:
            return tr("Relevance to your topics, 1–10");
        case NoveltyColumn:
            return tr("Novelty, 1–10");
        case TotalColumn:
            return tr("Relevance + novelty");
        case NoteColumn:
            return tr("Has a note");
        default:
            return {};
        }
    }
    return {};
}

} // namespace Lectern
