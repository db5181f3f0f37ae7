// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDialog>
#include <QStringList>

class QLabel;
class QPlainTextEdit;
class QPushButton;
class QTableWidget;

namespace Lectern {

/// Score ▸ Provider Batches…: the provider batches that wait for collection (day, model, provider state,
/// submitted time), with Check now, Collect and Cancel batch for the selected one. Non-modal; the work is
/// the controller's (ProviderBatchController), which runs each as a Job.
class ProviderBatchesDialog final : public QDialog
{
    Q_OBJECT
public:
    explicit ProviderBatchesDialog(const QString &databasePath, QWidget *parent = nullptr);

    /// Re-reads the waiting batches from the database (local, quick), keeping the selection.
    void refresh();
    /// The last action's summary lines.
    void showLines(const QStringList &lines);
    /// The selected batch's provider id; empty when none is selected.
    [[nodiscard]] QString selectedBatch() const;
    void selectBatch(const QString &batchId);
    [[nodiscard]] QTableWidget *table() const { return m_table; }
    /// Off while a job runs.
    void setBusy(bool busy);

Q_SIGNALS:
    void checkRequested(const QString &batchId);
    void collectRequested(const QString &batchId);
    void cancelRequested(const QString &batchId);

private:
    void updateButtons();

    QString m_databasePath;
    QTableWidget *m_table;
    QLabel *m_empty;
    QPlainTextEdit *m_lines;
    QPushButton *m_check;
    QPushButton *m_collect;
    QPushButton *m_cancel;
    bool m_busy = false;
};

} // namespace Lectern
