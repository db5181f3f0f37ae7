// SPDX-License-Identifier: GPL-3.0-or-later
// Issue 12.1: text from feeds, models, servers and files is shown as text in every widget and tool tip,
// never read as markup. The real main window loads a day whose every field holds markup-like text, and each
// label, message box and tool tip is checked for what it displays.
#include "config/profile.h"
#include "config/settings.h"
#include "detailswait.h"
#include "domain/dayrun.h"
#include "jobs/job.h"
#include "models/roles.h"
#include "store/paperstore.h"
#include "text/textounicode.h"
#include "ui/connectiontester.h"
#include "ui/daypresenter.h"
#include "ui/detailpane.h"
#include "ui/digestview.h"
#include "ui/emptystatewidget.h"
#include "ui/jobcontroller.h"
#include "ui/joberrorbar.h"
#include "ui/mainwindow.h"

#include <testkit/fixtures.h>
#include <testkit/loopbackhttpserver.h>
#include <testkit/windowparts.h>

#include <QApplication>
#include <QBuffer>
#include <QImage>
#include <QLabel>
#include <QMessageBox>
#include <QPushButton>
#include <QSignalSpy>
#include <QTabWidget>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTextBlock>
#include <QTextBrowser>
#include <QTextDocument>
#include <QTextFragment>
#include <QToolTip>

using namespace Lectern;

namespace {

// Each one is read differently by Qt's rich-text guess: a comparison that looks like a <p> tag, a tag, an
// image that would be loaded (from a local file) and a link.
const QString kLess = QStringLiteral("Sharp bounds for 1 < p < 2 and s > 0");
const QString kBold = QStringLiteral("<b>x</b> bold");
const QString kImage = QStringLiteral("<img src=\"/dev/zero\"> image");
const QString kLink = QStringLiteral("<a href=\"https://example.org/t\">click</a> link");
const QStringList kHostile {kLess, kBold, kImage, kLink};

struct Shown
{
    QString text; ///< what the reader sees
    int images = 0;
    int anchors = 0;
};

/// What Qt renders for `text` in a widget of `format`: QLabel and QToolTip decide rich text exactly so.
Shown render(const QString &text, Qt::TextFormat format)
{
    Shown shown;
    const bool rich = format == Qt::RichText || (format == Qt::AutoText && Qt::mightBeRichText(text));
    if (!rich) {
        shown.text = text;
        return shown;
    }
    QTextDocument doc;
    doc.setHtml(text);
    shown.text = doc.toPlainText();
    for (QTextBlock b = doc.begin(); b.isValid(); b = b.next()) {
        for (auto it = b.begin(); !it.atEnd(); ++it) {
            const QTextCharFormat f = it.fragment().charFormat();
            shown.images += f.isImageFormat() ? 1 : 0;
            shown.anchors += f.isAnchor() ? 1 : 0;
        }
    }
    return shown;
}

Shown labelShows(const QLabel *label)
{
    return render(label->text(), label->textFormat());
}

/// Shows `tip` as the tool tip of `widget`, as a hover would, and reads the tool tip's own label.
Shown toolTipShows(const QString &tip, QWidget *widget)
{
    QToolTip::showText(widget->mapToGlobal(QPoint(5, 5)), tip, widget);
    QLabel *label = nullptr;
    for (QWidget *w : QApplication::topLevelWidgets()) {
        if (w->objectName() == u"qtooltip_label" && w->isVisible())
            label = qobject_cast<QLabel *>(w);
    }
    if (!label) {
        Shown none;
        none.text = QStringLiteral("(no tool tip shown)");
        return none;
    }
    Shown shown = labelShows(label);
    QToolTip::hideText();
    return shown;
}

/// Fails unless `shown` is `expected`, character for character, with no image and no link.
void checkShows(const Shown &shown, const QString &expected, const char *where)
{
    QVERIFY2(shown.text == expected,
        qPrintable(QStringLiteral("%1 shows \"%2\" instead of \"%3\"")
                       .arg(QLatin1StringView(where), shown.text, expected)));
    QVERIFY2(shown.images == 0, where);
    QVERIFY2(shown.anchors == 0, where);
}

} // namespace

class TestHostileText : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void dayOfMarkupIsShownAsText()
    {
        Test::TempProfileDir dir;
        const Profile profile = Profile::inDirectory(dir.path());
        const QDate day(2026, 11, 23);
        {
            auto store = PaperStore::open(profile.databasePath());
            QVERIFY(store.ok());
            QList<Paper> papers;
            for (int i = 0; i < kHostile.size(); ++i) {
                Paper p = Test::makePaper(QStringLiteral("2611.0000%1").arg(i + 1), 1, day);
                p.title = kHostile.at(i);
                p.authors = QStringList {kHostile.at((i + 1) % kHostile.size())};
                p.comments = kHostile.at((i + 2) % kHostile.size());
                papers << p;
            }
            // A paper whose scoring failed: its status names the model, which a server or a file chose.
            Paper failedPaper = Test::makePaper(QStringLiteral("2611.00009"), 1, day);
            failedPaper.title = QStringLiteral("Failed ") + kBold;
            papers << failedPaper;
            QVERIFY(store.value()->upsertPapers(papers).ok());
            for (int i = 0; i < kHostile.size(); ++i) {
                PaperState state;
                state.arxivId = papers.at(i).arxivId;
                state.note = kHostile.at((i + 3) % kHostile.size());
                QVERIFY(store.value()->saveState(state).ok());
                // Scored high, so that the paper is in the digest; the model's comment is hostile too.
                Score score = Test::makeScore(papers.at(i), 9, 9);
                score.comment = kHostile.at(i);
                QVERIFY(store.value()->addScore(score).ok());
            }
            Score failed;
            failed.arxivId = failedPaper.arxivId;
            failed.model = kImage;
            failed.promptHash = QStringLiteral("p1");
            failed.scoredAt = QDateTime::currentDateTimeUtc();
            QVERIFY(store.value()->addScore(failed).ok());
            DayRun run;
            run.date = day;
            run.source = QStringLiteral("rss");
            run.complete = false;
            run.statusNote = kImage + u' ' + kLess;
            QVERIFY(store.value()->saveDayRun(run).ok());
        }
        MainWindow w(profile);
        QVERIFY(Test::waitForDay(w));
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        QCOMPARE(Test::days(w)->day(), day);
        QTableView *table = Test::paperView(w);
        QCOMPARE(table->model()->rowCount(), kHostile.size() + 1);

        // The table's tool tips: the title and the authors as the cells show them, the model's name.
        int statusTips = 0;
        for (int row = 0; row < table->model()->rowCount(); ++row) {
            const QModelIndex title = table->model()->index(row, TitleColumn);
            const QString shownTitle = title.data().toString();
            checkShows(toolTipShows(title.data(Qt::ToolTipRole).toString(), table->viewport()), shownTitle,
                "the title tool tip");
            const QModelIndex authors = table->model()->index(row, AuthorsColumn);
            const QString author = authors.data(AuthorsRole).toStringList().value(0);
            const Shown authorsShown =
                toolTipShows(authors.data(Qt::ToolTipRole).toString(), table->viewport());
            QVERIFY2(authorsShown.text.contains(author), qPrintable(authorsShown.text));
            checkShows(authorsShown, authorsShown.text, "the authors tool tip");
            const QString status = table->model()->index(row, TotalColumn).data(Qt::ToolTipRole).toString();
            if (status.isEmpty())
                continue;
            ++statusTips;
            checkShows(toolTipShows(status, table->viewport()),
                QStringLiteral("Not scored (") + kImage + QStringLiteral(" gave no usable score)"),
                "the score status tool tip");
        }
        QCOMPARE(statusTips, 1);

        // The detail pane renders HTML it builds itself: every field shown as written.
        for (int row = 0; row < kHostile.size(); ++row) {
            table->selectRow(row);
            QVERIFY(Test::waitForDetails(Test::reader(w)));
            const QString detail = Test::detailPane(w)->toPlainText();
            for (const QString &h : kHostile)
                QVERIFY2(detail.contains(h), qPrintable(h + QStringLiteral(" is missing from: ") + detail));
        }

        // The day's status: the reason the fetch looked partial is quoted as it was stored.
        auto *dayStatus = w.findChild<QWidget *>(QStringLiteral("dayStatusBar"));
        QVERIFY(dayStatus->isVisible());
        const auto *dayText = dayStatus->findChild<QLabel *>();
        checkShows(labelShows(dayText), QStringLiteral("This day looks partial: ") + kImage + u' ' + kLess,
            "the day status");

        // The Digest tab's note panel names the paper by its title.
        w.findChild<QTabWidget *>(QStringLiteral("mainTabs"))->setCurrentWidget(Test::digestView(w));
        QTRY_VERIFY(!Test::digestView(w)->isRendering() && !Test::digestView(w)->digest().entries.isEmpty());
        for (int i = 0; i < kHostile.size(); ++i) {
            Test::digestView(w)->editNote(QStringLiteral("2611.0000%1").arg(i + 1));
            const auto *noteTitle =
                Test::digestView(w)->findChild<QLabel *>(QStringLiteral("digestNoteTitle"));
            checkShows(labelShows(noteTitle),
                QStringLiteral("Note on ") + TexToUnicode::convert(kHostile.at(i)), "the note title");
        }

        // The error bar and its details box quote a job's error as it came.
        JobErrorBar *bar = Test::jobErrorBar(w);
        const QString error = QStringLiteral("Fetch failed: ") + kHostile.join(u' ');
        bar->showError(error, kLink);
        checkShows(
            labelShows(bar->findChild<QLabel *>(QStringLiteral("jobErrorText"))), error, "the error bar");
        QTest::mouseClick(bar->detailsButton(), Qt::LeftButton);
        QVERIFY(bar->detailsBox());
        checkShows(labelShows(bar->detailsBox()->findChild<QLabel *>(QStringLiteral("qt_msgbox_label"))),
            error, "the error details box");
        bar->detailsBox()->close();
    }

    // Issue 12.8: the views that show paper text load nothing: no local file, no data: URL, whatever HTML
    // reaches them. Checked by what the widget paints.
    void textViewsLoadNothing()
    {
        QTemporaryDir tmp;
        QImage red(8, 8, QImage::Format_RGB32);
        red.fill(Qt::red);
        const QString file = tmp.filePath(QStringLiteral("red.png"));
        QVERIFY(red.save(file));
        QByteArray png;
        QBuffer buffer(&png);
        QVERIFY(buffer.open(QIODevice::WriteOnly));
        QVERIFY(red.save(&buffer, "PNG"));
        const QStringList sources {QUrl::fromLocalFile(file).toString(), file,
            QStringLiteral("data:image/png;base64,") + QString::fromLatin1(png.toBase64())};
        DetailPane pane;
        DigestBrowser digest;
        for (QTextBrowser *view :
            {static_cast<QTextBrowser *>(&pane), static_cast<QTextBrowser *>(&digest)}) {
            view->resize(400, 300);
            view->show();
            QVERIFY(QTest::qWaitForWindowExposed(view));
            for (const QString &src : sources) {
                view->setHtml(QStringLiteral("<p>x</p><img src=\"%1\" width=\"60\" height=\"60\">").arg(src));
                const QImage shot = view->grab().toImage();
                int redPixels = 0;
                for (int y = 0; y < shot.height(); ++y) {
                    for (int x = 0; x < shot.width(); ++x)
                        redPixels += shot.pixelColor(x, y) == QColor(Qt::red) ? 1 : 0;
                }
                QVERIFY2(redPixels == 0,
                    qPrintable(QStringLiteral("%1 shows %2 red pixels from %3")
                                   .arg(QLatin1StringView(view->metaObject()->className()))
                                   .arg(redPixels)
                                   .arg(src.left(60))));
            }
            view->hide();
        }
    }

    // A refusal from arXiv (its error feed's description) reaches the error bar and the empty state.
    void feedErrorIsShownAsText()
    {
        Test::LoopbackHttpServer server;
        QVERIFY(server.listen());
        const QString description = kHostile.join(u' ');
        const QByteArray feed = QByteArrayLiteral("<?xml version='1.0' encoding='UTF-8'?>\n"
                                                  "<rss version=\"2.0\"><channel>"
                                                  "<title>Feed error for query: cs.LG</title><description>") +
            description.toHtmlEscaped().toUtf8() + QByteArrayLiteral("</description></channel></rss>");
        server.route("/rss/cs.LG", [&](const Test::LoopbackHttpServer::Request &) {
            Test::LoopbackHttpServer::Response r;
            r.status = 400;
            r.body = feed;
            return r;
        });
        Test::TempProfileDir dir;
        const Profile profile = Profile::inDirectory(dir.path());
        {
            Settings settings(profile.settingsPath());
            QVERIFY(settings.setValue(Keys::ArxivRssBase, server.url(QStringLiteral("/rss"))).ok());
            QVERIFY(settings.setText(Keys::ArxivCategories, QStringLiteral("cs.LG")).ok());
            QVERIFY(settings.setValue(Keys::ArxivMinIntervalMs, 0).ok());
            QVERIFY(settings.setValue(Keys::ArxivRetryBaseMs, 10).ok());
        }
        MainWindow w(profile);
        QVERIFY(Test::waitForDay(w));
        w.show();
        QSignalSpy finished(w.jobs()->runner(), &JobRunner::finished);
        w.jobs()->fetchToday();
        QVERIFY(finished.wait(30000));
        QVERIFY(Test::waitForDay(w));
        QVERIFY(!finished.first().at(0).value<JobOutcome>().ok());

        const auto *barText = Test::jobErrorBar(w)->findChild<QLabel *>(QStringLiteral("jobErrorText"));
        const Shown bar = labelShows(barText);
        QVERIFY2(bar.text.contains(description), qPrintable(bar.text));
        checkShows(bar, barText->text(), "the error bar");

        auto *empty = w.findChild<EmptyStateWidget *>(QStringLiteral("emptyState"));
        bool found = false;
        for (const QLabel *label : empty->findChildren<QLabel *>()) {
            const Shown shown = labelShows(label);
            if (shown.text.contains(description)) {
                found = true;
                checkShows(shown, label->text(), "the empty state");
            }
        }
        QVERIFY2(found, "the empty state does not quote the error");
    }

    // The connection test quotes an LLM server's own error message.
    void connectionTestShowsTheServersErrorAsText()
    {
        Test::LoopbackHttpServer server;
        QVERIFY(server.listen());
        const QString message = kHostile.join(u' ');
        server.route("/v1/models", [&](const Test::LoopbackHttpServer::Request &) {
            Test::LoopbackHttpServer::Response r;
            r.status = 400;
            r.headers = {{"Content-Type", "application/json"}};
            r.body = QByteArrayLiteral("{\"error\":{\"message\":\"") + message.toUtf8() +
                QByteArrayLiteral("\",\"type\":\"invalid_request_error\"}}");
            return r;
        });
        ConnectionTester tester;
        tester.show();
        QSignalSpy finished(&tester, &ConnectionTester::finished);
        LlmConfig config;
        config.baseUrl = server.url(QStringLiteral("/v1"));
        config.model = QStringLiteral("gpt-5-mini");
        config.apiKey = QStringLiteral("sk-test-not-a-real-key");
        tester.start(config);
        QVERIFY(finished.wait(20000));
        QVERIFY(!finished.first().at(0).toBool());
        const Shown shown = labelShows(tester.resultLabel());
        QVERIFY2(shown.text.contains(message), qPrintable(shown.text));
        checkShows(shown, tester.resultLabel()->text(), "the connection test");
    }
};

QTEST_MAIN(TestHostileText)
#include "test_hostiletext.moc"
