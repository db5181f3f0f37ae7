// SPDX-License-Identifier: GPL-3.0-or-later
#include "pricetableeditor.h"

#include <QFile>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QSaveFile>
#include <QSet>
#include <QTableWidget>
#include <QVBoxLayout>

#include <cmath>

namespace Lectern {

namespace {

constexpr int DefaultRole = Qt::UserRole + 1;

QString priceText(double value)
{
    return QString::number(value, 'g', 10);
}

// Prices are typed in either the C or the user's locale ("0.25" or "0,25").
std::optional<double> parsePrice(const QString &text)
{
    bool ok = false;
    double v = text.trimmed().toDouble(&ok);
    if (!ok)
        v = QLocale().toDouble(text.trimmed(), &ok);
    if (!ok || !std::isfinite(v) || v < 0)
        return std::nullopt;
    return v;
}

} // namespace

PriceTableEditor::PriceTableEditor(QString path, QWidget *parent)
    : QWidget(parent)
    , m_path(std::move(path))
    , m_table(new QTableWidget(0, ColumnCount, this))
    , m_add(new QPushButton(tr("Add model"), this))
    , m_remove(new QPushButton(tr("Remove"), this))
    , m_note(new QLabel(this))
{
    setObjectName(QStringLiteral("priceTableEditor"));
    m_table->setObjectName(QStringLiteral("priceTable"));
    m_table->setAccessibleName(tr("Model prices"));
    m_add->setObjectName(QStringLiteral("addPrice"));
    m_remove->setObjectName(QStringLiteral("removePrice"));
    m_table->setHorizontalHeaderLabels(
        {tr("Model"), tr("Input"), tr("Cached input"), tr("Cache write"), tr("Output")});
    m_table->horizontalHeader()->setSectionResizeMode(ModelColumn, QHeaderView::Stretch);
    m_table->verticalHeader()->hide();
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_note->setWordWrap(true);
    m_note->setText(tr("USD per million tokens, as the provider bills them; reasoning tokens count as "
                       "output. Used for the cost meter, the daily budget and the digest's cost table."));

    const PriceTable defaults = PriceTable::defaults();
    QSet<QString> defaultNames;
    for (const ModelPrice &p : defaults.entries())
        defaultNames.insert(p.model);
    // Read only: a missing file stays missing until the user saves.
    PriceTable shown = defaults;
    QString problem;
    if (QFile::exists(m_path)) {
        if (auto loaded = PriceTable::loadOrCreate(m_path))
            shown = *loaded;
        else
            problem = loaded.error();
    }
    for (const ModelPrice &p : shown.entries())
        appendRow(p, defaultNames.contains(p.model));
    if (!problem.isEmpty())
        m_note->setText(problem + u' ' + tr("Saving replaces it with the table shown."));

    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_add);
    buttons->addWidget(m_remove);
    buttons->addStretch(1);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_table, 1);
    layout->addLayout(buttons);
    layout->addWidget(m_note);

    connect(m_add, &QPushButton::clicked, this, &PriceTableEditor::addRow);
    connect(m_remove, &QPushButton::clicked, this, [this] {
        const int row = m_table->currentRow();
        if (row < 0 || m_table->item(row, ModelColumn)->data(DefaultRole).toBool())
            return;
        m_table->removeRow(row);
        m_modified = true;
        updateButtons();
    });
    connect(m_table, &QTableWidget::itemChanged, this, [this] { m_modified = true; });
    connect(m_table, &QTableWidget::currentCellChanged, this, &PriceTableEditor::updateButtons);
    updateButtons();
}

void PriceTableEditor::appendRow(const ModelPrice &price, bool isDefault)
{
    QSignalBlocker block(m_table);
    const int row = m_table->rowCount();
    m_table->insertRow(row);
    auto *name = new QTableWidgetItem(price.model);
    name->setData(DefaultRole, isDefault);
    if (isDefault) {
        // Renaming a default would only add a model: the default itself would come back.
        name->setFlags(name->flags() & ~Qt::ItemIsEditable);
        name->setToolTip(tr("One of Lectern's default models: its prices can be changed, not its name"));
    }
    m_table->setItem(row, ModelColumn, name);
    const double values[] = {price.input, price.cachedInput, price.cacheWrite, price.output};
    for (int c = InputColumn; c <= OutputColumn; ++c) {
        auto *item = new QTableWidgetItem(priceText(values[c - InputColumn]));
        item->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
        m_table->setItem(row, c, item);
    }
}

void PriceTableEditor::addRow()
{
    appendRow(ModelPrice {}, false);
    m_modified = true;
    const int row = m_table->rowCount() - 1;
    m_table->setCurrentCell(row, ModelColumn);
    m_table->editItem(m_table->item(row, ModelColumn));
}

void PriceTableEditor::updateButtons()
{
    const int row = m_table->currentRow();
    m_remove->setEnabled(row >= 0 && m_table->item(row, ModelColumn) &&
        !m_table->item(row, ModelColumn)->data(DefaultRole).toBool());
}

int PriceTableEditor::rowOf(const QString &model) const
{
    for (int r = 0; r < m_table->rowCount(); ++r) {
        if (m_table->item(r, ModelColumn)->text().trimmed().compare(model, Qt::CaseInsensitive) == 0)
            return r;
    }
    return -1;
}

Result<PriceTable> PriceTableEditor::edited() const
{
    static const QStringList columnNames {tr("model"), tr("input price"), tr("cached input price"),
        tr("cache write price"), tr("output price")};
    PriceTable out = PriceTable::defaults();
    QStringList problems;
    QSet<QString> seen;
    for (int r = 0; r < m_table->rowCount(); ++r) {
        ModelPrice p;
        p.model = m_table->item(r, ModelColumn)->text().trimmed();
        const QString where = tr("Prices, row %1").arg(r + 1);
        if (p.model.isEmpty())
            problems << tr("%1: the model has no name.").arg(where);
        else if (seen.contains(p.model.toLower()))
            problems << tr("%1: %2 is listed twice.").arg(where, p.model);
        seen.insert(p.model.toLower());
        double *fields[] = {&p.input, &p.cachedInput, &p.cacheWrite, &p.output};
        for (int c = InputColumn; c <= OutputColumn; ++c) {
            const QString text = m_table->item(r, c)->text();
            if (auto v = parsePrice(text))
                *fields[c - InputColumn] = *v;
            else
                problems << tr("%1: the %2 \"%3\" is not a number ≥ 0.").arg(where, columnNames.at(c), text);
        }
        if (!p.model.isEmpty())
            out.set(p);
    }
    if (!problems.isEmpty())
        return Error {problems.join(u'\n')};
    return out;
}

Result<void> PriceTableEditor::save()
{
    if (!m_modified)
        return {};
    auto table = edited();
    if (!table)
        return Error {table.error()};
    QSaveFile out(m_path);
    if (!out.open(QIODevice::WriteOnly) || out.write(table->toJson()) < 0 || !out.commit())
        return Error {tr("Cannot write the price table %1: %2").arg(m_path, out.errorString())};
    m_modified = false;
    return {};
}

} // namespace Lectern
