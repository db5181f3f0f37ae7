// SPDX-License-Identifier: GPL-3.0-or-later
#include "scoring/authormatcher.h"

#include <QTest>

using namespace Lectern;
using namespace Qt::StringLiterals;

class TestAuthorMatcher : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void sameAuthor_data()
    {
        QTest::addColumn<QString>("followed");
        QTest::addColumn<QString>("author");
        QTest::addColumn<bool>("same");

        // Accents, TeX accents and case.
        QTest::newRow("identical") << u"José Díaz"_s << u"José Díaz"_s << true;
        QTest::newRow("no accents") << u"José Díaz"_s << u"Jose Diaz"_s << true;
        QTest::newRow("accents on author side") << u"Jose Diaz"_s << u"José Díaz"_s << true;
        QTest::newRow("tex accent") << u"José Díaz"_s << u"Jos\\'e D\\'iaz"_s << true;
        QTest::newRow("tex braced dotless i") << u"José Díaz"_s << u"Jos\\'{e} D\\'{\\i}az"_s << true;
        QTest::newRow("tex tilde") << u"Joao Lima"_s << u"Jo\\~ao Lima"_s << true;
        QTest::newRow("tex umlaut") << u"Ümit Öztürk"_s << u"\\\"Umit \\\"Ozt\\\"urk"_s << true;
        QTest::newRow("tex caron") << u"Šárka Novák"_s << u"\\v{S}\\'arka Nov\\'ak"_s << true;
        QTest::newRow("tex slashed o") << u"Søren Østergaard"_s << u"S{\\o}ren {\\O}stergaard"_s << true;
        QTest::newRow("stroke l") << u"Łukasz Wróbel"_s << u"Lukasz Wrobel"_s << true;
        QTest::newRow("eszett") << u"Jana Groß"_s << u"Jana Gross"_s << true;
        QTest::newRow("case") << u"josé díaz"_s << u"JOSÉ DÍAZ"_s << true;
        QTest::newRow("surname in capitals") << u"José Díaz"_s << u"José DÍAZ"_s << true;

        // Initials.
        QTest::newRow("initial with period") << u"José Díaz"_s << u"J. Díaz"_s << true;
        QTest::newRow("initial without period") << u"José Díaz"_s << u"J Diaz"_s << true;
        QTest::newRow("followed initial, full author") << u"J. Díaz"_s << u"José Díaz"_s << true;
        QTest::newRow("initial glued to surname") << u"José Díaz"_s << u"J.Díaz"_s << true;
        QTest::newRow("initials vs full names") << u"J. A. Díaz"_s << u"José Antonio Díaz"_s << true;
        QTest::newRow("initial cluster") << u"Jean-Pierre Dupont"_s << u"JP Dupont"_s << true;
        QTest::newRow("hyphenated initials") << u"Jean-Pierre Dupont"_s << u"J.-P. Dupont"_s << true;
        QTest::newRow("hyphen vs space in given")
            << u"Jean-Pierre Dupont"_s << u"Jean Pierre Dupont"_s << true;

        // Order, affiliations, spacing, suffixes.
        QTest::newRow("surname first") << u"José Díaz"_s << u"Díaz, José"_s << true;
        QTest::newRow("surname first, initial") << u"Díaz, J."_s << u"José Díaz"_s << true;
        QTest::newRow("affiliation") << u"José Díaz"_s << u"José Díaz (MIT, Cambridge)"_s << true;
        QTest::newRow("nested affiliation")
            << u"José Díaz"_s << u"José Díaz (Dept. (Physics), MIT)"_s << true;
        QTest::newRow("unclosed affiliation") << u"José Díaz"_s << u"José Díaz (MIT"_s << true;
        QTest::newRow("extra spaces") << u"José Díaz"_s << u"  José   Díaz \t"_s << true;
        QTest::newRow("suffix") << u"Carl Reed"_s << u"Carl Reed Jr."_s << true;
        QTest::newRow("suffix after comma") << u"Carl Reed"_s << u"Reed, Carl, Jr."_s << true;
        QTest::newRow("hyphenated surname") << u"Ana Ruiz-Soto"_s << u"Ana Ruiz Soto"_s << true;
        QTest::newRow("hyphenated surname reversed") << u"Ana Ruiz Soto"_s << u"A. Ruiz-Soto"_s << true;
        QTest::newRow("apostrophe") << u"Sean O'Hara"_s << u"Sean O’Hara"_s << true;
        QTest::newRow("footnote marker") << u"José Díaz"_s << u"José Díaz*"_s << true;

        // Middle names.
        QTest::newRow("middle name missing on author") << u"José A. Díaz"_s << u"José Díaz"_s << true;
        QTest::newRow("middle name missing on followed") << u"José Díaz"_s << u"José Antonio Díaz"_s << true;
        QTest::newRow("middle initials differ") << u"José A. Díaz"_s << u"José B. Díaz"_s << false;

        // Surname only.
        QTest::newRow("followed surname only") << u"Díaz"_s << u"Marta Díaz"_s << true;

        // No false positives.
        QTest::newRow("other initial") << u"J. Smith"_s << u"Karen Smith"_s << false;
        QTest::newRow("other full name") << u"John Smith"_s << u"Joan Smith"_s << false;
        QTest::newRow("full name vs other initial") << u"John Smith"_s << u"K. Smith"_s << false;
        QTest::newRow("other surname") << u"José Díaz"_s << u"José Díez"_s << false;
        QTest::newRow("surname is a prefix") << u"Ana Li"_s << u"Ana Lim"_s << false;
        QTest::newRow("given name as surname") << u"Díaz José"_s << u"José Díaz"_s << false;
        QTest::newRow("author without given name") << u"José Díaz"_s << u"Díaz"_s << false;
        QTest::newRow("first name differs, same middle") << u"María José Díaz"_s << u"José Díaz"_s << false;
        QTest::newRow("two-word reading needs given names") << u"Liwei"_s << u"Chen Li Wei"_s << false;
        QTest::newRow("empty author") << u"José Díaz"_s << QString() << false;
        QTest::newRow("only an affiliation") << u"José Díaz"_s << u"(MIT)"_s << false;
    }
    void sameAuthor()
    {
        QFETCH(QString, followed);
        QFETCH(QString, author);
        QFETCH(bool, same);
        QCOMPARE(AuthorMatcher::sameAuthor(followed, author), same);
        // The matcher's index must find what the pairwise rule finds.
        QCOMPARE(AuthorMatcher({followed}).matches({author}).size() == 1, same);
    }

    void matchesReturnsFollowedNamesInOrder()
    {
        const AuthorMatcher m(
            {u"  Ada Example "_s, u"Díaz, José"_s, u"Karen Smith"_s, u"Ada Example"_s, u""_s});
        QVERIFY(!m.isEmpty());
        QCOMPARE(m.followed(), (QStringList {u"Ada Example"_s, u"Díaz, José"_s, u"Karen Smith"_s}));
        const QStringList authors {u"Karen Smith (Nowhere Institute)"_s, u"Bo Placeholder"_s, u"J. Diaz"_s};
        QCOMPARE(m.matches(authors), (QStringList {u"Díaz, José"_s, u"Karen Smith"_s}));
        QCOMPARE(m.matches({u"J. Smith"_s, u"Bo Placeholder"_s}), QStringList());
        QCOMPARE(m.matches({}), QStringList());
    }

    void emptyMatcher()
    {
        QVERIFY(AuthorMatcher().isEmpty());
        QVERIFY(AuthorMatcher({u""_s, u"   "_s, u"(MIT)"_s}).isEmpty());
        QCOMPARE(AuthorMatcher().matches({u"Ada Example"_s}), QStringList());
    }

    void aDayOfPapersComparesOnlySharedSurnames()
    {
        // A day of 1000 papers of 8 authors against 50 followed names: an author is compared only with
        // the followed names that share a surname, never with all of them (that would be 400 000
        // comparisons a day). The time it takes is in the benchmarks (BM_AuthorMatcherDay1000).
        // Names are told apart by letters: digits are not part of a name.
        const auto letters = [](int n) {
            QString s;
            do {
                s.prepend(QChar(u'a' + n % 26));
                n /= 26;
            } while (n > 0);
            return s;
        };
        QStringList followed;
        for (int i = 0; i < 50; ++i)
            followed << u"Followed Person"_s + letters(i);
        const AuthorMatcher m(followed);
        qint64 comparisons = 0;
        int hits = 0;
        int sharing = 0;
        for (int p = 0; p < 1000; ++p) {
            QStringList authors;
            for (int a = 0; a < 8; ++a)
                authors << u"Given%1 Surname%2 (Some University, Some City)"_s.arg(
                    letters(a), letters(p * 8 + a));
            if (p % 10 == 0) { // shares a surname with one followed name, not the person
                authors << u"Other Person"_s + letters(p % 50);
                ++sharing;
            }
            if (p == 7)
                authors << u"F. Person"_s + letters(7);
            hits += int(m.matches(authors, &comparisons).size());
        }
        QCOMPARE(hits, 1);
        QCOMPARE(comparisons, qint64(sharing + 1));
    }
};

QTEST_GUILESS_MAIN(TestAuthorMatcher)
#include "test_authormatcher.moc"
