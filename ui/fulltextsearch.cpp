// SPDX-License-Identifier: GPL-3.0-or-later
#include "fulltextsearch.h"

#include "store/paperstore.h"
#include "storereaderthread.h"

#include <QEventLoop>
#include <QTimer>

namespace Lectern {

namespace {

/// One search's answer; a skipped search ran no query.
struct Matches
{
    QList<qint64> rows;
    bool skipped = false;
};

} // namespace

FullTextSearch::FullTextSearch(QString databasePath, QObject *parent)
    : QObject(parent)
    , m_reader(new StoreReaderThread(std::move(databasePath), QStringLiteral("lectern-search"), this))
    , m_latest(std::make_shared<std::atomic<quint64>>(0))
{ }

FullTextSearch::~FullTextSearch()
{
    *m_latest = ++m_generation; // searches still queued are skipped
}

void FullTextSearch::search(const QString &text)
{
    const quint64 generation = ++m_generation;
    *m_latest = generation;
    ++m_outstanding;
    m_reader->read<Matches>(
        [latest = m_latest, generation, text](PaperStore &store) -> Result<Matches> {
            // A newer text typed meanwhile makes this one not worth the query.
            if (*latest != generation)
                return Matches {{}, true};
            auto rows = store.matchingRows(text);
            if (!rows)
                return Error {rows.error()};
            return Matches {*rows, false};
        },
        [this, generation, text](const Result<Matches> &matches) {
            --m_outstanding;
            // Only the latest text's result is shown.
            if (generation == m_generation && !(matches && matches->skipped)) {
                if (matches)
                    Q_EMIT found(text, matches->rows);
                else
                    Q_EMIT failed(matches.error());
            }
            if (m_outstanding == 0)
                Q_EMIT idle();
        });
}

void FullTextSearch::cancel()
{
    *m_latest = ++m_generation;
}

int FullTextSearch::connectionsOpened() const
{
    return m_reader->connectionsOpened();
}
bool FullTextSearch::waitUntilIdle(int timeoutMs)
{
    if (!isBusy())
        return true;
    QEventLoop loop;
    connect(this, &FullTextSearch::idle, &loop, &QEventLoop::quit);
    QTimer::singleShot(timeoutMs, &loop, &QEventLoop::quit);
    loop.exec();
    return !isBusy();
}

} // namespace Lectern
