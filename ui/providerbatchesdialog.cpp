// SPDX-License-Identifier: GPL-3.0-or-later
#include "providerbatchesdialog.h"

#include "store/paperstore.h"
#include "store/providerbatchstore.h"

#include <QDialogButtonBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

namespace Lectern {

namespace {
enum Column { BatchCol, DayCol, ModelCol, StateCol, SubmittedCol, ColumnCount };
}

ProviderBatchesDialog::ProviderBatchesDialog(const QString &databasePath, QWidget *parent)
    : QDialog(parent)
    , m_databasePath(databasePath)
    , m_table(new QTableWidget(0, ColumnCount, this))
    , m_empty(new QLabel(tr("No provider batches are waiting."), this))
    , m_lines(new QPlainTextEdit(this))
    , m_check(new QPushButton(tr("Check &now"), this))
    , m_collect(new QPushButton(tr("C&ollect"), this))
    , m_cancel(new QPushButton(tr("Cancel &batch"), this))
{
    setObjectName(QStringLiteral("providerBatchesDialog"));
    setWindowTitle(tr("Provider Batches"));
    setModal(false);
    m_table->setObjectName(QStringLiteral("providerBatchTable"));
    m_table->setAccessibleName(tr("Waiting provider batches"));
    m_table->setHorizontalHeaderLabels({tr("Batch"), tr("Day"), tr("Model"), tr("State"), tr("Submitted")});
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_empty->setObjectName(QStringLiteral("noProviderBatches"));
    m_empty->setTextFormat(Qt::PlainText); // may quote the provider's error
    m_lines->setObjectName(QStringLiteral("providerBatchLines"));
    m_lines->setAccessibleName(tr("Replies from the provider"));
    m_lines->setReadOnly(true);
    m_lines->setPlaceholderText(tr("What the last check, collect or cancel said."));
    m_check->setObjectName(QStringLiteral("checkBatchButton"));
    m_check->setToolTip(tr("Ask the provider how far the selected batch is"));
    m_collect->setObjectName(QStringLiteral("collectBatchButton"));
    m_collect->setToolTip(tr("Ask the provider and, once the batch has ended, store its scores"));
    m_cancel->setObjectName(QStringLiteral("cancelBatchButton"));
    m_cancel->setToolTip(
        tr("Ask the provider to cancel the selected batch; collect it afterwards to store what "
           "it finished"));

    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_check);
    buttons->addWidget(m_collect);
    buttons->addWidget(m_cancel);
    buttons->addStretch(1);
    auto *close = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(close, &QDialogButtonBox::rejected, this, &QDialog::close);
    buttons->addWidget(close);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_empty);
    layout->addWidget(m_table, 2);
    layout->addLayout(buttons);
    layout->addWidget(m_lines, 1);
    resize(720, 420);

    connect(m_table, &QTableWidget::itemSelectionChanged, this, &ProviderBatchesDialog::updateButtons);
    connect(m_check, &QPushButton::clicked, this, [this] { Q_EMIT checkRequested(selectedBatch()); });
    connect(m_collect, &QPushButton::clicked, this, [this] { Q_EMIT collectRequested(selectedBatch()); });
    connect(m_cancel, &QPushButton::clicked, this, [this] { Q_EMIT cancelRequested(selectedBatch()); });
    refresh();
}

void ProviderBatchesDialog::refresh()
{
    const QString selected = selectedBatch();
    QList<ProviderBatch> waiting;
    QString error;
    if (auto store = PaperStore::open(m_databasePath)) {
        if (auto found = ProviderBatchStore(store.value()->database()).waiting())
            waiting = std::move(found).value();
        else
            error = found.error();
    } else {
        error = store.error();
    }
    m_table->setRowCount(int(waiting.size()));
    for (int row = 0; row < waiting.size(); ++row) {
        const ProviderBatch &b = waiting.at(row);
        const auto set = [&](int col, const QString &text) {
            auto *item = new QTableWidgetItem(text);
            item->setData(Qt::UserRole, b.batchId);
            m_table->setItem(row, col, item);
        };
        set(BatchCol, b.batchId);
        set(DayCol, b.day.toString(Qt::ISODate));
        set(ModelCol, QStringLiteral("%1 (%2, %3 papers)").arg(b.model, b.provider).arg(b.paperCount()));
        set(StateCol, b.providerState.isEmpty() ? b.state : b.providerState);
        set(SubmittedCol, QLocale().toString(b.submittedAt.toLocalTime(), QLocale::ShortFormat));
    }
    m_table->resizeColumnsToContents();
    m_empty->setText(error.isEmpty() ? tr("No provider batches are waiting.") : error);
    m_empty->setVisible(waiting.isEmpty());
    if (!selected.isEmpty())
        selectBatch(selected);
    if (selectedBatch().isEmpty() && !waiting.isEmpty())
        m_table->selectRow(0);
    updateButtons();
}

void ProviderBatchesDialog::showLines(const QStringList &lines)
{
    m_lines->setPlainText(lines.join(u'\n'));
}

QString ProviderBatchesDialog::selectedBatch() const
{
    const QList<QTableWidgetItem *> items = m_table->selectedItems();
    return items.isEmpty() ? QString() : items.first()->data(Qt::UserRole).toString();
}

void ProviderBatchesDialog::selectBatch(const QString &batchId)
{
    for (int row = 0; row < m_table->rowCount(); ++row) {
        if (m_table->item(row, BatchCol)->data(Qt::UserRole).toString() == batchId) {
            m_table->selectRow(row);
            return;
        }
    }
}

void ProviderBatchesDialog::setBusy(bool busy)
{
    m_busy = busy;
    updateButtons();
}

void ProviderBatchesDialog::updateButtons()
{
    const bool on = !m_busy && !selectedBatch().isEmpty();
    m_check->setEnabled(on);
    m_collect->setEnabled(on);
    m_cancel->setEnabled(on);
}

} // namespace Lectern
