// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "scoring/pricetable.h"

#include <QWidget>

class QLabel;
class QPushButton;
class QTableWidget;

namespace Lectern {

/// The profile's price table (prices.json) as an editable table: model → USD per million input, cached
/// input, cache-write and output tokens. Lectern's default models can be repriced but not removed
/// (the file only adds to the defaults); models the user added can be removed.
class PriceTableEditor final : public QWidget
{
    Q_OBJECT
public:
    enum Column { ModelColumn, InputColumn, CachedInputColumn, CacheWriteColumn, OutputColumn, ColumnCount };

    /// Shows the table stored at @p path (the defaults when there is no file yet; nothing is written).
    explicit PriceTableEditor(QString path, QWidget *parent = nullptr);

    [[nodiscard]] QTableWidget *table() const { return m_table; }
    [[nodiscard]] QPushButton *addButton() const { return m_add; }
    [[nodiscard]] QPushButton *removeButton() const { return m_remove; }
    [[nodiscard]] bool isModified() const { return m_modified; }
    /// The row of @p model, or -1.
    [[nodiscard]] int rowOf(const QString &model) const;
    /// Appends an empty row and starts editing its model name.
    void addRow();

    /// The edited table, or every problem found (a name missing or repeated, a price that is not a
    /// number ≥ 0), one per line, naming the row.
    [[nodiscard]] Result<PriceTable> edited() const;
    /// Writes the edited table (atomically) when it changed; nothing when a value is refused.
    Result<void> save();

private:
    void appendRow(const ModelPrice &price, bool isDefault);
    void updateButtons();

    QString m_path;
    QTableWidget *m_table;
    QPushButton *m_add;
    QPushButton *m_remove;
    QLabel *m_note;
    bool m_modified = false;
};

} // namespace Lectern
