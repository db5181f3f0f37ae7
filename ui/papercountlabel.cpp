// SPDX-License-Identifier: GPL-3.0-or-later
#include "papercountlabel.h"

#include "models/paperfilterproxy.h"

namespace Lectern {

PaperCountLabel::PaperCountLabel(PaperFilterProxy *proxy, QWidget *parent)
    : QLabel(parent)
    , m_proxy(proxy)
{
    setObjectName(QStringLiteral("paperCount"));
    connect(m_proxy, &QAbstractItemModel::rowsInserted, this, &PaperCountLabel::refresh);
    connect(m_proxy, &QAbstractItemModel::rowsRemoved, this, &PaperCountLabel::refresh);
    connect(m_proxy, &QAbstractItemModel::modelReset, this, &PaperCountLabel::refresh);
    connect(m_proxy, &QAbstractItemModel::layoutChanged, this, &PaperCountLabel::refresh);
}

void PaperCountLabel::setScope(bool allDays, qsizetype days)
{
    m_database = true;
    m_allDays = allDays;
    m_days = days;
    refresh();
}

void PaperCountLabel::setNoDatabase()
{
    m_database = false;
    refresh();
}

void PaperCountLabel::refresh()
{
    if (!m_database) {
        setText(tr("No database"));
        return;
    }
    const int shown = m_proxy->rowCount();
    const int all = m_proxy->sourceModel() ? m_proxy->sourceModel()->rowCount() : 0;
    QString text = !m_allDays ? tr("%1 of %2 papers").arg(shown).arg(all)
        : m_days == 1         ? tr("%1 of %2 papers, the one stored day").arg(shown).arg(all)
                              : tr("%1 of %2 papers, all %3 days").arg(shown).arg(all).arg(m_days);
    // An empty table must say why, not just stay blank.
    if (shown == 0 && all > 0)
        text += tr(" — no paper matches the search and filters");
    setText(text);
}

} // namespace Lectern
