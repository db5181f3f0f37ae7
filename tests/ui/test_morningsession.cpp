// SPDX-License-Identifier: GPL-3.0-or-later
// Issue 15: a whole morning session, driven the way a person drives it — keys and clicks on the real
// widgets, nothing called on the window. First start with the assistant, Run against loopback arXiv and
// OpenAI stand-ins, triage of a 30-paper day by keyboard with the Unread filter on, a search for an
// accented author, the Digest tab, the chart, the Tab order, Settings and the prompt editor, exports to
// PDF and Markdown. After each step the database (its own PaperStore connection) and every visible view
// are checked against each other.
//
// With LECTERN_SESSION_SCREENSHOTS=1 it also writes a PNG of each step to
// <build>/screenshots/session/NN-step.png, for review and for the README's pictures.
#include "arxiv/fetchjob.h"
#include "config/profile.h"
#include "config/settings.h"
#include "digest/digesthtml.h"
#include "models/paperfilterproxy.h"
#include "models/papertablemodel.h"
#include "models/roles.h"
#include "scoring/prompttemplate.h"
#include "store/paperstore.h"
#include "text/textounicode.h"
#include "ui/daypresenter.h"
#include "ui/detailpane.h"
#include "ui/digestview.h"
#include "ui/exportcontroller.h"
#include "ui/exportdialog.h"
#include "ui/filterbar.h"
#include "ui/firstrunwizard.h"
#include "ui/jobcontroller.h"
#include "ui/mainwindow.h"
#include "ui/noteeditor.h"
#include "ui/prompteditordialog.h"
#include "ui/scorechartview.h"
#include "ui/settingsdialog.h"
#include "ui/translations.h"
#include "ui/triagecontroller.h"

#include <testkit/arxivstandin.h>
#include <testkit/fixtures.h>
#include <testkit/loopbackhttpserver.h>
#include <testkit/modaldialog.h>
#include <testkit/openaistandin.h>
#include <testkit/textbrowserlinks.h>
#include <testkit/windowparts.h>

#include <QAbstractButton>
#include <QApplication>
#include <QChart>
#include <QChartView>
#include <QCheckBox>
#include <QDir>
#include <QDockWidget>
#include <QFile>
#include <QImage>
#include <QLineEdit>
#include <QMenu>
#include <QPlainTextEdit>
#include <QProcess>
#include <QPushButton>
#include <QScatterSeries>
#include <QScrollBar>
#include <QSignalSpy>
#include <QStackedWidget>
#include <QStandardPaths>
#include <QTabBar>
#include <QTabWidget>
#include <QTableView>
#include <QTest>
#include <QTextBlock>
#include <QTextBrowser>
#include <QTimer>
#include <QWizard>

#include <algorithm>
#include <functional>

using namespace Lectern;
using namespace Qt::StringLiterals;
using Lectern::Test::clickLink;
using Lectern::Test::linkCursor;

namespace {

constexpr int kPapers = 30;
const QString kApiKey = u"sk-session-stand-in-key"_s;
const QString kRichtarikId = u"2611.20017"_s;

/// Paper n's subject is kSubjects[n % 10]; the stand-in model rates a subject kMarks[n % 10], give or take.
const char *const kSubjects[] = {"sparse attention", "state-space models", "kernel methods", "graph rewiring",
    "diffusion samplers", "optimizer warm-up", "tokenizer drift", "reward hacking", "mixture routing",
    "federated averaging"};
const std::pair<int, int> kMarks[] = {
    {7, 6}, {9, 7}, {6, 5}, {3, 4}, {5, 8}, {8, 6}, {4, 3}, {2, 6}, {8, 8}, {9, 5}};

/// What the stand-in model says of paper @p id ("2611.2NNNN"): its subject's marks, varied a little.
Test::OpenAiStandIn::Verdict verdictOf(const QString &id)
{
    const int n = id.right(4).toInt();
    const auto [relevance, novelty] = kMarks[n % 10];
    const int r = std::clamp(relevance + (n - 1) / 10 - 1, 1, 10);
    const int v = std::clamp(novelty + n % 3 - 1, 1, 10);
    return {r, v,
        (r >= 7 ? u"On your topics: %1"_s : u"Little to do with your topics (%1)"_s)
            .arg(QString::fromLatin1(kSubjects[n % 10]))};
}

/// The day arXiv announces: 20 papers in cs.LG, 10 in cs.AI, one of them by Peter Richt\'arik (TeX, as
/// arXiv writes it).
QList<Paper> dayPapers(const QDate &day)
{
    QList<Paper> out;
    for (int i = 1; i <= kPapers; ++i) {
        Paper p;
        p.arxivId = u"2611.2%1"_s.arg(i, 4, 10, QChar(u'0'));
        p.version = 1;
        const QString subject = QString::fromLatin1(kSubjects[i % 10]);
        p.title = u"On %1, study %2"_s.arg(subject).arg(i);
        p.authors = {u"Ada Example"_s, u"Bo Placeholder %1"_s.arg(i)};
        p.abstract = u"We revisit %1 and report results on %2 synthetic benchmarks, with a bound of "
                     "$O(\\sqrt{n})$ for %1."_s.arg(subject)
                         .arg(i);
        if (p.arxivId == kRichtarikId) {
            p.title = u"Federated Averaging with Compressed Gradients"_s;
            p.authors = {u"Peter Richt\\'arik"_s, u"Ada Example"_s};
            p.abstract = u"We compress the gradients of federated averaging to $b$ bits per coordinate and "
                         "prove convergence at the rate of the uncompressed method for $b \\ge 2$."_s;
        }
        p.primaryCategory = i <= 20 ? u"cs.LG"_s : u"cs.AI"_s;
        p.categories = {p.primaryCategory};
        p.announceType = u"new"_s;
        p.announced = day;
        out << p;
    }
    return out;
}

/// Types @p text as a keyboard with those letters would (QTest::keyClicks knows only ASCII).
void typeText(QWidget *widget, const QString &text)
{
    for (const QChar c : text) {
        QTest::sendKeyEvent(QTest::Press, widget, Qt::Key_unknown, QString(c), Qt::NoModifier);
        QTest::sendKeyEvent(QTest::Release, widget, Qt::Key_unknown, QString(c), Qt::NoModifier);
    }
}

/// Replaces the text of a line edit the way a user does: select all, type.
void retype(QLineEdit *edit, const QString &text)
{
    edit->setFocus();
    QTest::keyClick(edit, Qt::Key_A, Qt::ControlModifier);
    QTest::keyClick(edit, Qt::Key_Backspace);
    typeText(edit, text);
}

/// Clicks a check box or radio button on its indicator (it takes clicks there, not on its whole width).
void clickIndicator(QAbstractButton *button)
{
    QTest::mouseClick(button, Qt::LeftButton, {}, QPoint(6, button->height() / 2));
}

using Test::whenModalShows;

QString pdfText(const QString &path)
{
    QProcess p;
    p.start(QStandardPaths::findExecutable(u"pdftotext"_s), {u"-enc"_s, u"UTF-8"_s, path, u"-"_s});
    if (!p.waitForFinished(30000))
        return {};
    return QString::fromUtf8(p.readAllStandardOutput()).replace(QChar(u'\f'), u' ').simplified();
}

} // namespace

class TestMorningSession : public QObject
{
    Q_OBJECT

    // Set up in wholeSession, used by the checks.
    std::unique_ptr<PaperStore> m_check; ///< the test's own connection to the profile's database
    MainWindow *m_window = nullptr;
    int m_shot = 0;
    QString m_shotDir;

    [[nodiscard]] PaperState stored(const QString &id) const { return *m_check->state(id); }

    QString currentId() const
    {
        return Test::paperView(*m_window)->currentIndex().siblingAtColumn(0).data(ArxivIdRole).toString();
    }

    QStringList shownIds() const
    {
        QStringList ids;
        for (int row = 0; row < Test::paperProxy(*m_window)->rowCount(); ++row)
            ids << Test::paperProxy(*m_window)->index(row, 0).data(ArxivIdRole).toString();
        return ids;
    }

    /// With LECTERN_SESSION_SCREENSHOTS set, writes @p widget as NN-@p step.png.
    void screenshot(QWidget *widget, const QString &step)
    {
        ++m_shot;
        if (m_shotDir.isEmpty())
            return;
        QCoreApplication::sendPostedEvents();
        const QImage image = widget->grab().toImage();
        QVERIFY(!image.isNull());
        const QString path = u"%1/%2-%3.png"_s.arg(m_shotDir).arg(m_shot, 2, 10, QChar(u'0')).arg(step);
        QVERIFY2(image.save(path), qPrintable(path));
    }

    /// Every visible view agrees with the database: the table's rows (star, read, tags), the reading pane
    /// and note editor for the current paper, the chart's stars, and the Digest's star links and notes.
    void checkViews()
    {
        auto records = m_check->recordsForDay(Test::days(*m_window)->day());
        QVERIFY2(records.ok(), qPrintable(records.error()));
        QHash<QString, PaperRecord> byId;
        for (const PaperRecord &r : *records)
            byId.insert(r.paper.arxivId, r);
        // The table.
        PaperTableModel *model = Test::paperModel(*m_window);
        QCOMPARE(model->rowCount(), int(byId.size()));
        for (int row = 0; row < model->rowCount(); ++row) {
            const QString id = model->index(row, 0).data(ArxivIdRole).toString();
            QVERIFY2(byId.contains(id), qPrintable(id));
            const PaperState &st = byId.value(id).state;
            QCOMPARE(model->index(row, StarColumn).data().toString().isEmpty(), !st.starred);
            QCOMPARE(model->index(row, ReadColumn).data().toString().isEmpty(), !st.read && !st.dismissed);
            QCOMPARE(model->recordAt(row)->state.tags, st.tags);
            QCOMPARE(model->recordAt(row)->state.note, st.note);
            QCOMPARE(model->recordAt(row)->state.dismissed, st.dismissed);
        }
        // The reading pane and the note editor show the current paper, and the table highlights its row.
        if (const QString id = currentId(); !id.isEmpty()) {
            const QModelIndexList highlighted = Test::paperView(*m_window)->selectionModel()->selectedRows();
            QCOMPARE(highlighted.size(), 1);
            QCOMPARE(highlighted.front().data(ArxivIdRole).toString(), id);
            QCOMPARE(Test::detailPane(*m_window)->currentArxivId(), id);
            QVERIFY2(Test::detailPane(*m_window)->toPlainText().contains(
                         TexToUnicode::convert(byId.value(id).paper.title)),
                qPrintable(id));
            QCOMPARE(Test::noteEditor(*m_window)->noteEdit()->toPlainText(), byId.value(id).state.note);
            QCOMPARE(Test::noteEditor(*m_window)->tagsEdit()->text().split(u',', Qt::SkipEmptyParts).size(),
                byId.value(id).state.tags.size());
        }
        // The chart: a point per scored paper, the starred ones drawn as stars.
        QSet<QString> starredInChart;
        for (const QPointF &p : Test::scoreChart(*m_window)->starredSeries()->points())
            starredInChart.insert(Test::scoreChart(*m_window)->paperAt(p));
        QSet<QString> starredInStore;
        for (const PaperRecord &r : std::as_const(*records)) {
            if (r.state.starred && r.score && r.score->isScored())
                starredInStore.insert(r.paper.arxivId);
        }
        QCOMPARE(starredInChart, starredInStore);
        // The Digest, when shown: each paper it lists offers the star action the store's state calls for,
        // and shows its note.
        if (Test::tabs(*m_window)->currentWidget() != Test::digestView(*m_window))
            return;
        QTRY_VERIFY(!Test::digestView(*m_window)->isRendering()); // the page is read and built on a worker
        const Digest &digest = Test::digestView(*m_window)->digest();
        const QString page = Test::digestView(*m_window)->browser()->toPlainText();
        for (const DigestEntry &e : digest.entries) {
            const PaperState &st = byId.value(e.paper.arxivId).state;
            QVERIFY2(linkCursor(Test::digestView(*m_window)->browser(),
                         DigestHtml::starUrl(e.paper.arxivId, !st.starred).toString()),
                qPrintable(e.paper.arxivId));
            if (!st.note.isEmpty())
                QVERIFY2(page.contains(st.note.section(u'\n', 0, 0)), qPrintable(st.note));
        }
    }

    /// Presses @p key on the table (where triage keys go) and checks the views after it.
    void press(Qt::Key key, Qt::KeyboardModifiers modifiers = {})
    {
        QTest::keyClick(Test::paperView(*m_window), key, modifiers);
        checkViews();
    }

// The checks live in helpers: stop the session at the first one that fails.
#define CHECK_VIEWS()                                                                                        \
    do {                                                                                                     \
        checkViews();                                                                                        \
        if (QTest::currentTestFailed())                                                                      \
            return;                                                                                          \
    } while (false)
#define PRESS(...)                                                                                           \
    do {                                                                                                     \
        press(__VA_ARGS__);                                                                                  \
        if (QTest::currentTestFailed())                                                                      \
            return;                                                                                          \
    } while (false)
#define SCREENSHOT(widget, step)                                                                             \
    do {                                                                                                     \
        screenshot(widget, step);                                                                            \
        if (QTest::currentTestFailed())                                                                      \
            return;                                                                                          \
    } while (false)

private Q_SLOTS:
    void initTestCase()
    {
        if (QStandardPaths::findExecutable(u"pdftotext"_s).isEmpty())
            QFAIL("pdftotext (poppler-utils) not found on PATH; packaging/install-deps.sh installs it.");
        // English as the app installs it (main.cpp): its plurals read "30 papers", not the source's
        // "30 paper(s)", in the views and in the screenshots the README shows.
        installTranslations(QLocale(QLocale::English));
        if (qEnvironmentVariableIsSet("LECTERN_SESSION_SCREENSHOTS")) {
            m_shotDir = QStringLiteral(LECTERN_SCREENSHOT_DIR) + u"/session"_s;
            QVERIFY(QDir(m_shotDir).removeRecursively() || !QDir(m_shotDir).exists());
            QVERIFY(QDir().mkpath(m_shotDir));
        }
    }

    void wholeSession()
    {
        const QDate day = FetchRequest::arxivToday();
        const QList<Paper> papers = dayPapers(day);
        Test::LoopbackHttpServer server;
        QVERIFY(server.listen());
        Test::ArxivStandIn arxiv(server);
        arxiv.serveFeedOf(u"cs.LG"_s, day, papers.mid(0, 20));
        arxiv.serveFeedOf(u"cs.AI"_s, day, papers.mid(20));
        Test::OpenAiStandIn openai;
        openai.verdicts = verdictOf;
        openai.install(server);
        qputenv("OPENAI_API_KEY", kApiKey.toUtf8());

        Test::TempProfileDir dir;
        const Profile profile = Profile::inDirectory(dir.path());
        QVERIFY(profile.ensureExists().ok());
        {
            // What this machine's environment is: arXiv and OpenAI on loopback, no waits between feeds, no
            // marking read by time (the session marks with u).
            Settings settings(profile.settingsPath());
            QVERIFY(settings.setValue(Keys::ArxivRssBase, arxiv.rssBase()).ok());
            QVERIFY(settings.setValue(Keys::ArxivMinIntervalMs, 0).ok());
            QVERIFY(settings.setValue(Keys::UiMarkReadAfterMs, 0).ok());
        }
        const QString openAiBase = server.url(u"/v1"_s).toString();

        // 1. First start: the assistant (as the app opens it before the window), by keys and clicks.
        {
            Settings settings(profile.settingsPath());
            QVERIFY(!settings.flag(Keys::UiFirstRunDone));
            FirstRunWizard wizard(settings, profile.promptsDir());
            wizard.resize(760, 560);
            wizard.setModal(true); // as its exec() in main() shows it: a modal window gets the keyboard
            wizard.show();
            QVERIFY(QTest::qWaitForWindowExposed(&wizard));
            QVERIFY(QTest::qWaitForWindowActive(&wizard));
            SCREENSHOT(&wizard, u"assistant-welcome"_s);
            QTest::mouseClick(wizard.button(QWizard::NextButton), Qt::LeftButton);
            QCOMPARE(wizard.currentId(), int(FirstRunWizard::CategoriesPage));
            QTest::mouseClick(wizard.button(QWizard::NextButton), Qt::LeftButton); // cs.AI and cs.LG
            QCOMPARE(wizard.currentId(), int(FirstRunWizard::TopicsPage));
            QTest::mouseClick(wizard.topic(0).name, Qt::LeftButton);
            QTest::keyClicks(wizard.topic(0).name, u"Federated learning"_s);
            QTest::keyClick(wizard.topic(0).name, Qt::Key_Tab);
            QTest::keyClicks(QApplication::focusWidget(), u"Training across devices without moving data."_s);
            QTest::mouseClick(wizard.topic(0).relevant, Qt::LeftButton);
            QTest::keyClicks(wizard.topic(0).relevant, u"federated, compressed gradients"_s);
            QTest::mouseClick(wizard.followedAuthorsEdit(), Qt::LeftButton);
            typeText(wizard.followedAuthorsEdit(), u"Peter Richtárik"_s);
            SCREENSHOT(&wizard, u"assistant-topics"_s);
            QTest::mouseClick(wizard.button(QWizard::NextButton), Qt::LeftButton);
            QCOMPARE(wizard.currentId(), int(FirstRunWizard::ScorerPage));
            clickIndicator(wizard.providerButton(u"openai"_s));
            QVERIFY(wizard.providerButton(u"openai"_s)->isChecked());
            retype(wizard.baseUrlEdit(), openAiBase);
            retype(wizard.modelEdit(), u"gpt-5-mini"_s);
            SCREENSHOT(&wizard, u"assistant-scorer"_s);
            QTest::mouseClick(wizard.button(QWizard::NextButton), Qt::LeftButton);
            QVERIFY2(wizard.currentId() == int(FirstRunWizard::FinishPage), qPrintable(wizard.lastError()));
            if (wizard.fetchNowBox()->isChecked())
                clickIndicator(wizard.fetchNowBox()); // the session starts with Run in the window
            QTest::mouseClick(wizard.button(QWizard::FinishButton), Qt::LeftButton);
            QCOMPARE(wizard.result(), int(QDialog::Accepted));
        }
        {
            Settings settings(profile.settingsPath());
            QVERIFY(settings.flag(Keys::UiFirstRunDone));
            QCOMPARE(settings.string(Keys::ScoringProvider), u"openai"_s);
            QCOMPARE(settings.string(Keys::OpenAiBase), openAiBase);
            QCOMPARE(settings.string(Keys::OpenAiModel), u"gpt-5-mini"_s);
            QCOMPARE(settings.stringList(Keys::TopicsFollowedAuthors), QStringList {u"Peter Richtárik"_s});
            QFile topics(QDir(profile.promptsDir()).filePath(PromptTemplate::TopicsFile));
            QVERIFY(topics.open(QIODevice::ReadOnly));
            QVERIFY(QString::fromUtf8(topics.readAll()).contains(u"Federated learning"_s));
            // The key went nowhere near the settings file.
            QFile ini(profile.settingsPath());
            QVERIFY(ini.open(QIODevice::ReadOnly));
            QVERIFY(!ini.readAll().contains(kApiKey.toUtf8()));
        }

        // 2. The window on an empty profile, then Run (Ctrl+Shift+R): fetch, then score.
        MainWindow w(profile);
        QVERIFY(Test::waitForDay(w));
        m_window = &w;
        w.resize(1280, 800);
        w.show();
        // The window asks for the keyboard itself (under Xvfb there is no window manager to give it).
        QVERIFY(QTest::qWaitForWindowActive(&w));
        auto *stack = w.findChild<QStackedWidget *>();
        QVERIFY(stack);
        QCOMPARE(stack->currentWidget()->objectName(), u"emptyState"_s);
        SCREENSHOT(&w, u"first-start"_s);
        QSignalSpy ended(w.jobs(), &JobController::actionEnded);
        QTest::keyClick(&w, Qt::Key_R, Qt::ControlModifier | Qt::ShiftModifier);
        QVERIFY(ended.wait(60000));
        QVERIFY2(ended.first().at(0).toBool(), qPrintable(ended.first().at(1).toString()));
        QVERIFY(Test::waitForDay(w));
        auto opened = PaperStore::open(profile.databasePath());
        QVERIFY2(opened.ok(), qPrintable(opened.error()));
        m_check = std::move(opened).value();
        {
            auto records = m_check->recordsForDay(day);
            QVERIFY(records.ok());
            QCOMPARE(records->size(), kPapers);
            for (const PaperRecord &r : std::as_const(*records)) {
                if (r.paper.arxivId == kRichtarikId) {
                    // The followed author's paper is kept without asking the model.
                    QVERIFY2(r.score && r.score->comment.startsWith(u"Author match"_s),
                        qPrintable(r.score ? r.score->comment : u"no score"_s));
                    continue;
                }
                QVERIFY2(r.score && r.score->isScored() && r.score->model == u"gpt-5-mini"_s,
                    qPrintable(r.paper.arxivId));
            }
            // The store keeps arXiv's TeX.
            QCOMPARE(m_check->paper(kRichtarikId)->value().authors.front(), u"Peter Richt\\'arik"_s);
            QVERIFY(!openai.scoring().isEmpty());
        }
        QCOMPARE(Test::days(w)->day(), day);
        QVERIFY(stack->currentWidget()->objectName() != u"emptyState"_s);
        QCOMPARE(Test::paperProxy(w)->rowCount(), kPapers);
        // The window picked the first paper when the fetch ended; the user had not chosen one, so after the
        // scoring the top of the scored list is shown and selected, not that paper somewhere down the list.
        QCOMPARE(currentId(), shownIds().front());
        QCOMPARE(Test::paperView(w)->rowAt(0), 0);
        QCOMPARE(Test::scoreChart(w)->series()->count() + Test::scoreChart(w)->starredSeries()->count(),
            kPapers - 1);
        CHECK_VIEWS();
        SCREENSHOT(&w, u"main-window"_s);

        // 3. Triage by keyboard with the Unread filter on.
        clickIndicator(Test::filterBar(w)->unreadOnly());
        QVERIFY(Test::filterBar(w)->unreadOnly()->isChecked());
        QTableView *table = Test::paperView(w);
        QTest::mouseClick(table->viewport(), Qt::LeftButton, {},
            table->visualRect(Test::paperProxy(w)->index(0, TitleColumn)).center());
        QVERIFY(table->hasFocus());
        const QStringList order = shownIds();
        QCOMPARE(order.size(), kPapers);
        QCOMPARE(currentId(), order.at(0));

        PRESS(Qt::Key_S); // star the first
        QVERIFY(stored(order.at(0)).starred);
        PRESS(Qt::Key_J);
        QCOMPARE(currentId(), order.at(1));
        PRESS(Qt::Key_X); // dismiss the second, on to the third
        QVERIFY(stored(order.at(1)).dismissed);
        QCOMPARE(currentId(), order.at(2));
        PRESS(Qt::Key_U); // read: still listed and selected until the user moves on
        QVERIFY(stored(order.at(2)).read);
        QCOMPARE(currentId(), order.at(2));
        QVERIFY(shownIds().contains(order.at(2)));
        PRESS(Qt::Key_J); // moved on: the read paper leaves the Unread list
        QCOMPARE(currentId(), order.at(3));
        QVERIFY(!shownIds().contains(order.at(2)));
        // Tags, then a note; Enter and Esc give the keys back to the table.
        QTest::keyClick(table, Qt::Key_T);
        QLineEdit *tags = Test::noteEditor(w)->tagsEdit();
        QVERIFY(tags->hasFocus());
        QTest::keyClicks(tags, u"federated"_s);
        QTest::keyClick(tags, Qt::Key_Return);
        QVERIFY(table->hasFocus());
        QCOMPARE(stored(order.at(3)).tags, QStringList {u"federated"_s});
        CHECK_VIEWS();
        QTest::keyClick(table, Qt::Key_N);
        QPlainTextEdit *note = Test::noteEditor(w)->noteEdit();
        QVERIFY(note->hasFocus());
        QTest::keyClicks(note, u"Compare with our SSM kernel."_s);
        QTest::keyClick(note, Qt::Key_Escape);
        QVERIFY(table->hasFocus());
        QCOMPARE(stored(order.at(3)).note, u"Compare with our SSM kernel."_s);
        QCOMPARE(stored(order.at(3)).tags, QStringList {u"federated"_s}); // j was not typed into the tag
        CHECK_VIEWS();
        // Space pages the abstract, the paper staying; past the abstract's end it goes on to the next one.
        QScrollBar *bar = Test::detailPane(w)->verticalScrollBar();
        for (int page = 0; bar->value() < bar->maximum(); ++page) {
            QVERIFY(page < 50);
            PRESS(Qt::Key_Space);
            QCOMPARE(currentId(), order.at(3));
        }
        PRESS(Qt::Key_Space);
        QCOMPARE(currentId(), order.at(4));
        QVERIFY(table->hasFocus());
        PRESS(Qt::Key_K);
        QCOMPARE(currentId(), order.at(3));
        PRESS(Qt::Key_K);
        QCOMPARE(currentId(), order.at(0));
        // u and Ctrl+Z: read, then unread again; the paper stays.
        PRESS(Qt::Key_U);
        QVERIFY(stored(order.at(0)).read);
        PRESS(Qt::Key_Z, Qt::ControlModifier);
        QVERIFY(!stored(order.at(0)).read);
        QVERIFY(stored(order.at(0)).starred);
        QCOMPARE(currentId(), order.at(0));
        SCREENSHOT(&w, u"triage"_s);
        // Through the rest of the day with j, starring every seventh and reading every fifth.
        QStringList starredLater;
        QStringList readLater;
        QString last = currentId();
        for (int step = 0; step < 40 && shownIds().indexOf(currentId()) + 1 < shownIds().size(); ++step) {
            PRESS(Qt::Key_J);
            const QString id = currentId();
            QVERIFY2(id != last, qPrintable(id));
            QCOMPARE(Test::detailPane(*m_window)->currentArxivId(), id);
            const int n = int(order.indexOf(id));
            QVERIFY(n >= 3);
            if (n % 7 == 0 && id != kRichtarikId) {
                PRESS(Qt::Key_S);
                QVERIFY(stored(id).starred);
                starredLater << id;
            }
            if (n % 5 == 0 && id != kRichtarikId) {
                PRESS(Qt::Key_U);
                QVERIFY(stored(id).read);
                readLater << id;
            }
            last = id;
        }
        QCOMPARE(currentId(), shownIds().back());
        QVERIFY(!starredLater.isEmpty() && !readLater.isEmpty());
        for (const QString &id : std::as_const(order)) {
            const PaperState st = stored(id);
            QCOMPARE(st.starred, id == order.at(0) || starredLater.contains(id));
            QCOMPARE(st.read, id == order.at(2) || readLater.contains(id));
            QCOMPARE(st.dismissed, id == order.at(1));
        }
        // The Unread filter off again, by a click.
        clickIndicator(Test::filterBar(w)->unreadOnly());
        QVERIFY(!Test::filterBar(w)->unreadOnly()->isChecked());

        // 4. Search for the accented author as typed without the accent (Ctrl+F).
        QTest::keyClick(table, Qt::Key_F, Qt::ControlModifier);
        QLineEdit *search = Test::filterBar(w)->searchField();
        QVERIFY(search->hasFocus());
        typeText(search, u"Richtarik"_s);
        // The search runs on a worker; the table follows when its result arrives.
        QTRY_COMPARE_WITH_TIMEOUT(shownIds(), QStringList {kRichtarikId}, 10000);
        QTest::mouseClick(table->viewport(), Qt::LeftButton, {},
            table->visualRect(Test::paperProxy(w)->index(0, TitleColumn)).center());
        QCOMPARE(currentId(), kRichtarikId);
        QVERIFY(Test::detailPane(w)->toPlainText().contains(u"Peter Richtárik"_s));
        CHECK_VIEWS();
        SCREENSHOT(&w, u"search-accented-author"_s);
        search->setFocus();
        QTest::keyClick(search, Qt::Key_A, Qt::ControlModifier);
        QTest::keyClick(search, Qt::Key_Backspace);
        QTRY_COMPARE(Test::paperProxy(w)->rowCount(), kPapers - 1); // the dismissed paper stays hidden

        // 5. The Digest tab: the followed author first; a star and a note made there, a note in the Reader.
        QTabBar *tabBar = Test::tabs(w)->tabBar();
        QTest::mouseClick(tabBar, Qt::LeftButton, {}, tabBar->tabRect(1).center());
        QCOMPARE(Test::tabs(w)->currentWidget(), Test::digestView(w));
        DigestView *digest = Test::digestView(w);
        QTRY_VERIFY(!digest->digest().entries.isEmpty());
        QCOMPARE(digest->digest().entries.front().paper.arxivId, kRichtarikId);
        QVERIFY(digest->digest().entries.front().authorMatch);
        CHECK_VIEWS();
        SCREENSHOT(&w, u"digest"_s);
        QString toStar;
        for (const DigestEntry &e : digest->digest().entries) {
            if (!stored(e.paper.arxivId).starred && e.paper.arxivId != kRichtarikId) {
                toStar = e.paper.arxivId;
                break;
            }
        }
        QVERIFY(!toStar.isEmpty());
        QVERIFY(clickLink(digest->browser(), DigestHtml::starUrl(toStar, true).toString()));
        QTRY_VERIFY(stored(toStar).starred);
        CHECK_VIEWS();
        QVERIFY(clickLink(digest->browser(), DigestHtml::noteUrl(kRichtarikId).toString()));
        QTRY_COMPARE(digest->notePaper(), kRichtarikId);
        QTest::keyClicks(digest->noteEditor(), u"Ask about the compression ratio."_s);
        QTest::mouseClick(digest->saveNoteButton(), Qt::LeftButton);
        QCOMPARE(stored(kRichtarikId).note, u"Ask about the compression ratio."_s);
        CHECK_VIEWS();
        SCREENSHOT(&w, u"digest-note"_s);
        // Back in the Reader, on the same paper (still selected): the note shows; n adds to it.
        QTest::mouseClick(tabBar, Qt::LeftButton, {}, tabBar->tabRect(0).center());
        QCOMPARE(currentId(), kRichtarikId);
        QCOMPARE(note->toPlainText(), u"Ask about the compression ratio."_s);
        table->setFocus();
        QTest::keyClick(table, Qt::Key_N);
        QVERIFY(note->hasFocus());
        QTest::keyClick(note, Qt::Key_End, Qt::ControlModifier);
        QTest::keyClicks(note, u" And the step size."_s);
        QTest::keyClick(note, Qt::Key_Escape);
        QCOMPARE(stored(kRichtarikId).note, u"Ask about the compression ratio. And the step size."_s);
        CHECK_VIEWS();
        QTest::mouseClick(tabBar, Qt::LeftButton, {}, tabBar->tabRect(1).center());
        QTRY_VERIFY(digest->browser()->toPlainText().contains(u"And the step size."_s));
        QTest::mouseClick(tabBar, Qt::LeftButton, {}, tabBar->tabRect(0).center());

        // 6. The chart (Ctrl+G): stars drawn as stars; a click on a point selects its paper.
        table->setFocus();
        QTest::keyClick(table, Qt::Key_G, Qt::ControlModifier);
        auto *dock = w.findChild<QDockWidget *>(u"scoreDock"_s);
        QVERIFY(dock && dock->isVisible());
        ScoreChartView *chart = Test::scoreChart(w);
        QTRY_VERIFY(chart->width() > 300);
        CHECK_VIEWS();
        SCREENSHOT(&w, u"chart"_s);
        const QPointF target = chart->starredSeries()->points().front();
        const QString targetId = chart->paperAt(target);
        QVERIFY(!targetId.isEmpty());
        auto *view = chart->findChild<QChartView *>();
        QVERIFY(view);
        const QPoint onScreen = view->mapFromScene(
            chart->chart()->mapToScene(chart->chart()->mapToPosition(target, chart->starredSeries())));
        QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, onScreen);
        QTRY_COMPARE(currentId(), targetId);
        CHECK_VIEWS();

        // 7. Tab walks the window: table, reading pane, tags, note, then the filters, and back to the table.
        table->setFocus();
        QStringList visited;
        for (int i = 0; i < 60 && (visited.isEmpty() || visited.count(u"paperTable"_s) < 2); ++i) {
            QWidget *focus = QApplication::focusWidget();
            QVERIFY(focus);
            visited << focus->objectName();
            QTest::keyClick(focus, Qt::Key_Tab);
        }
        const auto at = [&visited](QStringView part) {
            for (qsizetype i = 0; i < visited.size(); ++i) {
                if (visited.at(i).contains(part, Qt::CaseInsensitive))
                    return i;
            }
            return qsizetype(-1);
        };
        const QString walk = visited.join(u", "_s);
        QCOMPARE(visited.front(), u"paperTable"_s);
        QVERIFY2(visited.count(u"paperTable"_s) == 2, qPrintable(walk));
        QVERIFY2(at(u"detailPane") > 0, qPrintable(walk));
        QVERIFY2(at(u"tag") > at(u"detailPane"), qPrintable(walk));
        QVERIFY2(at(u"note") > at(u"tag"), qPrintable(walk));
        QVERIFY2(at(u"searchField") > at(u"note"), qPrintable(walk));
        QVERIFY2(at(u"authorFilter") > 0, qPrintable(walk));
        // No text was typed by the walk.
        CHECK_VIEWS();

        // 8. Settings (Ctrl+,) and the prompt editor (File ▸ Edit Prompts…): seen, closed with Esc, nothing
        // changed.
        const QByteArray iniBefore = [&profile] {
            QFile f(profile.settingsPath());
            return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
        }();
        bool settingsSeen = false;
        whenModalShows([&](QWidget *modal) {
            settingsSeen = qobject_cast<SettingsDialog *>(modal) != nullptr;
            modal->resize(900, 640);
            screenshot(modal, u"settings"_s);
            QTest::keyClick(modal, Qt::Key_Escape);
        });
        QTest::keyClick(table, Qt::Key_Comma, Qt::ControlModifier);
        QVERIFY(settingsSeen);
        // The keyboard is back on the papers without a click (without a window manager it was not).
        QTRY_COMPARE(QApplication::activeWindow(), &w);
        QTRY_VERIFY(table->hasFocus());
        bool promptsSeen = false;
        whenModalShows([&](QWidget *modal) {
            promptsSeen = qobject_cast<PromptEditorDialog *>(modal) != nullptr;
            modal->resize(1000, 700);
            screenshot(modal, u"prompt-editor"_s);
            QTest::keyClick(modal, Qt::Key_Escape);
        });
        QTest::keyClick(&w, Qt::Key_F, Qt::AltModifier);
        QTRY_VERIFY(qobject_cast<QMenu *>(QApplication::activePopupWidget()));
        QTest::keyClick(QApplication::activePopupWidget(), Qt::Key_P);
        QTRY_VERIFY(promptsSeen);
        QVERIFY(QApplication::activeModalWidget() == nullptr);
        QTRY_COMPARE(QApplication::activeWindow(), &w);
        QTRY_VERIFY(table->hasFocus());
        {
            QFile f(profile.settingsPath());
            QVERIFY(f.open(QIODevice::ReadOnly));
            QCOMPARE(f.readAll(), iniBefore);
        }

        // 9. Export (Ctrl+E) to PDF, then to Markdown: what the store holds, as the Digest tab shows it.
        const auto exportTo = [&](const QString &name, bool shoot) {
            // After the last dialog (and, the second time, after the export dialog) the keys are the
            // table's again.
            QTRY_COMPARE(QApplication::activeWindow(), &w);
            QTRY_VERIFY(table->hasFocus());
            QTest::keyClick(table, Qt::Key_E, Qt::ControlModifier);
            auto *dialog = qobject_cast<ExportDialog *>(QApplication::activeModalWidget());
            QVERIFY(dialog);
            QVERIFY(QTest::qWaitForWindowExposed(dialog));
            retype(dialog->pathEdit(), dir.path() + u'/' + name);
            if (shoot)
                SCREENSHOT(dialog, u"export-dialog"_s);
            QSignalSpy finished(Test::exporter(w), &ExportController::finished);
            QTest::mouseClick(dialog->exportButton(), Qt::LeftButton);
            QVERIFY(finished.wait(60000));
            QVERIFY2(finished.first().at(0).toBool(), qPrintable(finished.first().at(1).toString()));
        };
        exportTo(u"session.pdf"_s, true);
        if (QTest::currentTestFailed())
            return;
        const QString pdf = pdfText(dir.path() + u"/session.pdf"_s);
        QVERIFY2(pdf.contains(u"Federated Averaging with Compressed Gradients"_s), qPrintable(pdf.left(400)));
        QVERIFY(pdf.contains(u"Peter Richtárik"_s));
        QVERIFY(pdf.contains(u"Ask about the compression ratio. And the step size."_s));
        exportTo(u"session.md"_s, false);
        if (QTest::currentTestFailed())
            return;
        QFile md(dir.path() + u"/session.md"_s);
        QVERIFY(md.open(QIODevice::ReadOnly));
        const QString markdown = QString::fromUtf8(md.readAll());
        QVERIFY(markdown.startsWith(u"# Personalized Daily ArXiv Papers "_s + day.toString(Qt::ISODate)));
        QVERIFY(markdown.contains(u"Peter Richt\\'arik"_s)); // exports keep arXiv's TeX
        QVERIFY(markdown.contains(u"Ask about the compression ratio. And the step size."_s));
        for (const DigestEntry &e : digest->digest().entries)
            QVERIFY2(markdown.contains(u"(https://arxiv.org/abs/%1)"_s.arg(e.paper.arxivId)),
                qPrintable(e.paper.arxivId));
        QVERIFY(!markdown.contains(kApiKey));
        CHECK_VIEWS();
        m_window = nullptr;
    }
};

QTEST_MAIN(TestMorningSession)
#include "test_morningsession.moc"
