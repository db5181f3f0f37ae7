// SPDX-License-Identifier: GPL-3.0-or-later
#include "papertablemodel.h"

#include "roles.h"
#include "text/textounicode.h"

#include <QFont>

namespace Lectern {

PaperTableModel::PaperTableModel(QObject *parent)
    : QAbstractTableModel(parent)
{ }

void PaperTableModel::setRecords(QList<PaperRecord> records)
{
    beginResetModel();
    m_records = std::move(records);
    m_display.clear();
    m_display.reserve(m_records.size());
    for (const PaperRecord &r : std::as_const(m_records))
        m_display << displayTextOf(r);
    endResetModel();
}

const PaperRecord *PaperTableModel::recordAt(int row) const
{
    return row >= 0 && row < m_records.size() ? &m_records.at(row) : nullptr;
}

int PaperTableModel::rowOf(const QString &arxivId) const
{
    for (int i = 0; i < m_records.size(); ++i) {
        if (m_records.at(i).paper.arxivId == arxivId)
            return i;
    }
    return -1;
}

void PaperTableModel::updateRecord(const PaperRecord &record)
{
    const int row = rowOf(record.paper.arxivId);
    if (row < 0)
        return;
    m_records[row] = record;
    m_display[row] = displayTextOf(record);
    Q_EMIT dataChanged(index(row, 0), index(row, PaperColumnCount - 1));
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

PaperTableModel::DisplayText PaperTableModel::displayTextOf(const PaperRecord &r)
{
    DisplayText d;
    d.title = TexToUnicode::convert(r.paper.title);
    const QStringList &authors = r.paper.authors;
    if (!authors.isEmpty()) {
        const QString first = TexToUnicode::convert(authors.first());
        d.authorsShort =
            authors.size() == 1 ? first : QStringLiteral("%1 +%2").arg(first).arg(authors.size() - 1);
        d.authorsFull = TexToUnicode::convert(authors.join(QStringLiteral(", ")));
    }
    d.titleKey = d.title.toLower().toUtf8();
    d.authorKey = d.authorsShort.toLower().toUtf8();
    return d;
}

QVariant PaperTableModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const PaperRecord &r = m_records.at(index.row());
    const DisplayText &text = m_display.at(index.row());
    const bool scored = r.score && r.score->isScored();

    switch (role) {
    case ArxivIdRole:
        return r.paper.arxivId;
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
        return r.paper.authors;
    case CategoriesRole:
        return r.paper.categories;
    case Qt::ToolTipRole:
        if (index.column() == TitleColumn)
            return text.title;
        if (index.column() == AuthorsColumn)
            return text.authorsFull;
        if (!scored &&
            (index.column() == RelevanceColumn || index.column() == NoveltyColumn ||
                index.column() == TotalColumn))
            return tr("Not scored yet");
        return {};
    case Qt::FontRole:
        if (!r.state.read) {
            QFont f;
            f.setBold(true);
            return f;
        }
        return {};
    case Qt::TextAlignmentRole:
        if (index.column() <= TotalColumn || index.column() == NoteColumn || index.column() == ReadColumn)
            return int(Qt::AlignCenter);
        return {};
    case Qt::DisplayRole:
        switch (index.column()) {
        case StarColumn:
            return r.state.starred ? QStringLiteral("★") : QString();
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
            return QString::fromUtf8(text.titleKey);
        case AuthorsColumn:
            return QString::fromUtf8(text.authorKey);
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

int PaperTableModel::compareRows(int a, int b, int column) const
{
    const PaperRecord &ra = m_records.at(a);
    const PaperRecord &rb = m_records.at(b);
    auto score = [](const PaperRecord &r, int which) {
        if (!r.score || !r.score->isScored())
            return -1;
        return which == 0 ? *r.score->relevance : which == 1 ? *r.score->novelty : r.score->total();
    };
    auto cmp = [](const auto &x, const auto &y) { return x < y ? -1 : (y < x ? 1 : 0); };
    int c = 0;
    switch (column) {
    case StarColumn:
        c = cmp(int(ra.state.starred), int(rb.state.starred));
        break;
    case RelevanceColumn:
        c = cmp(score(ra, 0), score(rb, 0));
        break;
    case NoveltyColumn:
        c = cmp(score(ra, 1), score(rb, 1));
        break;
    case TotalColumn:
        c = cmp(score(ra, 2), score(rb, 2));
        break;
    case TitleColumn:
        c = m_display.at(a).titleKey.compare(m_display.at(b).titleKey);
        break;
    case AuthorsColumn:
        c = m_display.at(a).authorKey.compare(m_display.at(b).authorKey);
        break;
    default:
        // Rarely sorted columns go through the general path.
        c = QVariant::compare(index(a, column).data(SortRole), index(b, column).data(SortRole)) ==
                QPartialOrdering::Less
            ? -1
            : (QVariant::compare(index(a, column).data(SortRole), index(b, column).data(SortRole)) ==
                          QPartialOrdering::Greater
                      ? 1
                      : 0);
        break;
    }
    return c != 0 ? c : ra.paper.arxivId.compare(rb.paper.arxivId);
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
