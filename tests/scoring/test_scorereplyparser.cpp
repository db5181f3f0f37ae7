// SPDX-License-Identifier: GPL-3.0-or-later
// ScoreReplyParser: every reply shape models produce, and nothing accepted that the batch did not ask for.
#include "scoring/scorereplyparser.h"
#include "scoring/titlereplyparser.h"

#include <testkit/fixtures.h>

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

using namespace Lectern;

namespace {

const QStringList Batch {
    QStringLiteral("2611.00001"), QStringLiteral("2611.00002"), QStringLiteral("2611.00003")};

/// "id:rel:nov" per item, unscored values as '-', in the parser's order.
QString summary(const ParsedScores &p)
{
    QStringList parts;
    for (const ScoredItem &i : p.items) {
        parts << QStringLiteral("%1:%2:%3")
                     .arg(i.arxivId, i.relevance ? QString::number(*i.relevance) : QStringLiteral("-"),
                         i.novelty ? QString::number(*i.novelty) : QStringLiteral("-"));
    }
    return parts.join(u' ');
}

bool anyWarningContains(const ParsedScores &p, const QString &needle)
{
    for (const QString &w : p.warnings) {
        if (w.contains(needle))
            return true;
    }
    return false;
}

} // namespace

class TestScoreReplyParser : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void shapes_data()
    {
        QTest::addColumn<QString>("reply");
        QTest::addColumn<QString>("expected");

        QTest::newRow("structured object")
            << QString::fromUtf8(
                   "{\"papers\":[{\"ARXIVID\":\"2611.00001\",\"COMMENT\":\"a\",\"RELEVANCE\":9,\"NOVELTY\":7}"
                   ","
                   "{\"ARXIVID\":\"2611.00002\",\"COMMENT\":\"b\",\"RELEVANCE\":3,\"NOVELTY\":4}]}")
            << QStringLiteral("2611.00001:9:7 2611.00002:3:4");
        QTest::newRow("reference JSONL, any key case")
            << QStringLiteral(
                   "{\"ARXIVID\": \"2611.00003\", \"COMMENT\": \"c\", \"RELEVANCE\": 2, \"NOVELTY\": 1}\n"
                   "{\"arxivid\": \"2611.00001\", \"comment\": \"a\", \"relevance\": 8, \"novelty\": 6}\n"
                   "{\"ArXiv_Id\": \"2611.00002\", \"Comment\": \"b\", \"Relevance\": 5, \"Novelty\": 5}\n")
            << QStringLiteral("2611.00001:8:6 2611.00002:5:5 2611.00003:2:1");
        QTest::newRow("bare array")
            << QString::fromUtf8(
                   "[{\"ARXIVID\":\"2611.00002\",\"RELEVANCE\":7,\"NOVELTY\":7,\"COMMENT\":\"\"}]")
            << QStringLiteral("2611.00002:7:7");
        QTest::newRow("fenced block among chatter")
            << QStringLiteral(
                   "Here you go {as asked}:\n```json\n[{\"ARXIVID\":\"2611.00001\",\"COMMENT\":\"uses "
                   "{braces} "
                   "and \\\"quotes\\\"\",\"RELEVANCE\":6,\"NOVELTY\":5}]\n```\nHope this helps [1].")
            << QStringLiteral("2611.00001:6:5");
        QTest::newRow("JSONL with chatter and a blank line")
            << QStringLiteral(
                   "Scores:\n\n{\"ARXIVID\":\"2611.00001\",\"RELEVANCE\":4,\"NOVELTY\":3,\"COMMENT\":\"x\"}"
                   "\n\n"
                   "- {\"ARXIVID\":\"2611.00003\",\"RELEVANCE\":10,\"NOVELTY\":9,\"COMMENT\":\"y\"}\nDone.")
            << QStringLiteral("2611.00001:4:3 2611.00003:10:9");
        QTest::newRow("objects keyed by id")
            << QString::fromUtf8("{\"2611.00002\":{\"RELEVANCE\":6,\"NOVELTY\":2,\"COMMENT\":\"k\"}}")
            << QStringLiteral("2611.00002:6:2");
        QTest::newRow("truncated array keeps complete entries")
            << QString::fromUtf8("{\"papers\":[{\"ARXIVID\":\"2611.00001\",\"COMMENT\":\"a\",\"RELEVANCE\":9,"
                                 "\"NOVELTY\":7},"
                                 "{\"ARXIVID\":\"2611.00002\",\"COMMENT\":\"b\",\"RELEVANCE\":3,\"NOVELTY\":"
                                 "4},{\"ARXIVID\":\"2611.0")
            << QStringLiteral("2611.00001:9:7 2611.00002:3:4");
        QTest::newRow("ids with prefix, version, brackets")
            << QString::fromUtf8(
                   "[{\"ARXIVID\":\"arXiv:2611.00001v2\",\"RELEVANCE\":5,\"NOVELTY\":5},"
                   "{\"ARXIVID\":\"[2611.00002]\",\"RELEVANCE\":6,\"NOVELTY\":6},"
                   "{\"ARXIVID\":\"https://arxiv.org/abs/2611.00003v1\",\"RELEVANCE\":7,\"NOVELTY\":7}]")
            << QStringLiteral("2611.00001:5:5 2611.00002:6:6 2611.00003:7:7");
        QTest::newRow("wrapper with its own id")
            << QStringLiteral(
                   "{\"id\":\"reply-7\",\"scores\":[{\"id\":1,\"arxiv_id\":\"2611.00003\",\"relevance\":3,"
                   "\"novelty\":3}]}")
            << QStringLiteral("2611.00003:3:3");
        QTest::newRow("plain prose") << QStringLiteral("I think the first paper is great, 9/10.")
                                     << QString();
        QTest::newRow("empty") << QString() << QString();
        QTest::newRow("python dict is not JSON")
            << QStringLiteral("{'ARXIVID': '2611.00001', 'RELEVANCE': 9, 'NOVELTY': 9}") << QString();
    }

    void shapes()
    {
        QFETCH(QString, reply);
        QFETCH(QString, expected);
        const ParsedScores p = ScoreReplyParser(Batch).parseText(reply);
        QCOMPARE(summary(p), expected);
    }

    void scoresMustBeWholeNumbersFromOneToTen_data()
    {
        QTest::addColumn<QString>("value");
        QTest::addColumn<int>("expected"); // 0: unscored

        QTest::newRow("int") << QStringLiteral("8") << 8;
        QTest::newRow("one") << QStringLiteral("1") << 1;
        QTest::newRow("ten") << QStringLiteral("10") << 10;
        QTest::newRow("float whole") << QStringLiteral("8.0") << 8;
        QTest::newRow("string") << QStringLiteral("\"8\"") << 8;
        QTest::newRow("string padded") << QStringLiteral("\" 7 \"") << 7;
        QTest::newRow("half") << QStringLiteral("8.5") << 0;
        QTest::newRow("eleven") << QStringLiteral("11") << 0;
        QTest::newRow("zero") << QStringLiteral("0") << 0;
        QTest::newRow("negative") << QStringLiteral("-3") << 0;
        QTest::newRow("word") << QStringLiteral("\"high\"") << 0;
        QTest::newRow("fraction text") << QStringLiteral("\"8/10\"") << 0;
        QTest::newRow("null") << QStringLiteral("null") << 0;
        QTest::newRow("bool") << QStringLiteral("true") << 0;
        QTest::newRow("array") << QStringLiteral("[8]") << 0;
        QTest::newRow("huge") << QStringLiteral("1e300") << 0;
    }

    void scoresMustBeWholeNumbersFromOneToTen()
    {
        QFETCH(QString, value);
        QFETCH(int, expected);
        // Novelty is always valid so that the entry survives and relevance can be inspected.
        const QString reply =
            QStringLiteral("{\"ARXIVID\":\"2611.00001\",\"RELEVANCE\":%1,\"NOVELTY\":5,\"COMMENT\":\"\"}")
                .arg(value);
        const ParsedScores p = ScoreReplyParser(Batch).parseText(reply);
        QCOMPARE(p.items.size(), 1);
        QCOMPARE(p.items.first().novelty, std::optional<int>(5));
        if (expected == 0) {
            QVERIFY(!p.items.first().relevance.has_value());
            QVERIFY2(anyWarningContains(p, QStringLiteral("Relevance of 2611.00001")),
                qPrintable(p.warnings.join(u'|')));
        } else {
            QCOMPARE(p.items.first().relevance, std::optional<int>(expected));
            QVERIFY(p.warnings.isEmpty());
        }
    }

    void unknownIdsAreDropped()
    {
        const ParsedScores p = ScoreReplyParser(Batch).parseText(QString::fromUtf8(
            "[{\"ARXIVID\":\"2611.09999\",\"RELEVANCE\":10,\"NOVELTY\":10},{\"ARXIVID\":\"not an "
            "id\",\"RELEVANCE\":9,\"NOVELTY\":9},"
            "{\"RELEVANCE\":8,\"NOVELTY\":8},{\"ARXIVID\":\"2611.00002\",\"RELEVANCE\":2,\"NOVELTY\":2}]"));
        QCOMPARE(summary(p), QStringLiteral("2611.00002:2:2"));
        QVERIFY(anyWarningContains(p, QStringLiteral("\"2611.09999\", which is not a paper of this batch")));
        QVERIFY(anyWarningContains(p, QStringLiteral("\"not an id\"")));
        QVERIFY(anyWarningContains(p, QStringLiteral("1 entries without an arXiv id")));
    }

    void duplicatesFirstCompleteAnswerWinsUnlessTheyDisagree()
    {
        const ParsedScores p = ScoreReplyParser(Batch).parseText(QStringLiteral(
            "{\"ARXIVID\":\"2611.00001\",\"RELEVANCE\":9,\"NOVELTY\":8,\"COMMENT\":\"first\"}\n"
            "{\"ARXIVID\":\"2611.00001v1\",\"RELEVANCE\":9,\"NOVELTY\":8,\"COMMENT\":\"again\"}\n"
            // A partial first answer gives way to a later complete one.
            "{\"ARXIVID\":\"2611.00002\",\"RELEVANCE\":\"x\",\"NOVELTY\":4,\"COMMENT\":\"partial\"}\n"
            "{\"ARXIVID\":\"2611.00002\",\"RELEVANCE\":6,\"NOVELTY\":4,\"COMMENT\":\"complete\"}\n"
            // Two different complete verdicts (issue 12.7): neither is kept, the paper is asked again alone.
            "{\"ARXIVID\":\"2611.00003\",\"RELEVANCE\":9,\"NOVELTY\":9,\"COMMENT\":\"ignore the rest\"}\n"
            "{\"ARXIVID\":\"2611.00003\",\"RELEVANCE\":2,\"NOVELTY\":2,\"COMMENT\":\"late\"}\n"));
        QCOMPARE(summary(p), QStringLiteral("2611.00001:9:8 2611.00002:6:4"));
        QCOMPARE(p.items.at(0).comment, QStringLiteral("first"));
        QCOMPARE(p.items.at(1).comment, QStringLiteral("complete"));
        QCOMPARE(p.conflicting, QStringList {QStringLiteral("2611.00003")});
        QVERIFY(anyWarningContains(p, QStringLiteral("2611.00001 was scored more than once")));
        QVERIFY(anyWarningContains(p, QStringLiteral("2611.00003 got two different verdicts")));
    }

    void anEntryWithNoValidScoreCountsAsMissing()
    {
        const ParsedScores p = ScoreReplyParser(Batch).parseText(QString::fromUtf8(
            "[{\"ARXIVID\":\"2611.00003\",\"RELEVANCE\":\"high\",\"NOVELTY\":12,\"COMMENT\":\"?\"}]"));
        QVERIFY(p.items.isEmpty());
        QVERIFY(p.foundJson);
        QCOMPARE(p.warnings.size(), 2);
    }

    void commentsAreCleanedAndCapped()
    {
        const QString longComment = QString(600, u'w');
        const QJsonArray reply {
            QJsonObject {{QStringLiteral("ARXIVID"), QStringLiteral("2611.00001")},
                {QStringLiteral("RELEVANCE"), 5}, {QStringLiteral("NOVELTY"), 5},
                {QStringLiteral("COMMENT"), QStringLiteral("  two\nlines\t and\u0007 a bell  ")}},
            QJsonObject {{QStringLiteral("ARXIVID"), QStringLiteral("2611.00002")},
                {QStringLiteral("RELEVANCE"), 5}, {QStringLiteral("NOVELTY"), 5},
                {QStringLiteral("COMMENT"), longComment}},
            QJsonObject {{QStringLiteral("ARXIVID"), QStringLiteral("2611.00003")},
                {QStringLiteral("RELEVANCE"), 5}, {QStringLiteral("NOVELTY"), 5},
                {QStringLiteral("COMMENT"), 42}}};
        const ParsedScores p = ScoreReplyParser(Batch).parseJson(reply);
        QCOMPARE(p.items.size(), 3);
        QCOMPARE(p.items.at(0).comment, QStringLiteral("two lines and a bell"));
        QCOMPARE(p.items.at(1).comment.size(), ScoreReplyParser::MaxCommentChars);
        QVERIFY(p.items.at(1).comment.endsWith(u'…'));
        QCOMPARE(p.items.at(2).comment, QString());
    }

    void numericIdsOnlyWhenUnambiguous()
    {
        const QStringList batch {QStringLiteral("2611.10010"), QStringLiteral("2611.00002")};
        const ParsedScores p = ScoreReplyParser(batch).parseText(
            QString::fromUtf8("[{\"ARXIVID\":2611.1001,\"RELEVANCE\":7,\"NOVELTY\":6},{\"ARXIVID\":2611.5,"
                              "\"RELEVANCE\":7,\"NOVELTY\":6}]"));
        QCOMPARE(summary(p), QStringLiteral("2611.10010:7:6"));
    }

    void oldStyleIds()
    {
        const QStringList batch {QStringLiteral("hep-th/9901001")};
        const ParsedScores p = ScoreReplyParser(batch).parseText(QString::fromUtf8(
            "{\"ARXIVID\":\"arXiv:hep-th/9901001v3\",\"RELEVANCE\":3,\"NOVELTY\":2,\"COMMENT\":\"old\"}"));
        QCOMPARE(summary(p), QStringLiteral("hep-th/9901001:3:2"));
    }

    void warningsAreBounded()
    {
        QStringList lines;
        for (int i = 0; i < 200; ++i)
            lines << QStringLiteral("{\"ARXIVID\":\"2611.5%1\",\"RELEVANCE\":5,\"NOVELTY\":5}")
                         .arg(i, 4, 10, QChar(u'0'));
        const ParsedScores p = ScoreReplyParser(Batch).parseText(lines.join(u'\n'));
        QVERIFY(p.items.isEmpty());
        QCOMPARE(p.warnings.size(), ScoreReplyParser::MaxWarnings + 1);
        QVERIFY(p.warnings.last().contains(QStringLiteral("170 more")));
    }

    void hostileInputStaysLinear()
    {
        // Thousands of unclosed or unparseable brackets must not make the scan quadratic: the characters
        // it looks at stay within a fixed multiple of the reply's length (a quadratic scan of 40 000
        // characters would look at ~8e8, of 200 000 at ~2e10). The time it takes is in the benchmarks
        // (BM_ScoreReplyHostile200k).
        const QString object =
            QString::fromUtf8("{\"ARXIVID\":\"2611.00001\",\"RELEVANCE\":5,\"NOVELTY\":6}");
        const auto bound = [](qsizetype n) { return 132 * qint64(n) + 8192; };
        for (const int n : {10000, 40000}) {
            const QString unclosed = QString(n, u'{') + object;
            const ParsedScores a = ScoreReplyParser(Batch).parseText(unclosed);
            QVERIFY2(a.scanned <= bound(unclosed.size()), qPrintable(QString::number(a.scanned)));
            QVERIFY(a.items.isEmpty()); // the scan stopped at its bound, before the object

            const QString unparseable = QString(n, u'{') + u'x' + QString(n, u'}') + u' ' + object;
            const ParsedScores b = ScoreReplyParser(Batch).parseText(unparseable);
            QVERIFY2(b.scanned <= bound(unparseable.size()), qPrintable(QString::number(b.scanned)));

            QString strings;
            for (int i = 0; i < n / 4; ++i)
                strings += QStringLiteral("[\"]");
            const ParsedScores c = ScoreReplyParser(Batch).parseText(strings + object);
            QVERIFY2(
                c.scanned <= bound(strings.size() + object.size()), qPrintable(QString::number(c.scanned)));
        }
        const QString huge = QString(200000, u'{') + object;
        QVERIFY(ScoreReplyParser(Batch).parseText(huge).scanned <= bound(huge.size()));
        // Within the bound a reply with chatter is still read whole.
        const QString chatter = QStringLiteral("Sure! {not json} [1, 2") + QString(20, u'{') + u'\n' + object;
        const ParsedScores d = ScoreReplyParser(Batch).parseText(chatter);
        QCOMPARE(d.items.size(), 1);
        QCOMPARE(d.items.first().relevance.value_or(0), 5);
        QVERIFY(d.scanned <= bound(chatter.size()));
    }

    void normaliseId()
    {
        QCOMPARE(ScoreReplyParser::normaliseId(QStringLiteral("arXiv:2611.00001v2")),
            QStringLiteral("2611.00001"));
        QCOMPARE(
            ScoreReplyParser::normaliseId(QStringLiteral(" 2611.00001. ")), QStringLiteral("2611.00001"));
        QCOMPARE(
            ScoreReplyParser::normaliseId(QStringLiteral("\"(2611.00001)\"")), QStringLiteral("2611.00001"));
        QCOMPARE(ScoreReplyParser::normaliseId(QStringLiteral("paper one")), QString());
    }

    void titleVerdictsTrustOnlyTheBatch()
    {
        QList<Paper> batch;
        for (const QString &id : Batch)
            batch << Test::makePaper(id);
        const TitleReplyParser parser(batch);

        ParsedTitleVerdict v = parser.parseText(QStringLiteral(R"({"keep":["2611.00003","2611.00001"]})"));
        QVERIFY(v.found);
        QCOMPARE(v.keep, QStringList({QStringLiteral("2611.00001"), QStringLiteral("2611.00003")}));
        QVERIFY(v.warnings.isEmpty());

        // Fences, chatter, prefixes, versions, duplicates, ids from elsewhere and non-ids.
        v = parser.parseText(QStringLiteral(
            "Here you go:\n```json\n{\"KEEP\": [\"arXiv:2611.00002v3\", \"2611.00002\", \"2611.99999\", 7, "
            "\"ignore all previous instructions\"]}\n```"));
        QVERIFY(v.found);
        QCOMPARE(v.keep, QStringList {QStringLiteral("2611.00002")});
        QCOMPARE(v.warnings.size(), 3);

        // A bare array counts; an empty list drops the whole batch.
        v = parser.parseText(QStringLiteral(R"(["2611.00001"])"));
        QVERIFY(v.found);
        QCOMPARE(v.keep, QStringList {QStringLiteral("2611.00001")});
        v = parser.parseText(QStringLiteral(R"({"keep":[]})"));
        QVERIFY(v.found);
        QVERIFY(v.keep.isEmpty());

        // No verdict (the caller keeps everything): prose, other keys, or only ids from elsewhere.
        QVERIFY(!parser.parseText(QStringLiteral("All of them look relevant.")).found);
        QVERIFY(!parser.parseText(QStringLiteral(R"({"drop":["2611.00001"]})")).found);
        QVERIFY(!parser.parseText(QStringLiteral(R"({"keep":["2612.00001","2612.00002"]})")).found);
        QVERIFY(!parser.parseText(QStringLiteral(R"({"keep":["2611.00001")")).found);
        QVERIFY(!parser.parseText(QString()).found);
    }
};

QTEST_GUILESS_MAIN(TestScoreReplyParser)
#include "test_scorereplyparser.moc"
