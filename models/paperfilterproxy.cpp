// SPDX-License-Identifier: GPL-3.0-or-later
#include "paperfilterproxy.h"

#include "papertablemodel.h"
#include "roles.h"

#include <algorithm>

namespace Lectern {

PaperFilterProxy::PaperFilterProxy(QObject *parent)
    : QSortFilterProxyModel(parent)
{
    setSortRole(SortRole);
    setDynamicSortFilter(true);
}

void PaperFilterProxy::setSourceModel(QAbstractItemModel *model)
{
    m_papers = qobject_cast<const PaperTableModel *>(model);
    QSortFilterProxyModel::setSourceModel(model);
}

void PaperFilterProxy::setMinimumRelevance(int value)
{
    if (value == m_minRelevance)
        return;
    m_minRelevance = value;
    invalidateRowsFilter();
}

void PaperFilterProxy::setMinimumNovelty(int value)
{
    if (value == m_minNovelty)
        return;
    m_minNovelty = value;
    invalidateRowsFilter();
}

void PaperFilterProxy::setStarredOnly(bool on)
{
    if (on == m_starredOnly)
        return;
    m_starredOnly = on;
    invalidateRowsFilter();
}

void PaperFilterProxy::setUnreadOnly(bool on)
{
    if (on == m_unreadOnly)
        return;
    m_unreadOnly = on;
    invalidateRowsFilter();
}

void PaperFilterProxy::setHideDismissed(bool on)
{
    if (on == m_hideDismissed)
        return;
    m_hideDismissed = on;
    invalidateRowsFilter();
}

void PaperFilterProxy::setTag(const QString &tag)
{
    if (tag == m_tag)
        return;
    m_tag = tag;
    invalidateRowsFilter();
}

void PaperFilterProxy::setAuthor(const QString &author)
{
    if (author == m_author)
        return;
    m_author = author;
    invalidateRowsFilter();
}

void PaperFilterProxy::setCategory(const QString &category)
{
    if (category == m_category)
        return;
    m_category = category;
    invalidateRowsFilter();
}

void PaperFilterProxy::setIdFilter(std::optional<QSet<QString>> ids)
{
    m_ids = std::move(ids);
    invalidateRowsFilter();
}

bool PaperFilterProxy::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    // Fast path for Lectern's own model: read the record, no QVariant per role.
    if (const auto *papers = m_papers) {
        const PaperRecord *r = papers->recordAt(sourceRow);
        return r && accepts(*r);
    }
    const QModelIndex idx = sourceModel()->index(sourceRow, 0, sourceParent);
    if (m_starredOnly && !idx.data(StarredRole).toBool())
        return false;
    if (m_unreadOnly && idx.data(ReadRole).toBool())
        return false;
    if (m_hideDismissed && idx.data(DismissedRole).toBool())
        return false;
    if (m_minRelevance > 0 || m_minNovelty > 0) {
        // A minimum score hides unscored papers: they have no score to compare.
        if (!idx.data(ScoredRole).toBool())
            return false;
        if (idx.data(RelevanceRole).toInt() < m_minRelevance || idx.data(NoveltyRole).toInt() < m_minNovelty)
            return false;
    }
    if (m_ids && !m_ids->contains(idx.data(ArxivIdRole).toString()))
        return false;
    if (!m_tag.isEmpty() && !idx.data(TagsRole).toStringList().contains(m_tag))
        return false;
    if (!m_category.isEmpty() && !idx.data(CategoriesRole).toStringList().contains(m_category))
        return false;
    if (!m_author.isEmpty()) {
        const QStringList authors = idx.data(AuthorsRole).toStringList();
        if (std::none_of(authors.cbegin(), authors.cend(),
                [this](const QString &a) { return a.contains(m_author, Qt::CaseInsensitive); }))
            return false;
    }
    return true;
}

bool PaperFilterProxy::accepts(const PaperRecord &r) const
{
    const bool scored = r.score && r.score->isScored();
    if (m_starredOnly && !r.state.starred)
        return false;
    if (m_unreadOnly && r.state.read)
        return false;
    if (m_hideDismissed && r.state.dismissed)
        return false;
    if (m_minRelevance > 0 || m_minNovelty > 0) {
        if (!scored || *r.score->relevance < m_minRelevance || *r.score->novelty < m_minNovelty)
            return false;
    }
    if (m_ids && !m_ids->contains(r.paper.arxivId))
        return false;
    if (!m_tag.isEmpty() && !r.state.tags.contains(m_tag))
        return false;
    if (!m_category.isEmpty() && !r.paper.categories.contains(m_category))
        return false;
    if (!m_author.isEmpty() &&
        std::none_of(r.paper.authors.cbegin(), r.paper.authors.cend(),
            [this](const QString &a) { return a.contains(m_author, Qt::CaseInsensitive); }))
        return false;
    return true;
}

bool PaperFilterProxy::lessThan(const QModelIndex &left, const QModelIndex &right) const
{
    if (m_papers)
        return m_papers->compareRows(left.row(), right.row(), left.column()) < 0;
    const QVariant l = left.data(SortRole);
    const QVariant r = right.data(SortRole);
    const auto order = QVariant::compare(l, r);
    if (order != QPartialOrdering::Equivalent)
        return order == QPartialOrdering::Less;
    // Deterministic tie-break: arXiv id.
    return left.siblingAtColumn(0).data(ArxivIdRole).toString() <
        right.siblingAtColumn(0).data(ArxivIdRole).toString();
}

} // namespace Lectern
