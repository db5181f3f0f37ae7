// SPDX-License-Identifier: GPL-3.0-or-later
// The delivery log (schema 14) and a whole delivery on both store backends: an SQLite file, and (as
// test_deliverystore.postgres) a database on a throwaway PostgreSQL server, through the job and through
// `lectern run`.
#include "config/settings.h"
#include "delivery/deliveryjob.h"
#include "delivery/deliverylog.h"
#include "store/paperstore.h"

#include <testkit/arxivstandin.h>
#include <testkit/fixtures.h>
#include <testkit/lecternprocess.h>
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

#include <algorithm>

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

    // The lab's morning job on either backend: `lectern run` fetches and scores the day into the store and
    // posts its digest; run again (the timer fired twice), it stores nothing twice and posts nothing.
    void runDeliversOnceThroughTheBinary()
    {
        Test::TempProfileDir dir;
        Test::LoopbackHttpServer server;
        QVERIFY(server.listen());
        Test::ArxivStandIn arxiv(server);
        arxiv.serveDefaultFeeds(kDay);
        server.serve("/hook", "{}");
        Test::ProfileBuilder builder(dir.path());
        builder.withSetting(Keys::ArxivRssBase, arxiv.rssBase())
            .withSetting(Keys::ArxivMinIntervalMs, 0)
            .withSetting(QStringLiteral("delivery/webhook/enabled"), true)
            .withSetting(QStringLiteral("delivery/webhook/minRelevance"), 1)
            .withSetting(QStringLiteral("delivery/webhook/minNovelty"), 1);
        QVERIFY2(m_backend.configure(builder, dir).build().isEmpty(), "profile");
        QProcessEnvironment env = Test::headlessEnvironment();
        env.insert(
            QStringLiteral("LECTERN_WEBHOOK_URL"), server.url(QStringLiteral("/hook?token=t")).toString());
        const QStringList run {QStringLiteral("--profile"), dir.path(), QStringLiteral("run"),
            QStringLiteral("--date"), kDay.toString(Qt::ISODate)};

        const Test::LecternRun first = Test::runLectern(run, env);
        QVERIFY2(first.code == 0, qPrintable(first.out + first.err));
        QVERIFY2(QString(first.out + first.err).contains(QStringLiteral("JSON webhook: sent")),
            qPrintable(first.out + first.err));
        QCOMPARE(server.requestsTo("/hook").size(), 1);
        auto store = PaperStore::open(m_backend.storeFor(dir));
        QVERIFY2(store.ok(), qPrintable(store.error()));
        auto records = store.value()->recordsForDay(kDay);
        QVERIFY2(records, qPrintable(records.error()));
        const qsizetype papers = records->size();
        QVERIFY(papers > 0);
        QVERIFY(std::all_of(
            records->cbegin(), records->cend(), [](const PaperRecord &r) { return r.score.has_value(); }));
        const QJsonObject digest = QJsonDocument::fromJson(server.requestsTo("/hook").first().body).object();
        QVERIFY(!digest.value(u"days").toArray().first().toObject().value(u"papers").toArray().isEmpty());

        const Test::LecternRun again = Test::runLectern(run, env);
        QVERIFY2(again.code == 0, qPrintable(again.out + again.err));
        QVERIFY2(QString(again.out + again.err).contains(QStringLiteral("was already sent")),
            qPrintable(again.out + again.err));
        QCOMPARE(server.requestsTo("/hook").size(), 1);
        auto after = store.value()->recordsForDay(kDay);
        QVERIFY(after);
        QCOMPARE(after->size(), papers);
    }
};

QTEST_GUILESS_MAIN(TestDeliveryStore)
#include "test_deliverystore.moc"
