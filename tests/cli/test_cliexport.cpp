// SPDX-License-Identifier: GPL-3.0-or-later
// Runs the real `lectern export` headless, as a script or a cron job would: no display, no platform set.
#include "digest/digestbuilder.h"
#include "digest/digestloader.h"
#include "store/paperstore.h"

#include <testkit/bibreader.h>
#include <testkit/csvreader.h>
#include <testkit/fixtures.h>
#include <testkit/lecternprocess.h>
#include <testkit/syntheticday.h>

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QProcessEnvironment>
#include <QStandardPaths>
#include <QTest>

using namespace Lectern;
using namespace Qt::StringLiterals;

namespace {

const QDate kDay(2026, 3, 17);
const QDate kNext(2026, 3, 18);

struct Run
{
    int code = -1;
    QByteArray out;
    QString err;
};

// No display and no platform: export must pick one that needs no display by itself.
Run lectern(const QStringList &args)
{
    const Test::LecternRun r = Test::runLectern(args);
    return {r.code, r.rawOut, r.err};
}

QByteArray readFile(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

DigestSettings settings()
{
    DigestSettings s;
    s.minRelevance = 8;
    s.minNovelty = 7;
    s.followedAuthors = Test::syntheticFollowedAuthors();
    s.prices = PriceTable::defaults(); // what the CLI uses when the profile has no prices.json
    return s;
}

} // namespace

class TestCliExport : public QObject
{
    Q_OBJECT
private:
    Test::TempProfileDir m_dir;
    QStringList m_profile;

    QString out(const QString &name) const { return m_dir.path() + u"/out/"_s + name; }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        QVERIFY(QDir(m_dir.path()).mkpath(u"out"_s));
        m_profile = QStringList {u"--profile"_s, m_dir.path()};
        {
            auto store = PaperStore::open(m_dir.databasePath());
            QVERIFY(store.ok());
            Test::storeDay(*store.value(), Test::syntheticDay(kDay));
            Test::storeDay(*store.value(), Test::syntheticDay(kNext));
        }
        // The followed author comes from the profile's settings, as in real use.
        const Run r = lectern(m_profile +
            QStringList {u"config"_s, u"set"_s, u"topics/followedAuthors"_s,
                Test::syntheticFollowedAuthors().join(u',')});
        QCOMPARE(r.code, 0);
    }

    void markdownOfADayIsTheDigest()
    {
        const Run r = lectern(m_profile +
            QStringList {u"export"_s, u"--date"_s, u"2026-03-17"_s, u"--format"_s, u"md"_s, u"-o"_s,
                out(u"day.md"_s)});
        QVERIFY2(r.code == 0, qPrintable(r.err));
        QVERIFY2(r.out.contains("wrote "), r.out.constData());
        auto store = PaperStore::open(m_dir.databasePath());
        QVERIFY(store.ok());
        auto digest = DigestLoader::day(*store.value(), kDay, settings());
        QVERIFY(digest.ok());
        QCOMPARE(digest->entries.size(), 6);
        QVERIFY(digest->entries.front().authorMatch);
        QCOMPARE(QString::fromUtf8(readFile(out(u"day.md"_s))), DigestBuilder::markdown(*digest));
    }

    void pdfWithoutDisplay()
    {
        const QString path = out(u"range.pdf"_s); // format from the extension
        const Run r = lectern(m_profile +
            QStringList {
                u"export"_s, u"--from"_s, u"2026-03-17"_s, u"--to"_s, u"2026-03-18"_s, u"-o"_s, path});
        QVERIFY2(r.code == 0, qPrintable(r.err));
        const QByteArray pdf = readFile(path);
        QVERIFY(pdf.startsWith("%PDF-"));
        QVERIFY(pdf.contains("/URI (https://arxiv.org/abs/2603.18002)"));
        const QString pdftotext = QStandardPaths::findExecutable(u"pdftotext"_s);
        if (pdftotext.isEmpty())
            QFAIL("pdftotext (poppler-utils) not found; packaging/install-deps.sh installs it.");
        QProcess p;
        p.start(pdftotext, {path, u"-"_s});
        QVERIFY(p.waitForFinished(30000));
        const QString text = QString::fromUtf8(p.readAllStandardOutput()).simplified();
        QVERIFY(text.contains(u"Personalized Daily ArXiv Papers 2026-03-18"_s));
        QVERIFY(text.contains(u"A Complete Theory of Stedman Triples"_s));
    }

    void starredBibTeXOverARange()
    {
        const Run r = lectern(m_profile +
            QStringList {u"export"_s, u"--from"_s, u"2026-03-01"_s, u"--to"_s, u"latest"_s, u"--starred"_s,
                u"--format"_s, u"bib"_s, u"-o"_s, out(u"starred.bib"_s)});
        QVERIFY2(r.code == 0, qPrintable(r.err));
        QString error;
        const auto entries = Test::readBibTeX(QString::fromUtf8(readFile(out(u"starred.bib"_s))), &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QStringList ids;
        for (const Test::BibEntry &e : entries)
            ids << e.fields.value(u"eprint"_s);
        // Starred papers whatever their score: the unscored one too.
        QCOMPARE(ids,
            (QStringList {u"2603.17003"_s, u"2603.17006"_s, u"2603.17007"_s, u"2603.18003"_s, u"2603.18006"_s,
                u"2603.18007"_s}));
    }

    void taggedRisAndJsonToStdout()
    {
        Run r = lectern(m_profile +
            QStringList {u"export"_s, u"--date"_s, u"2026-03-18"_s, u"--tag"_s, u"to-read"_s, u"--format"_s,
                u"ris"_s, u"-o"_s, out(u"tagged.ris"_s)});
        QVERIFY2(r.code == 0, qPrintable(r.err));
        QString error;
        const auto records = Test::readRis(QString::fromUtf8(readFile(out(u"tagged.ris"_s))), &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QCOMPARE(records.size(), 3);
        QCOMPARE(records[0].value(u"AN"_s), u"arXiv:2603.18004"_s);

        r = lectern(m_profile +
            QStringList {
                u"export"_s, u"--date"_s, u"2026-03-18"_s, u"--format"_s, u"json"_s, u"-o"_s, u"-"_s});
        QVERIFY2(r.code == 0, qPrintable(r.err));
        QJsonParseError parse;
        const QJsonDocument doc = QJsonDocument::fromJson(r.out, &parse);
        QCOMPARE(parse.error, QJsonParseError::NoError);
        QCOMPARE(doc[u"selection"_s][u"from"_s].toString(), u"2026-03-18"_s);
        QCOMPARE(doc[u"days"_s].toArray().size(), 1);
        QCOMPARE(doc[u"days"_s][0][u"papers"_s].toArray().size(), 6);
    }

    void htmlAndMonth()
    {
        Run r = lectern(m_profile +
            QStringList {u"export"_s, u"--date"_s, u"2026-03-17"_s, u"--format"_s, u"html"_s, u"-o"_s,
                out(u"day.html"_s)});
        QVERIFY2(r.code == 0, qPrintable(r.err));
        QVERIFY(readFile(out(u"day.html"_s)).startsWith("<!DOCTYPE html>"));
        r = lectern(
            m_profile + QStringList {u"export"_s, u"--month"_s, u"2026-03"_s, u"-o"_s, out(u"month.md"_s)});
        QVERIFY2(r.code == 0, qPrintable(r.err));
        const QByteArray md = readFile(out(u"month.md"_s));
        QVERIFY(md.startsWith("# Monthly Overview 2026-03\n"));
        QVERIFY(md.contains("| [2026-03-18](digest-2026-03-18.md) | 412 | 233 | 6 | $0.31 |"));
    }

    void errors_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<int>("code");
        QTest::addColumn<QString>("message");
        const QString o = u"-o"_s;
        QTest::newRow("no selection") << QStringList {o, u"x.md"_s} << 2 << u"give exactly one of"_s;
        QTest::newRow("two selections")
            << QStringList {u"--date"_s, u"2026-03-17"_s, u"--month"_s, u"2026-03"_s, o, u"x.md"_s} << 2
            << u"give exactly one of"_s;
        QTest::newRow("bad date") << QStringList {u"--date"_s, u"17.03.2026"_s, o, u"x.md"_s} << 2
                                  << u"not \"17.03.2026\""_s;
        QTest::newRow("from without to")
            << QStringList {u"--from"_s, u"2026-03-17"_s, o, u"x.md"_s} << 2 << u"go together"_s;
        QTest::newRow("from after to")
            << QStringList {u"--from"_s, u"2026-03-18"_s, u"--to"_s, u"2026-03-17"_s, o, u"x.md"_s} << 2
            << u"is after"_s;
        QTest::newRow("unknown format")
            << QStringList {u"--date"_s, u"2026-03-17"_s, u"--format"_s, u"docx"_s, o, u"x.docx"_s} << 2
            << u"unknown format \"docx\""_s;
        QTest::newRow("no extension")
            << QStringList {u"--date"_s, u"2026-03-17"_s, o, u"digest"_s} << 2 << u"--format is missing"_s;
        QTest::newRow("no output") << QStringList {u"--date"_s, u"2026-03-17"_s, u"--format"_s, u"md"_s} << 2
                                   << u"-o FILE is missing"_s;
        QTest::newRow("month as bib")
            << QStringList {u"--month"_s, u"2026-03"_s, o, u"m.bib"_s} << 2 << u"md, html or pdf"_s;
        QTest::newRow("bad month") << QStringList {u"--month"_s, u"2026-13"_s, o, u"m.md"_s} << 2
                                   << u"YYYY-MM"_s;
        QTest::newRow("starred month")
            << QStringList {u"--month"_s, u"2026-03"_s, u"--starred"_s, o, u"m.md"_s} << 2
            << u"not of a monthly overview"_s;
        QTest::newRow("unknown option")
            << QStringList {u"--date"_s, u"2026-03-17"_s, u"--frobnicate"_s, o, u"x.md"_s} << 2
            << u"Unknown option"_s;
        QTest::newRow("day not stored") << QStringList {u"--date"_s, u"2026-03-20"_s, o, u"x.md"_s} << 1
                                        << u"no papers stored for 2026-03-20"_s;
        QTest::newRow("nothing tagged")
            << QStringList {u"--date"_s, u"2026-03-17"_s, u"--tag"_s, u"nope"_s, o, u"x.md"_s} << 1
            << u"nothing to export: no paper of 2026-03-17 is tagged “nope”."_s;
        QTest::newRow("empty month") << QStringList {u"--month"_s, u"2026-05"_s, o, u"x.md"_s} << 1
                                     << u"no days stored in 2026-05"_s;
        QTest::newRow("folder missing")
            << QStringList {u"--date"_s, u"2026-03-17"_s, o, u"no/such/folder/x.md"_s} << 1
            << u"cannot write"_s;
    }
    void errors()
    {
        QFETCH(QStringList, args);
        QFETCH(int, code);
        QFETCH(QString, message);
        // Relative output paths land in the test's own folder; make them absolute under out/.
        for (qsizetype i = 0; i + 1 < args.size(); ++i) {
            if (args[i] == u"-o"_s)
                args[i + 1] = out(args[i + 1]);
        }
        const Run r = lectern(m_profile + QStringList {u"export"_s} + args);
        QCOMPARE(r.code, code);
        QVERIFY2(r.err.contains(message), qPrintable(r.err));
        QVERIFY2(r.err.startsWith(u"lectern export: "_s), qPrintable(r.err));
        // Nothing written.
        for (qsizetype i = 0; i + 1 < args.size(); ++i) {
            if (args[i] == u"-o"_s)
                QVERIFY2(!QFile::exists(args[i + 1]), qPrintable(args[i + 1]));
        }
    }

    void failedExportLeavesTheOldFile()
    {
        const QString path = out(u"keep.md"_s);
        {
            QFile f(path);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write("yesterday's export\n");
        }
        const Run r = lectern(m_profile +
            QStringList {u"export"_s, u"--date"_s, u"2026-03-17"_s, u"--tag"_s, u"nope"_s, u"-o"_s, path});
        QCOMPARE(r.code, 1);
        QCOMPARE(readFile(path), QByteArray("yesterday's export\n"));
        QCOMPARE(QDir(m_dir.path() + u"/out"_s).entryList({u"keep.md*"_s}, QDir::Files | QDir::Hidden),
            QStringList {u"keep.md"_s});
    }

    void noDatabase()
    {
        Test::TempProfileDir empty;
        const Run r = lectern({u"--profile"_s, empty.path(), u"export"_s, u"--date"_s, u"latest"_s, u"-o"_s,
            empty.path() + u"/x.md"_s});
        QCOMPARE(r.code, 1);
        QVERIFY2(r.err.contains(u"no database at"_s), qPrintable(r.err));
        QVERIFY(!QFile::exists(empty.databasePath())); // an export creates nothing
    }

    void helpMentionsExport()
    {
        Run r = lectern({u"--help"_s});
        QCOMPARE(r.code, 0);
        QVERIFY(r.out.contains("export (--date D | --from D --to D | --month YYYY-MM)"));
        r = lectern({u"export"_s, u"--help"_s});
        QCOMPARE(r.code, 0);
        QVERIFY(r.out.contains("Exit codes: 0 written"));
    }

    // The real binary writes CSV (format from the extension; --format csv to standard output) that a strict
    // RFC 4180 reader reads back field by field, whatever the stored text holds. Last: it adds a day.
    void csvOfHostileTextParsesBack()
    {
        const QDate day(2026, 3, 20);
        Paper p;
        p.arxivId = u"2603.20001"_s;
        p.version = 2;
        p.title = u"=HYPERLINK(\"http://127.0.0.1:9/?leak=\"&A1,\"Open\"), a \"title\"\nover two lines"_s;
        p.authors = {u"@SUM(1+1)*cmd|' /C calc'!A0"_s, u"D\\'iaz, \"Jr.\""_s};
        p.abstract = u"An abstract."_s;
        p.categories = {u"cs.LG"_s, u"stat.ML"_s};
        p.primaryCategory = u"cs.LG"_s;
        p.announceType = u"new"_s;
        p.announced = day;
        Score s;
        s.arxivId = p.arxivId;
        s.version = 2;
        s.relevance = 9;
        s.novelty = 8;
        s.comment = u"+1, and \"quoted\""_s;
        s.model = u"gpt-5"_s;
        s.promptHash = u"h1"_s;
        s.scoredAt = QDateTime(day, QTime(7, 0), QTimeZone::UTC);
        PaperState state;
        state.arxivId = p.arxivId;
        state.starred = true;
        state.tags = {u"-2"_s, u"a,b"_s};
        state.note = u"line one\nline \"two\", =3\n@end"_s;
        Test::SyntheticDay hostile;
        hostile.run.date = day;
        hostile.run.categories = {u"cs.LG"_s};
        hostile.run.model = u"gpt-5"_s;
        hostile.run.source = u"rss"_s;
        hostile.records << PaperRecord {p, s, state};
        {
            auto store = PaperStore::open(m_dir.databasePath());
            QVERIFY(store.ok());
            Test::storeDay(*store.value(), hostile);
        }

        Run r = lectern(m_profile +
            QStringList {
                u"export"_s, u"--date"_s, u"2026-03-20"_s, u"--starred"_s, u"-o"_s, out(u"hostile.csv"_s)});
        QVERIFY2(r.code == 0, qPrintable(r.err));
        QVERIFY2(r.out.contains("(csv, "), r.out.constData());
        const QByteArray file = readFile(out(u"hostile.csv"_s));
        QVERIFY2(file.startsWith("\xEF\xBB\xBF"), "no UTF-8 byte order mark");
        QString error;
        const QList<Test::CsvRecord> rows = Test::readCsv(QString::fromUtf8(file.mid(3)), &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QCOMPARE(rows.size(), 2);
        QCOMPARE(rows[0].fields.first(), u"arXiv id"_s);
        QCOMPARE(rows[1].fields,
            (QStringList {u"2603.20001"_s, u"2"_s,
                u"'=HYPERLINK(\"http://127.0.0.1:9/?leak=\"&A1,\"Open\"), a \"title\" over two lines"_s,
                u"'@SUM(1+1)*cmd|' /C calc'!A0; Díaz, \"Jr.\""_s, u"cs.LG; stat.ML"_s, u"2026-03-20"_s,
                u"9"_s, u"8"_s, u"gpt-5"_s, u"'+1, and \"quoted\""_s, u"yes"_s, u"'-2; a,b"_s,
                u"line one\nline \"two\", =3\n@end"_s, u"https://arxiv.org/abs/2603.20001"_s}));

        r = lectern(m_profile +
            QStringList {u"export"_s, u"--date"_s, u"2026-03-20"_s, u"--starred"_s, u"--format"_s, u"csv"_s,
                u"-o"_s, u"-"_s});
        QVERIFY2(r.code == 0, qPrintable(r.err));
        QCOMPARE(r.out, file);
    }
};

QTEST_GUILESS_MAIN(TestCliExport)
#include "test_cliexport.moc"
