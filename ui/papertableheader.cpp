// SPDX-License-Identifier: GPL-3.0-or-later
#include "papertableheader.h"

#include "models/roles.h"

#include <QMenu>
#include <QStyleOptionHeader>

#include <algorithm>

namespace Lectern {

PaperTableHeader::PaperTableHeader(QWidget *parent)
    : QHeaderView(Qt::Horizontal, parent)
{
    setObjectName(QStringLiteral("paperTableHeader"));
    setSectionsClickable(true);
    setSectionsMovable(true);
    setHighlightSections(true);
    setSortIndicatorShown(true);
    setStretchLastSection(false);
    setContextMenuPolicy(Qt::CustomContextMenu);
    connect(this, &QWidget::customContextMenuRequested, this, [this](const QPoint &pos) {
        QMenu *menu = createColumnMenu(this);
        menu->setAttribute(Qt::WA_DeleteOnClose);
        menu->popup(mapToGlobal(pos));
    });
}

void PaperTableHeader::applyDefaultLayout()
{
    setSectionResizeMode(QHeaderView::Interactive);
    setSectionResizeMode(TitleColumn, QHeaderView::Stretch);
    const QFontMetrics fm = fontMetrics();
    // Each column fits its usual content and its own label with the sort arrow; the title gets everything
    // else (at 1280 px it used to be cut after ~30 characters).
    const auto fit = [&](int column, const QString &usual) {
        const QString label = model() ? model()->headerData(column, Qt::Horizontal).toString() : QString();
        resizeSection(column, std::max(fm.horizontalAdvance(usual) + 12, fm.horizontalAdvance(label) + 28));
    };
    for (int column : {StarColumn, RelevanceColumn, NoveltyColumn, TotalColumn, NoteColumn})
        fit(column, QStringLiteral("000"));
    fit(AuthorsColumn, QStringLiteral("Firstname Lastname +12"));
    fit(CategoriesColumn, QStringLiteral("cs.LG +2"));
    fit(AnnounceTypeColumn, QStringLiteral("replace"));
    fit(TagsColumn, QStringLiteral("to-read, idea"));
    fit(ReadColumn, QStringLiteral("dismissed"));
    // Mostly "new" on a day's listing; one click in the header's menu brings it back.
    setSectionHidden(AnnounceTypeColumn, true);
}

QMenu *PaperTableHeader::createColumnMenu(QWidget *parent)
{
    auto *menu = new QMenu(tr("Columns"), parent);
    menu->setObjectName(QStringLiteral("columnMenu"));
    for (int column = 0; column < count(); ++column) {
        if (column == TitleColumn)
            continue;
        QString name =
            model() ? model()->headerData(column, Qt::Horizontal, Qt::DisplayRole).toString() : QString();
        // ★ and ✎ say nothing in a menu: their tooltips do.
        if (name.size() <= 1 && model())
            name = model()->headerData(column, Qt::Horizontal, Qt::ToolTipRole).toString();
        QAction *action = menu->addAction(name);
        action->setCheckable(true);
        action->setChecked(!isSectionHidden(column));
        connect(action, &QAction::toggled, this,
            [this, column](bool shown) { setSectionHidden(column, !shown); });
    }
    return menu;
}

void PaperTableHeader::initStyleOptionForIndex(QStyleOptionHeader *option, int logicalIndex) const
{
    QHeaderView::initStyleOptionForIndex(option, logicalIndex);
    if (option->sortIndicator == QStyleOptionHeader::SortUp)
        option->sortIndicator = QStyleOptionHeader::SortDown;
    else if (option->sortIndicator == QStyleOptionHeader::SortDown)
        option->sortIndicator = QStyleOptionHeader::SortUp;
}

} // namespace Lectern
