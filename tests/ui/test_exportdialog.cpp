// SPDX-License-Identifier: GPL-3.0-or-later
// File ▸ Export…: the real main window and dialog, offscreen, on synthetic days in a real store. Every
// export is read back from the file it wrote.
#include "config/profile.h"
#include "config/settings.h"
#include "dayswitch.h"
#include "digest/digestmarkdownreader.h"
#include "jobs/job.h"
#include "models/paperfilterproxy.h"
#include "models/papertablemodel.h"
#include "store/paperstore.h"
#include "ui/exportcontroller.h"
#include "ui/exportdialog.h"
#include "ui/joberrorbar.h"
#include "ui/mainwindow.h"

#include <testkit/bibreader.h>
#include <testkit/csvreader.h>
#include <testkit/fixtures.h>
#include <testkit/separatetest.h>
#include <testkit/syntheticday.h>
#include <testkit/windowparts.h>

#include <QApplication>
#include <QComboBox>
#include <QDateEdit>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QLabel>
#include <QLineEdit>
#include <QProcess>
#include <QProgressBar>
#include <QPushButton>
#include <QRadioButton>
#include <QRegularExpression>
#include <QScopeGuard>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTemporaryDir>
#include <QTest>
#include <QToolButton>

using namespace Lectern;
using namespace Qt::StringLiterals;

namespace {

const QDate kBefore(2026, 3, 16);
const QDate kDay(2026, 3, 17);
const QDate kAfter(2026, 3, 18);

QString id(int n, const QDate &day)
{
    return u"26%1.%2%3"_s.arg(day.month(), 2, 10, QChar(u'0'))
        .arg(day.day(), 2, 10, QChar(u'0'))
        .arg(n, 3, 10, QChar(u'0'));
}

QSet<QString> ids(const QList<int> &numbers, const QList<QDate> &days)
{
    QSet<QString> out;
    for (const QDate &d : days) {
        for (int n : numbers)
            out.insert(id(n, d));
    }
    return out;
}

QString readFile(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    return QString::fromUtf8(f.readAll());
}

/// The days of a Markdown range export, each read back.
QList<ParsedDigest> readDays(const QString &markdown)
{
    QList<ParsedDigest> out;
    static const QRegularExpression heading(
        u"(?m)^(?=# Personalized Daily ArXiv Papers \\d{4}-\\d\\d-\\d\\d$)"_s);
    for (const QString &page : markdown.split(heading, Qt::SkipEmptyParts))
        out << DigestMarkdownReader::read(page);
    return out;
}

QSet<QString> idsOf(const QList<ParsedDigest> &days)
{
    QSet<QString> out;
    for (const ParsedDigest &d : days) {
        for (const ParsedDigestEntry &e : d.entries)
            out.insert(e.arxivId);
    }
    return out;
}

/// A profile with three synthetic days and the followed author that makes paper 1 an author match.
struct Fixture
{
    Test::TempProfileDir dir;
    Profile profile;
    std::unique_ptr<MainWindow> window;

    Fixture()
        : profile(Profile::inDirectory(dir.path()))
    {
        {
            auto store = PaperStore::open(dir.databasePath());
            if (!store)
                qFatal("cannot open store: %s", qPrintable(store.error()));
            for (const QDate &d : {kBefore, kDay, kAfter})
                Test::storeDay(*store.value(), Test::syntheticDay(d));
        }
        Settings settings(profile.settingsPath());
        if (!settings.setValue(Keys::TopicsFollowedAuthors, Test::syntheticFollowedAuthors()).ok())
            qFatal("cannot write the settings");
        window = std::make_unique<MainWindow>(profile);
        window->show();
        if (!QTest::qWaitForWindowExposed(window.get()))
            qFatal("window not exposed");
        if (!Test::waitForDay(*window))
            qFatal("the window's day was not read");
        if (!Test::showDayAndWait(*window, kDay))
            qFatal("the day was not shown");
    }

    [[nodiscard]] QString file(const QString &name) const { return dir.path() + u'/' + name; }

    /// File ▸ Export… as the menu opens it.
    ExportDialog *openDialog()
    {
        Test::part<QAction>(*window, QStringLiteral("actionExport"))->trigger();
        // The newest visible one: an accepted dialog may wait for its deferred deletion.
        const QList<ExportDialog *> dialogs = window->findChildren<ExportDialog *>();
        for (auto it = dialogs.crbegin(); it != dialogs.crend(); ++it) {
            if ((*it)->isVisible())
                return QTest::qWaitForWindowExposed(*it) ? *it : nullptr;
        }
        return nullptr;
    }
};

void click(QAbstractButton *button)
{
    QVERIFY(button);
    QVERIFY(button->isEnabled());
    // On the indicator: a radio button takes clicks on its indicator and label, not its whole width.
    QTest::mouseClick(button, Qt::LeftButton, {}, QPoint(6, button->height() / 2));
    QVERIFY(!button->isCheckable() || button->isChecked());
}

/// Types @p path into the dialog's file field, as the user would (replacing what is there).
void typePath(ExportDialog *dialog, const QString &path)
{
    QLineEdit *edit = dialog->pathEdit();
    edit->setFocus();
    edit->selectAll();
    QTest::keyClick(edit, Qt::Key_Backspace);
    QTest::keyClicks(edit, path);
    QCOMPARE(edit->text(), path);
}

/// Presses Export and waits for the background export to end; returns whether it wrote the file.
bool exportAndWait(Fixture &f, ExportDialog *dialog, QString *message = nullptr)
{
    QSignalSpy finished(Test::exporter(*f.window), &ExportController::finished);
    QTest::mouseClick(dialog->exportButton(), Qt::LeftButton);
    if (!finished.wait(120000))
        return false;
    if (message)
        *message = finished.first().at(1).toString();
    return finished.first().at(0).toBool();
}

} // namespace

class TestExportDialog : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { qRegisterMetaType<JobProgress>(); }

    void nameAndFormatStayInStep()
    {
        Fixture f;
        ExportDialog *dialog = f.openDialog();
        QVERIFY(dialog);
        QVERIFY(dialog->isVisible());
        QCOMPARE(dialog->scope(), ExportDialog::Scope::Day);
        QCOMPARE(QFileInfo(dialog->path()).fileName(), u"digest-2026-03-17.md"_s);
        // The range defaults to the shown day's month.
        click(dialog->findChild<QRadioButton *>(u"scopeRange"_s));
        QCOMPARE(dialog->fromEdit()->date(), QDate(2026, 3, 1));
        QCOMPARE(dialog->toEdit()->date(), QDate(2026, 3, 31));
        QCOMPARE(QFileInfo(dialog->path()).fileName(), u"digest-2026-03-01_to_2026-03-31.md"_s);
        dialog->formatCombo()->setCurrentIndex(dialog->formatCombo()->findData(u"bib"_s));
        QCOMPARE(QFileInfo(dialog->path()).fileName(), u"digest-2026-03-01_to_2026-03-31.bib"_s);
        QVERIFY(!dialog->pageSizeCombo()->isEnabled());
        click(dialog->findChild<QRadioButton *>(u"selectStarred"_s));
        QCOMPARE(QFileInfo(dialog->path()).fileName(), u"digest-2026-03-01_to_2026-03-31-starred.bib"_s);
        // A typed name stays; its extension picks the format, and the format its extension.
        typePath(dialog, f.file(u"mine.pdf"_s));
        QCOMPARE(dialog->format(), ExportFormat::Pdf);
        QVERIFY(dialog->pageSizeCombo()->isEnabled());
        dialog->formatCombo()->setCurrentIndex(dialog->formatCombo()->findData(u"ris"_s));
        QCOMPARE(dialog->path(), f.file(u"mine.ris"_s));
        // A monthly overview is md, html or pdf only.
        click(dialog->findChild<QRadioButton *>(u"scopeMonth"_s));
        QCOMPARE(dialog->format(), ExportFormat::Markdown);
        QCOMPARE(dialog->path(), f.file(u"mine.md"_s));
        QVERIFY(!dialog->findChild<QRadioButton *>(u"selectStarred"_s)->isEnabled());
        dialog->reject();
    }

    void rangeToMarkdownHasBothDays()
    {
        Fixture f;
        ExportDialog *dialog = f.openDialog();
        QVERIFY(dialog);
        click(dialog->findChild<QRadioButton *>(u"scopeRange"_s));
        dialog->fromEdit()->setDate(kBefore);
        dialog->toEdit()->setDate(kDay);
        QCOMPARE(QFileInfo(dialog->path()).fileName(), u"digest-2026-03-16_to_2026-03-17.md"_s);
        const QString path = f.file(u"range.md"_s);
        typePath(dialog, path);
        QString message;
        QVERIFY2(exportAndWait(f, dialog, &message), qPrintable(message));
        QVERIFY(message.contains(path));
        QVERIFY(f.window->statusBar()->currentMessage().contains(path));
        QVERIFY(Test::exporter(*f.window)->openFolderButton()->isVisible());
        const QList<ParsedDigest> days = readDays(readFile(path));
        QCOMPARE(days.size(), 2);
        QCOMPARE(days.at(0).date, kBefore);
        QCOMPARE(days.at(1).date, kDay);
        // The digest of each day: papers 1 to 6 (paper 1 by the followed author), not 7 and 8.
        QCOMPARE(idsOf({days.at(0)}), ids({1, 2, 3, 4, 5, 6}, {kBefore}));
        QCOMPARE(idsOf({days.at(1)}), ids({1, 2, 3, 4, 5, 6}, {kDay}));
        // The next export is suggested beside this one.
        ExportDialog *next = f.openDialog();
        QVERIFY(next);
        QCOMPARE(next->path(), f.file(u"digest-2026-03-17.md"_s));
        next->reject();
    }

    // Issue 15.15: the dialog proposed the home folder and forgot the last folder with the window.
    void proposesDocumentsThenTheLastFolderAcrossRestarts()
    {
        QTemporaryDir xdg;
        QVERIFY(QDir(xdg.path()).mkpath(u"Docs"_s));
        {
            QFile dirs(xdg.path() + u"/user-dirs.dirs"_s);
            QVERIFY(dirs.open(QIODevice::WriteOnly));
            dirs.write("XDG_DOCUMENTS_DIR=\"" + xdg.path().toUtf8() + "/Docs\"\n");
        }
        const QByteArray oldConfigHome = qgetenv("XDG_CONFIG_HOME");
        qputenv("XDG_CONFIG_HOME", xdg.path().toUtf8());
        const auto restore = qScopeGuard([&] {
            if (oldConfigHome.isEmpty())
                qunsetenv("XDG_CONFIG_HOME");
            else
                qputenv("XDG_CONFIG_HOME", oldConfigHome);
        });
        QCOMPARE(
            QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation), xdg.path() + u"/Docs"_s);

        Fixture f;
        ExportDialog *dialog = f.openDialog();
        QVERIFY(dialog);
        QCOMPARE(QFileInfo(dialog->path()).absolutePath(), xdg.path() + u"/Docs"_s);
        typePath(dialog, f.file(u"kept/day.md"_s));
        QVERIFY(QDir(f.dir.path()).mkpath(u"kept"_s));
        QVERIFY(exportAndWait(f, dialog));

        // Lectern restarted: the last folder again.
        f.window.reset();
        f.window = std::make_unique<MainWindow>(f.profile);
        f.window->show();
        QVERIFY(QTest::qWaitForWindowExposed(f.window.get()));
        QVERIFY(Test::waitForDay(*f.window));
        ExportDialog *next = f.openDialog();
        QVERIFY(next);
        QCOMPARE(QFileInfo(next->path()).absolutePath(), f.file(u"kept"_s));
        next->reject();

        // The folder is gone: Documents again, not a path that cannot be written.
        QVERIFY(QDir(f.file(u"kept"_s)).removeRecursively());
        ExportDialog *third = f.openDialog();
        QVERIFY(third);
        QCOMPARE(QFileInfo(third->path()).absolutePath(), xdg.path() + u"/Docs"_s);
        third->reject();
    }

    void starredToBibTeXHasExactlyTheStarred()
    {
        Fixture f;
        ExportDialog *dialog = f.openDialog();
        QVERIFY(dialog);
        click(dialog->findChild<QRadioButton *>(u"scopeRange"_s));
        dialog->fromEdit()->setDate(kBefore);
        dialog->toEdit()->setDate(kAfter);
        click(dialog->findChild<QRadioButton *>(u"selectStarred"_s));
        dialog->formatCombo()->setCurrentIndex(dialog->formatCombo()->findData(u"bib"_s));
        const QString path = dialog->path();
        QVERIFY(path.endsWith(u"digest-2026-03-16_to_2026-03-18-starred.bib"_s));
        typePath(dialog, f.file(u"starred.bib"_s));
        QString message;
        QVERIFY2(exportAndWait(f, dialog, &message), qPrintable(message));
        QString error;
        const QList<Test::BibEntry> entries = Test::readBibTeX(readFile(f.file(u"starred.bib"_s)), &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QSet<QString> got;
        for (const Test::BibEntry &e : entries)
            got.insert(e.fields.value(u"eprint"_s));
        QCOMPARE(entries.size(), 9);
        // Papers 3 and 6 (starred, in the digest) and 7 (starred, never scored), on each day.
        QCOMPARE(got, ids({3, 6, 7}, {kBefore, kDay, kAfter}));
    }

    // CSV from the window: a typed .csv name picks the format, and the file reads back, a row a paper.
    void starredToCsvReadsBack()
    {
        Fixture f;
        ExportDialog *dialog = f.openDialog();
        QVERIFY(dialog);
        click(dialog->findChild<QRadioButton *>(u"selectStarred"_s));
        typePath(dialog, f.file(u"starred.csv"_s));
        QCOMPARE(dialog->format(), ExportFormat::Csv);
        QCOMPARE(dialog->formatCombo()->currentData().toString(), u"csv"_s);
        QVERIFY(!dialog->pageSizeCombo()->isEnabled());
        QString message;
        QVERIFY2(exportAndWait(f, dialog, &message), qPrintable(message));
        QFile file(f.file(u"starred.csv"_s));
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray bytes = file.readAll();
        QVERIFY2(bytes.startsWith("\xEF\xBB\xBF"), "no UTF-8 byte order mark");
        QString error;
        const QList<Test::CsvRecord> rows = Test::readCsv(QString::fromUtf8(bytes.mid(3)), &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QCOMPARE(rows.size(), 4);
        QSet<QString> got;
        for (qsizetype i = 1; i < rows.size(); ++i) {
            got.insert(rows[i].fields.value(0));
            QCOMPARE(rows[i].fields.value(10), u"yes"_s); // starred
            QCOMPARE(rows[i].fields.value(5), u"2026-03-17"_s);
        }
        QCOMPARE(got, ids({3, 6, 7}, {kDay}));
    }

    void currentFilterGivesTheProxysPapers_data()
    {
        QTest::addColumn<bool>("allDays");
        QTest::newRow("this day") << false;
        QTest::newRow("all days") << true;
    }

    void currentFilterGivesTheProxysPapers()
    {
        QFETCH(bool, allDays);
        Fixture f;
        // The window's own filter bar: tag "to-read" (papers 4, 6 and 8, the last one under the bar).
        auto *tag = f.window->findChild<QComboBox *>(u"tagFilter"_s);
        QVERIFY(tag);
        QVERIFY(tag->findText(u"to-read"_s) > 0);
        tag->setCurrentIndex(tag->findText(u"to-read"_s));
        if (allDays) {
            auto *scope = f.window->findChild<QComboBox *>(u"dayScope"_s);
            QVERIFY(scope);
            scope->setCurrentIndex(1);
            QTRY_VERIFY(Test::days(*f.window)->allDays() && Test::paperModel(*f.window)->rowCount() == 24);
        }
        QSet<QString> shown;
        PaperFilterProxy *proxy = Test::paperProxy(*f.window);
        for (int row = 0; row < proxy->rowCount(); ++row)
            shown.insert(Test::paperModel(*f.window)
                             ->recordAt(proxy->mapToSource(proxy->index(row, 0)).row())
                             ->paper.arxivId);
        QCOMPARE(shown, allDays ? ids({4, 6, 8}, {kBefore, kDay, kAfter}) : ids({4, 6, 8}, {kDay}));

        ExportDialog *dialog = f.openDialog();
        QVERIFY(dialog);
        auto *scopeShown = dialog->findChild<QRadioButton *>(u"scopeShown"_s);
        QVERIFY(scopeShown->text().contains(QString::number(shown.size())));
        click(scopeShown);
        QVERIFY(!dialog->findChild<QRadioButton *>(u"selectDigest"_s)->isEnabled());
        const QString path = f.file(u"shown.md"_s);
        typePath(dialog, path);
        QString message;
        QVERIFY2(exportAndWait(f, dialog, &message), qPrintable(message));
        const QList<ParsedDigest> days = readDays(readFile(path));
        QCOMPARE(days.size(), allDays ? 3 : 1);
        QCOMPARE(idsOf(days), shown);
        qsizetype entries = 0;
        for (const ParsedDigest &d : days)
            entries += d.entries.size();
        QCOMPARE(entries, shown.size()); // each once
    }

    void monthOverview()
    {
        Fixture f;
        ExportDialog *dialog = f.openDialog();
        QVERIFY(dialog);
        click(dialog->findChild<QRadioButton *>(u"scopeMonth"_s));
        QCOMPARE(dialog->monthEdit()->date(), QDate(2026, 3, 1));
        QCOMPARE(QFileInfo(dialog->path()).fileName(), u"overview-2026-03.md"_s);
        const QString path = f.file(u"overview-2026-03.md"_s);
        typePath(dialog, path);
        QString message;
        QVERIFY2(exportAndWait(f, dialog, &message), qPrintable(message));
        QVERIFY(message.contains(u"monthly overview 2026-03, 3 days"_s));
        const QString md = readFile(path);
        QVERIFY2(md.contains(u"Monthly Overview 2026-03"_s), qPrintable(md.left(300)));
        QVERIFY(md.contains(u"Total relevant papers: 18"_s));
        for (const QDate &d : {kBefore, kDay, kAfter})
            QVERIFY(md.contains(u"digest-%1.md"_s.arg(d.toString(Qt::ISODate))));
    }

    void pdfOfARangeHasTheTitles()
    {
        LECTERN_SEPARATE_TEST();
        const QString pdftotext = QStandardPaths::findExecutable(u"pdftotext"_s);
        if (pdftotext.isEmpty())
            QSKIP("pdftotext (poppler-utils) not found; packaging/install-deps.sh installs it.");
        Fixture f;
        ExportDialog *dialog = f.openDialog();
        QVERIFY(dialog);
        click(dialog->findChild<QRadioButton *>(u"scopeRange"_s));
        dialog->fromEdit()->setDate(kBefore);
        dialog->toEdit()->setDate(kDay);
        dialog->formatCombo()->setCurrentIndex(dialog->formatCombo()->findData(u"pdf"_s));
        QVERIFY(dialog->pageSizeCombo()->isEnabled());
        QCOMPARE(dialog->pageSizeCombo()->currentData().toString(), u"A4"_s); // the setting's default
        dialog->pageSizeCombo()->setCurrentIndex(dialog->pageSizeCombo()->findData(u"Letter"_s));
        const QString path = f.file(u"range.pdf"_s);
        typePath(dialog, path);
        QString message;
        QVERIFY2(exportAndWait(f, dialog, &message), qPrintable(message));
        QProcess p;
        p.start(pdftotext, {u"-enc"_s, u"UTF-8"_s, path, u"-"_s});
        QVERIFY(p.waitForFinished(30000));
        QCOMPARE(p.exitCode(), 0);
        const QString text =
            QString::fromUtf8(p.readAllStandardOutput()).replace(QChar(u'\f'), u' ').simplified();
        QVERIFY2(text.contains(u"Personalized Daily ArXiv Papers 2026-03-16 to 2026-03-17"_s),
            qPrintable(text.left(400)));
        // Each day's titles twice (contents, then the section), as DigestHtml writes them (TeX converted).
        for (const QString &title :
            {u"Sets A, B and #hash_tags in Ringing"_s, u"Bells & Whistles: 100% Coverage of x₁ Rows"_s})
            QCOMPARE(text.count(title), 4);
        QVERIFY(!text.contains(u"Tenor Weights"_s)); // under the bar: not in the digest
        QVERIFY(!text.contains(u"2603.18"_s)); // the day after the range
        const QString pdfinfo = QStandardPaths::findExecutable(u"pdfinfo"_s);
        if (!pdfinfo.isEmpty()) {
            QProcess info;
            info.start(pdfinfo, {path});
            QVERIFY(info.waitForFinished(30000));
            QVERIFY(QString::fromUtf8(info.readAllStandardOutput()).contains(u"612 x 792 pts (letter)"_s));
        }
    }

    void unwritableFolderIsRefusedInTheDialog()
    {
        Fixture f;
        ExportDialog *dialog = f.openDialog();
        QVERIFY(dialog);
        const QString path = f.file(u"no-such-folder/out.md"_s);
        typePath(dialog, path);
        QSignalSpy requested(dialog, &ExportDialog::exportRequested);
        QTest::mouseClick(dialog->exportButton(), Qt::LeftButton);
        QCOMPARE(requested.size(), 0);
        QVERIFY(dialog->isVisible()); // still open, to fix the path
        QVERIFY(dialog->errorLabel()->isVisible());
        QVERIFY2(dialog->errorLabel()->text().contains(u"does not exist"_s),
            qPrintable(dialog->errorLabel()->text()));
        QVERIFY(!QFileInfo::exists(path));
        QVERIFY(!Test::exporter(*f.window)->isRunning());
        dialog->reject();
    }

    void failedWriteReportsAndLeavesNoFile()
    {
        Fixture f;
        const QString folder = f.file(u"vanishing"_s);
        QVERIFY(QDir().mkdir(folder));
        ExportDialog *dialog = f.openDialog();
        QVERIFY(dialog);
        const QString path = folder + u"/out.md"_s;
        typePath(dialog, path);
        // The folder goes between the dialog's check and the export: the window's connection is made again
        // after the removal's, so that the removal comes first.
        QVERIFY(QObject::disconnect(dialog, nullptr, Test::exporter(*f.window), nullptr));
        connect(dialog, &ExportDialog::exportRequested, this, [folder] { QDir(folder).removeRecursively(); });
        connect(dialog, &ExportDialog::exportRequested, Test::exporter(*f.window), &ExportController::start);
        QString message;
        QVERIFY(!exportAndWait(f, dialog, &message));
        QVERIFY2(message.contains(u"cannot write"_s) && message.contains(path), qPrintable(message));
        QVERIFY(Test::jobErrorBar(*f.window)->isVisible());
        QVERIFY(Test::jobErrorBar(*f.window)->message().contains(u"Export failed"_s));
        QVERIFY(!Test::exporter(*f.window)->openFolderButton()->isVisible());
        QVERIFY(!QFileInfo::exists(path));
        QVERIFY(QDir(f.dir.path()).entryList(QDir::Files).filter(u"out"_s).isEmpty());
    }

    void cancelWritesNothing()
    {
        Fixture f;
        ExportDialog *dialog = f.openDialog();
        QVERIFY(dialog);
        click(dialog->findChild<QRadioButton *>(u"scopeRange"_s));
        dialog->fromEdit()->setDate(kBefore);
        dialog->toEdit()->setDate(kAfter);
        dialog->formatCombo()->setCurrentIndex(dialog->formatCombo()->findData(u"pdf"_s));
        const QString path = f.file(u"cancelled.pdf"_s);
        typePath(dialog, path);
        QSignalSpy finished(Test::exporter(*f.window), &ExportController::finished);
        QTest::mouseClick(dialog->exportButton(), Qt::LeftButton);
        // Progress and Cancel in the status bar while it runs; Cancel comes long before three days of PDF
        // are laid out.
        QToolButton *cancel = Test::exporter(*f.window)->cancelButton();
        QVERIFY(Test::exporter(*f.window)->isRunning());
        QVERIFY(Test::exporter(*f.window)->progressBar()->isVisible());
        QVERIFY(cancel->isVisible());
        QTest::mouseClick(cancel, Qt::LeftButton);
        QVERIFY(finished.wait(120000));
        QCOMPARE(finished.first().at(0).toBool(), false);
        QVERIFY2(finished.first().at(1).toString().contains(u"cancelled"_s),
            qPrintable(finished.first().at(1).toString()));
        QVERIFY(!cancel->isVisible());
        QVERIFY(!Test::jobErrorBar(*f.window)->isVisible()); // asked for, not an error
        QVERIFY(!QFileInfo::exists(path));
    }

    void emptySelectionReportsAndLeavesNoFile()
    {
        Fixture f;
        ExportDialog *dialog = f.openDialog();
        QVERIFY(dialog);
        click(dialog->findChild<QRadioButton *>(u"scopeRange"_s));
        dialog->fromEdit()->setDate(QDate(2026, 4, 1));
        dialog->toEdit()->setDate(QDate(2026, 4, 30));
        const QString path = f.file(u"april.md"_s);
        typePath(dialog, path);
        QString message;
        QVERIFY(!exportAndWait(f, dialog, &message));
        QVERIFY2(message.contains(u"nothing to export: no papers stored for 2026-04-01 to 2026-04-30"_s),
            qPrintable(message));
        QVERIFY(Test::jobErrorBar(*f.window)->isVisible());
        QVERIFY(f.window->statusBar()->currentMessage().contains(u"nothing to export"_s));
        QVERIFY(!QFileInfo::exists(path));
        // A range that ends before it starts is refused in the dialog.
        dialog = f.openDialog();
        QVERIFY(dialog);
        click(dialog->findChild<QRadioButton *>(u"scopeRange"_s));
        dialog->fromEdit()->setDate(kAfter);
        dialog->toEdit()->setDate(kBefore);
        QTest::mouseClick(dialog->exportButton(), Qt::LeftButton);
        QVERIFY(dialog->isVisible());
        QVERIFY(dialog->errorLabel()->text().contains(u"after it ends"_s));
        dialog->reject();
    }
};

QTEST_MAIN(TestExportDialog)
#include "test_exportdialog.moc"
