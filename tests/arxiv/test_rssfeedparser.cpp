// SPDX-License-Identifier: GPL-3.0-or-later
#include "arxiv/rssfeedparser.h"

#include <testkit/fixtures.h>

#include <QTest>

using namespace Lectern;

class TestRssFeedParser : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void parsesItems()
    {
        const auto feed = RssFeedParser::parse(Test::fixture(QStringLiteral("rss/cs.LG-2026-11-23.xml")));
        QVERIFY2(feed.ok(), qPrintable(feed.error()));
        QCOMPARE(feed->announced, QDate(2026, 11, 23));
        QCOMPARE(feed->title, QStringLiteral("cs.LG updates on arXiv.org"));
        QVERIFY(!feed->isErrorFeed);
        QCOMPARE(feed->items.size(), 5);

        const Paper &a = feed->items.at(0);
        QCOMPARE(a.arxivId, QStringLiteral("2611.10001"));
        QCOMPARE(a.version, 1);
        QCOMPARE(a.announceType, QStringLiteral("new"));
        QCOMPARE(a.announced, QDate(2026, 11, 23));
        QCOMPARE(a.categories,
            (QStringList {QStringLiteral("cs.LG"), QStringLiteral("cs.AI"), QStringLiteral("cs.NI")}));
        QCOMPARE(a.primaryCategory, QStringLiteral("cs.LG"));
        // Commas inside an affiliation do not split an author; TeX accents are kept as written.
        QCOMPARE(a.authors,
            (QStringList {QStringLiteral("Maya Otterly"),
                QStringLiteral("Jos\\'e D\\'iaz (Universidad Imaginaria, Sede Norte, Madrid)"),
                QStringLiteral("Zoë Ångström")}));
        // Prefix stripped, line break inside the abstract kept.
        QCOMPARE(a.abstract,
            QStringLiteral(
                "We train a sparse mixture of experts to route packets the way otters share fish.\n"
                "Our router halves latency on three synthetic networks."));

        const Paper &b = feed->items.at(1);
        QCOMPARE(b.version, 2);
        QCOMPARE(b.title,
            QStringLiteral("$\\mu$P Scaling & the Heat Equation: Bounds for $\\epsilon \\le 10^{-3}$"));
        QVERIFY(b.abstract.contains(QStringLiteral("<b>and</b>"))); // entities decoded, text kept verbatim
        QCOMPARE(b.doi, QStringLiteral("10.5555/fake.2026.002"));
        QCOMPARE(b.journalRef, QStringLiteral("Journal of Imaginary Results 4 (2026) 1-10"));
        QCOMPARE(
            b.authors, (QStringList {QStringLiteral("李雷"), QStringLiteral("Hanna Müller-Lüdenscheidt")}));

        QCOMPARE(feed->items.at(2).announceType, QStringLiteral("cross"));
        QCOMPARE(feed->items.at(2).primaryCategory, QStringLiteral("stat.ML"));
        QCOMPARE(feed->items.at(3).announceType, QStringLiteral("replace"));
        QCOMPARE(feed->items.at(3).version, 3);
        QCOMPARE(feed->items.at(4).announceType, QStringLiteral("replace-cross"));
    }

    void emptyChannelIsNoAnnouncement()
    {
        const auto feed = RssFeedParser::parse(Test::fixture(QStringLiteral("rss/empty-weekend.xml")));
        QVERIFY(feed.ok());
        QVERIFY(feed->isEmpty());
        QCOMPARE(feed->announced, QDate(2026, 11, 21));
    }

    void errorFeed()
    {
        const auto feed = RssFeedParser::parse(Test::fixture(QStringLiteral("rss/error-bad-category.xml")));
        QVERIFY(feed.ok());
        QVERIFY(feed->isErrorFeed);
        QVERIFY(feed->errorMessage.contains(QStringLiteral("Bad subject class 'XX'")));
    }

    void malformed_data()
    {
        QTest::addColumn<QByteArray>("xml");
        QTest::addColumn<QString>("message");
        QTest::newRow("truncated") << Test::fixture(QStringLiteral("rss/malformed-truncated.xml"))
                                   << "Malformed feed";
        QTest::newRow("empty") << QByteArray() << "empty";
        QTest::newRow("html") << QByteArray("<html><body>Rate exceeded.</body></html>") << "Not an RSS feed";
        QTest::newRow("plain text") << QByteArray("Status: GOOD") << "Malformed feed";
        QTest::newRow("item without id")
            << QByteArray("<rss version=\"2.0\"><channel><item><title>x</title>"
                          "<description>no id here</description></item></channel></rss>")
            << "has no arXiv id";
    }
    void malformed()
    {
        QFETCH(QByteArray, xml);
        QFETCH(QString, message);
        const auto feed = RssFeedParser::parse(xml);
        QVERIFY(!feed.ok());
        QVERIFY2(feed.error().contains(message), qPrintable(feed.error()));
    }

    void olderDescriptionWithoutSpace()
    {
        const QByteArray xml =
            "<rss version=\"2.0\"><channel><pubDate>Tue, 24 Nov 2026 00:00:00 -0500</pubDate><item>"
            "<title>T</title><description>arXiv:hep-th/9901001v2 Announce Type: replace\nAbstract: Old "
            "style.</description></item></channel></rss>";
        const auto feed = RssFeedParser::parse(xml);
        QVERIFY2(feed.ok(), qPrintable(feed.error()));
        QCOMPARE(feed->items.first().arxivId, QStringLiteral("hep-th/9901001"));
        QCOMPARE(feed->items.first().version, 2);
        QCOMPARE(feed->items.first().announceType, QStringLiteral("replace"));
        QCOMPARE(feed->items.first().abstract, QStringLiteral("Old style."));
        QCOMPARE(feed->items.first().announced, QDate(2026, 11, 24));
    }

    void splitsAuthors_data()
    {
        QTest::addColumn<QString>("creator");
        QTest::addColumn<QStringList>("authors");
        QTest::newRow("plain") << "A B, C D" << QStringList {QStringLiteral("A B"), QStringLiteral("C D")};
        QTest::newRow("nested parens")
            << "A (X (Y, Z), W), B" << QStringList {QStringLiteral("A (X (Y, Z), W)"), QStringLiteral("B")};
        QTest::newRow("unbalanced") << "A ), B" << QStringList {QStringLiteral("A )"), QStringLiteral("B")};
        QTest::newRow("and") << "A, B, and C"
                             << QStringList {QStringLiteral("A"), QStringLiteral("B"), QStringLiteral("C")};
        QTest::newRow("empty") << "" << QStringList {};
    }
    void splitsAuthors()
    {
        QFETCH(QString, creator);
        QFETCH(QStringList, authors);
        QCOMPARE(RssFeedParser::splitAuthors(creator), authors);
    }
};

QTEST_GUILESS_MAIN(TestRssFeedParser)
#include "test_rssfeedparser.moc"
