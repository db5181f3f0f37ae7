// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/scorecomparisonmodel.h"

#include "models/plaintooltip.h"
#include "models/roles.h"
#include "text/textounicode.h"

#include <QCoreApplication>

namespace Lectern {

namespace {

ScoreComparisonModel::Status statusOf(const PaperComparison &c)
{
    using Status = ScoreComparisonModel::Status;
    if (c.relevantAfter && !c.relevantBefore)
        return Status::Entered;
    if (c.relevantBefore && !c.relevantAfter)
        return Status::Left;
    if (c.comparable())
        return c.changeSize() != 0 ? Status::Changed : Status::Same;
    const bool markedBefore = c.before && c.before->isScored();
    const bool markedAfter = c.after && c.after->isScored();
    return markedBefore != markedAfter ? Status::OneRun : Status::Same;
}

std::optional<int> mark(const std::optional<Score> &score, bool relevance)
{
    if (!score || !score->isScored())
        return std::nullopt;
    return relevance ? score->relevance : score->novelty;
}

QString signedNumber(int n)
{
    if (n > 0)
        return QStringLiteral("+%1").arg(n);
    if (n < 0)
        return QStringLiteral("−%1").arg(-n); // a real minus sign, as wide as the plus
    return QStringLiteral("0");
}

QString describe(const std::optional<Score> &score)
{
    if (!score)
        return QCoreApplication::translate("Lectern::ScoreComparisonModel", "not scored");
    QString text = score->isScored()
        ? QStringLiteral("R%1 N%2").arg(*score->relevance).arg(*score->novelty)
        : QCoreApplication::translate("Lectern::ScoreComparisonModel", "no marks");
    if (!score->comment.isEmpty())
        text += QStringLiteral(": ") + score->comment;
    return text;
}

} // namespace

ScoreComparisonModel::ScoreComparisonModel(QObject *parent)
    : QAbstractTableModel(parent)
{ }

void ScoreComparisonModel::setComparison(const ScoreComparison &comparison)
{
    beginResetModel();
    m_comparison = comparison;
    m_status.clear();
    m_titles.clear();
    m_status.reserve(m_comparison.papers.size());
    m_titles.reserve(m_comparison.papers.size());
    for (const PaperComparison &c : std::as_const(m_comparison.papers)) {
        m_status << statusOf(c);
        m_titles << TexToUnicode::convert(c.paper.title).simplified();
    }
    endResetModel();
}

void ScoreComparisonModel::clear()
{
    setComparison({});
}

ScoreComparisonModel::Status ScoreComparisonModel::statusAt(int row) const
{
    return m_status.at(row);
}

int ScoreComparisonModel::count(Status status) const
{
    return int(m_status.count(status));
}

int ScoreComparisonModel::rowOf(const QString &arxivId) const
{
    for (qsizetype i = 0; i < m_comparison.papers.size(); ++i) {
        if (m_comparison.papers.at(i).paper.arxivId == arxivId)
            return int(i);
    }
    return -1;
}

QString ScoreComparisonModel::statusText(Status status)
{
    switch (status) {
    case Status::Entered:
        return tr("entered");
    case Status::Left:
        return tr("left");
    case Status::Changed:
        return tr("changed");
    case Status::OneRun:
        return tr("one run only");
    case Status::Same:
        return tr("same");
    }
    return {};
}

bool ScoreComparisonModel::moved(Status status)
{
    return status == Status::Entered || status == Status::Left || status == Status::Changed;
}

int ScoreComparisonModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_comparison.papers.size());
}

int ScoreComparisonModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant ScoreComparisonModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const PaperComparison &c = m_comparison.papers.at(index.row());
    const Status status = m_status.at(index.row());
    if (role == ArxivIdRole)
        return c.paper.arxivId;
    if (role == StatusRole)
        return int(status);
    if (role == Qt::ToolTipRole) {
        QString tip = tr("Old run: %1\nNew run: %2").arg(describe(c.before), describe(c.after));
        if (c.authorMatch())
            tip += tr("\nFollowed author: %1").arg(c.matchedAuthors.join(QStringLiteral(", ")));
        return PlainToolTip::of(tip); // author names and model names are not markup
    }
    const auto markCell = [role](const std::optional<int> &value) -> QVariant {
        if (role == SortRole)
            return value.value_or(-1);
        if (role == Qt::DisplayRole)
            return value ? QString::number(*value) : QStringLiteral("–");
        if (role == Qt::TextAlignmentRole)
            return int(Qt::AlignRight | Qt::AlignVCenter);
        return {};
    };
    switch (index.column()) {
    case IdColumn:
        if (role == Qt::DisplayRole || role == SortRole)
            return c.paper.arxivId;
        break;
    case TitleColumn:
        if (role == Qt::DisplayRole || role == SortRole)
            return m_titles.at(index.row());
        break;
    case OldRelevanceColumn:
        return markCell(mark(c.before, true));
    case OldNoveltyColumn:
        return markCell(mark(c.before, false));
    case NewRelevanceColumn:
        return markCell(mark(c.after, true));
    case NewNoveltyColumn:
        return markCell(mark(c.after, false));
    case ChangeColumn:
        if (role == SortRole)
            return c.comparable() ? c.changeSize() : -1;
        if (role == Qt::DisplayRole)
            return c.comparable() ? QStringLiteral("%1 / %2").arg(
                                        signedNumber(c.relevanceDelta()), signedNumber(c.noveltyDelta()))
                                  : QStringLiteral("–");
        if (role == Qt::TextAlignmentRole)
            return int(Qt::AlignRight | Qt::AlignVCenter);
        break;
    case StatusColumn:
        if (role == Qt::DisplayRole)
            return statusText(status);
        if (role == SortRole)
            return int(status);
        break;
    default:
        break;
    }
    return {};
}

QVariant ScoreComparisonModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal)
        return {};
    if (role == Qt::DisplayRole) {
        switch (section) {
        case IdColumn:
            return tr("arXiv id");
        case TitleColumn:
            return tr("Title");
        case OldRelevanceColumn:
            return tr("Old rel.");
        case OldNoveltyColumn:
            return tr("Old nov.");
        case NewRelevanceColumn:
            return tr("New rel.");
        case NewNoveltyColumn:
            return tr("New nov.");
        case ChangeColumn:
            return tr("Change");
        case StatusColumn:
            return tr("Status");
        default:
            return {};
        }
    }
    if (role == Qt::ToolTipRole) {
        switch (section) {
        case OldRelevanceColumn:
        case OldNoveltyColumn:
            return tr("The marks of the old (\"from\") run; – when it gave none");
        case NewRelevanceColumn:
        case NewNoveltyColumn:
            return tr("The marks of the new (\"to\") run; – when it gave none");
        case ChangeColumn:
            return tr(
                "Relevance / novelty change from the old run to the new; sorts by the size of the change");
        case StatusColumn:
            return tr("Entered or left the digest's relevant set, changed marks, marks from one run only, or "
                      "the same");
        default:
            return {};
        }
    }
    return {};
}

ScoreComparisonProxy::ScoreComparisonProxy(QObject *parent)
    : QSortFilterProxyModel(parent)
{
    setSortRole(SortRole);
}

void ScoreComparisonProxy::setOnlyMoved(bool on)
{
    if (on == m_onlyMoved)
        return;
    m_onlyMoved = on;
    invalidateRowsFilter();
}

bool ScoreComparisonProxy::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    if (!m_onlyMoved)
        return true;
    const QModelIndex index = sourceModel()->index(sourceRow, 0, sourceParent);
    return ScoreComparisonModel::moved(
        static_cast<ScoreComparisonModel::Status>(index.data(ScoreComparisonModel::StatusRole).toInt()));
}

bool ScoreComparisonProxy::lessThan(const QModelIndex &left, const QModelIndex &right) const
{
    const QVariant l = left.data(SortRole);
    const QVariant r = right.data(SortRole);
    if (l != r)
        return QVariant::compare(l, r) == QPartialOrdering::Less;
    // Ties by id, so the order is stable whatever the sort column.
    return left.siblingAtColumn(0).data(ArxivIdRole).toString() <
        right.siblingAtColumn(0).data(ArxivIdRole).toString();
}

} // namespace Lectern
