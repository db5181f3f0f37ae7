// SPDX-License-Identifier: GPL-3.0-or-later
#include "digest/digestbuilder.h"
#include "digest/digesthtml.h"
#include "digest/digestjson.h"
#include "digest/digestmarkdownreader.h"
#include "digest/markdownescape.h"
#include "scoring/authormatcher.h"
#include "store/paperstore.h"

#include <testkit/fixtures.h>
#include <testkit/golden.h>

#include <QFile>
#include <QJsonObject>
#include <QRegularExpression>
#include <QTest>

using namespace Lectern;
using namespace Qt::StringLiterals;

namespace {

const QDate kDay(2026, 3, 17);

/// The day's prompt in the stored format, in Lectern's own words.
QString syntheticPrompt()
{
    return StoredPrompt {
        u"You sort a day of arXiv listings for a reader who studies bells, lichens and tide clocks.\n"
        u"Judge each paper by its title and abstract only."_s,
        u"## Output\n"
        u"\n"
        u"Answer with one JSON object per line: {\"id\", \"comment\", \"relevance\", \"novelty\"}.\n"
        u"\n"
        u"- relevance: 1 to 10, how close the paper is to the topics below\n"
        u"- novelty: 1 to 10, how new the idea is\n"
        u"\n"
        u"## Papers\n"
        u"\n"
        u"{{papers}}\n"
        u"\n"
        u"## Topics\n"
        u"\n"
        u"1. Change ringing\n"
        u"   - Relevant: method composition, proofs about extents\n"
        u"   - Irrelevant: tower maintenance"_s}
        .toText();
}

DayRun syntheticRun()
{
    DayRun run;
    run.date = kDay;
    run.categories = {u"math.CO"_s, u"q-bio.PE"_s};
    run.totalArxiv = 412;
    run.totalScanned = 233;
    run.totalRelevant = 99; // deliberately stale: the digest prints its own count
    run.promptTokens = 31250;
    run.completionTokens = 27480;
    run.cost = 0.3139;
    run.model = u"gpt-5"_s;
    run.promptText = syntheticPrompt();
    run.source = u"rss"_s;
    return run;
}

Paper paper(const QString &id, const QString &title, const QStringList &authors, const QString &abstract,
    const QString &announceType = u"new"_s)
{
    Paper p;
    p.arxivId = id;
    p.version = 1;
    p.title = title;
    p.authors = authors;
    p.abstract = abstract;
    p.categories = {u"math.CO"_s};
    p.primaryCategory = u"math.CO"_s;
    p.announceType = announceType;
    p.announced = kDay;
    return p;
}

Score score(const Paper &p, std::optional<int> relevance, std::optional<int> novelty, const QString &comment)
{
    Score s;
    s.arxivId = p.arxivId;
    s.version = p.version;
    s.relevance = relevance;
    s.novelty = novelty;
    s.comment = comment;
    s.model = u"gpt-5"_s;
    s.promptHash = u"h1"_s;
    s.scoredAt = QDateTime(kDay, QTime(7, 0), QTimeZone::UTC);
    return s;
}

PaperRecord record(const Paper &p, std::optional<Score> s = std::nullopt, PaperState state = {})
{
    state.arxivId = p.arxivId;
    return PaperRecord {p, s, state};
}

/// A made-up day: an author match with a low score, ties on the total, TeX in abstracts, Markdown
/// characters in a title, a paper with a note, tags and a star, an unscored paper and one under the bar.
QList<PaperRecord> syntheticRecords()
{
    QList<PaperRecord> r;
    const Paper lichen = paper(u"2603.04417"_s, u"Mapping Lichen Growth Fronts with Sparse Drone Surveys"_s,
        {u"Tobias Renn"_s, u"M. Oskarsdottir (Reykjavik Institute of Lichens, Akureyri)"_s},
        u"Crustose lichens advance by fractions of a millimetre per year. We fit a front model to\n"
        u"  forty drone surveys and recover growth rates within $5\\%$ of caliper measurements."_s);
    r << record(lichen, score(lichen, 3, 4, u"Lichen survey; off topic."_s));

    const Paper bells = paper(u"2603.05120"_s,
        u"Bell-Ringing Schedules as [Sparse] Permutation Codes: *Exact* Bounds | Part #2 <draft> with `plain_hunt`"_s,
        {u"Hal Quarter"_s, u"Ivy Treble"_s},
        u"We show that $\\mathcal{O}(n \\log n)$ changes suffice to ring every row of a\n"
        u"method on $n \\geq 5$ bells with probability in $[0,1)$, improving the bound of\n"
        u"Treble and Tenor. Code: <https://example.org/bells>."_s);
    r << record(bells, score(bells, 9, 8, u"Change ringing: new bounds on [extents] of *methods*."_s));

    const Paper tides = paper(u"2603.05001"_s, u"Tide Clocks from Mooring Strain Gauges"_s,
        {u"Oona Neap"_s, u"Per Spring"_s}, u"We read the time from the strain on harbour moorings."_s);
    r << record(tides, score(tides, 8, 9, u"Tide clocks: a new sensor."_s));

    const Paper grandsire = paper(u"2603.04999"_s, u"Grandsire Doubles Revisited with SAT Solvers"_s,
        {u"Ivy Treble"_s}, u"All 120 rows of Grandsire Doubles, found by a SAT solver."_s);
    r << record(grandsire, score(grandsire, 9, 8, u"Change ringing: machine-checked extents."_s));

    const Paper stedman = paper(u"2603.06002"_s, u"A Complete Theory of Stedman Triples"_s,
        {u"Hal Quarter"_s, u"D\\'iaz Campanero"_s},
        u"We classify the true touches of Stedman Triples up to rotation."_s);
    r << record(stedman, score(stedman, 10, 7, u"Change ringing, core topic."_s));

    const Paper moss = paper(u"2603.06110"_s, u"Moss and Lichen Succession on Church Towers"_s,
        {u"Una Belfry"_s}, u"Bells shake towers; we count what still grows on them."_s, u"cross"_s);
    PaperState noted;
    noted.starred = true;
    noted.tags = {u"field-work"_s, u"to-read"_s};
    noted.note =
        u"Ask the authors for the tower list.\n\n- check tower 12\n1. compare with our plots\n> not a quote"_s;
    r << record(moss, score(moss, 8, 7, u"Lichens on bell towers."_s), noted);

    const Paper unscored = paper(u"2603.02222"_s, u"Unscored Listing About Clock Escapements"_s,
        {u"Rae Pallet"_s}, u"Not scored yet."_s);
    r << record(unscored);

    const Paper under = paper(u"2603.03333"_s, u"Tenor Weights Through the Centuries"_s, {u"Sol Tenor"_s},
        u"A history of how heavy the tenor bell got."_s);
    r << record(under, score(under, 7, 9, u"History, not method."_s));
    return r;
}

const QStringList kFollowed {u"Maren Óskarsdóttir"_s};

Digest syntheticDigest()
{
    Digest d = DigestBuilder::select(syntheticRun(), syntheticRecords(), AuthorMatcher(kFollowed), 8, 7);
    DigestBuilder::applyPrices(d, 1.25, 10.0);
    return d;
}

QStringList idsOf(const Digest &d)
{
    QStringList ids;
    for (const DigestEntry &e : d.entries)
        ids << e.paper.arxivId;
    return ids;
}

std::unique_ptr<PaperStore> openStore(const QString &path)
{
    auto s = PaperStore::open(path);
    if (!s)
        qFatal("cannot open store: %s", qPrintable(s.error()));
    return std::move(s).value();
}

} // namespace

class TestDigestBuilder : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    // Golden files (tests/digest/golden/): the synthetic day as Markdown, HTML and JSON, byte for byte.
    // LECTERN_UPDATE_GOLDEN=1 (the update_golden target) rewrites them after an intended change.
    void golden()
    {
        LECTERN_VERIFY_GOLDEN(
            u"digest/golden/digest-synthetic.md"_s, DigestBuilder::markdown(syntheticDigest()).toUtf8());
    }

    void goldenHtml()
    {
        LECTERN_VERIFY_GOLDEN(
            u"digest/golden/digest-synthetic.html"_s, DigestHtml::render({syntheticDigest()}).toUtf8());
    }

    void goldenJson()
    {
        const QJsonObject selection {{u"from"_s, u"2026-03-17"_s}, {u"to"_s, u"2026-03-17"_s}};
        LECTERN_VERIFY_GOLDEN(
            u"digest/golden/digest-synthetic.json"_s, DigestJson::write({syntheticDigest()}, selection));
    }

    /// Walks the output line by line against the reference skeleton.
    void skeleton()
    {
        const Digest d = syntheticDigest();
        const QString md = DigestBuilder::markdown(d);
        QVERIFY(md.endsWith(u"\n"_s));
        QVERIFY(!md.endsWith(u"\n\n"_s));
        const QStringList lines = md.chopped(1).split(u'\n');
        qsizetype i = 0;
        const auto next = [&] { return i < lines.size() ? lines[i++] : u"<end>"_s; };

        QCOMPARE(next(), u"# Personalized Daily ArXiv Papers 2026-03-17"_s);
        QCOMPARE(next(), QString());
        QCOMPARE(next(), u"| *[gpt-5]*   | Prompt   | Completion   | Total   |"_s);
        QCOMPARE(next(), u"|:-----------:|:--------:|:------------:|:-------:|"_s);
        QCOMPARE(next(), u"| **Token**   | 31250    | 27480        | 58730   |"_s);
        QCOMPARE(next(), u"| **Cost**    | $0.04    | $0.27        | $0.31   |"_s);
        QCOMPARE(next(), QString());
        QCOMPARE(next(), u"Total arXiv papers: 412"_s);
        QCOMPARE(next(), QString());
        QCOMPARE(next(), u"Total scanned papers: 233"_s);
        QCOMPARE(next(), QString());
        QCOMPARE(next(), u"Total relevant papers: 6"_s);
        QCOMPARE(next(), QString());
        QCOMPARE(next(), u"**Table of contents with paper titles:**"_s);
        QCOMPARE(next(), QString());

        const int n = d.relevantCount();
        QCOMPARE(n, 6);
        for (int k = 1; k <= n; ++k) {
            const QString toc = next();
            QVERIFY2(toc.startsWith(QString::number(k) + u". ["_s), qPrintable(toc));
            QVERIFY2(toc.endsWith(u"](#user-content-link"_s + QString::number(k) + u')'), qPrintable(toc));
            QVERIFY(next().startsWith(u"**Authors:** "_s));
            if (k < n)
                QCOMPARE(next(), QString());
        }
        QCOMPARE(next(), QString());
        QCOMPARE(next(), u"---"_s);
        QCOMPARE(next(), QString());

        for (int k = 1; k <= n; ++k) {
            const DigestEntry &e = d.entries[k - 1];
            const QString heading = next();
            QVERIFY2(heading.startsWith(u"## %1. ["_s.arg(k)), qPrintable(heading));
            QVERIFY2(heading.endsWith(
                         u"](https://arxiv.org/abs/%1) <a id=\"link%2\"></a>"_s.arg(e.paper.arxivId).arg(k)),
                qPrintable(heading));
            QCOMPARE(next(), QString());
            QCOMPARE(next(), u"**ArXiv ID:** "_s + e.paper.arxivId);
            QCOMPARE(next(), QString());
            QVERIFY(next().startsWith(u"**Authors:** "_s));
            QCOMPARE(next(), QString());
            QVERIFY(next().startsWith(u"**Abstract:** "_s));
            QCOMPARE(next(), QString());
            if (e.authorMatch) {
                // As the reference: no scores, and an empty line where they would be.
                QCOMPARE(next(), u"**Comment:** Author match"_s);
                QCOMPARE(next(), QString());
                QCOMPARE(next(), QString());
            } else {
                QVERIFY(next().startsWith(u"**Comment:** "_s));
                QCOMPARE(next(), QString());
                QCOMPARE(next(), u"**Relevance:** "_s + QString::number(*e.score->relevance));
                QCOMPARE(next(), u"**Novelty:** "_s + QString::number(*e.score->novelty));
            }
            if (!e.state.isDefault()) {
                QCOMPARE(next(), QString());
                QCOMPARE(next(), u"**Starred:** yes"_s);
                QCOMPARE(next(), QString());
                QCOMPARE(next(), u"**Tags:** field-work, to-read"_s);
                QCOMPARE(next(), QString());
                QCOMPARE(next(), u"**Note:** Ask the authors for the tower list.  "_s);
                QCOMPARE(next(), u"\\- check tower 12  "_s);
                QCOMPARE(next(), u"1\\. compare with our plots  "_s);
                QCOMPARE(next(), u"\\> not a quote"_s);
            }
            QCOMPARE(next(), QString());
            QCOMPARE(next(), u"---"_s);
            QCOMPARE(next(), QString());
        }

        QCOMPARE(next(), u"# Paper Selection Prompt"_s);
        QCOMPARE(next(), QString());
        QCOMPARE(next(), u"## System Prompt"_s);
        QCOMPARE(next(), QString());
        QCOMPARE(next(),
            u"> You sort a day of arXiv listings for a reader who studies bells, lichens and tide clocks."_s);
        QCOMPARE(next(), u"> Judge each paper by its title and abstract only."_s);
        QCOMPARE(next(), QString());
        QCOMPARE(next(), u"## User Prompt"_s);
        QCOMPARE(next(), QString());
        QCOMPARE(next(), u"> ## Output"_s);
        QCOMPARE(
            next(), u"> "_s); // a blank prompt line, quoted with the trailing space as the reference does
        const QStringList rest = lines.mid(i);
        QVERIFY(!rest.isEmpty());
        for (const QString &line : rest)
            QVERIFY2(line.startsWith(u"> "_s), qPrintable(line));
        QCOMPARE(rest.last(), u">    - Irrelevant: tower maintenance"_s);
    }

    void order()
    {
        const Digest d = syntheticDigest();
        // Author match first; then total 17 with relevance 10, the 9/8 tie by id, 8/9; then 15.
        QCOMPARE(idsOf(d),
            (QStringList {u"2603.04417"_s, u"2603.06002"_s, u"2603.04999"_s, u"2603.05120"_s, u"2603.05001"_s,
                u"2603.06110"_s}));
        QVERIFY(d.entries[0].authorMatch);
        QCOMPARE(d.entries[0].matchedAuthors, kFollowed);
        for (qsizetype i = 1; i < d.entries.size(); ++i)
            QVERIFY(!d.entries[i].authorMatch);
        QCOMPARE(d.run.totalRelevant, 99); // kept as given
    }

    void orderDoesNotDependOnInput()
    {
        QList<PaperRecord> records = syntheticRecords();
        const QStringList forward =
            idsOf(DigestBuilder::select(syntheticRun(), records, AuthorMatcher(kFollowed), 8, 7));
        std::reverse(records.begin(), records.end());
        QCOMPARE(
            idsOf(DigestBuilder::select(syntheticRun(), records, AuthorMatcher(kFollowed), 8, 7)), forward);
        records << records.front(); // a duplicate is listed once
        QCOMPARE(
            idsOf(DigestBuilder::select(syntheticRun(), records, AuthorMatcher(kFollowed), 8, 7)), forward);
    }

    void authorMatchesSortedById()
    {
        QList<PaperRecord> records;
        for (const QString &id : {u"2603.00300"_s, u"2603.00100"_s, u"2603.00200"_s}) {
            const Paper p = paper(id, u"Title "_s + id, {u"Ada Example"_s}, u"Abstract."_s);
            records << record(
                p, id == u"2603.00100"_s ? std::optional<Score>(score(p, 10, 10, u"x"_s)) : std::nullopt);
        }
        const Paper other = paper(u"2603.00050"_s, u"Other"_s, {u"Bo Placeholder"_s}, u"Abstract."_s);
        records << record(other, score(other, 10, 10, u"Top."_s));
        const Digest d =
            DigestBuilder::select(syntheticRun(), records, AuthorMatcher({u"A. Example"_s}), 8, 7);
        QCOMPARE(
            idsOf(d), (QStringList {u"2603.00100"_s, u"2603.00200"_s, u"2603.00300"_s, u"2603.00050"_s}));
        // An author match shows no scores even when it has some.
        const QString md = DigestBuilder::markdown(d);
        QCOMPARE(md.count(u"**Comment:** Author match"_s), 3);
        QCOMPARE(md.count(u"**Relevance:** "_s), 1);
    }

    void thresholds_data()
    {
        QTest::addColumn<int>("minRelevance");
        QTest::addColumn<int>("minNovelty");
        QTest::addColumn<QStringList>("ids");
        QTest::newRow("defaults") << 8 << 7
                                  << QStringList {u"2603.04417"_s, u"2603.06002"_s, u"2603.04999"_s,
                                         u"2603.05120"_s, u"2603.05001"_s, u"2603.06110"_s};
        QTest::newRow("strict") << 9 << 8 << QStringList {u"2603.04417"_s, u"2603.04999"_s, u"2603.05120"_s};
        QTest::newRow("novelty only")
            << 1 << 9 << QStringList {u"2603.04417"_s, u"2603.05001"_s, u"2603.03333"_s};
        QTest::newRow("everything scored")
            << 1 << 1
            << QStringList {u"2603.04417"_s, u"2603.06002"_s, u"2603.04999"_s, u"2603.05120"_s,
                   u"2603.05001"_s, u"2603.03333"_s, u"2603.06110"_s};
        QTest::newRow("nothing but the author") << 11 << 11 << QStringList {u"2603.04417"_s};
    }
    void thresholds()
    {
        QFETCH(int, minRelevance);
        QFETCH(int, minNovelty);
        QFETCH(QStringList, ids);
        QCOMPARE(idsOf(DigestBuilder::select(
                     syntheticRun(), syntheticRecords(), AuthorMatcher(kFollowed), minRelevance, minNovelty)),
            ids);
    }

    void unscoredAndPartialScoresAreLeftOut()
    {
        const Paper a = paper(u"2603.00001"_s, u"A"_s, {u"Ann A"_s}, u"x"_s);
        const Paper b = paper(u"2603.00002"_s, u"B"_s, {u"Ben B"_s}, u"x"_s);
        const Paper c = paper(u"2603.00003"_s, u"C"_s, {u"Cy C"_s}, u"x"_s);
        const QList<PaperRecord> records {record(a), record(b, score(b, 10, std::nullopt, u"half"_s)),
            record(c, score(c, 10, 10, u"whole"_s))};
        QCOMPARE(idsOf(DigestBuilder::select(syntheticRun(), records, AuthorMatcher(), 1, 1)),
            QStringList {u"2603.00003"_s});
    }

    void replacementsAreLeftOutByDefault()
    {
        const Paper fresh = paper(u"2603.00010"_s, u"Fresh"_s, {u"Ann A"_s}, u"x"_s);
        const Paper cross = paper(u"2603.00011"_s, u"Cross"_s, {u"Ann A"_s}, u"x"_s, u"cross"_s);
        const Paper replaced = paper(u"2603.00012"_s, u"Replaced"_s, {u"Ann A"_s}, u"x"_s, u"replace"_s);
        const Paper replacedCross =
            paper(u"2603.00013"_s, u"Replaced cross"_s, {u"Ann A"_s}, u"x"_s, u"replace-cross"_s);
        QList<PaperRecord> records;
        for (const Paper &p : {fresh, cross, replaced, replacedCross})
            records << record(p, score(p, 9, 9, u"c"_s));
        QCOMPARE(idsOf(DigestBuilder::select(syntheticRun(), records, AuthorMatcher({u"Ann A"_s}), 8, 7)),
            (QStringList {u"2603.00010"_s, u"2603.00011"_s}));
        QCOMPARE(idsOf(DigestBuilder::select(syntheticRun(), records, AuthorMatcher(), 8, 7, {})).size(), 4);
    }

    void escapeInline_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("escaped");
        QTest::newRow("plain") << u"Sparse bells"_s << u"Sparse bells"_s;
        QTest::newRow("brackets") << u"A [Draft] Title"_s << u"A \\[Draft\\] Title"_s;
        QTest::newRow("lone bracket") << u"Part ]1"_s << u"Part \\]1"_s;
        QTest::newRow("pipe and hash") << u"Part #2 | Bells"_s << u"Part \\#2 \\| Bells"_s;
        QTest::newRow("emphasis") << u"*Exact* and _fast_"_s << u"\\*Exact\\* and \\_fast\\_"_s;
        QTest::newRow("backticks") << u"`plain_hunt`"_s << u"\\`plain\\_hunt\\`"_s;
        QTest::newRow("html") << u"<b>bold</b>"_s << u"\\<b>bold\\</b>"_s;
        QTest::newRow("math kept raw")
            << u"Bounds for $x_i^*$ and $|y|$"_s << u"Bounds for $x_i^*$ and $|y|$"_s;
        QTest::newRow("display math") << u"$$a_b$$ rows"_s << u"$$a_b$$ rows"_s;
        QTest::newRow("brackets in math") << u"On $[0,1]$"_s << u"On $\\lbrack{}0,1\\rbrack{}$"_s;
        QTest::newRow("unbalanced bracket in math") << u"$[0,1)$-valued"_s << u"$\\lbrack{}0,1)$-valued"_s;
        QTest::newRow("unbalanced in display math") << u"$$(a,b]$$ x"_s << u"$$(a,b\\rbrack{}$$ x"_s;
        QTest::newRow("tex accent kept") << u"D\\'iaz and Jo\\~ao"_s << u"D\\'iaz and Jo\\~ao"_s;
        QTest::newRow("backslash before special") << u"a\\*b"_s << u"a\\\\\\*b"_s;
        QTest::newRow("escaped dollar is text") << u"costs \\$5 [est]"_s << u"costs \\$5 \\[est\\]"_s;
        QTest::newRow("unclosed dollar") << u"$5 [a]"_s << u"$5 \\[a\\]"_s;
        QTest::newRow("link syntax") << u"[x](http://a) ![i](b)"_s << u"\\[x\\](http\\://a) !\\[i\\](b)"_s;
        QTest::newRow("html in math") << u"$x<y$"_s << u"$x\\lt{}y$"_s;
        QTest::newRow("autolinks") << u"see www.a.org, https://b.org or c@d.org"_s
                                   << u"see www\\.a.org, https\\://b.org or c\\@d.org"_s;
        QTest::newRow("character reference") << u"&lt;b&gt; R&D"_s << u"\\&lt;b\\&gt; R&D"_s;
        QTest::newRow("tex ampersand") << u"R\\&D"_s << u"R\\\\&D"_s;
    }
    void escapeInline()
    {
        QFETCH(QString, text);
        QFETCH(QString, escaped);
        QCOMPARE(Markdown::escapeInline(text), escaped);
        QCOMPARE(Markdown::unescapeInline(escaped), text);
    }

    void escapeLine_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("escaped");
        QTest::newRow("plain") << u"plain words"_s << u"plain words"_s;
        QTest::newRow("bullet") << u"- item"_s << u"\\- item"_s;
        QTest::newRow("plus") << u"+ item"_s << u"\\+ item"_s;
        QTest::newRow("rule") << u"---"_s << u"\\---"_s;
        QTest::newRow("setext") << u"==="_s << u"\\==="_s;
        QTest::newRow("quote") << u"> said"_s << u"\\> said"_s;
        QTest::newRow("fence") << u"~~~"_s << u"\\~~~"_s;
        QTest::newRow("ordered") << u"12. twelfth"_s << u"12\\. twelfth"_s;
        QTest::newRow("ordered paren") << u"3) third"_s << u"3\\) third"_s;
        QTest::newRow("number alone") << u"1999 was"_s << u"1999 was"_s;
        QTest::newRow("heading") << u"# title"_s << u"\\# title"_s;
        QTest::newRow("already escaped dash") << u"\\-x"_s << u"\\\\-x"_s;
        QTest::newRow("already escaped dot") << u"1\\. x"_s << u"1\\\\\\. x"_s;
        QTest::newRow("backslash word") << u"\\alpha"_s << u"\\alpha"_s;
    }
    void escapeLine()
    {
        QFETCH(QString, text);
        QFETCH(QString, escaped);
        QCOMPARE(Markdown::escapeLine(text), escaped);
        QCOMPARE(Markdown::unescapeLine(escaped), text);
    }

    void specialTitlesKeepTheirLinks_data()
    {
        QTest::addColumn<QString>("title");
        QTest::newRow("brackets") << u"On [Sparse] Bells"_s;
        QTest::newRow("closing bracket and paren") << u"Rings](http://evil) and more"_s;
        QTest::newRow("everything") << u"A | B # C * D _ E ` F < G [H] \\ I"_s;
        QTest::newRow("interval") << u"Codes on $[0,1)$ and $(0,1]$"_s;
        QTest::newRow("newline") << u"Two\n   lines"_s;
    }
    void specialTitlesKeepTheirLinks()
    {
        QFETCH(QString, title);
        const Paper p = paper(u"2603.00042"_s, title, {u"Ann [A]"_s, u"Bo | B"_s}, u"x"_s);
        Digest d = DigestBuilder::select(
            syntheticRun(), {record(p, score(p, 9, 9, u"c [1]"_s))}, AuthorMatcher(), 8, 7);
        const QString md = DigestBuilder::markdown(d);
        static const QRegularExpression heading(
            uR"(^## 1\. \[(.*)\]\(https://arxiv\.org/abs/2603\.00042\) <a id="link1"></a>$)"_s,
            QRegularExpression::MultilineOption);
        static const QRegularExpression toc(
            uR"(^1\. \[(.*)\]\(#user-content-link1\)$)"_s, QRegularExpression::MultilineOption);
        QVERIFY(heading.match(md).hasMatch());
        QVERIFY(toc.match(md).hasMatch());
        // No unescaped "](" inside the link text: the only one is the link's own.
        const QString linkText = toc.match(md).captured(1);
        static const QRegularExpression bareClose(uR"((?<!\\)\]\()"_s);
        QVERIFY2(!bareClose.match(linkText).hasMatch(), qPrintable(linkText));

        const ParsedDigest back = DigestMarkdownReader::read(md);
        QCOMPARE(back.entries.size(), 1);
        QCOMPARE(back.entries[0].title, Markdown::oneLine(title));
        QCOMPARE(back.entries[0].authors, p.authors);
        QCOMPARE(back.entries[0].comment, u"c [1]"_s);
    }

    void abstractKeepsTexOnOneLine()
    {
        const Digest d = syntheticDigest();
        const QString md = DigestBuilder::markdown(d);
        QVERIFY(md.contains(
            u"\n**Abstract:** We show that $\\mathcal{O}(n \\log n)$ changes suffice to ring every row of a "
            u"method on "
            u"$n \\geq 5$ bells with probability in $\\lbrack{}0,1)$, improving the bound of Treble and "
            u"Tenor. Code: "
            u"\\<https\\://example.org/bells>.\n"_s));
        QVERIFY(md.contains(
            u"\n**Abstract:** Crustose lichens advance by fractions of a millimetre per year. We fit "
            u"a front model to forty drone surveys and recover growth rates within $5\\%$ of caliper "
            u"measurements.\n"_s));
    }

    void roundTripThroughReader()
    {
        const Digest d = syntheticDigest();
        const ParsedDigest back = DigestMarkdownReader::read(DigestBuilder::markdown(d));
        QCOMPARE(back.date, kDay);
        QCOMPARE(back.model, u"gpt-5"_s);
        QCOMPARE(back.promptTokens.value_or(-1), 31250);
        QCOMPARE(back.completionTokens.value_or(-1), 27480);
        QCOMPARE(back.totalArxiv.value_or(-1), 412);
        QCOMPARE(back.totalScanned.value_or(-1), 233);
        QCOMPARE(back.totalRelevant.value_or(-1), 6);
        QCOMPARE(back.promptText, syntheticPrompt());
        QCOMPARE(back.entries.size(), d.entries.size());
        for (qsizetype i = 0; i < d.entries.size(); ++i) {
            const DigestEntry &e = d.entries[i];
            const ParsedDigestEntry &p = back.entries[i];
            QCOMPARE(p.number, int(i + 1));
            QCOMPARE(p.arxivId, e.paper.arxivId);
            QCOMPARE(p.title, e.paper.title);
            QCOMPARE(p.authors, e.paper.authors);
            QCOMPARE(p.abstract, Markdown::oneLine(e.paper.abstract));
            QCOMPARE(p.authorMatch, e.authorMatch);
            if (e.authorMatch) {
                QVERIFY(!p.relevance.has_value());
                QVERIFY(!p.novelty.has_value());
            } else {
                QCOMPARE(p.comment, e.score->comment);
                QCOMPARE(p.relevance.value_or(-1), e.score->relevance.value_or(-2));
                QCOMPARE(p.novelty.value_or(-1), e.score->novelty.value_or(-2));
            }
            QCOMPARE(p.starred, e.state.starred);
            QCOMPARE(p.tags, e.state.tags);
        }
        QCOMPARE(back.entries[5].note,
            u"Ask the authors for the tower list.\n- check tower 12\n1. compare with our plots\n> not a quote"_s);
    }

    void dayWithoutNotesHasTheReferenceStructure()
    {
        QList<PaperRecord> records = syntheticRecords();
        for (PaperRecord &r : records)
            r.state = PaperState {r.paper.arxivId, false, true, false, {}, {}, {}}; // read, nothing else
        const QString md = DigestBuilder::markdown(
            DigestBuilder::select(syntheticRun(), records, AuthorMatcher(kFollowed), 8, 7));
        QVERIFY(!md.contains(u"**Note:**"_s));
        QVERIFY(!md.contains(u"**Tags:**"_s));
        QVERIFY(!md.contains(u"**Starred:**"_s));
        // Every scored section ends "**Novelty:** V", blank, "---".
        static const QRegularExpression novelty(
            u"^\\*\\*Novelty:\\*\\* \\d+\\n\\n---$"_s, QRegularExpression::MultilineOption);
        QCOMPARE(int(md.count(u"**Novelty:** "_s)), 5);
        int endings = 0;
        for (auto it = novelty.globalMatch(md); it.hasNext(); it.next())
            ++endings;
        QCOMPARE(endings, 5);
    }

    void emptyDay()
    {
        DayRun run;
        run.date = kDay;
        run.totalArxiv = 5;
        const QString md = DigestBuilder::markdown(DigestBuilder::select(run, {}, AuthorMatcher(), 8, 7));
        QCOMPARE(md,
            u"# Personalized Daily ArXiv Papers 2026-03-17\n"
            u"\n"
            u"| *[unknown]*   | Prompt   | Completion   | Total   |\n"
            u"|:-------------:|:--------:|:------------:|:-------:|\n"
            u"| **Token**     | 0        | 0            | 0       |\n"
            u"| **Cost**      | -        | -            | $0.0    |\n"
            u"\n"
            u"Total arXiv papers: 5\n"
            u"\n"
            u"Total scanned papers: 0\n"
            u"\n"
            u"Total relevant papers: 0\n"
            u"\n"
            u"**Table of contents with paper titles:**\n"
            u"\n"
            u"\n"
            u"\n"
            u"---\n"
            u"\n"
            u"\n"
            u"\n"
            u"---\n"
            u"\n"
            u"# Paper Selection Prompt\n"_s);
    }

    void formatCost_data()
    {
        QTest::addColumn<double>("usd");
        QTest::addColumn<QString>("text");
        QTest::newRow("zero") << 0.0 << u"0.0"_s;
        QTest::newRow("negative zero") << -0.0 << u"0.0"_s;
        QTest::newRow("whole") << 2.0 << u"2.0"_s;
        QTest::newRow("one decimal") << 0.3 << u"0.3"_s;
        QTest::newRow("rounded to one decimal") << 1.0978 << u"1.1"_s;
        QTest::newRow("two decimals") << 0.1205 << u"0.12"_s;
        QTest::newRow("rounds up") << 0.977 << u"0.98"_s;
        // Under a cent, two significant digits: a cheap model's day is not "$0.0" (issue 15, seen under
        // Xvfb).
        QTest::newRow("under a cent") << 0.0076 << u"0.0076"_s;
        QTest::newRow("tiny") << 0.004 << u"0.004"_s;
        QTest::newRow("a few thousandths rounded") << 0.0012345 << u"0.0012"_s;
        QTest::newRow("just under a cent") << 0.00999 << u"0.01"_s;
        QTest::newRow("two tokens of gpt-5") << 2.5e-6 << u"0.0000025"_s;
        QTest::newRow("a cent") << 0.01 << u"0.01"_s;
        QTest::newRow("four cents stay two decimals") << 0.0390625 << u"0.04"_s;
        QTest::newRow("large") << 12.5 << u"12.5"_s;
    }
    void formatCost()
    {
        QFETCH(double, usd);
        QFETCH(QString, text);
        QCOMPARE(DigestBuilder::formatCost(usd), text);
    }

    void costWithoutPrices()
    {
        Digest d = DigestBuilder::select(syntheticRun(), {}, AuthorMatcher(), 8, 7);
        QVERIFY(DigestBuilder::markdown(d).contains(
            u"\n| **Cost**    | -        | -            | $0.31   |\n"_s));
        d.run.cost = 0;
        DigestBuilder::applyPrices(d, 1.25, 10.0);
        QCOMPARE(d.totalCost(), 31250 * 1.25 / 1e6 + 27480 * 10.0 / 1e6);
    }

    void storedPrompt_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("system");
        QTest::addColumn<QString>("user");
        QTest::newRow("both") << u"## System Prompt\n\nBe brief.\n\n## User Prompt\n\n## Topics\nBells"_s
                              << u"Be brief."_s << u"## Topics\nBells"_s;
        QTest::newRow("crlf and blank edges")
            << u"\r\n## System Prompt\r\n\r\nBe brief.\r\n\r\n\r\n## User Prompt\r\n  x\r\n\r\n"_s
            << u"Be brief."_s << u"  x"_s;
        QTest::newRow("user only") << u"## User Prompt\n\nRate these."_s << QString() << u"Rate these."_s;
        QTest::newRow("free text") << u"Rate these.\n## System Prompt"_s << QString()
                                   << u"Rate these.\n## System Prompt"_s;
        QTest::newRow("empty") << QString() << QString() << QString();
    }
    void storedPrompt()
    {
        QFETCH(QString, text);
        QFETCH(QString, system);
        QFETCH(QString, user);
        const StoredPrompt p = StoredPrompt::fromText(text);
        QCOMPARE(p.system, system);
        QCOMPARE(p.user, user);
        QCOMPARE(StoredPrompt::fromText(p.toText()), p);
    }

    void fromStore()
    {
        Test::TempProfileDir dir;
        QVERIFY(dir.isValid());
        auto store = openStore(dir.databasePath());
        const QList<PaperRecord> records = syntheticRecords();
        for (const PaperRecord &r : records) {
            QVERIFY(store->upsertPaper(r.paper).ok());
            if (r.score)
                QVERIFY(store->addScore(*r.score).ok());
            if (!r.state.isDefault())
                QVERIFY(store->saveState(r.state).ok());
        }
        // A replacement listed the same day with a high old score stays out.
        Paper replaced =
            paper(u"2512.00001"_s, u"An Older Paper, Replaced"_s, {u"Sol Tenor"_s}, u"x"_s, u"replace"_s);
        replaced.version = 2;
        QVERIFY(store->upsertPaper(replaced).ok());
        QVERIFY(store->addScore(score(replaced, 10, 10, u"old"_s)).ok());
        QVERIFY(store->saveDayRun(syntheticRun()).ok());

        const AuthorMatcher authors(kFollowed);
        auto fromDb = DigestBuilder::fromStore(*store, kDay, authors, 8, 7);
        QVERIFY2(fromDb.ok(), qPrintable(fromDb.error()));
        Digest digest = std::move(fromDb).value();
        QCOMPARE(idsOf(digest), idsOf(syntheticDigest()));
        QCOMPARE(digest.run.totalArxiv, 412);
        QCOMPARE(digest.run.promptText, syntheticPrompt());
        DigestBuilder::applyPrices(digest, 1.25, 10.0);
        // Same Markdown as from the in-memory records, but for what the store stamps (updatedAt).
        QCOMPARE(DigestBuilder::markdown(digest), DigestBuilder::markdown(syntheticDigest()));

        // A day with papers but no run: the date and zero totals.
        const QDate other = kDay.addDays(1);
        Paper late = paper(u"2603.09999"_s, u"Late Bells"_s, {u"Maren Oskarsdottir"_s}, u"x"_s);
        late.announced = other;
        QVERIFY(store->upsertPaper(late).ok());
        auto noRun = DigestBuilder::fromStore(*store, other, authors, 8, 7);
        QVERIFY2(noRun.ok(), qPrintable(noRun.error()));
        QCOMPARE(noRun->run.date, other);
        QCOMPARE(noRun->run.totalArxiv, 0);
        QCOMPARE(idsOf(*noRun), QStringList {u"2603.09999"_s});
        const QString md = DigestBuilder::markdown(*noRun);
        QVERIFY(md.startsWith(u"# Personalized Daily ArXiv Papers 2026-03-18\n"_s));
        QVERIFY(md.contains(u"\nTotal arXiv papers: 0\n"_s));
        QVERIFY(md.contains(u"\nTotal relevant papers: 1\n"_s));
    }
};

QTEST_GUILESS_MAIN(TestDigestBuilder)
#include "test_digestbuilder.moc"
