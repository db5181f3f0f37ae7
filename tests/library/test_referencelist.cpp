// SPDX-License-Identifier: GPL-3.0-or-later
#include "library/referencelist.h"

#include <QTest>

using namespace Lectern;

class TestReferenceList : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void formatByExtension()
    {
        QCOMPARE(ReferenceList::formatOf(QStringLiteral("my.BIB")), ReferenceList::Format::BibTeX);
        QCOMPARE(ReferenceList::formatOf(QStringLiteral("export.ris")), ReferenceList::Format::Ris);
        QCOMPARE(ReferenceList::formatOf(QStringLiteral("ids.txt")), ReferenceList::Format::List);
    }

    void bibtexEntriesWithAndWithoutArxivIds()
    {
        const QString bib = QStringLiteral(R"(@comment{jabref-meta: eprint = {2611.99999}}
@string{jmlr = "Journal of Machine Learning Research"}
@article{a,
  title = {Draft trees},
  eprint = {2611.10002},
  archivePrefix = {arXiv},
}
@inproceedings{b,
  title = {Sparse {MoE}},
  url = {https://arxiv.org/abs/2501.01234v2},
}
@misc{c, title = {Old style}, note = {arXiv:hep-th/9901001}}
@misc{d, doi = {10.48550/arXiv.2402.00001}}
@article{e,
  title = {A journal paper},
  journal = jmlr,
  pages = {1234.5678},
}
@article{f, eprint = "2611.10002v3"}
)");
        const ReferenceList list = ReferenceList::parse(bib, ReferenceList::Format::BibTeX);
        QCOMPARE(list.entries, 6); // @comment and @string are no references
        QCOMPARE(list.withoutArxivId, 1);
        QStringList ids;
        for (const ArxivId &id : list.ids)
            ids << id.toString();
        // Each paper once, in file order; a version kept as given.
        QCOMPARE(ids,
            (QStringList {QStringLiteral("2611.10002"), QStringLiteral("2501.01234v2"),
                QStringLiteral("hep-th/9901001"), QStringLiteral("2402.00001")}));
    }

    void risRecords()
    {
        const QString ris =
            QStringLiteral("TY  - JOUR\nTI  - Draft trees\nUR  - http://arxiv.org/pdf/2611.10002v1\n"
                           "ER  - \n\nTY  - BOOK\nTI  - A book\nPY  - 2020\nER  - \n"
                           "TY  - GEN\nDO  - 10.48550/arXiv.2402.00001\n");
        const ReferenceList list = ReferenceList::parse(ris, ReferenceList::Format::Ris);
        QCOMPARE(list.entries, 3);
        QCOMPARE(list.withoutArxivId, 1);
        QCOMPARE(list.ids.size(), 2);
        QCOMPARE(list.ids.at(0).toString(), QStringLiteral("2611.10002v1"));
        QCOMPARE(list.ids.at(1).id, QStringLiteral("2402.00001"));
    }

    void referencesKeepTheirTextWithOrWithoutArxivId()
    {
        const QString bib = QStringLiteral(R"(@book{fold,
  author = {Pauling, Linus and Dorothy Hodgkin},
  title = {{The} Physics of {Folded} Proteins},
  year = 2019,
  publisher = "Imaginary " # "Press",
  abstract = {How chains {fold}, with \"{u}mlauts kept as TeX.},
}
@article{draft, title = "Draft {trees}", author = {Ada Lovelace}, date = {2026-11-20},
  url = {https://arxiv.org/abs/2611.10002v2}}
@misc{again, title = {The physics of folded proteins}, year = {2019}}
@article{journal, title = {A journal paper}, doi = {10.1000/Journal.7}}
)");
        const ReferenceList list = ReferenceList::parse(bib, ReferenceList::Format::BibTeX);
        QCOMPARE(list.entries, 4);
        QCOMPARE(list.withoutArxivId, 3);
        QCOMPARE(list.references.size(), 3); // the third names the book again (same title and year)
        const LibraryReference &book = list.references.at(0);
        QVERIFY(!book.arxivId);
        QCOMPARE(book.title, QStringLiteral("The Physics of Folded Proteins"));
        QCOMPARE(
            book.authors, (QStringList {QStringLiteral("Linus Pauling"), QStringLiteral("Dorothy Hodgkin")}));
        QCOMPARE(book.year, 2019);
        QCOMPARE(book.abstract, QStringLiteral(R"(How chains fold, with \"umlauts kept as TeX.)"));
        QCOMPARE(book.itemType, QStringLiteral("book"));
        QCOMPARE(book.key(), QStringLiteral("title:the physics of folded proteins|2019"));
        const LibraryReference &draft = list.references.at(1);
        QCOMPARE(draft.arxivId->toString(), QStringLiteral("2611.10002v2"));
        QCOMPARE(draft.title, QStringLiteral("Draft trees"));
        QCOMPARE(draft.year, 2026);
        QCOMPARE(draft.url, QStringLiteral("https://arxiv.org/abs/2611.10002v2"));
        QCOMPARE(draft.key(), QStringLiteral("arxiv:2611.10002"));
        QCOMPARE(list.references.at(2).doi, QStringLiteral("10.1000/Journal.7"));
        QCOMPARE(list.references.at(2).key(), QStringLiteral("doi:10.1000/journal.7"));

        const QString ris =
            QStringLiteral("TY  - BOOK\nAU  - Pauling, Linus\nAU  - Hodgkin, Dorothy\n"
                           "TI  - The Physics of Folded Proteins\nPY  - 2019///\n"
                           "AB  - How chains fold.\nUR  - https://example.org/fold\nER  - \n");
        const ReferenceList fromRis = ReferenceList::parse(ris, ReferenceList::Format::Ris);
        QCOMPARE(fromRis.references.size(), 1);
        const LibraryReference &r = fromRis.references.first();
        QCOMPARE(r.title, QStringLiteral("The Physics of Folded Proteins"));
        QCOMPARE(
            r.authors, (QStringList {QStringLiteral("Linus Pauling"), QStringLiteral("Dorothy Hodgkin")}));
        QCOMPARE(r.year, 2019);
        QCOMPARE(r.abstract, QStringLiteral("How chains fold."));
        QCOMPARE(r.url, QStringLiteral("https://example.org/fold"));
        QCOMPARE(r.itemType, QStringLiteral("BOOK"));
        // BibTeX's {The} and RIS's plain title are one book.
        QCOMPARE(r.key(), QStringLiteral("title:the physics of folded proteins|2019"));
        QCOMPARE(ReferenceList::formatOf(QStringLiteral("zotero.sqlite")), ReferenceList::Format::Zotero);
    }

    /// What BibTeX files from reference managers hold beyond plain fields: @string macros (also used
    /// with '#'), @comment and @preamble, parenthesised entries, a broken entry between good ones; and each
    /// file starts without the previous file's macros.
    void bibtexMacrosCommentsAndBrokenEntries()
    {
        const QString bib = QStringLiteral(
            "@preamble{\"\\newcommand{\\noop}[1]{}\"}\n"
            "@comment{jabref-meta: databaseType:bibtex;}\n"
            "@string{jmlr = \"Journal of Machine Learning Research\"}\n"
            "@STRING(arx = \"arXiv preprint arXiv:\")\n"
            "@article{sparse2024,\n  title = {Sparse {MoE} Routing},\n  journal = jmlr,\n"
            "  note = arx # {2401.01234},\n  author = {Doe, Jane and Max Mustermann},\n  year = 2024\n}\n"
            "@article{broken, title = {A missing comma} year = 2020}\n"
            "@misc(kv,\n  title = \"{KV} cache notes\",\n  howpublished = "
            "{\\url{https://arxiv.org/abs/2402.05678}}\n)\n");
        const ReferenceList list = ReferenceList::parse(bib, ReferenceList::Format::BibTeX);
        QCOMPARE(list.references.size(), 2);
        const LibraryReference &a = list.references.at(0);
        QCOMPARE(a.title, QStringLiteral("Sparse MoE Routing"));
        QCOMPARE(a.authors, (QStringList {QStringLiteral("Jane Doe"), QStringLiteral("Max Mustermann")}));
        QCOMPARE(a.year, 2024);
        // The note is the macro pasted to the braced part: "arXiv preprint arXiv:2401.01234".
        QVERIFY(a.arxivId);
        QCOMPARE(a.arxivId->id, QStringLiteral("2401.01234"));
        const LibraryReference &b = list.references.at(1);
        QCOMPARE(b.title, QStringLiteral("KV cache notes"));
        QVERIFY(b.arxivId);
        QCOMPARE(b.arxivId->id, QStringLiteral("2402.05678"));
        QVERIFY(list.unreadable.isEmpty());
        QCOMPARE(list.leftOut.size(), 1);
        QVERIFY2(list.leftOut.first().contains(QStringLiteral("BibTeX entry broken")),
            qPrintable(list.leftOut.join(u'|')));

        // Another file: jmlr means nothing there (a bare undefined macro expands to nothing).
        const ReferenceList other = ReferenceList::parse(
            QStringLiteral("@article{x, title = {Other}, journal = jmlr, year = {2020}}\n"),
            ReferenceList::Format::BibTeX);
        QCOMPARE(other.references.size(), 1);
        QCOMPARE(other.references.first().title, QStringLiteral("Other"));
        QCOMPARE(other.references.first().year, 2020);
    }

    void plainListsOfIdsAndUrls()
    {
        const ReferenceList list = ReferenceList::parse(
            QStringLiteral("# my reading list\n2611.10002\n\nhttps://arxiv.org/abs/2501.01234\n"
                           "arXiv:2611.10002v2\nnot a paper\n"),
            ReferenceList::Format::List);
        QCOMPARE(list.entries, 4);
        QCOMPARE(list.ids.size(), 2);
        QCOMPARE(list.withoutArxivId, 1);
        QCOMPARE(list.unreadable, QStringList {QStringLiteral("not a paper")});
    }
};

QTEST_GUILESS_MAIN(TestReferenceList)
#include "test_referencelist.moc"
