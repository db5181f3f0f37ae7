// SPDX-License-Identifier: GPL-3.0-or-later
// Runs the real `lectern` binary: `lectern eval` measures a scorer's ranking of a judged day, `lectern
// similar` finds the papers nearest to one.
#include "scoring/builtinscorer.h"
#include "store/paperstore.h"

#include <testkit/arxivstandin.h>
#include <testkit/fixtures.h>
#include <testkit/labelledpapers.h>
#include <testkit/lecternprocess.h>
#include <testkit/loopbackhttpserver.h>
#include <testkit/zoterolibrarybuilder.h>

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QTest>

using namespace Lectern;

namespace {

/// A profile with the synthetic day (on-topic, off-topic and a survey) and the test topics.
void seedProfile(const Test::TempProfileDir &dir, QList<Paper> *onTopic)
{
    QList<Paper> papers;
    for (const Test::LabelledPaper &l : Test::labelledPapers()) {
        if (l.label == u"on" || l.label == u"off" || l.label == u"survey")
            papers << l.paper;
        if (l.label == u"on")
            *onTopic << l.paper;
    }
    auto store = PaperStore::open(dir.databasePath());
    QVERIFY(store.ok());
    QVERIFY(store.value()->upsertPapers(papers).ok());
    QVERIFY(QDir().mkpath(dir.path() + QStringLiteral("/prompts")));
    QFile topics(dir.path() + QStringLiteral("/prompts/topics.md"));
    QVERIFY(topics.open(QIODevice::WriteOnly));
    topics.write(Test::fixture(QStringLiteral("scoring/topics.md")));
}

QString writeTruth(const Test::TempProfileDir &dir, const QList<Paper> &selected)
{
    QJsonArray ids;
    for (const Paper &p : selected)
        ids << p.arxivId;
    const QString path = dir.path() + QStringLiteral("/truth.json");
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly))
        return {};
    f.write(QJsonDocument(ids).toJson());
    return path;
}

/// The value in the output's table row that starts with @p measure.
double tableValue(const QString &out, const QString &measure)
{
    const QRegularExpression row(
        QStringLiteral("^\\| %1[^|]*\\| ([0-9.]+)").arg(QRegularExpression::escape(measure)),
        QRegularExpression::MultilineOption);
    const QRegularExpressionMatch m = row.match(out);
    return m.hasMatch() ? m.captured(1).toDouble() : -1;
}

} // namespace

class TestCliLearning : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void builtinScorerFindsTheOnTopicPapers()
    {
        Test::TempProfileDir dir;
        QList<Paper> onTopic;
        seedProfile(dir, &onTopic);
        const Test::LecternRun run =
            Test::runLectern({QStringLiteral("--profile"), dir.path(), QStringLiteral("eval"),
                QStringLiteral("--day"), QStringLiteral("2026-11-23"), QStringLiteral("--truth"),
                writeTruth(dir, onTopic), QStringLiteral("--scorer"), QStringLiteral("builtin")});
        QVERIFY2(run.code == 0, qPrintable(run.err + run.out));
        QVERIFY2(run.out.contains(QStringLiteral("on 20 papers; the judge selected 8")), qPrintable(run.out));
        // The topics' keywords name the on-topic papers: most of them come first.
        const double recall = tableValue(run.out, QStringLiteral("recall@k (k = 8)"));
        QVERIFY2(recall >= 0.75, qPrintable(run.out));
        QVERIFY2(tableValue(run.out, QStringLiteral("recall@2k")) >= recall, qPrintable(run.out));
        QVERIFY2(
            tableValue(run.out, QStringLiteral("share of the day for 95 % recall")) > 0, qPrintable(run.out));
        QVERIFY2(tableValue(run.out, QStringLiteral("precision at the thresholds")) >= 0 ||
                run.out.contains(QStringLiteral("| precision at the thresholds | - |")),
            qPrintable(run.out));
        // The top papers say why they rank there.
        QVERIFY2(run.out.contains(QStringLiteral("Built-in scorer (no LLM): topic")), qPrintable(run.out));
    }

    void storedScoresAreRankedByRelevance()
    {
        Test::TempProfileDir dir;
        QList<Paper> onTopic;
        seedProfile(dir, &onTopic);
        {
            auto store = PaperStore::open(dir.databasePath());
            QVERIFY(store.ok());
            // A judge whose marks put half the selected papers on top, the rest at the bottom.
            const QList<Test::LabelledPaper> all = Test::labelledPapers();
            int on = 0;
            for (const Test::LabelledPaper &l : all) {
                if (l.label != u"on" && l.label != u"off" && l.label != u"survey")
                    continue;
                Score s;
                s.arxivId = l.paper.arxivId;
                const bool high = l.label == u"on" && on++ % 2 == 0;
                s.relevance = high ? 9 : (l.label == u"on" ? 1 : 5);
                s.novelty = high ? 8 : 5;
                s.model = QStringLiteral("some-llm");
                s.promptHash = QStringLiteral("p");
                s.scoredAt = QDateTime(QDate(2026, 11, 23), QTime(12, 0), QTimeZone::UTC);
                QVERIFY(store.value()->addScore(s).ok());
            }
        }
        const Test::LecternRun run = Test::runLectern(
            {QStringLiteral("--profile"), dir.path(), QStringLiteral("eval"), QStringLiteral("--truth"),
                writeTruth(dir, onTopic), QStringLiteral("--scorer"), QStringLiteral("stored")});
        QVERIFY2(run.code == 0, qPrintable(run.err + run.out));
        QCOMPARE(tableValue(run.out, QStringLiteral("recall@k (k = 8)")), 0.5);
        QCOMPARE(tableValue(run.out, QStringLiteral("precision at the thresholds")), 1.0);
        QCOMPARE(tableValue(run.out, QStringLiteral("recall at the thresholds")), 0.5);
        // 95 % of 8 needs all 8: the last four sit at the very bottom of 20.
        QVERIFY2(run.out.contains(QStringLiteral("| share of the day for 95 % recall | 100 % (20 papers) |")),
            qPrintable(run.out));

        // A digest as the truth: the day's own digest (the four papers over the thresholds) is found whole.
        const QString digest = dir.path() + QStringLiteral("/digest.md");
        const Test::LecternRun exported = Test::runLectern({QStringLiteral("--profile"), dir.path(),
            QStringLiteral("export"), QStringLiteral("--date"), QStringLiteral("2026-11-23"),
            QStringLiteral("--format"), QStringLiteral("md"), QStringLiteral("-o"), digest});
        QVERIFY2(exported.code == 0, qPrintable(exported.err));
        const Test::LecternRun fromDigest =
            Test::runLectern({QStringLiteral("--profile"), dir.path(), QStringLiteral("eval"),
                QStringLiteral("--truth"), digest, QStringLiteral("--scorer"), QStringLiteral("stored")});
        QVERIFY2(fromDigest.code == 0, qPrintable(fromDigest.err + fromDigest.out));
        QCOMPARE(tableValue(fromDigest.out, QStringLiteral("recall@k (k = 4)")), 1.0);
    }

    void truthIsRequiredAndChecked()
    {
        Test::TempProfileDir dir;
        QList<Paper> onTopic;
        seedProfile(dir, &onTopic);
        const Test::LecternRun noTruth =
            Test::runLectern({QStringLiteral("--profile"), dir.path(), QStringLiteral("eval")});
        QCOMPARE(noTruth.code, 2);
        QVERIFY2(noTruth.err.contains(QStringLiteral("--truth")), qPrintable(noTruth.err));
        const QString bad = dir.path() + QStringLiteral("/bad.json");
        QFile f(bad);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("[\"not an id\"]");
        f.close();
        const Test::LecternRun badTruth = Test::runLectern({QStringLiteral("--profile"), dir.path(),
            QStringLiteral("eval"), QStringLiteral("--truth"), bad});
        QCOMPARE(badTruth.code, 1);
        QVERIFY2(badTruth.err.contains(QStringLiteral("not an arXiv id")), qPrintable(badTruth.err));
        const Test::LecternRun misplaced = Test::runLectern({QStringLiteral("--profile"), dir.path(),
            QStringLiteral("score"), QStringLiteral("--truth"), bad});
        QCOMPARE(misplaced.code, 2);
        QVERIFY2(misplaced.err.contains(QStringLiteral("eval")), qPrintable(misplaced.err));
    }

    void similarListsTheNearestPapersWithSharedTerms()
    {
        Test::TempProfileDir dir;
        QList<Paper> onTopic;
        seedProfile(dir, &onTopic);
        // A near copy of the first on-topic paper.
        Paper copy = onTopic.first();
        copy.arxivId = QStringLiteral("2611.90001");
        copy.title = QStringLiteral("Adaptive draft lengths in speculative decoding, revisited");
        {
            auto store = PaperStore::open(dir.databasePath());
            QVERIFY(store.ok());
            QVERIFY(store.value()->upsertPapers({copy}).ok());
        }
        const Test::LecternRun run = Test::runLectern(
            {QStringLiteral("--profile"), dir.path(), QStringLiteral("similar"), onTopic.first().arxivId});
        QVERIFY2(run.code == 0, qPrintable(run.err + run.out));
        QVERIFY2(run.out.startsWith(QStringLiteral("Nearest to %1").arg(onTopic.first().arxivId)),
            qPrintable(run.out));
        const QStringList lines = run.out.split(u'\n');
        // The copy comes first, the paper itself not at all, and the shared terms say why.
        QVERIFY2(lines.value(1).contains(copy.arxivId), qPrintable(run.out));
        QVERIFY2(lines.value(2).contains(QStringLiteral("shared:")) &&
                lines.value(2).contains(QStringLiteral("speculative"), Qt::CaseInsensitive),
            qPrintable(run.out));
        QCOMPARE(run.out.count(onTopic.first().arxivId), 1);

        const Test::LecternRun unknown = Test::runLectern({QStringLiteral("--profile"), dir.path(),
            QStringLiteral("similar"), QStringLiteral("2611.99999")});
        QCOMPARE(unknown.code, 1);
        QVERIFY2(unknown.err.contains(QStringLiteral("not in the database")), qPrintable(unknown.err));
    }

    void importTagsTheLibraryAndTheScorerLearnsFromIt()
    {
        // arXiv's API stand-in knows one paper; any other id is not found.
        Test::LoopbackHttpServer server;
        QVERIFY(server.listen());
        server.route("/api/query", [](const Test::LoopbackHttpServer::Request &request) {
            Test::LoopbackHttpServer::Response r;
            r.body = Test::fixture(request.target.contains("2611.10002")
                    ? QStringLiteral("api/paper-2611.10002v3.xml")
                    : QStringLiteral("api/zero-results.xml"));
            return r;
        });
        Test::TempProfileDir dir;
        // One paper stored already: the first on-topic one.
        QList<Paper> onTopic {Test::labelledPapers().first().paper};
        {
            auto store = PaperStore::open(dir.databasePath());
            QVERIFY(store.ok());
            QVERIFY(store.value()->upsertPapers(onTopic).ok());
        }
        const QStringList profile {QStringLiteral("--profile"), dir.path()};
        for (const auto &[key, value] :
            {std::pair {QStringLiteral("arxiv/apiBase"), server.url(QStringLiteral("/api/query")).toString()},
                std::pair {QStringLiteral("arxiv/minIntervalMs"), QStringLiteral("0")}})
            QCOMPARE(Test::runLectern(
                         profile + QStringList {QStringLiteral("config"), QStringLiteral("set"), key, value})
                         .code,
                0);
        // One paper already stored (no request), one looked up, one unknown to arXiv, one book.
        const QString bib = dir.path() + QStringLiteral("/library.bib");
        QFile f(bib);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(
            QStringLiteral("@article{a, eprint = {%1}}\n@misc{b, url = {https://arxiv.org/abs/2611.10002}}\n"
                           "@misc{c, note = {arXiv:2611.19999}}\n@book{d, title = {A book}}\n")
                .arg(onTopic.first().arxivId)
                .toUtf8());
        f.close();
        const Test::LecternRun run = Test::runLectern(profile + QStringList {QStringLiteral("import"), bib});
        QCOMPARE(run.code, 1); // one reference could not be looked up
        QVERIFY2(run.out.contains(QStringLiteral("%1 imported").arg(onTopic.first().arxivId)),
            qPrintable(run.out));
        QVERIFY2(run.out.contains(QStringLiteral("2611.10002 imported")), qPrintable(run.out));
        QVERIFY2(run.out.contains(
                     QStringLiteral("library.bib: 2 arXiv papers added, 1 kept as text, 1 not found.")),
            qPrintable(run.out));
        QVERIFY2(run.err.contains(QStringLiteral("2611.19999")), qPrintable(run.err));
        // Exactly the unknown and the new paper were asked for, one request each.
        QCOMPARE(server.requests().size(), 2);

        auto store = PaperStore::open(dir.databasePath());
        QVERIFY(store.ok());
        QVERIFY(
            store.value()->state(QStringLiteral("2611.10002"))->tags.contains(QStringLiteral("imported")));
        QVERIFY(store.value()->state(onTopic.first().arxivId)->tags.contains(QStringLiteral("imported")));
        // The built-in scorer takes the imported papers as positives and as held.
        auto inputs = BuiltinModel::inputsFromStore(*store.value(), ResearchTopics {});
        QVERIFY(inputs.ok());
        QStringList starred;
        for (const Paper &p : inputs->starred)
            starred << p.arxivId;
        starred.sort();
        // The book without an arXiv id is kept as text and learned from too.
        QCOMPARE(starred.size(), 3);
        QCOMPARE(starred.mid(0, 2), (QStringList {onTopic.first().arxivId, QStringLiteral("2611.10002")}));
        QVERIFY2(starred.at(2).startsWith(QStringLiteral("library:")), qPrintable(starred.at(2)));
        QCOMPARE(inputs->library.size(), 3);

        // `library` lists what was imported; a second import adds nothing and asks only for the unknown id.
        const Test::LecternRun listed = Test::runLectern(profile + QStringList {QStringLiteral("library")});
        QCOMPARE(listed.code, 0);
        QVERIFY2(listed.out.contains(QStringLiteral("arXiv:2611.10002")), qPrintable(listed.out));
        QVERIFY2(listed.out.contains(QStringLiteral("text  A book  [library.bib]")), qPrintable(listed.out));
        QVERIFY2(listed.out.contains(
                     QStringLiteral("3 references in your library: 2 arXiv papers, 1 kept as text.")),
            qPrintable(listed.out));
        const Test::LecternRun again =
            Test::runLectern(profile + QStringList {QStringLiteral("import"), bib});
        QVERIFY2(
            again.out.contains(QStringLiteral(
                "library.bib: 0 arXiv papers added, 0 kept as text, 1 not found; 3 in the library already.")),
            qPrintable(again.out));
        QCOMPARE(server.requests().size(), 3);
    }

    void importReadsAZoteroLibrary()
    {
        Test::LoopbackHttpServer server;
        QVERIFY(server.listen());
        Test::ArxivStandIn arxiv(server);
        Paper paper = Test::makePaper(QStringLiteral("2501.01234"));
        paper.title = QStringLiteral("Sparse experts at scale");
        arxiv.serveApi({paper});
        Test::TempProfileDir dir;
        const QString zoteroPath = dir.path() + QStringLiteral("/zotero.sqlite");
        {
            Test::ZoteroLibraryBuilder zotero(zoteroPath);
            zotero.addItem(QStringLiteral("preprint"),
                {{QStringLiteral("title"), QStringLiteral("Sparse experts at scale")},
                    {QStringLiteral("archiveID"), QStringLiteral("arXiv:2501.01234")}},
                {QStringLiteral("Ada|Lovelace")});
            zotero.addItem(QStringLiteral("book"),
                {{QStringLiteral("title"), QStringLiteral("Physics of Folded Proteins")},
                    {QStringLiteral("date"), QStringLiteral("2019-00-00 2019")}},
                {QStringLiteral("Linus|Pauling")});
            QVERIFY(zotero.ok());
        }
        const QStringList profile {QStringLiteral("--profile"), dir.path()};
        for (const auto &[key, value] :
            {std::pair {QStringLiteral("arxiv/apiBase"), arxiv.apiBase().toString()},
                std::pair {QStringLiteral("arxiv/minIntervalMs"), QStringLiteral("0")}})
            QCOMPARE(Test::runLectern(
                         profile + QStringList {QStringLiteral("config"), QStringLiteral("set"), key, value})
                         .code,
                0);
        const Test::LecternRun run =
            Test::runLectern(profile + QStringList {QStringLiteral("import"), zoteroPath});
        QCOMPARE(run.code, 0);
        QVERIFY2(run.out.contains(QStringLiteral("2501.01234 imported")), qPrintable(run.out));
        QVERIFY2(run.out.contains(
                     QStringLiteral("zotero.sqlite: 1 arXiv papers added, 1 kept as text, 0 not found.")),
            qPrintable(run.out));
        const Test::LecternRun listed = Test::runLectern(profile + QStringList {QStringLiteral("library")});
        QVERIFY2(
            listed.out.contains(QStringLiteral("text  Physics of Folded Proteins — Linus Pauling (2019)  "
                                               "[zotero.sqlite]")),
            qPrintable(listed.out));
    }
};

QTEST_GUILESS_MAIN(TestCliLearning)
#include "test_cli_learning.moc"
