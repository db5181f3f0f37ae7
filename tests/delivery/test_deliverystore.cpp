// SPDX-License-Identifier: GPL-3.0-or-later
// The delivery log (schema 14) and a whole delivery on both store backends: an SQLite file, and (as
// test_deliverystore.postgres) a database on a throwaway PostgreSQL server.
#include "delivery/deliveryjob.h"
#include "delivery/deliverylog.h"
#include "store/paperstore.h"

#include <testkit/fixtures.h>
#include <testkit/loopbackhttpserver.h>
#include <testkit/manualclock.h>
#include <testkit/profilebuilder.h>
#include <testkit/storebackend.h>

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>
#include <QTest>

using namespace Lectern;

namespace {

const QDate kDay(2026, 11, 23);

} // namespace

class TestDeliveryStore : public QObject
{
    Q_OBJECT
    Test::StoreBackend m_backend;

private Q_SLOTS:
    void initTestCase()
    {
        if (auto started = m_backend.start(); !started)
            QSKIP(qPrintable(QStringLiteral("PostgreSQL cannot run here: ") + started.error()));
    }

    void logRecordsEachDayChannelAndTargetOnce()
    {
        Test::TempProfileDir dir;
        auto store = PaperStore::open(m_backend.storeFor(dir));
        QVERIFY2(store.ok(), qPrintable(store.error()));
        Test::ManualClock clock;
        DeliveryLog log(store.value()->database(), clock);
        const QString alice = QStringLiteral("alice@lab.example");
        QCOMPARE(log.wasDelivered(kDay, QStringLiteral("email"), alice).value(), false);
        QVERIFY(log.record(kDay, QStringLiteral("email"), alice, 3).ok());
        QVERIFY(log.record(kDay, QStringLiteral("email"), alice, 4).ok()); // again: one row, updated
        QCOMPARE(log.wasDelivered(kDay, QStringLiteral("email"), alice).value(), true);
        QCOMPARE(log.wasDelivered(kDay, QStringLiteral("email"), QStringLiteral("bob@lab.example")).value(),
            false);
        QCOMPARE(log.wasDelivered(kDay.addDays(1), QStringLiteral("email"), alice).value(), false);
        QCOMPARE(log.wasDelivered(kDay, QStringLiteral("matrix"), alice).value(), false);
    }

    void aDayGoesOutOnceFromEitherBackend()
    {
        Test::TempProfileDir dir;
        QList<Paper> papers = Test::numberedPapers(4, kDay);
        Test::ProfileBuilder builder(dir.path());
        builder.withPapers(papers).withScores({Test::makeScore(papers[0], 9, 8),
            Test::makeScore(papers[1], 3, 3), Test::makeScore(papers[2], 8, 9)});
        QVERIFY2(m_backend.configure(builder, dir).build().isEmpty(), "profile");
        Test::LoopbackHttpServer receiver;
        QVERIFY(receiver.listen());
        receiver.serve("/hook", "{}");

        DeliveryRequest request;
        request.store = m_backend.storeFor(dir);
        request.day = kDay;
        DeliveryChannel channel;
        channel.kind = DeliveryChannel::Kind::Webhook;
        channel.enabled = true;
        request.channels = {channel};
        request.keyFile = QDir(dir.path()).filePath(QStringLiteral("delivery-secrets"));
        QFile key(request.keyFile);
        QVERIFY(key.open(QIODevice::WriteOnly));
        key.write("webhook-url = " + receiver.url(QStringLiteral("/hook?token=abc")).toEncoded() + '\n');
        key.close();
        QVERIFY(QFile::setPermissions(request.keyFile, QFile::ReadOwner | QFile::WriteOwner));
        Test::ManualClock clock;
        request.http.clock = &clock;
        request.http.sleeper = &clock;

        DeliveryJob first(request);
        const JobOutcome sent = first.execute();
        QVERIFY2(sent.ok(), qPrintable(sent.message));
        const auto hooks = receiver.requestsTo("/hook");
        QCOMPARE(hooks.size(), 1);
        QSet<QString> ids;
        const QJsonObject digest = QJsonDocument::fromJson(hooks.first().body).object();
        for (const QJsonValue &p :
            digest.value(u"days").toArray().first().toObject().value(u"papers").toArray())
            ids << p.toObject().value(u"paper").toObject().value(u"arxivId").toString();
        QCOMPARE(ids, (QSet<QString> {papers[0].arxivId, papers[2].arxivId}));

        DeliveryJob second(request);
        const JobOutcome again = second.execute();
        QVERIFY2(again.ok(), qPrintable(again.message));
        QCOMPARE(
            again.resultAs<DeliverySummary>().channels.first().state, ChannelDelivery::State::AlreadySent);
        QCOMPARE(receiver.requestsTo("/hook").size(), 1);
    }
};

QTEST_GUILESS_MAIN(TestDeliveryStore)
#include "test_deliverystore.moc"
