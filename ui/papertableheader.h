// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QHeaderView>

namespace Lectern {

/// The paper table's header: the sort arrow points the way the column runs (▼ largest first, as file
/// managers and browsers draw it; Qt's default is the opposite), the Title column takes the spare
/// width, and a context menu shows or hides the other columns (kept with the saved header state).
class PaperTableHeader final : public QHeaderView
{
    Q_OBJECT
public:
    explicit PaperTableHeader(QWidget *parent = nullptr);

    /// Compact default widths for a fresh profile; a restored header state overrides them.
    void applyDefaultLayout();
    /// The menu the header's context menu shows; one checkable entry per column but Title.
    [[nodiscard]] QMenu *createColumnMenu(QWidget *parent);

protected:
    void initStyleOptionForIndex(QStyleOptionHeader *option, int logicalIndex) const override;
};

} // namespace Lectern
