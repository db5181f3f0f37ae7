// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDate>
#include <QMetaType>
#include <QObject>
#include <QSet>
#include <QString>
#include <QTimer>

namespace Lectern {

class PaperStore;
struct StoreChange;
class StoreChangeListener;

/// What other clients changed in the store since the window last showed it.
struct StoreChangeBatch
{
    bool reconnected = false; ///< the server came back after a loss: anything may have changed meanwhile
    QSet<QDate> days; ///< days fetched or scored
    bool undatedDays = false; ///< a fetch or score was announced without its day
    QSet<QString> sharedNotes; ///< papers whose shared notes another member changed
    QSet<QString> memberStates; ///< papers whose state the member changed in another client

    [[nodiscard]] bool daysChanged() const { return reconnected || undatedDays || !days.isEmpty(); }
    /// Whether @p day may have changed.
    [[nodiscard]] bool touches(const QDate &day) const
    {
        return reconnected || undatedDays || days.contains(day);
    }
};

/// A window's live updates from the other clients of a lab's store (PostgreSQL's LISTEN through
/// StoreChangeListener; idle on SQLite): gathers a burst of notices (a feed, its day record, the scores)
/// into one batch handed on once, and opens the window's own session again after the server restarted.
class StoreChangeBatcher final : public QObject
{
    Q_OBJECT
public:
    /// Listens on @p store's database (not owned; null: nothing to listen to).
    explicit StoreChangeBatcher(PaperStore *store, QObject *parent = nullptr);

    [[nodiscard]] StoreChangeListener *listener() const { return m_listener; }

Q_SIGNALS:
    /// A burst of changes ended (150 ms without a new notice).
    void batchReady(const Lectern::StoreChangeBatch &batch);
    /// Something for the status bar (the connection lost, back, or not possible); 0: until replaced.
    void message(const QString &text, int timeoutMs);

private:
    void changed(const StoreChange &change);
    void reconnected();

    PaperStore *m_store;
    StoreChangeListener *m_listener;
    QTimer m_quiet;
    StoreChangeBatch m_pending;
};

} // namespace Lectern

Q_DECLARE_METATYPE(Lectern::StoreChangeBatch)
