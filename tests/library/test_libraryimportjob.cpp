// SPDX-License-Identifier: GPL-3.0-or-later
// Importing a library into a real store through the arXiv API stand-in, on a job thread as the window runs
// it: arXiv papers looked up, stored and tagged, the rest kept as text; a second import adds nothing; a
// cancelled import keeps what it did; the built-in scorer learns from the library and knows its papers.
#include "jobs/job.h"
#include "library/libraryimportjob.h"
#include "scoring/builtinscorer.h"
#include "store/librarystore.h"
#include "store/paperstore.h"

#include <testkit/arxivstandin.h>
#include <testkit/fixtures.h>
#include <testkit/labelledpapers.h>
#include <testkit/loopbackhttpserver.h>
#include <testkit/profilebuilder.h>

#include <QFile>
#include <QSignalSpy>
#include <QTest>

using namespace Lectern;

namespace {

/// Two papers arXiv's stand-in knows.
QList<Paper> arxivPapers()
{
    Paper a = Test::makePaper(QStringLiteral("2611.10002"), 3);
    a.title = QStringLiteral("Draft trees for speculative decoding");
    Paper b = Test::makePaper(QStringLiteral("2501.01234"), 1);
    b.title = QStringLiteral("Sparse experts at scale");
    return {a, b};
}

/// Books and journal papers about protein structure, none on arXiv; made up for this test.
const char *const kProteinBooks = R"(
@book{p1, title = {Protein Structure from Pair Representations}, author = {Ada Lovelace}, year = 2019,
  abstract = {Predicting protein structure and residue contacts from pair representations of sequences.}}
@article{p2, title = {Residue Contacts in Protein Folding}, journal = {Journal of Folds}, year = 2020,
  doi = {10.1000/folds.2020.1},
  abstract = {Contact maps of residues guide protein folding and structure refinement.}}
@book{p3, title = {Equivariant Models of Protein Backbones}, year = 2021,
  abstract = {Equivariant networks over protein backbones for docking and structure design.}}
)";

QString writeFile(const QString &path, const QByteArray &text)
{
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly) || f.write(text) != text.size())
        return {};
    return path;
}

LibraryImportRequest request(
    const Test::TempProfileDir &dir, const Test::ArxivStandIn &arxiv, const QString &file)
{
    LibraryImportRequest r;
    r.databasePath = dir.databasePath();
    r.filePath = file;
    r.apiBase = arxiv.apiBase();
    r.http.arxivIntervalMs = 0;
    r.http.maxAttempts = 1;
    return r;
}

/// Runs @p job on a JobRunner's thread, as the window does, and returns its outcome.
JobOutcome runOnThread(Job *job)
{
    JobRunner runner;
    QSignalSpy finished(&runner, &JobRunner::finished);
    if (!runner.start(job) || !runner.wait(30000) || finished.isEmpty())
        return {};
    return finished.first().first().value<JobOutcome>();
}

} // namespace

class TestLibraryImportJob : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void importsArxivPapersAndKeepsTheRestAsText()
    {
        Test::LoopbackHttpServer server;
        QVERIFY(server.listen());
        Test::ArxivStandIn arxiv(server);
        arxiv.serveApi(arxivPapers());
        Test::TempProfileDir dir;
        const QString bib = writeFile(dir.path() + QStringLiteral("/library.bib"),
            QByteArray("@article{a, eprint = {2611.10002}}\n"
                       "@misc{b, url = {https://arxiv.org/abs/2501.01234v1}, title = {Sparse experts}}\n"
                       "@misc{c, note = {arXiv:2611.19999}}\n") +
                kProteinBooks);
        QVERIFY(!bib.isEmpty());

        const JobOutcome first = runOnThread(new LibraryImportJob(request(dir, arxiv, bib)));
        QVERIFY2(first.ok(), qPrintable(first.message));
        const auto summary = first.resultAs<LibraryImportSummary>();
        QCOMPARE(summary.arxivAdded, 2);
        QCOMPARE(summary.textAdded, 3);
        QCOMPARE(summary.notFound.size(), 1);
        QVERIFY2(summary.notFound.first().startsWith(QStringLiteral("2611.19999: ")),
            qPrintable(summary.notFound.first()));
        QCOMPARE(summary.lookedUp, 3);
        QCOMPARE(arxiv.apiRequests(), 3);
        QVERIFY2(first.message.contains(
                     QStringLiteral("library.bib: 2 arXiv papers added, 3 kept as text, 1 not found")),
            qPrintable(first.message));

        {
            auto store = PaperStore::open(dir.databasePath());
            QVERIFY(store.ok());
            auto stored = store.value()->paper(QStringLiteral("2611.10002"));
            QVERIFY(stored.ok() && stored->has_value());
            QCOMPARE((*stored)->title, QStringLiteral("Draft trees for speculative decoding"));
            QCOMPARE((*stored)->version, 3);
            QVERIFY(store.value()
                        ->state(QStringLiteral("2501.01234"))
                        ->tags.contains(QStringLiteral("imported")));
            LibraryStore library(store.value()->database());
            auto text = library.items(true);
            QVERIFY(text.ok());
            QCOMPARE(text->size(), 3);
            QCOMPARE(text->at(1).title, QStringLiteral("Residue Contacts in Protein Folding"));
            QCOMPARE(text->at(1).doi, QStringLiteral("10.1000/folds.2020.1"));
            QCOMPARE(text->at(1).year, 2020);
            QCOMPARE(text->at(0).authors, QStringList {QStringLiteral("Ada Lovelace")});
            QCOMPARE(text->at(0).source, QStringLiteral("library.bib"));
            QCOMPARE(library.sourceOf(QStringLiteral("2501.01234")).value(), QStringLiteral("library.bib"));
            // The list's own title wins over arXiv's; arXiv fills in what the entry lacks.
            auto all = library.items();
            QCOMPARE(all->size(), 5);
            QCOMPARE(all->at(0).title, QStringLiteral("Draft trees for speculative decoding"));
            QCOMPARE(all->at(1).title, QStringLiteral("Sparse experts"));
        }

        // Again: nothing new, only the paper arXiv does not know is asked for once more.
        const JobOutcome second = runOnThread(new LibraryImportJob(request(dir, arxiv, bib)));
        QVERIFY2(second.ok(), qPrintable(second.message));
        const auto again = second.resultAs<LibraryImportSummary>();
        QCOMPARE(again.arxivAdded, 0);
        QCOMPARE(again.textAdded, 0);
        QCOMPARE(again.arxivKnown, 2);
        QCOMPARE(again.textKnown, 3);
        QCOMPARE(arxiv.apiRequests(), 4);
        QCOMPARE(
            Test::scalar(dir.databasePath(), QStringLiteral("SELECT count(*) FROM library_items")).toInt(),
            5);
        QCOMPARE(Test::scalar(dir.databasePath(),
                     QStringLiteral("SELECT count(*) FROM paper_tags WHERE tag = 'imported'"))
                     .toInt(),
            2);
    }

    void cancelledImportKeepsWhatItDidAndTheNextRunAddsTheRest()
    {
        Test::LoopbackHttpServer server;
        QVERIFY(server.listen());
        Test::ArxivStandIn arxiv(server);
        arxiv.serveApi(arxivPapers());
        Test::TempProfileDir dir;
        const QString list = writeFile(dir.path() + QStringLiteral("/ids.txt"),
            QByteArray("2611.10002\nhttps://arxiv.org/pdf/2501.01234v1\n"));
        auto *job = new LibraryImportJob(request(dir, arxiv, list));
        // Cancelled from the job's own thread as soon as it reports the second reference: the first is done.
        connect(
            job, &Job::progress, job,
            [job](const JobProgress &p) {
                if (p.total > 0 && p.done == 1)
                    job->cancel();
            },
            Qt::DirectConnection);
        const JobOutcome cancelled = runOnThread(job);
        QVERIFY(cancelled.cancelled());
        const auto partial = cancelled.resultAs<LibraryImportSummary>();
        QCOMPARE(partial.handled, 1);
        QCOMPARE(partial.references, 2);
        QCOMPARE(partial.arxivAdded, 1);
        QCOMPARE(arxiv.apiRequests(), 1);
        QCOMPARE(
            Test::scalar(dir.databasePath(), QStringLiteral("SELECT arxiv_id FROM library_items")).toString(),
            QStringLiteral("2611.10002"));

        const JobOutcome rest = runOnThread(new LibraryImportJob(request(dir, arxiv, list)));
        QVERIFY2(rest.ok(), qPrintable(rest.message));
        QCOMPARE(rest.resultAs<LibraryImportSummary>().arxivAdded, 1);
        QCOMPARE(rest.resultAs<LibraryImportSummary>().arxivKnown, 1);
        QCOMPARE(arxiv.apiRequests(), 2); // the stored paper is not asked for again
        QCOMPARE(
            Test::scalar(dir.databasePath(), QStringLiteral("SELECT count(*) FROM library_items")).toInt(),
            2);
    }

    void theBuiltinScorerLearnsFromTheLibraryAndKnowsItsPapers()
    {
        Test::LoopbackHttpServer server;
        QVERIFY(server.listen());
        Test::ArxivStandIn arxiv(server);
        const QList<Test::LabelledPaper> labelled = Test::labelledPapers();
        const QList<Paper> day = Test::papersOf(labelled);
        // The protein probe is on arXiv and in the library too.
        Paper probe;
        for (const Paper &p : day) {
            if (p.arxivId == u"2611.40001")
                probe = p;
        }
        QVERIFY(!probe.arxivId.isEmpty());
        arxiv.serveApi({probe});
        Test::TempProfileDir dir;
        {
            auto store = PaperStore::open(dir.databasePath());
            QVERIFY(store.ok());
            QVERIFY(store.value()->upsertPapers(day).ok());
            // Nothing to learn from yet: no stars, no library.
            auto inputs = BuiltinModel::inputsFromStore(*store.value(), ResearchTopics {});
            QVERIFY(inputs.ok());
            QVERIFY(!BuiltinModel::build(*inputs)->isLearning());
        }
        const QString bib = writeFile(dir.path() + QStringLiteral("/proteins.bib"), kProteinBooks);
        QVERIFY(runOnThread(new LibraryImportJob(request(dir, arxiv, bib))).ok());

        auto store = PaperStore::open(dir.databasePath());
        QVERIFY(store.ok());
        auto inputs = BuiltinModel::inputsFromStore(*store.value(), ResearchTopics {});
        QVERIFY(inputs.ok());
        // The three references kept as text are positives, by their title and abstract.
        QStringList positives;
        for (const Paper &p : inputs->starred)
            positives << p.title;
        positives.sort();
        QCOMPARE(positives,
            (QStringList {QStringLiteral("Equivariant Models of Protein Backbones"),
                QStringLiteral("Protein Structure from Pair Representations"),
                QStringLiteral("Residue Contacts in Protein Folding")}));
        const std::shared_ptr<const BuiltinModel> model = BuiltinModel::build(*inputs);
        QVERIFY(model->isLearning());
        // A protein paper outranks the recommender and the laboratory-robot probes.
        double proteinScore = 0;
        double otherBest = -10;
        for (const Paper &p : day) {
            const BuiltinModel::Assessment a = model->assess(p);
            if (p.arxivId == u"2611.40001")
                proteinScore = a.rankScore;
            else if (p.arxivId == u"2611.40002" || p.arxivId == u"2611.40003")
                otherBest = std::max(otherBest, a.rankScore);
        }
        QVERIFY2(proteinScore > otherBest,
            qPrintable(QStringLiteral("%1 vs %2").arg(proteinScore).arg(otherBest)));
        QVERIFY(!model->assess(probe).comment.contains(QStringLiteral("already known"))); // not imported yet

        // Imported, the probe is already known: the lowest novelty, and the comment says why.
        const QString ids = writeFile(dir.path() + QStringLiteral("/mine.txt"), "arXiv:2611.40001\n");
        QVERIFY(runOnThread(new LibraryImportJob(request(dir, arxiv, ids))).ok());
        auto after = BuiltinModel::inputsFromStore(*store.value(), ResearchTopics {});
        QVERIFY(after.ok());
        QCOMPARE(after->importedFrom.value(QStringLiteral("2611.40001")), QStringLiteral("mine.txt"));
        const BuiltinModel::Assessment known = BuiltinModel::build(*after)->assess(probe);
        QCOMPARE(known.novelty, 1);
        QVERIFY2(
            known.comment.contains(QStringLiteral("already known: in your library (imported from mine.txt)")),
            qPrintable(known.comment));
        QCOMPARE(arxiv.apiRequests(), 0); // stored already: no look-up
    }
};

QTEST_GUILESS_MAIN(TestLibraryImportJob)
#include "test_libraryimportjob.moc"
