// SPDX-License-Identifier: GPL-3.0-or-later
// A Zotero library read from a copy: a small zotero.sqlite is written here with the tables and column names
// of Zotero's schema, part of it left in the -wal file under an exclusive lock as a running Zotero leaves it.
#include "library/referencelist.h"
#include "library/zoterolibrary.h"

#include <testkit/zoterolibrarybuilder.h>

#include <QCryptographicHash>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace Lectern;

namespace {

QByteArray digestOf(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    return QCryptographicHash::hash(f.readAll(), QCryptographicHash::Sha256);
}

} // namespace

class TestZoteroLibrary : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void readsItemsFromACopyWhileZoteroHoldsTheLibrary()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("zotero.sqlite"));
        Test::ZoteroLibraryBuilder zotero(path);
        QVERIFY(zotero.ok());
        zotero.addItem(QStringLiteral("journalArticle"),
            {{QStringLiteral("title"), QStringLiteral("Draft trees for speculative decoding")},
                {QStringLiteral("date"), QStringLiteral("2026-11-20 2026-11-20")},
                {QStringLiteral("url"), QStringLiteral("https://arxiv.org/abs/2611.10002v2")},
                {QStringLiteral("abstractNote"), QStringLiteral("Longer drafts, fewer rejections.")}},
            {QStringLiteral("Ada|Lovelace"), QStringLiteral("Alan|Turing")});
        zotero.addItem(QStringLiteral("preprint"),
            {{QStringLiteral("title"), QStringLiteral("Sparse experts at scale")},
                {QStringLiteral("archiveID"), QStringLiteral("arXiv:2501.01234")},
                {QStringLiteral("DOI"), QStringLiteral("10.48550/arXiv.2501.01234")}});
        zotero.addItem(QStringLiteral("book"),
            {{QStringLiteral("title"), QStringLiteral("Physics of Folded Proteins")},
                {QStringLiteral("date"), QStringLiteral("2019-00-00 2019")}},
            {QStringLiteral("Institute of Folding")});
        zotero.addItem(QStringLiteral("journalArticle"),
            {{QStringLiteral("title"), QStringLiteral("Weather on the sphere")},
                {QStringLiteral("extra"), QStringLiteral("Citation Key: sphere24\narXiv: 2402.00001")}});
        zotero.addItem(QStringLiteral("report"),
            {{QStringLiteral("title"), QStringLiteral("Strings, old style")},
                {QStringLiteral("reportNumber"), QStringLiteral("arXiv:hep-th/9901001")}});
        // Not references: a note, an attachment, an item in the trash, an item of a subscribed feed.
        zotero.addItem(
            QStringLiteral("note"), {{QStringLiteral("title"), QStringLiteral("see arXiv:2611.55555")}});
        zotero.addItem(QStringLiteral("attachment"),
            {{QStringLiteral("title"), QStringLiteral("Full Text PDF")},
                {QStringLiteral("url"), QStringLiteral("https://arxiv.org/pdf/2611.10002v2")}});
        const int trashed = zotero.addItem(QStringLiteral("journalArticle"),
            {{QStringLiteral("title"), QStringLiteral("Thrown away")},
                {QStringLiteral("url"), QStringLiteral("https://arxiv.org/abs/2611.77777")}});
        QVERIFY(zotero.exec(QStringLiteral("INSERT INTO deletedItems (itemID) VALUES (?)"), {trashed}));
        QVERIFY(
            zotero.exec(QStringLiteral("INSERT INTO feeds (libraryID, name, url) VALUES (2, 'news', 'x')")));
        zotero.addItem(QStringLiteral("journalArticle"),
            {{QStringLiteral("title"), QStringLiteral("A feed's item")},
                {QStringLiteral("url"), QStringLiteral("https://arxiv.org/abs/2611.88888")}},
            {}, 2);
        // Zotero runs: WAL, an exclusive lock, and the latest item only in the -wal file.
        QVERIFY(zotero.exec(QStringLiteral("PRAGMA journal_mode=WAL")));
        QVERIFY(zotero.exec(QStringLiteral("PRAGMA wal_autocheckpoint=0")));
        QVERIFY(zotero.exec(QStringLiteral("PRAGMA locking_mode=EXCLUSIVE")));
        zotero.addItem(QStringLiteral("journalArticle"),
            {{QStringLiteral("title"), QStringLiteral("Written while Zotero runs")},
                {QStringLiteral("DOI"), QStringLiteral("10.1000/Running.1")}},
            {QStringLiteral("Grace|Hopper")});
        QVERIFY(zotero.ok());
        QVERIFY(QFile::exists(path + QStringLiteral("-wal")));
        const QByteArray before = digestOf(path);
        const QByteArray walBefore = digestOf(path + QStringLiteral("-wal"));

        const Result<ReferenceList> list = ReferenceList::read(path);
        QVERIFY2(list.ok(), qPrintable(list.error()));
        QCOMPARE(list->format, ReferenceList::Format::Zotero);
        QStringList titles;
        for (const LibraryReference &r : list->references)
            titles << r.title;
        QCOMPARE(titles,
            (QStringList {QStringLiteral("Draft trees for speculative decoding"),
                QStringLiteral("Sparse experts at scale"), QStringLiteral("Physics of Folded Proteins"),
                QStringLiteral("Weather on the sphere"), QStringLiteral("Strings, old style"),
                QStringLiteral("Written while Zotero runs")}));
        QStringList ids;
        for (const ArxivId &id : list->ids)
            ids << id.toString();
        QCOMPARE(ids,
            (QStringList {QStringLiteral("2611.10002v2"), QStringLiteral("2501.01234"),
                QStringLiteral("2402.00001"), QStringLiteral("hep-th/9901001")}));
        QCOMPARE(list->withoutArxivId, 2);
        const LibraryReference &first = list->references.at(0);
        QCOMPARE(
            first.authors, (QStringList {QStringLiteral("Ada Lovelace"), QStringLiteral("Alan Turing")}));
        QCOMPARE(first.year, 2026);
        QCOMPARE(first.abstract, QStringLiteral("Longer drafts, fewer rejections."));
        QCOMPARE(first.itemType, QStringLiteral("journalArticle"));
        const LibraryReference &book = list->references.at(2);
        QVERIFY(!book.arxivId);
        QCOMPARE(book.authors, QStringList {QStringLiteral("Institute of Folding")});
        QCOMPARE(book.year, 2019);
        QCOMPARE(book.key(), QStringLiteral("title:physics of folded proteins|2019"));
        const LibraryReference &running = list->references.at(5);
        QCOMPARE(running.doi, QStringLiteral("10.1000/Running.1"));
        QCOMPARE(running.key(), QStringLiteral("doi:10.1000/running.1"));
        QCOMPARE(running.authors, QStringList {QStringLiteral("Grace Hopper")});

        // Zotero's files are as they were.
        QCOMPARE(digestOf(path), before);
        QCOMPARE(digestOf(path + QStringLiteral("-wal")), walBefore);
    }

    void anotherSqliteFileIsRefusedWithAReason()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("notes.db"));
        {
            Test::ZoteroLibraryBuilder other(path);
            QVERIFY(other.exec(QStringLiteral("DROP TABLE items")));
        }
        const Result<ReferenceList> list = ReferenceList::read(path); // found a SQLite file by its header
        QVERIFY(!list.ok());
        QVERIFY2(list.error().contains(QStringLiteral("not a Zotero library")), qPrintable(list.error()));
        const Result<ReferenceList> missing =
            ZoteroLibrary::read(dir.filePath(QStringLiteral("gone.sqlite")));
        QVERIFY(!missing.ok());
        QVERIFY2(missing.error().contains(QStringLiteral("no such file")), qPrintable(missing.error()));
    }
};

QTEST_GUILESS_MAIN(TestZoteroLibrary)
#include "test_zoterolibrary.moc"
