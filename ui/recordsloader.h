// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "domain/papertableorders.h"

#include <QObject>
#include <QString>

namespace Lectern {

class JobRunner;

/// Loads every stored day's papers in the background for the "All days" view. A request made while a
/// load runs supersedes it: the running one is cancelled and its result dropped, so the view never shows
/// records older than the last request.
class RecordsLoader final : public QObject
{
    Q_OBJECT
public:
    explicit RecordsLoader(QString databasePath, QObject *parent = nullptr);

    void load();
    /// Drops the result of a running load (the view left "All days").
    void cancel();
    [[nodiscard]] bool isLoading() const;

Q_SIGNALS:
    void loaded(const Lectern::PaperTableRows &rows);
    void failed(const QString &message);

private:
    void startJob();

    QString m_databasePath;
    JobRunner *m_runner;
    quint64 m_generation = 0;
    quint64 m_jobGeneration = 0; ///< m_generation when the running job started
    bool m_pending = false;
};

} // namespace Lectern
