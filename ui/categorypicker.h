// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QStringList>
#include <QWidget>

class QLineEdit;
class QListWidget;

namespace Lectern {

/// A searchable, checkable list of arXiv's categories (code and name), shared by the settings dialog and
/// the first-run assistant. Chosen codes that the table does not know (new arXiv categories) stay listed
/// and chosen, so nothing the user set is dropped.
class CategoryPicker final : public QWidget
{
    Q_OBJECT
public:
    explicit CategoryPicker(const QStringList &chosen, QWidget *parent = nullptr);

    /// The checked codes, in list order.
    [[nodiscard]] QStringList checkedCodes() const;
    [[nodiscard]] QListWidget *list() const { return m_list; }
    [[nodiscard]] QLineEdit *filter() const { return m_filter; }

Q_SIGNALS:
    void selectionChanged();

private:
    QLineEdit *m_filter;
    QListWidget *m_list;
};

} // namespace Lectern
