// SPDX-License-Identifier: GPL-3.0-or-later
// StoreChangeBatcher on its own: a burst of other clients' notices becomes one batch that says which days
// and papers changed. (Against a real server: test_windowstore.postgres and test_sharednotes.postgres.)
#include "store/storechangelistener.h"
#include "ui/storechangebatcher.h"

#include <QSignalSpy>
#include <QTest>

using namespace Lectern;

class TestStoreChangeBatcher : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void aBurstOfNoticesIsOneBatch()
    {
        StoreChangeBatcher batcher(nullptr);
        QSignalSpy ready(&batcher, &StoreChangeBatcher::batchReady);
        const QDate fetched(2026, 11, 23);
        StoreChangeListener *listener = batcher.listener();
        // A feed's listings, then the day's scores, a shared note and the member's own star elsewhere.
        Q_EMIT listener->changed(StoreChange {StoreChange::Kind::DayFetched, fetched, {}});
        Q_EMIT listener->changed(StoreChange {StoreChange::Kind::DayScored, fetched, {}});
        Q_EMIT listener->changed(
            StoreChange {StoreChange::Kind::SharedNote, fetched, QStringLiteral("2611.00001")});
        Q_EMIT listener->changed(
            StoreChange {StoreChange::Kind::MemberState, fetched, QStringLiteral("2611.00002")});
        QVERIFY(ready.isEmpty()); // not before the burst is over
        QVERIFY(ready.wait(5000));
        QCOMPARE(ready.size(), 1);
        const auto batch = ready.takeFirst().at(0).value<StoreChangeBatch>();
        QCOMPARE(batch.days, QSet<QDate> {fetched});
        QCOMPARE(batch.sharedNotes, QSet<QString> {QStringLiteral("2611.00001")});
        QCOMPARE(batch.memberStates, QSet<QString> {QStringLiteral("2611.00002")});
        QVERIFY(batch.daysChanged());
        QVERIFY(batch.touches(fetched));
        QVERIFY(!batch.touches(fetched.addDays(-1)));
        QVERIFY(!batch.reconnected);

        // The next burst starts empty; a notice without its day may have touched any day.
        Q_EMIT listener->changed(StoreChange {StoreChange::Kind::DayScored, QDate(), {}});
        QVERIFY(ready.wait(5000));
        const auto undated = ready.takeFirst().at(0).value<StoreChangeBatch>();
        QVERIFY(undated.days.isEmpty() && undated.sharedNotes.isEmpty() && undated.memberStates.isEmpty());
        QVERIFY(undated.touches(fetched.addDays(-1)));

        // Notes and states alone leave the days as they are.
        Q_EMIT listener->changed(
            StoreChange {StoreChange::Kind::MemberState, fetched, QStringLiteral("2611.00003")});
        QVERIFY(ready.wait(5000));
        const auto states = ready.takeFirst().at(0).value<StoreChangeBatch>();
        QVERIFY(!states.daysChanged());
        QVERIFY(!states.touches(fetched));
    }
};

QTEST_GUILESS_MAIN(TestStoreChangeBatcher)
#include "test_storechangebatcher.moc"
