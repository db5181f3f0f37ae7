// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QLabel>

namespace Lectern {

class PaperFilterProxy;

/// The status bar's count of papers: how many the filters show of how many the table holds, for the
/// shown day or all days, and why the table is empty when the filters hide everything. It follows the
/// proxy by itself; the window tells it what the table holds.
class PaperCountLabel final : public QLabel
{
    Q_OBJECT
public:
    explicit PaperCountLabel(PaperFilterProxy *proxy, QWidget *parent = nullptr);

    /// The table holds the shown day's papers, or (@p allDays) those of all @p days stored days.
    void setScope(bool allDays, qsizetype days);
    /// There is no database to count from.
    void setNoDatabase();

private:
    void refresh();

    PaperFilterProxy *m_proxy;
    bool m_database = true;
    bool m_allDays = false;
    qsizetype m_days = 0;
};

} // namespace Lectern
