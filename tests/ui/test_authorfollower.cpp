// SPDX-License-Identifier: GPL-3.0-or-later
// Following an author from the detail pane, on the real main window offscreen: the settings file gains the
// name once, whatever its spelling, and the status bar says what happened.
#include "config/profile.h"
#include "config/settings.h"
#include "ui/detailpane.h"
#include "ui/mainwindow.h"

#include <testkit/fixtures.h>

#include <QStatusBar>
#include <QTest>

using namespace Lectern;

class TestAuthorFollower : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void followsOncePerPerson()
    {
        Test::TempProfileDir dir;
        const Profile profile = Profile::inDirectory(dir.path());
        MainWindow w(profile);
        const auto followed = [&] {
            return Settings(profile.settingsPath()).stringList(Keys::TopicsFollowedAuthors);
        };
        const QStringList before = followed();

        Q_EMIT w.detailPane()->followAuthorRequested(QStringLiteral("Peter Richtárik"));
        QCOMPARE(followed(), before + QStringList {QStringLiteral("Peter Richtárik")});
        QVERIFY2(w.statusBar()->currentMessage().startsWith(u"Following Peter Richtárik"),
            qPrintable(w.statusBar()->currentMessage()));

        // The same person under another spelling: no second entry, and the message names the first.
        Q_EMIT w.detailPane()->followAuthorRequested(QStringLiteral("P. Richtarik"));
        QCOMPARE(followed(), before + QStringList {QStringLiteral("Peter Richtárik")});
        QVERIFY2(
            w.statusBar()->currentMessage().contains(u"already follow P. Richtarik (as Peter Richtárik)"),
            qPrintable(w.statusBar()->currentMessage()));

        // A blank name is no author.
        Q_EMIT w.detailPane()->followAuthorRequested(QStringLiteral("  "));
        QCOMPARE(followed().size(), before.size() + 1);
    }
};

QTEST_MAIN(TestAuthorFollower)
#include "test_authorfollower.moc"
