// SPDX-License-Identifier: GPL-3.0-or-later
// The synthetic library of the scale benchmarks (issue 13): its shape, its determinism, and the
// `lectern bench generate` command that writes it.
#include "library/librarygenerator.h"
#include "store/paperstore.h"

#include <testkit/fixtures.h>
#include <testkit/lecternprocess.h>
#include <testkit/profilebuilder.h>

#include <QRegularExpression>
#include <QTest>

using namespace Lectern;

namespace {

// What a generated library holds that a benchmark's figures depend on, in a comparable form.
QStringList contentsOf(PaperStore &store)
{
    QStringList rows;
    const auto records = store.recordsForRange();
    if (!records)
        return {QStringLiteral("error: ") + records.error()};
    for (const PaperRecord &r : *records) {
        rows << QStringList {r.paper.arxivId, QString::number(r.paper.version), r.paper.title,
            r.paper.authors.join(u'|'), r.paper.abstract, r.paper.categories.join(u' '),
            r.paper.announced.toString(Qt::ISODate), r.paper.announceType,
            r.score ? QStringLiteral("%1/%2 %3")
                          .arg(r.score->relevance.value_or(0))
                          .arg(r.score->novelty.value_or(0))
                          .arg(r.score->model)
                    : QString(),
            QStringLiteral("%1%2%3")
                .arg(int(r.state.starred))
                .arg(int(r.state.read))
                .arg(int(r.state.dismissed)),
            r.state.tags.join(u','), r.state.note}
                    .join(u'\t');
    }
    return rows;
}

} // namespace

class TestLibraryGenerator : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void libraryHasTheProfileOfABusyYear()
    {
        Test::TempProfileDir dir;
        auto store = PaperStore::open(dir.databasePath());
        QVERIFY(store.ok());
        LibraryGenerator::Options options;
        options.papers = 1000;
        auto written = LibraryGenerator(options).write(*store.value());
        QVERIFY2(written.ok(), qPrintable(written.error()));
        QCOMPARE(written->papers, 1000);

        auto stats = store.value()->stats();
        QVERIFY(stats.ok());
        QCOMPARE(stats->papers, 1000);
        QCOMPARE(stats->days, 4); // N / 250 days
        auto days = store.value()->days();
        QVERIFY(days.ok());
        for (const QDate &d : *days)
            QVERIFY2(d.dayOfWeek() <= 5, qPrintable(d.toString(Qt::ISODate))); // weekdays only
        QCOMPARE(days->first(), options.lastDay);

        const auto records = store.value()->recordsForRange();
        QVERIFY(records.ok());
        QCOMPARE(records->size(), 1000);
        qint64 abstractChars = 0;
        int minAuthors = 1000, maxAuthors = 0, withTex = 0, starred = 0, tagged = 0, noted = 0, replaced = 0;
        for (const PaperRecord &r : *records) {
            abstractChars += r.paper.abstract.size();
            minAuthors = std::min(minAuthors, int(r.paper.authors.size()));
            maxAuthors = std::max(maxAuthors, int(r.paper.authors.size()));
            withTex += r.paper.title.contains(u'$') || r.paper.abstract.contains(u'\\') ||
                r.paper.authors.join(u' ').contains(u'\\');
            starred += r.state.starred;
            tagged += !r.state.tags.isEmpty();
            noted += !r.state.note.isEmpty();
            replaced += r.paper.announceType == u"replace";
            QVERIFY(r.score.has_value());
        }
        const double meanAbstract = double(abstractChars) / double(records->size());
        QVERIFY2(meanAbstract > 1100 && meanAbstract < 1350, qPrintable(QString::number(meanAbstract)));
        QVERIFY(minAuthors >= 1);
        QVERIFY2(maxAuthors <= 60 && maxAuthors >= 30, qPrintable(QString::number(maxAuthors)));
        QVERIFY(withTex > 50);
        QVERIFY2(starred >= 15 && starred <= 50, qPrintable(QString::number(starred))); // about 3 %
        QVERIFY(tagged > 10);
        QVERIFY(noted > 3);
        QVERIFY(replaced > 0);

        // Scores from two models and two prompts; replaced papers keep their old version's text.
        const QString db = dir.databasePath();
        QCOMPARE(Test::scalar(db, QStringLiteral("SELECT count(DISTINCT model) FROM scores")).toInt(), 2);
        QCOMPARE(
            Test::scalar(db, QStringLiteral("SELECT count(DISTINCT prompt_hash) FROM scores")).toInt(), 2);
        QVERIFY(Test::scalar(db, QStringLiteral("SELECT count(*) FROM paper_versions")).toInt() > 0);
        // Everything went through the store: the search index knows the papers.
        const PaperRecord &some = records->at(500);
        QString word;
        for (const QString &w : some.paper.title.split(u' ')) {
            if (word.isEmpty() && w.size() > 3 &&
                std::all_of(w.cbegin(), w.cend(), [](QChar c) { return c.isLetter(); }))
                word = w;
        }
        QVERIFY(!word.isEmpty());
        auto found = store.value()->search(word, -1);
        QVERIFY(found.ok());
        QVERIFY2(found->contains(some.paper.arxivId), qPrintable(word));
    }

    void sameSeedSameLibraryOtherSeedAnother()
    {
        QStringList contents[3];
        const quint64 seeds[3] = {7, 7, 8};
        for (int i = 0; i < 3; ++i) {
            Test::TempProfileDir dir;
            auto store = PaperStore::open(dir.databasePath());
            QVERIFY(store.ok());
            LibraryGenerator::Options options;
            options.papers = 300;
            options.seed = seeds[i];
            QVERIFY(LibraryGenerator(options).write(*store.value()).ok());
            contents[i] = contentsOf(*store.value());
        }
        QCOMPARE(contents[0].size(), 300);
        QCOMPARE(contents[0], contents[1]);
        QVERIFY(contents[0] != contents[2]);
    }

    void benchGenerateCommandFillsANewProfileOnly()
    {
        Test::TempProfileDir dir;
        const Test::LecternRun run =
            Test::runLectern({QStringLiteral("--profile"), dir.path(), QStringLiteral("bench"),
                QStringLiteral("generate"), QStringLiteral("--papers"), QStringLiteral("260")});
        QVERIFY2(run.code == 0, qPrintable(run.err));
        QVERIFY2(run.out.contains(QRegularExpression(QStringLiteral("generated 260 papers on 2 days"))),
            qPrintable(run.out));
        QCOMPARE(
            Test::scalar(dir.databasePath(), QStringLiteral("SELECT count(*) FROM papers")).toInt(), 260);

        // A second run would mix two libraries: refused, the database unchanged.
        const Test::LecternRun again =
            Test::runLectern({QStringLiteral("--profile"), dir.path(), QStringLiteral("bench"),
                QStringLiteral("generate"), QStringLiteral("--papers"), QStringLiteral("10")});
        QCOMPARE(again.code, 1);
        QVERIFY2(again.err.contains(u"already holds 260 papers"), qPrintable(again.err));
        QCOMPARE(
            Test::scalar(dir.databasePath(), QStringLiteral("SELECT count(*) FROM papers")).toInt(), 260);

        const Test::LecternRun bad =
            Test::runLectern({QStringLiteral("--profile"), dir.path(), QStringLiteral("bench"),
                QStringLiteral("generate"), QStringLiteral("--papers"), QStringLiteral("many")});
        QCOMPARE(bad.code, 2);
        QVERIFY2(bad.err.contains(u"--papers takes a number"), qPrintable(bad.err));
    }
};

QTEST_GUILESS_MAIN(TestLibraryGenerator)
#include "test_librarygenerator.moc"
