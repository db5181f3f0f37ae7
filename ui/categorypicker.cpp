// SPDX-License-Identifier: GPL-3.0-or-later
#include "categorypicker.h"

#include "domain/arxivcategories.h"

#include <QLineEdit>
#include <QListWidget>
#include <QVBoxLayout>

namespace Lectern {

namespace {

void addItem(QListWidget *list, const QString &code, const QString &text, bool checked)
{
    auto *item = new QListWidgetItem(text, list);
    item->setData(Qt::UserRole, code);
    item->setFlags(item->flags() | Qt::ItemIsUserCheckable);
    item->setCheckState(checked ? Qt::Checked : Qt::Unchecked);
}

} // namespace

CategoryPicker::CategoryPicker(const QStringList &chosen, QWidget *parent)
    : QWidget(parent)
    , m_filter(new QLineEdit(this))
    , m_list(new QListWidget(this))
{
    m_filter->setObjectName(QStringLiteral("categoryFilter"));
    m_filter->setAccessibleName(tr("Search categories"));
    m_filter->setPlaceholderText(tr("Search categories (code or name)"));
    m_filter->setClearButtonEnabled(true);
    m_list->setObjectName(QStringLiteral("categoryList"));
    m_list->setAccessibleName(tr("arXiv categories"));
    for (const ArxivCategory &c : arxivCategories())
        addItem(m_list, c.code, QStringLiteral("%1 — %2").arg(c.code, c.name), chosen.contains(c.code));
    for (const QString &code : chosen) {
        if (!isKnownArxivCategory(code))
            addItem(m_list, code, code, true);
    }
    connect(m_filter, &QLineEdit::textChanged, this, [this](const QString &text) {
        for (int i = 0; i < m_list->count(); ++i) {
            QListWidgetItem *item = m_list->item(i);
            item->setHidden(!text.isEmpty() && !item->text().contains(text, Qt::CaseInsensitive));
        }
    });
    connect(m_list, &QListWidget::itemChanged, this, &CategoryPicker::selectionChanged);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_filter);
    layout->addWidget(m_list);
}

QStringList CategoryPicker::checkedCodes() const
{
    QStringList codes;
    for (int i = 0; i < m_list->count(); ++i) {
        if (m_list->item(i)->checkState() == Qt::Checked)
            codes << m_list->item(i)->data(Qt::UserRole).toString();
    }
    return codes;
}

} // namespace Lectern
