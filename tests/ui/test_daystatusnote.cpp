// SPDX-License-Identifier: GPL-3.0-or-later
// Issue 15: a partial day's status note (why it is partial) is stored language-neutral and put into words
// in the language of whoever reads it: a day fetched in German reads in English in an English window, and
// the other way round. A note stored as plain text (an older Lectern's) is shown as it is.
#include "arxiv/daystatusnote.h"
#include "arxiv/fetchjob.h"
#include "config/profile.h"
#include "config/settings.h"
#include "dayswitch.h"
#include "store/paperstore.h"
#include "ui/mainwindow.h"

#include <testkit/arxivstandin.h>
#include <testkit/fixtures.h>
#include <testkit/lecternprocess.h>
#include <testkit/loopbackhttpserver.h>

#include <QApplication>
#include <QLabel>
#include <QTest>
#include <QTranslator>

#include <memory>

using namespace Lectern;

namespace {

const QDate kDay(2026, 11, 23);

/// Lectern's catalogue for @p language, installed until it goes out of scope.
std::unique_ptr<QTranslator> speak(QLocale::Language language)
{
    auto translator = std::make_unique<QTranslator>();
    if (!translator->load(
            QLocale(language), QStringLiteral("lectern"), QStringLiteral("_"), QStringLiteral(":/i18n")) ||
        !QCoreApplication::installTranslator(translator.get()))
        return {};
    return translator;
}

/// The partial day's bar in a window opened on @p dir, as its reader sees it.
QString shownNote(const Test::TempProfileDir &dir)
{
    MainWindow w(Profile::inDirectory(dir.path()));
    w.show();
    if (!Test::waitForDay(w) || !QTest::qWaitForWindowExposed(&w) || !Test::showDayAndWait(w, kDay))
        return QStringLiteral("(the day was not shown)");
    auto *bar = w.findChild<QWidget *>(QStringLiteral("dayStatusBar"));
    if (!bar || !bar->isVisible())
        return QStringLiteral("(no day status bar)");
    return bar->findChild<QLabel *>()->text();
}

} // namespace

class TestDayStatusNote : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void aPartialDayReadsInTheReadersLanguage_data()
    {
        QTest::addColumn<int>("fetchLanguage");
        QTest::addColumn<int>("readLanguage");
        QTest::addColumn<QString>("fetchSays");
        QTest::addColumn<QString>("barSays");
        QTest::addColumn<QString>("barDoesNotSay");
        QTest::newRow("fetched in German, read in English")
            << int(QLocale::German) << int(QLocale::English) << QStringLiteral("cs.XX fehlgeschlagen")
            << QStringLiteral("This day looks partial: cs.XX failed (") << QStringLiteral("fehlgeschlagen");
        QTest::newRow("fetched in English, read in German")
            << int(QLocale::English) << int(QLocale::German) << QStringLiteral("cs.XX failed")
            << QStringLiteral("Dieser Tag wirkt unvollständig: cs.XX fehlgeschlagen (")
            << QStringLiteral("failed");
    }

    void aPartialDayReadsInTheReadersLanguage()
    {
        QFETCH(int, fetchLanguage);
        QFETCH(int, readLanguage);
        QFETCH(QString, fetchSays);
        QFETCH(QString, barSays);
        QFETCH(QString, barDoesNotSay);

        Test::LoopbackHttpServer server;
        QVERIFY(server.listen());
        Test::ArxivStandIn arxiv(server);
        arxiv.serveFeed(QStringLiteral("cs.LG"), kDay);
        arxiv.serveFeedFixture(QStringLiteral("cs.XX"), QStringLiteral("error-bad-category.xml"), 400);
        Test::TempProfileDir dir;
        {
            Settings settings(Profile::inDirectory(dir.path()).settingsPath());
            QVERIFY(settings.setValue(Keys::UiFirstRunDone, true).ok());
        }

        FetchRequest rq;
        rq.databasePath = dir.databasePath();
        rq.categories = {QStringLiteral("cs.LG"), QStringLiteral("cs.XX")};
        rq.keepTypes = {QStringLiteral("new"), QStringLiteral("cross")};
        rq.rssBase = arxiv.rssBase();
        rq.expectedDate = kDay;
        rq.http.arxivIntervalMs = 0;
        {
            const auto fetching = speak(QLocale::Language(fetchLanguage));
            QVERIFY(fetching);
            FetchJob job(rq);
            const JobOutcome outcome = job.execute();
            QVERIFY2(outcome.ok(), qPrintable(outcome.message));
            // The fetch itself speaks its user's language.
            QVERIFY2(outcome.message.contains(fetchSays), qPrintable(outcome.message));
        }
        {
            auto store = PaperStore::open(dir.databasePath());
            QVERIFY2(store, qPrintable(store.error()));
            const auto run = store.value()->dayRun(kDay);
            QVERIFY(run && run->has_value());
            QVERIFY(!(*run)->complete);
        }

        const auto reading = speak(QLocale::Language(readLanguage));
        QVERIFY(reading);
        const QString shown = shownNote(dir);
        QVERIFY2(shown.startsWith(barSays), qPrintable(shown));
        QVERIFY2(shown.contains(QStringLiteral("Bad subject class")), qPrintable(shown)); // arXiv's own words
        QVERIFY2(!shown.contains(barDoesNotSay), qPrintable(shown));
    }

    void aNoteStoredAsTextShowsAsItIs()
    {
        Test::TempProfileDir dir;
        {
            Settings settings(Profile::inDirectory(dir.path()).settingsPath());
            QVERIFY(settings.setValue(Keys::UiFirstRunDone, true).ok());
            auto store = PaperStore::open(dir.databasePath());
            QVERIFY2(store, qPrintable(store.error()));
            QVERIFY(store.value()->upsertPaper(Test::makePaper(QStringLiteral("2611.00001"), 1, kDay)).ok());
            DayRun run;
            run.date = kDay;
            run.complete = false;
            run.statusNote = QStringLiteral("cs.AI fehlgeschlagen (HTTP 503)");
            QVERIFY(store.value()->saveDayRun(run).ok());
        }
        const auto reading = speak(QLocale::English);
        QVERIFY(reading);
        QCOMPARE(shownNote(dir), QStringLiteral("This day looks partial: cs.AI fehlgeschlagen (HTTP 503)"));
    }

    void theDigestsJsonSaysItInEnglish()
    {
        const auto german = speak(QLocale::German);
        QVERIFY(german);
        const QString stored =
            DayStatusNote::encode({{DayProblem::Code::FeedNotTried, {QStringLiteral("cs.AI")}},
                {DayProblem::Code::EmptyFeeds, {QStringLiteral("2")}}});
        QCOMPARE(DayStatusNote::display(stored),
            QStringLiteral("cs.AI nicht versucht; 2 Feed(s) waren leer, andere nicht"));
        QCOMPARE(DayStatusNote::english(stored),
            QStringLiteral("cs.AI not tried; 2 feed(s) were empty while others were not"));
        QCOMPARE(DayStatusNote::decode(stored).size(), 2);
        // A message holding a placeholder is filled in once.
        const QString odd = DayStatusNote::encode(
            {{DayProblem::Code::FeedFailed, {QStringLiteral("cs.LG"), QStringLiteral("HTTP 500 %1 %2")}}});
        QCOMPARE(DayStatusNote::english(odd), QStringLiteral("cs.LG failed (HTTP 500 %1 %2)"));
    }
};

int main(int argc, char **argv)
{
    // The languages are the test's own: nothing of the environment's.
    Test::useLanguage("C.UTF-8");
    QApplication app(argc, argv);
    TestDayStatusNote test;
    QTEST_SET_MAIN_SOURCE_PATH
    return QTest::qExec(&test, argc, argv);
}

#include "test_daystatusnote.moc"
