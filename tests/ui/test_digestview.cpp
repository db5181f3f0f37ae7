// SPDX-License-Identifier: GPL-3.0-or-later
// The digest view, offscreen, on a synthetic day in a real SQLite store: links are clicked with the mouse.
#include "config/profile.h"
#include "config/settings.h"
#include "dayswitch.h"
#include "digest/digestbuilder.h"
#include "digest/digesthtml.h"
#include "models/paperstatehub.h"
#include "models/papertablemodel.h"
#include "scoring/pricetable.h"
#include "store/paperstore.h"
#include "ui/digestview.h"
#include "ui/exportcontroller.h"
#include "ui/exportdialog.h"
#include "ui/mainwindow.h"
#include "ui/noteeditor.h"
#include "ui/readerview.h"
#include "ui/scorechartview.h"

#include <testkit/fixtures.h>
#include <testkit/loopbackhttpserver.h>
#include <testkit/syntheticday.h>
#include <testkit/textbrowserlinks.h>
#include <testkit/windowparts.h>

#include <QAbstractTextDocumentLayout>
#include <QCheckBox>
#include <QImage>
#include <QLineEdit>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QPixmap>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QScatterSeries>
#include <QScrollBar>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTabWidget>
#include <QTableView>
#include <QTest>
#include <QTextBlock>
#include <QTextDocumentFragment>

using namespace Lectern;
using namespace Qt::StringLiterals;
using Lectern::Test::clickLink;
using Lectern::Test::linkCursor;

namespace {

const QDate kBefore(2026, 3, 16);
const QDate kDay(2026, 3, 17);
const QDate kAfter(2026, 3, 18);

QString id(int n, const QDate &day = kDay)
{
    return u"26%1.%2%3"_s.arg(day.month(), 2, 10, QChar(u'0'))
        .arg(day.day(), 2, 10, QChar(u'0'))
        .arg(n, 3, 10, QChar(u'0'));
}

DigestSettings settings()
{
    DigestSettings s;
    s.followedAuthors = Test::syntheticFollowedAuthors();
    return s;
}

std::unique_ptr<PaperStore> storeWithDays(
    const QString &path, const QString &imageHost = u"http://127.0.0.1:9"_s)
{
    auto s = PaperStore::open(path);
    if (!s)
        qFatal("cannot open store: %s", qPrintable(s.error()));
    auto store = std::move(s).value();
    for (const QDate &d : {kBefore, kDay, kAfter})
        Test::storeDay(*store, Test::syntheticDay(d, imageHost));
    return store;
}

/// Where the anchor named @p name is, as a cursor.
std::optional<QTextCursor> anchorCursor(QTextBrowser *browser, const QString &name)
{
    QTextDocument *doc = browser->document();
    for (QTextBlock b = doc->begin(); b.isValid(); b = b.next()) {
        for (auto it = b.begin(); !it.atEnd(); ++it) {
            const QTextFragment f = it.fragment();
            if (f.isValid() && f.charFormat().anchorNames().contains(name)) {
                QTextCursor c(doc);
                c.setPosition(f.position());
                return c;
            }
        }
    }
    return std::nullopt;
}

QString linkText(QTextBrowser *browser, const QString &href)
{
    QTextDocument *doc = browser->document();
    for (QTextBlock b = doc->begin(); b.isValid(); b = b.next()) {
        for (auto it = b.begin(); !it.atEnd(); ++it) {
            if (it.fragment().charFormat().anchorHref() == href)
                return it.fragment().text();
        }
    }
    return {};
}

/// Waits until the page last asked for is on screen (the view reads and builds it on a worker).
bool settled(DigestView &view)
{
    return QTest::qWaitFor([&] { return !view.isRendering(); }, 10000);
}

QStringList idsOf(const Digest &d)
{
    QStringList out;
    for (const DigestEntry &e : d.entries)
        out << e.paper.arxivId;
    return out;
}

struct Shown
{
    Test::TempProfileDir dir;
    std::unique_ptr<PaperStore> store;
    PaperStateHub hub;
    DigestView view;

    explicit Shown(const QString &imageHost = u"http://127.0.0.1:9"_s)
        : store(storeWithDays(dir.databasePath(), imageHost))
        , hub(store.get())
    {
        view.setSettings(settings());
        view.setHub(&hub);
        view.showDay(kDay);
        view.resize(900, 600);
        view.show();
    }
};

} // namespace

class TestDigestView : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void loadsNothingRemote()
    {
        Test::LoopbackHttpServer server;
        QVERIFY(server.listen());
        server.enqueue("/control", {200, {}, "ok", 0, false});
        const QString host = server.url().toString();
        Shown s(host);
        QVERIFY(QTest::qWaitForWindowExposed(&s.view));
        QVERIFY(settled(s.view));
        QTextBrowser *browser = s.view.browser();
        // The abstract's markup is text on the page, not an image or a style sheet.
        const QString text = browser->toPlainText();
        QVERIFY2(text.contains(u"<img src=\"%1/pixel.png\">"_s.arg(host)), qPrintable(text.left(2000)));
        QVERIFY(text.contains(u"<link rel=stylesheet href=\"%1/style.css\">"_s.arg(host)));
        for (QTextBlock b = browser->document()->begin(); b.isValid(); b = b.next()) {
            for (auto it = b.begin(); !it.atEnd(); ++it)
                QVERIFY(!it.fragment().charFormat().isImageFormat());
        }
        // Scroll through the whole page and paint each view of it now (grab renders synchronously), so
        // that everything is laid out and drawn: any resource it loads, it loads here.
        for (int v = 0; v <= browser->verticalScrollBar()->maximum(); v += 200) {
            browser->verticalScrollBar()->setValue(v);
            QVERIFY(!browser->viewport()->grab().isNull());
        }
        // Asked directly, the browser loads neither remote nor local files: it answers with a resource that
        // holds nothing (a blank pixel for images, so that QTextDocument does not read the file itself).
        const auto holdsNothing = [](const QVariant &v) {
            if (v.userType() == QMetaType::QImage)
                return v.value<QImage>().size() == QSize(1, 1) &&
                    v.value<QImage>().pixelColor(0, 0).alpha() == 0;
            return v.userType() == QMetaType::QByteArray && v.toByteArray().isEmpty();
        };
        QVERIFY(
            holdsNothing(browser->loadResource(QTextDocument::ImageResource, QUrl(host + u"/pixel.png"_s))));
        QVERIFY(holdsNothing(
            browser->loadResource(QTextDocument::StyleSheetResource, QUrl(host + u"/style.css"_s))));
        QVERIFY(holdsNothing(
            browser->loadResource(QTextDocument::ImageResource, QUrl::fromLocalFile(s.dir.databasePath()))));
        QVERIFY(
            browser->loadResource(QTextDocument::ImageResource, QUrl(u"qrc:/icons/lectern.svg"_s)).isValid());
        // The page's document, built on a worker before the browser had it, answers the same.
        QTextDocument *page = browser->document();
        QVERIFY(holdsNothing(page->resource(QTextDocument::ImageResource, QUrl(host + u"/other.png"_s))));
        QVERIFY(
            holdsNothing(page->resource(QTextDocument::StyleSheetResource, QUrl(host + u"/other.css"_s))));
        QVERIFY(holdsNothing(page->resource(
            QTextDocument::ImageResource, QUrl::fromLocalFile(s.dir.path() + u"/settings.ini"_s))));
        QVERIFY(page->resource(QTextDocument::ImageResource, QUrl(u"qrc:/icons/lectern.svg"_s)).isValid());
        // The server counts requests: a control request sent now arrives after anything the view had sent,
        // and it is the only one.
        QNetworkAccessManager nam;
        QNetworkReply *reply = nam.get(QNetworkRequest(server.url(u"/control"_s)));
        QTRY_VERIFY(reply->isFinished());
        reply->deleteLater();
        QCOMPARE(server.requests().size(), 1);
        QCOMPARE(server.requests().front().path(), QByteArray("/control"));
    }

    // Seen under Xvfb (issue 15): a day that cost $0.0076 read "$0.0" for the prompt and the completion.
    void costsUnderACentKeepTheirDigits()
    {
        Shown s;
        auto stored = s.store->dayRun(kDay);
        QVERIFY(stored.ok() && stored->has_value());
        DayRun run = **stored;
        run.promptTokens = 1200;
        run.completionTokens = 600;
        run.cost = 0.0075;
        QVERIFY(s.store->saveDayRun(run).ok());
        DigestSettings withPrices = settings();
        withPrices.prices = PriceTable::defaults(); // gpt-5: $0.0015 in, $0.006 out
        s.view.setSettings(withPrices);
        QTRY_VERIFY2(s.view.browser()->toPlainText().contains(u"$0.0075"_s),
            qPrintable(s.view.browser()->toPlainText().left(400)));
        const QString text = s.view.browser()->toPlainText();
        QVERIFY2(text.contains(u"$0.0015"_s) && text.contains(u"$0.006"_s), qPrintable(text.left(400)));
    }

    void tocLinkJumps()
    {
        Shown s;
        QVERIFY(QTest::qWaitForWindowExposed(&s.view));
        QVERIFY(settled(s.view));
        QTextBrowser *browser = s.view.browser();
        browser->verticalScrollBar()->setValue(0);
        QCOMPARE(browser->verticalScrollBar()->value(), 0);
        auto target = anchorCursor(browser, u"link5"_s);
        QVERIFY(target.has_value());
        QVERIFY(browser->cursorRect(*target).top() > browser->viewport()->height()); // off screen at first
        // Click the table of contents entry (it is near the top, so no scrolling is needed to reach it).
        auto toc = linkCursor(browser, u"#link5"_s);
        QVERIFY(toc.has_value());
        const QPoint at = browser->cursorRect(*toc).center();
        QVERIFY(browser->viewport()->rect().contains(at));
        QTest::mouseClick(browser->viewport(), Qt::LeftButton, {}, at);
        QTRY_VERIFY(browser->verticalScrollBar()->value() > 0);
        // The section starts the viewport, unless the page ends first.
        const int top = browser->cursorRect(*anchorCursor(browser, u"link5"_s)).top();
        QVERIFY2(top >= 0 &&
                (top < 40 ||
                    browser->verticalScrollBar()->value() == browser->verticalScrollBar()->maximum()),
            qPrintable(QString::number(top)));
        QVERIFY(top < browser->viewport()->height());
    }

    void starSavesToTheStore()
    {
        Shown s;
        QVERIFY(QTest::qWaitForWindowExposed(&s.view));
        QVERIFY(settled(s.view));
        QSignalSpy changed(&s.hub, &PaperStateHub::changed);
        const QString star = DigestHtml::starUrl(id(2), true).toString();
        const QString unstar = DigestHtml::starUrl(id(2), false).toString();
        QCOMPARE(linkText(s.view.browser(), star), u"☆ Star"_s);
        QVERIFY(!s.store->state(id(2))->starred);
        QVERIFY(clickLink(s.view.browser(), star));
        QTRY_COMPARE(changed.size(), 1);
        QVERIFY(settled(s.view));
        QCOMPARE(changed.front().front().value<PaperState>().arxivId, id(2));
        QVERIFY(s.store->state(id(2))->starred);
        QCOMPARE(linkText(s.view.browser(), unstar), u"★ Unstar"_s); // the page follows
        QVERIFY(s.view.browser()->toPlainText().count(u"Starred: ★ yes"_s) == 3);
        QVERIFY(clickLink(s.view.browser(), unstar));
        QTRY_COMPARE(changed.size(), 2);
        QVERIFY(!s.store->state(id(2))->starred);
        // A star made elsewhere (the reader's s key) shows at once, and the link then unstars.
        QVERIFY(s.hub.update(id(2), [](PaperState &st) { st.starred = true; }).ok());
        QVERIFY(settled(s.view));
        QCOMPARE(linkText(s.view.browser(), unstar), u"★ Unstar"_s);
        // A page older than the store never does the opposite of its label: "Star" on a starred paper stars.
        s.view.openLink(QUrl(star));
        QVERIFY(s.store->state(id(2))->starred);
        QVERIFY(settled(s.view));
        QVERIFY(clickLink(s.view.browser(), unstar));
        QVERIFY(!s.store->state(id(2))->starred);
        // Other state is kept.
        QVERIFY(clickLink(s.view.browser(), DigestHtml::starUrl(id(6), false).toString()));
        QTRY_COMPARE(changed.size(), 6);
        const PaperState moss = *s.store->state(id(6));
        QVERIFY(!moss.starred);
        QCOMPARE(moss.tags, (QStringList {u"field-work"_s, u"to-read"_s}));
        QCOMPARE(moss.note, u"Ask the authors for the tower list.\ncheck tower 12 & 13"_s);
    }

    void noteSavesToTheStore()
    {
        Shown s;
        QVERIFY(QTest::qWaitForWindowExposed(&s.view));
        QVERIFY(settled(s.view));
        QVERIFY(!s.view.noteEditor()->isVisible());
        QVERIFY(clickLink(s.view.browser(), DigestHtml::noteUrl(id(4)).toString()));
        QTRY_COMPARE(s.view.notePaper(), id(4));
        QVERIFY(s.view.noteEditor()->isVisible());
        QVERIFY(s.view.noteEditor()->toPlainText().isEmpty());
        QVERIFY(s.view.saveNoteButton()->isVisible());
        QVERIFY(s.view.noteEditor()->height() > 30);
        s.view.noteEditor()->setPlainText(u"Ring it twice.\nThen <once>."_s);
        QTest::mouseClick(s.view.saveNoteButton(), Qt::LeftButton);
        QCOMPARE(s.store->state(id(4))->note, u"Ring it twice.\nThen <once>."_s);
        QVERIFY(settled(s.view));
        QCOMPARE(s.store->state(id(4))->tags, QStringList {u"to-read"_s}); // kept
        QVERIFY(s.view.browser()->toPlainText().contains(u"Note: Ring it twice.\u2028Then <once>."_s) ||
            s.view.browser()->toPlainText().contains(u"Note: Ring it twice.\nThen <once>."_s));
        QCOMPARE(linkText(s.view.browser(), DigestHtml::noteUrl(id(4)).toString()), u"✎ Edit note"_s);
        // An existing note opens with its text.
        QVERIFY(clickLink(s.view.browser(), DigestHtml::noteUrl(id(6)).toString()));
        QTRY_COMPARE(s.view.notePaper(), id(6));
        QCOMPARE(s.view.noteEditor()->toPlainText(),
            u"Ask the authors for the tower list.\ncheck tower 12 & 13"_s);
    }

    void filters()
    {
        Shown s;
        QVERIFY(QTest::qWaitForWindowExposed(&s.view));
        QVERIFY(settled(s.view));
        QCOMPARE(idsOf(s.view.digest()), (QStringList {id(1), id(2), id(3), id(4), id(5), id(6)}));
        auto *starred = s.view.findChild<QCheckBox *>(u"digestStarredOnly"_s);
        auto *relevant = s.view.findChild<QCheckBox *>(u"digestRelevantOnly"_s);
        auto *tag = s.view.findChild<QLineEdit *>(u"digestTag"_s);
        auto *minRelevance = s.view.findChild<QSpinBox *>(u"digestMinRelevance"_s);
        auto *minNovelty = s.view.findChild<QSpinBox *>(u"digestMinNovelty"_s);
        QVERIFY(starred && relevant && tag && minRelevance && minNovelty);

        QTest::mouseClick(starred, Qt::LeftButton);
        QVERIFY(settled(s.view));
        QCOMPARE(idsOf(s.view.digest()), (QStringList {id(3), id(6)}));
        QVERIFY(!s.view.browser()->toPlainText().contains(u"Stedman"_s));
        // Issue 15.15: "Starred only" rewrote the day's "Total relevant papers"; it keeps the day's figure
        // and says what it shows.
        QVERIFY2(
            s.view.browser()->toPlainText().contains(u"Total relevant papers: 6\nShown here: 2 (starred)"_s),
            qPrintable(s.view.browser()->toPlainText().left(600)));
        QTest::mouseClick(relevant, Qt::LeftButton); // every starred paper of the day, even unscored
        QVERIFY(settled(s.view));
        QCOMPARE(idsOf(s.view.digest()), (QStringList {id(3), id(6), id(7)}));
        QVERIFY(s.view.browser()->toPlainText().contains(u"Unscored Listing About Clock Escapements"_s));
        QTest::mouseClick(starred, Qt::LeftButton);
        QVERIFY(settled(s.view));
        tag->setFocus();
        QTest::keyClicks(tag, u"to-read"_s);
        QTest::keyClick(tag, Qt::Key_Return);
        QVERIFY(settled(s.view));
        QCOMPARE(idsOf(s.view.digest()), (QStringList {id(4), id(8), id(6)}));
        tag->clear();
        QTest::keyClick(tag, Qt::Key_Return);
        QVERIFY(settled(s.view));
        QTest::mouseClick(relevant, Qt::LeftButton);
        QVERIFY(settled(s.view));
        minRelevance->setValue(9);
        QVERIFY(settled(s.view));
        QCOMPARE(idsOf(s.view.digest()), (QStringList {id(1), id(2), id(3), id(4)}));
        minNovelty->setValue(8);
        QVERIFY(settled(s.view));
        QCOMPARE(idsOf(s.view.digest()), (QStringList {id(1), id(3), id(4)}));
        QCOMPARE(s.view.filter(), (DigestFilter {true, false, QString(), 9, 8}));
        // The table of contents follows the filter.
        QVERIFY(linkCursor(s.view.browser(), u"#link3"_s).has_value());
        QVERIFY(!linkCursor(s.view.browser(), u"#link4"_s).has_value());
    }

    void navigation()
    {
        Shown s;
        QVERIFY(QTest::qWaitForWindowExposed(&s.view));
        QVERIFY(settled(s.view));
        QSignalSpy shown(&s.view, &DigestView::dayShown);
        QTextBrowser *browser = s.view.browser();
        QCOMPARE(linkText(browser, DigestHtml::dayUrl(kBefore).toString()), u"← Previous day 2026-03-16"_s);
        QCOMPARE(linkText(browser, DigestHtml::dayUrl(kAfter).toString()), u"Next day 2026-03-18 →"_s);
        QVERIFY(clickLink(browser, DigestHtml::dayUrl(kBefore).toString()));
        QTRY_COMPARE(s.view.day(), kBefore);
        QVERIFY(settled(s.view));
        QCOMPARE(shown.size(), 1);
        QVERIFY(browser->toPlainText().contains(u"Personalized Daily ArXiv Papers 2026-03-16"_s));
        QVERIFY(
            !linkCursor(browser, DigestHtml::dayUrl(QDate(2026, 3, 15)).toString()).has_value()); // first day
        QVERIFY(clickLink(browser, DigestHtml::monthUrl(2026, 3).toString()));
        QTRY_VERIFY(s.view.showingMonth());
        QVERIFY(settled(s.view));
        QVERIFY(browser->toPlainText().contains(u"Monthly Overview 2026-03"_s));
        QVERIFY(browser->toPlainText().contains(u"Total relevant papers: 18"_s));
        QVERIFY(clickLink(browser, DigestHtml::dayUrl(kAfter).toString()));
        QTRY_COMPARE(s.view.day(), kAfter);
        QVERIFY(settled(s.view));
        QVERIFY(!s.view.showingMonth());
        QCOMPARE(shown.size(), 2);
        QVERIFY(browser->toPlainText().contains(u"Personalized Daily ArXiv Papers 2026-03-18"_s));
    }

    void mainWindowHasTheDigestTab()
    {
        Test::TempProfileDir dir;
        storeWithDays(dir.databasePath());
        const Profile profile = Profile::inDirectory(dir.path());
        {
            Settings settings(profile.settingsPath());
            QVERIFY(settings.setValue(Keys::TopicsFollowedAuthors, Test::syntheticFollowedAuthors()).ok());
        }
        MainWindow w(profile);
        QVERIFY(Test::waitForDay(w));
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        QCOMPARE(Test::tabs(w)->count(), 2);
        QCOMPARE(Test::tabs(w)->widget(1), Test::digestView(w));
        QCOMPARE(Test::days(w)->day(), kAfter);
        QCOMPARE(Test::digestView(w)->day(), kAfter); // follows the current day
        QVERIFY(Test::showDayAndWait(w, kDay));
        QCOMPARE(Test::digestView(w)->day(), kDay);
        Test::tabs(w)->setCurrentIndex(1);
        QTRY_VERIFY(Test::digestView(w)->browser()->toPlainText().contains(
            u"Personalized Daily ArXiv Papers 2026-03-17"_s));
        QVERIFY(settled(*Test::digestView(w)));
        // Its own navigation moves the window too.
        QVERIFY(clickLink(Test::digestView(w)->browser(), DigestHtml::dayUrl(kBefore).toString()));
        QTRY_COMPARE(Test::days(w)->day(), kBefore);
        QCOMPARE(Test::paperModel(w)->records().front().paper.announced, kBefore);
        QVERIFY(settled(*Test::digestView(w)));
        // A star in the digest reaches the reader's table.
        const QString paper = id(2, kBefore);
        QVERIFY(clickLink(Test::digestView(w)->browser(), DigestHtml::starUrl(paper, true).toString()));
        QTRY_VERIFY(Test::paperModel(w)->recordAt(Test::paperModel(w)->rowOf(paper))->state.starred);
        // File ▸ Export writes what the Digest tab shows: its filter is the dialog's first choice.
        Test::digestView(w)->setFilter(DigestFilter {true, true, QString(), 0, 0});
        const QString path = dir.path() + u"/starred.md"_s;
        Test::part<QAction>(w, u"actionExport"_s)->trigger();
        auto *dialog = w.findChild<ExportDialog *>();
        QVERIFY(dialog && QTest::qWaitForWindowExposed(dialog));
        QCOMPARE(dialog->selection(), ExportDialog::Selection::DigestTab);
        QVERIFY(Test::part<QRadioButton>(*dialog, u"selectDigestTab"_s)->text().contains(u"starred"_s));
        QCOMPARE(dialog->scope(), ExportDialog::Scope::Day);
        dialog->setFormat(ExportFormat::Markdown);
        dialog->pathEdit()->setText(path);
        QSignalSpy exported(Test::exporter(w), &ExportController::finished);
        QTest::mouseClick(dialog->exportButton(), Qt::LeftButton);
        QVERIFY(exported.wait(60000));
        QVERIFY2(exported.first().at(0).toBool(), qPrintable(exported.first().at(1).toString()));
        QFile f(path);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QString md = QString::fromUtf8(f.readAll());
        QVERIFY(md.startsWith(u"# Personalized Daily ArXiv Papers 2026-03-16\n"_s));
        // The day's relevant papers, and the three starred ones shown: 2 (just starred), 3 and 6.
        QVERIFY2(md.contains(u"Shown here: 3 (starred)\n"_s), qPrintable(md.left(800)));
        QVERIFY(!md.contains(u"Total relevant papers: 3 "_s));
        QVERIFY(md.contains(u"(https://arxiv.org/abs/%1)"_s.arg(paper)));
    }

    // Issue 15.2: a note changed in the Reader still showed its old text in the Digest; a paper starred
    // with s still showed "☆ Star" there, and clicking it unstarred the paper; the chart kept the new star
    // as a plain dot.
    void everyViewFollowsTheStore()
    {
        Test::TempProfileDir dir;
        const Profile profile = Profile::inDirectory(dir.path());
        storeWithDays(dir.databasePath());
        MainWindow w(profile);
        QVERIFY(Test::waitForDay(w));
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        QVERIFY(Test::showDayAndWait(w, kDay));
        const QString paper = id(2);
        QVERIFY(Test::reader(w)->selectPaper(paper));
        // The Digest is rendered once, then the Reader changes the paper.
        Test::tabs(w)->setCurrentIndex(1);
        QTRY_VERIFY(
            Test::digestView(w)->browser()->toPlainText().contains(u"Personalized Daily ArXiv Papers"_s));
        QVERIFY(settled(*Test::digestView(w)));
        QCOMPARE(linkText(Test::digestView(w)->browser(), DigestHtml::starUrl(paper, true).toString()),
            u"☆ Star"_s);
        Test::tabs(w)->setCurrentIndex(0);
        Test::paperView(w)->setFocus();
        QTest::keyClick(Test::paperView(w), Qt::Key_S);
        QVERIFY(Test::paperStateHub(w)->store()->state(paper)->starred);
        QTest::keyClick(Test::paperView(w), Qt::Key_N);
        QTest::keyClicks(Test::noteEditor(w)->noteEdit(), u"Compare with the March run"_s);
        QTRY_COMPARE(Test::paperStateHub(w)->store()->state(paper)->note, u"Compare with the March run"_s);
        // The chart draws the star at once.
        bool starredInChart = false;
        for (const QPointF &p : Test::scoreChart(w)->starredSeries()->points())
            starredInChart = starredInChart || Test::scoreChart(w)->paperAt(p) == paper;
        QVERIFY(starredInChart);
        // The Digest shows the star and the note; its link now unstars, which is what its label says.
        Test::tabs(w)->setCurrentIndex(1);
        QVERIFY(settled(*Test::digestView(w)));
        QTRY_COMPARE(linkText(Test::digestView(w)->browser(), DigestHtml::starUrl(paper, false).toString()),
            u"★ Unstar"_s);
        QVERIFY(Test::digestView(w)->browser()->toPlainText().contains(u"Compare with the March run"_s));
        // A note written in the Digest reaches the Reader's note editor and the table.
        QVERIFY(clickLink(Test::digestView(w)->browser(), DigestHtml::noteUrl(paper).toString()));
        QTRY_COMPARE(Test::digestView(w)->notePaper(), paper);
        QCOMPARE(Test::digestView(w)->noteEditor()->toPlainText(), u"Compare with the March run"_s);
        Test::digestView(w)->noteEditor()->setPlainText(u"Rewritten in the digest"_s);
        QTest::mouseClick(Test::digestView(w)->saveNoteButton(), Qt::LeftButton);
        QCOMPARE(Test::noteEditor(w)->noteEdit()->toPlainText(), u"Rewritten in the digest"_s);
        QCOMPARE(Test::paperModel(w)->recordAt(Test::paperModel(w)->rowOf(paper))->state.note,
            u"Rewritten in the digest"_s);
        QVERIFY(settled(*Test::digestView(w)));
        // Unstarred in the Digest: the Reader's row and the chart follow.
        QVERIFY(clickLink(Test::digestView(w)->browser(), DigestHtml::starUrl(paper, false).toString()));
        QVERIFY(!Test::paperStateHub(w)->store()->state(paper)->starred);
        QVERIFY(!Test::paperModel(w)->recordAt(Test::paperModel(w)->rowOf(paper))->state.starred);
        for (const QPointF &p : Test::scoreChart(w)->starredSeries()->points())
            QVERIFY(Test::scoreChart(w)->paperAt(p) != paper);
    }

    // Issue 15.5: the Digest's note panel discarded its text on Close.
    void closingTheNotePanelKeepsTheText()
    {
        Shown s;
        QVERIFY(QTest::qWaitForWindowExposed(&s.view));
        QVERIFY(settled(s.view));
        QVERIFY(clickLink(s.view.browser(), DigestHtml::noteUrl(id(4)).toString()));
        QTRY_COMPARE(s.view.notePaper(), id(4));
        QTest::keyClicks(s.view.noteEditor(), u"Draft that must survive"_s);
        QVERIFY(s.view.noteModified());
        auto *close = s.view.findChild<QPushButton *>(u"digestCloseNote"_s);
        QVERIFY(close);
        QTest::mouseClick(close, Qt::LeftButton);
        QVERIFY(!s.view.noteEditor()->isVisible());
        QCOMPARE(s.store->state(id(4))->note, u"Draft that must survive"_s);
        // Esc closes too, saving; opening another paper's note saves the draft of the first.
        QVERIFY(clickLink(s.view.browser(), DigestHtml::noteUrl(id(4)).toString()));
        QTRY_COMPARE(s.view.noteEditor()->toPlainText(), u"Draft that must survive"_s);
        s.view.noteEditor()->setFocus();
        QTest::keyClicks(s.view.noteEditor(), u" and more"_s);
        QTest::keyClick(s.view.noteEditor(), Qt::Key_Escape);
        QVERIFY(!s.view.noteEditor()->isVisible());
        QCOMPARE(s.store->state(id(4))->note, u"Draft that must survive and more"_s);
        QVERIFY(clickLink(s.view.browser(), DigestHtml::noteUrl(id(4)).toString()));
        QTRY_COMPARE(s.view.notePaper(), id(4));
        s.view.noteEditor()->setPlainText(u"Third version"_s);
        QVERIFY(clickLink(s.view.browser(), DigestHtml::noteUrl(id(5)).toString()));
        QTRY_COMPARE(s.view.notePaper(), id(5));
        QCOMPARE(s.store->state(id(4))->note, u"Third version"_s);
    }
};

QTEST_MAIN(TestDigestView)
#include "test_digestview.moc"
