// SPDX-License-Identifier: GPL-3.0-or-later
#include "domain/arxivid.h"

#include <QTest>

using namespace Lectern;

class TestArxivId : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void parses_data()
    {
        QTest::addColumn<QString>("input");
        QTest::addColumn<QString>("id");
        QTest::addColumn<int>("version");
        QTest::newRow("new 5 digits") << "2509.13332"
                                      << "2509.13332" << 0;
        QTest::newRow("new with version") << "2509.13332v3"
                                          << "2509.13332" << 3;
        QTest::newRow("new 4 digits") << "0704.0001v2"
                                      << "0704.0001" << 2;
        QTest::newRow("old style") << "hep-th/9901001"
                                   << "hep-th/9901001" << 0;
        QTest::newRow("old style subject") << "math.GT/0309136v1"
                                           << "math.GT/0309136" << 1;
        QTest::newRow("arXiv prefix") << "arXiv:2401.00001v1"
                                      << "2401.00001" << 1;
        QTest::newRow("oai") << "oai:arXiv.org:2203.01250v3"
                             << "2203.01250" << 3;
        QTest::newRow("abs url") << "https://arxiv.org/abs/2509.13332"
                                 << "2509.13332" << 0;
        QTest::newRow("pdf url") << "https://arxiv.org/pdf/2509.13332v2"
                                 << "2509.13332" << 2;
        QTest::newRow("pdf url .pdf") << "http://arxiv.org/pdf/2509.13332v2.pdf"
                                      << "2509.13332" << 2;
        QTest::newRow("html url") << "https://arxiv.org/html/2509.13332v1"
                                  << "2509.13332" << 1;
        QTest::newRow("export old") << "http://export.arxiv.org/abs/hep-th/9901001v2"
                                    << "hep-th/9901001" << 2;
        QTest::newRow("whitespace") << "  2509.13332  "
                                    << "2509.13332" << 0;
    }
    void parses()
    {
        QFETCH(QString, input);
        QFETCH(QString, id);
        QFETCH(int, version);
        const auto parsed = ArxivId::parse(input);
        QVERIFY2(parsed.has_value(), qPrintable(input));
        QCOMPARE(parsed->id, id);
        QCOMPARE(parsed->version, version);
    }

    void rejects_data()
    {
        QTest::addColumn<QString>("input");
        QTest::newRow("empty") << "";
        QTest::newRow("word") << "hello";
        QTest::newRow("short") << "2509.133";
        QTest::newRow("other host") << "https://example.org/abs/2509.13332";
        QTest::newRow("list page") << "https://arxiv.org/list/cs.LG/new";
        QTest::newRow("trailing junk") << "2509.13332vX";
        // Issue 12.3: what a hostile feed, mirror or model could send as an id.
        QTest::newRow("bibtex breakout") << "2509.13332}, note={x";
        QTest::newRow("crlf record split") << "2509.13332\r\nER  - ";
        QTest::newRow("other digits") << "٢٥٠٩.١٣٣٣٢";
        QTest::newRow("markdown link") << "2509.13332)[x](https://example.org";
        QTest::newRow("version overflow") << "2509.13332v99999999999";
        QTest::newRow("version zero") << "2509.13332v0";
        QTest::newRow("url with newline") << "https://arxiv.org/abs/2509.13332%0A";
    }
    void rejects()
    {
        QFETCH(QString, input);
        QVERIFY(!ArxivId::parse(input).has_value());
    }

    void canonicalIsTheStoredForm()
    {
        QVERIFY(ArxivId::isCanonical(QStringLiteral("2509.13332")));
        QVERIFY(ArxivId::isCanonical(QStringLiteral("hep-th/9901001")));
        QVERIFY(!ArxivId::isCanonical(QStringLiteral("2509.13332v2")));
        QVERIFY(!ArxivId::isCanonical(QStringLiteral(" 2509.13332")));
        QVERIFY(!ArxivId::isCanonical(QStringLiteral("arXiv:2509.13332")));
        QVERIFY(!ArxivId::isCanonical(QStringLiteral("1}, note={x")));
    }

    void formats()
    {
        QCOMPARE(ArxivId::parse(QStringLiteral("2509.13332v3"))->toString(), QStringLiteral("2509.13332v3"));
        QCOMPARE(
            ArxivId::parse(QStringLiteral("hep-th/9901001"))->toString(), QStringLiteral("hep-th/9901001"));
    }
};

QTEST_GUILESS_MAIN(TestArxivId)
#include "test_arxivid.moc"
