// SPDX-License-Identifier: GPL-3.0-or-later
// Produces the README's screenshot: the main window on a synthetic, scored day, grabbed offscreen.
// Writes <build>/screenshots/main-window.png; copy it to resources/screenshots/ to update the README.
#include "config/profile.h"
#include "store/paperstore.h"
#include "ui/detailpane.h"
#include "ui/mainwindow.h"

#include <testkit/fixtures.h>
#include <testkit/windowparts.h>

#include <QDir>
#include <QImage>
#include <QTableView>
#include <QTest>

using namespace Lectern;

namespace {

struct Entry
{
    const char *title;
    const char *authors;
    int relevance;
    int novelty;
};

// Made-up papers for the picture.
const Entry kDay[] = {
    {"Sparse Mixture-of-Experts Routing with $\\mu$P Transfer", "Maya Otterly, Jos\\'e D\\'iaz, Zoë Ångström",
        10, 9},
    {"Calibrated Uncertainty for Lighthouse Weather Forecasts", "Pat Keeper, Sunny Day", 9, 8},
    {"Token-Efficient Scoring of Scientific Abstracts", "Ada Example, Bo Placeholder", 9, 7},
    {"A Benchmark for Long-Context Retrieval in Lab Notebooks", "Earl Grey, Rowan Basket", 8, 8},
    {"Gradient Noise Scales in $\\ell_1$-Regularised Transformers", "Hanna Müller-Lüdenscheidt", 8, 6},
    {"Planning Picnics Under Uncertainty", "Rowan Basket", 6, 7},
    {"Symbolic Tea Ceremonies", "Earl Grey", 4, 5},
    {"Kites, Revisited", "Kit Flyer", 3, 2},
    {"Gradient Descent for Sourdough Starters", "Bea Baker", 2, 3},
};

} // namespace

class TestScreenshot : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void mainWindow()
    {
        Test::TempProfileDir dir;
        const QDate day(2026, 11, 23);
        {
            auto store = PaperStore::open(dir.databasePath());
            QVERIFY(store.ok());
            int i = 0;
            for (const Entry &e : kDay) {
                Paper p = Test::makePaper(QStringLiteral("2611.%1").arg(10001 + i++), 1, day);
                p.title = QString::fromUtf8(e.title);
                p.authors = QString::fromUtf8(e.authors).split(QStringLiteral(", "));
                p.abstract = QStringLiteral(
                    "We study %1 and report results on three synthetic benchmarks, with a $\\mu$P-style "
                    "transfer bound of $O(\\sqrt{n})$ and errors below $10^{-3}$.")
                                 .arg(p.title.toLower());
                QVERIFY(store.value()->upsertPaper(p).ok());
                QVERIFY(store.value()->addScore(Test::makeScore(p, e.relevance, e.novelty)).ok());
                if (i == 1 || i == 3) {
                    PaperState st;
                    st.arxivId = p.arxivId;
                    st.starred = true;
                    st.tags = {QStringLiteral("to-read")};
                    st.note = i == 1 ? QStringLiteral("Try their router on our cluster traces.") : QString();
                    QVERIFY(store.value()->saveState(st).ok());
                }
            }
            Paper old = Test::makePaper(QStringLiteral("2611.00500"), 1, day.addDays(-3));
            QVERIFY(store.value()->upsertPaper(old).ok());
        }
        MainWindow w(Profile::inDirectory(dir.path()));
        QVERIFY(Test::waitForDay(w));
        w.resize(1280, 800);
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        Test::paperView(w)->selectRow(0);
        // The pane shows the selected paper, and the layouts it asked for are done before the grab.
        QTRY_VERIFY(!Test::detailPane(w)->currentArxivId().isEmpty());
        QCoreApplication::sendPostedEvents();
        const QImage shot = w.grab().toImage();
        QCOMPARE(shot.size(), QSize(1280, 800));
        const QString outDir = QStringLiteral(LECTERN_SCREENSHOT_DIR);
        QVERIFY(QDir().mkpath(outDir));
        const QString path = outDir + QStringLiteral("/main-window.png");
        QVERIFY(shot.save(path));
        // Not a blank grab: many distinct colours.
        QSet<QRgb> colours;
        for (int y = 0; y < shot.height(); y += 7)
            for (int x = 0; x < shot.width(); x += 7)
                colours.insert(shot.pixel(x, y));
        QVERIFY2(colours.size() > 20, qPrintable(QString::number(colours.size())));
    }
};

QTEST_MAIN(TestScreenshot)
#include "test_screenshot.moc"
