// SPDX-License-Identifier: GPL-3.0-or-later
// Issue 12.6: closing a window or a dialog while its job runs cancels the job and ends cleanly, with no slot
// run on a half-destroyed widget. The server answers slowly, so the job is always in flight when the window
// goes; a sanitizer build (-DLECTERN_SANITIZE=ON) turns any use after free here into a failure.
#include "config/profile.h"
#include "config/settings.h"
#include "jobs/job.h"
#include "ui/connectiontester.h"
#include "ui/jobcontroller.h"
#include "ui/mainwindow.h"
#include "ui/settingsdialog.h"

#include <testkit/fixtures.h>
#include <testkit/loopbackhttpserver.h>

#include <QComboBox>
#include <QLineEdit>
#include <QPointer>
#include <QPushButton>
#include <QTest>

using namespace Lectern;

class TestCloseWhileRunning : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void closingTheMainWindowDuringAFetchCancelsIt()
    {
        Test::LoopbackHttpServer server;
        QVERIFY(server.listen());
        Test::LoopbackHttpServer::Response slow;
        slow.delayMs = 3600 * 1000; // an hour: only a cancelled request lets the window go
        slow.body = Test::fixture(QStringLiteral("rss/cs.LG-2026-11-23.xml"));
        server.enqueue("/rss/cs.LG", slow);
        Test::TempProfileDir dir;
        const Profile profile = Profile::inDirectory(dir.path());
        {
            Settings settings(profile.settingsPath());
            QVERIFY(settings.setValue(Keys::ArxivRssBase, server.url(QStringLiteral("/rss"))).ok());
            QVERIFY(settings.setText(Keys::ArxivCategories, QStringLiteral("cs.LG")).ok());
            QVERIFY(settings.setValue(Keys::ArxivMinIntervalMs, 0).ok());
        }
        auto *w = new MainWindow(profile);
        w->setAttribute(Qt::WA_DeleteOnClose);
        QPointer<MainWindow> alive(w);
        w->show();
        QVERIFY(QTest::qWaitForWindowExposed(w));
        w->jobs()->fetchToday();
        QVERIFY(w->jobs()->runner()->isRunning());
        QTRY_VERIFY_WITH_TIMEOUT(!server.requests().isEmpty(), 5000); // the request is in flight
        QVERIFY(w->close());
        // The fetch was cancelled, not waited for: the server would answer in an hour.
        QTRY_VERIFY_WITH_TIMEOUT(alive.isNull(), 5000);
        // Events still queued for the window run against nothing.
        QCoreApplication::sendPostedEvents();
        QCoreApplication::processEvents();
    }

    void cancellingSettingsDuringTheConnectionTestCancelsIt()
    {
        Test::LoopbackHttpServer server;
        QVERIFY(server.listen());
        server.route("/v1/models", [](const Test::LoopbackHttpServer::Request &) {
            Test::LoopbackHttpServer::Response r;
            r.body = Test::fixture(QStringLiteral("llm/openai/models.json"));
            r.headers = {{"Content-Type", "application/json"}};
            r.delayMs = 3600 * 1000; // an hour: only a cancelled test lets the dialog go
            return r;
        });
        qputenv("OPENAI_API_KEY", "sk-test-not-a-real-key-0123456789");
        Test::TempProfileDir dir;
        Settings settings(dir.path() + QStringLiteral("/lectern.ini"));
        auto *dialog = new SettingsDialog(settings);
        dialog->setAttribute(Qt::WA_DeleteOnClose);
        QPointer<SettingsDialog> alive(dialog);
        auto *provider = qobject_cast<QComboBox *>(dialog->editorFor(QStringLiteral("scoring/provider")));
        provider->setCurrentIndex(provider->findData(QStringLiteral("openai"))); // shown as words
        qobject_cast<QLineEdit *>(dialog->editorFor(QStringLiteral("openai/baseUrl")))
            ->setText(server.url(QStringLiteral("/v1")).toString());
        dialog->show();
        QTest::mouseClick(dialog->connectionTester()->button(), Qt::LeftButton);
        QVERIFY(dialog->connectionTester()->isRunning());
        QTRY_VERIFY_WITH_TIMEOUT(!server.requests().isEmpty(), 5000);
        dialog->reject();
        QTRY_VERIFY_WITH_TIMEOUT(alive.isNull(), 5000);
        QCoreApplication::sendPostedEvents();
        QCoreApplication::processEvents();
        qunsetenv("OPENAI_API_KEY");
    }
};

QTEST_MAIN(TestCloseWhileRunning)
#include "test_closewhilerunning.moc"
