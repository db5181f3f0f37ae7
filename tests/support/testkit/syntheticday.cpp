// SPDX-License-Identifier: GPL-3.0-or-later
#include "syntheticday.h"

#include "digest/digest.h"
#include "store/paperstore.h"

#include <QTest>

namespace Lectern::Test {

namespace {

QString idFor(const QDate &day, int n)
{
    return QStringLiteral("%1%2.%3%4")
        .arg(day.year() % 100, 2, 10, QChar(u'0'))
        .arg(day.month(), 2, 10, QChar(u'0'))
        .arg(day.day(), 2, 10, QChar(u'0'))
        .arg(n, 3, 10, QChar(u'0'));
}

Paper paper(const QDate &day, int n, const QString &title, const QStringList &authors,
    const QString &abstract, const QString &announceType = QStringLiteral("new"))
{
    Paper p;
    p.arxivId = idFor(day, n);
    p.version = 1;
    p.title = title;
    p.authors = authors;
    p.abstract = abstract;
    p.categories = {QStringLiteral("math.CO"), QStringLiteral("q-bio.PE")};
    p.primaryCategory = QStringLiteral("math.CO");
    p.announceType = announceType;
    p.announced = day;
    return p;
}

Score score(const Paper &p, int relevance, int novelty, const QString &comment)
{
    Score s;
    s.arxivId = p.arxivId;
    s.version = p.version;
    s.relevance = relevance;
    s.novelty = novelty;
    s.comment = comment;
    s.model = QStringLiteral("gpt-5");
    s.promptHash = QStringLiteral("h1");
    s.promptTokens = 140;
    s.completionTokens = 120;
    s.cost = 0.0014;
    s.scoredAt = QDateTime(p.announced, QTime(7, 0), QTimeZone::UTC);
    return s;
}

PaperRecord record(const Paper &p, std::optional<Score> s = std::nullopt, PaperState state = {})
{
    state.arxivId = p.arxivId;
    return PaperRecord {p, std::move(s), state};
}

QString prompt()
{
    return StoredPrompt {
        QStringLiteral("You sort a day of arXiv listings for a reader of bells, lichens and tides."),
        QStringLiteral(
            "Answer with one JSON object per paper: {\"id\", \"comment\", \"relevance\", \"novelty\"}.\n"
            "\n"
            "{{papers}}\n"
            "\n"
            "1. Change ringing <methods & extents>")}
        .toText();
}

} // namespace

QStringList syntheticFollowedAuthors()
{
    return {QStringLiteral("Maren Óskarsdóttir")};
}

SyntheticDay syntheticDay(const QDate &day, const QString &imageHost)
{
    SyntheticDay out;
    out.run.date = day;
    out.run.categories = {QStringLiteral("math.CO"), QStringLiteral("q-bio.PE")};
    out.run.totalArxiv = 412;
    out.run.totalScanned = 233;
    out.run.totalRelevant = 6;
    out.run.promptTokens = 31250;
    out.run.completionTokens = 27480;
    out.run.cost = 0.3139;
    out.run.model = QStringLiteral("gpt-5");
    out.run.promptText = prompt();
    out.run.source = QStringLiteral("rss");
    out.run.updatedAt = QDateTime(day, QTime(7, 30), QTimeZone::UTC);

    QList<PaperRecord> &r = out.records;
    const Paper lichen =
        paper(day, 1, QStringLiteral("Mapping Lichen Growth Fronts with Sparse Drone Surveys"),
            {QStringLiteral("Maren Óskarsdóttir (Reykjavik Institute of Lichens, Akureyri)"),
                QStringLiteral("Tobias Renn")},
            QStringLiteral(
                "Crustose lichens advance by fractions of a millimetre per year. We fit a front model\n"
                "to forty drone surveys and recover growth rates within $5\\%$ of caliper measurements."));
    r << record(lichen, score(lichen, 3, 4, QStringLiteral("Lichen survey; off topic.")));

    const Paper stedman = paper(day, 2, QStringLiteral("A Complete Theory of Stedman Triples"),
        {QStringLiteral("Hal Quarter"), QStringLiteral("D\\'iaz Campanero")},
        QStringLiteral("We classify the true touches of Stedman Triples up to rotation."));
    r << record(stedman, score(stedman, 10, 7, QStringLiteral("Change ringing, core topic.")));

    const Paper whistles = paper(day, 3, QStringLiteral("Bells & Whistles: 100% Coverage of $x_1$ Rows"),
        {QStringLiteral("Ivy Treble"), QStringLiteral("Zoë Ñúñez")},
        QStringLiteral(
            "We ring every row $x_1, \\dots, x_n$ of an extent & prove the bound $O(n \\log n)$."));
    PaperState starred;
    starred.starred = true;
    r << record(whistles, score(whistles, 9, 8, QStringLiteral("Extents with bounds.")), starred);

    const Paper sets = paper(day, 4, QStringLiteral("Sets {A, B} and #hash_tags in Ringing"),
        {QStringLiteral("Per Spring")}, QStringLiteral("Tags for methods: #plain_hunt and {grandsire}."));
    PaperState tagged;
    tagged.tags = {QStringLiteral("to-read")};
    r << record(sets, score(sets, 9, 8, QStringLiteral("Method tagging.")), tagged);

    const Paper tides =
        paper(day, 5, QStringLiteral("Tide Clocks from Mooring Strain Gauges"), {QStringLiteral("Oona Neap")},
            QStringLiteral("We read the time from harbour moorings. <img src=\"%1/pixel.png\"> "
                           "<link rel=stylesheet href=\"%1/style.css\"> <b>bold</b> claims.")
                .arg(imageHost));
    r << record(tides, score(tides, 8, 9, QStringLiteral("Tide clocks: a new sensor.")));

    Paper moss = paper(day, 6, QStringLiteral("Moss and Lichen Succession on Church Towers"),
        {QStringLiteral("Una Belfry"), QStringLiteral("Ludwig van Beethoven")},
        QStringLiteral("Bells shake towers; we count what still grows on them."), QStringLiteral("cross"));
    moss.doi = QStringLiteral("10.1234/towers.2026.42");
    moss.journalRef = QStringLiteral("J. Tower Ecol. 12 (2026) 1-20");
    PaperState noted;
    noted.starred = true;
    noted.tags = {QStringLiteral("field-work"), QStringLiteral("to-read")};
    noted.note = QStringLiteral("Ask the authors for the tower list.\ncheck tower 12 & 13");
    r << record(moss, score(moss, 8, 7, QStringLiteral("Lichens on bell towers.")), noted);

    const Paper unscored = paper(day, 7, QStringLiteral("Unscored Listing About Clock Escapements"),
        {QStringLiteral("Rae Pallet")}, QStringLiteral("Not scored yet."));
    PaperState unscoredStar;
    unscoredStar.starred = true;
    r << record(unscored, std::nullopt, unscoredStar);

    const Paper under = paper(day, 8, QStringLiteral("Tenor Weights Through the Centuries"),
        {QStringLiteral("Sol Tenor")}, QStringLiteral("A history of how heavy the tenor bell got."));
    PaperState underTag;
    underTag.tags = {QStringLiteral("to-read")};
    r << record(under, score(under, 7, 9, QStringLiteral("History, not method.")), underTag);
    return out;
}

SyntheticDay largeDay(const QDate &day, int n)
{
    SyntheticDay out = syntheticDay(day);
    out.records.clear();
    QString abstract;
    for (int w = 0; w < 170; ++w)
        abstract +=
            QStringLiteral("word%1 ").arg(w % 41) + (w % 29 == 0 ? QStringLiteral("$\\mu$P ") : QString());
    for (int i = 0; i < n; ++i) {
        const Paper p = paper(day, 100 + i,
            QStringLiteral("Synthetic paper %1 on sparse routing with $\\mathcal{O}(n)$ memory").arg(i),
            {QStringLiteral("Ada Example"), QStringLiteral("Bo Placeholder (Nowhere Institute)"),
                QStringLiteral("Cy Sample"), QStringLiteral("D\\'iaz Trial")},
            abstract);
        out.records << record(p, score(p, 8 + i % 3, 7 + i % 4, QStringLiteral("Sparse routing, topic 1.")));
    }
    out.run.totalRelevant = n;
    return out;
}

void storeDay(PaperStore &store, const SyntheticDay &day)
{
    QList<Paper> papers;
    for (const PaperRecord &r : day.records)
        papers << r.paper;
    QVERIFY(store.upsertPapers(papers).ok());
    for (const PaperRecord &r : day.records) {
        if (r.score)
            QVERIFY(store.addScore(*r.score).ok());
        if (!r.state.isDefault())
            QVERIFY(store.saveState(r.state).ok());
    }
    QVERIFY(store.saveDayRun(day.run).ok());
}

} // namespace Lectern::Test
