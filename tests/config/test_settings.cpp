// SPDX-License-Identifier: GPL-3.0-or-later
#include "config/profile.h"
#include "config/settings.h"

#include <testkit/fixtures.h>

#include <QFile>
#include <QTest>

using namespace Lectern;

class TestSettings : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void defaultsAreRealEndpoints()
    {
        Test::TempProfileDir dir;
        Settings s(dir.path() + QStringLiteral("/lectern.ini"));
        QCOMPARE(s.stringList(Keys::ArxivCategories),
            (QStringList {QStringLiteral("cs.LG"), QStringLiteral("cs.AI")}));
        QCOMPARE(s.url(Keys::ArxivRssBase), QUrl(QStringLiteral("https://rss.arxiv.org/rss")));
        QCOMPARE(s.url(Keys::ArxivApiBase), QUrl(QStringLiteral("https://export.arxiv.org/api/query")));
        QCOMPARE(s.url(Keys::ArxivOaiBase), QUrl(QStringLiteral("https://oaipmh.arxiv.org/oai")));
        QCOMPARE(s.url(Keys::OpenAiBase), QUrl(QStringLiteral("https://api.openai.com/v1")));
        QCOMPARE(s.url(Keys::AnthropicBase), QUrl(QStringLiteral("https://api.anthropic.com/v1")));
        QCOMPARE(s.string(Keys::ScoringProvider), QStringLiteral("builtin"));
        QVERIFY(!QFile::exists(s.fileName())); // reading never writes
        // Every endpoint is a URL setting.
        int urls = 0;
        for (const SettingSpec &spec : Settings::registry())
            urls += spec.type == SettingType::Url;
        QVERIFY(urls >= 7);
    }

    void roundTripAndValidation()
    {
        Test::TempProfileDir dir;
        const QString ini = dir.path() + QStringLiteral("/lectern.ini");
        {
            Settings s(ini);
            QVERIFY(s.setText(Keys::ArxivCategories, QStringLiteral("cs.CL, stat.ML ,cs.LG")).ok());
            QVERIFY(s.setText(Keys::ScoringBatchSize, QStringLiteral("35")).ok());
            QVERIFY(s.setText(Keys::ArxivRssBase, QStringLiteral("http://127.0.0.1:8080/rss")).ok());
            QVERIFY(s.setText(Keys::ScoringStructuredOutput, QStringLiteral("no")).ok());
            QVERIFY(s.setText(Keys::TopicsFollowedAuthors, QStringLiteral("Zoë Ångström")).ok());
        }
        Settings s(ini);
        QCOMPARE(s.stringList(Keys::ArxivCategories),
            (QStringList {QStringLiteral("cs.CL"), QStringLiteral("stat.ML"), QStringLiteral("cs.LG")}));
        QCOMPARE(s.integer(Keys::ScoringBatchSize), 35);
        QCOMPARE(s.url(Keys::ArxivRssBase).port(), 8080);
        QVERIFY(!s.flag(Keys::ScoringStructuredOutput));
        QCOMPARE(s.stringList(Keys::TopicsFollowedAuthors), QStringList {QStringLiteral("Zoë Ångström")});

        auto r = s.setText(Keys::ScoringBatchSize, QStringLiteral("0"));
        QVERIFY(!r.ok());
        QVERIFY2(r.error().contains(QStringLiteral("1 to 200")), qPrintable(r.error()));
        QCOMPARE(s.integer(Keys::ScoringBatchSize), 35); // unchanged
        QVERIFY(!s.setText(Keys::ScoringRelevanceThreshold, QStringLiteral("eight")).ok());
        QVERIFY(!s.setText(Keys::ArxivApiBase, QStringLiteral("ftp://x")).ok());
        QVERIFY(!s.setText(Keys::ScoringProvider, QStringLiteral("gemini")).ok());
        QVERIFY(!s.setText(QStringLiteral("no/such"), QStringLiteral("1")).ok());

        QVERIFY(s.reset(Keys::ScoringBatchSize).ok());
        QCOMPARE(s.integer(Keys::ScoringBatchSize), 20);
    }

    void brokenValuesFallBackAndAreReported()
    {
        Test::TempProfileDir dir;
        const QString ini = dir.path() + QStringLiteral("/lectern.ini");
        QFile f(ini);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("[scoring]\nbatchSize=lots\nrelevanceThreshold=99\n[mystery]\nkey=1\n");
        f.close();
        Settings s(ini);
        QCOMPARE(s.integer(Keys::ScoringBatchSize), 20);
        QCOMPARE(s.integer(Keys::ScoringRelevanceThreshold), 8);
        const QStringList problems = s.problems();
        QCOMPARE(problems.size(), 3);
        QVERIFY(problems.join(u'\n').contains(QStringLiteral("scoring/batchSize")));
        QVERIFY(problems.join(u'\n').contains(QStringLiteral("mystery/key")));
    }

    void unreadableFileIsNeverRewritten()
    {
        Test::TempProfileDir dir;
        const QString ini = dir.path() + QStringLiteral("/lectern.ini");
        const QByteArray junk("\x00\xff\xfe junk\n[scoring]\nbatchSize=abc\n\xff=\x00\n", 37);
        {
            QFile f(ini);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write(junk);
        }
        {
            Settings s(ini);
            QCOMPARE(s.integer(Keys::ScoringBatchSize), 20);
            QVERIFY(s.problems().join(u'\n').contains(ini));
            const auto set = s.setText(Keys::ScoringBatchSize, QStringLiteral("10"));
            QVERIFY(!set.ok());
            QVERIFY2(set.error().contains(QStringLiteral("left as it is")), qPrintable(set.error()));
            QVERIFY(!s.reset(Keys::ScoringParallel).ok());
        } // QSettings writes pending changes when it goes away: there must be none.
        QFile f(ini);
        QVERIFY(f.open(QIODevice::ReadOnly));
        QCOMPARE(f.readAll(), junk);
    }

    void firstChangeToABrokenFileKeepsABackup()
    {
        Test::TempProfileDir dir;
        const QString ini = dir.path() + QStringLiteral("/lectern.ini");
        const QByteArray wrong("[scoring]\nbatchSize=abc\nparallel=-3\n");
        {
            QFile f(ini);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write(wrong);
        }
        Settings s(ini);
        QVERIFY(s.setText(Keys::ScoringBatchSize, QStringLiteral("10")).ok());
        QFile bak(ini + QStringLiteral(".bak"));
        QVERIFY(bak.open(QIODevice::ReadOnly));
        QCOMPARE(bak.readAll(), wrong);
        QCOMPARE(s.integer(Keys::ScoringBatchSize), 10);
        QCOMPARE(s.integer(Keys::ScoringParallel), 4);
    }

    void profileDirectoryHoldsEverything()
    {
        Test::TempProfileDir dir;
        const Profile p = Profile::resolve(dir.path());
        QVERIFY(p.isCustom());
        QVERIFY(p.settingsPath().startsWith(dir.path()));
        QVERIFY(p.databasePath().startsWith(dir.path()));
        QVERIFY(p.promptsDir().startsWith(dir.path()));
        QVERIFY(p.ensureExists().ok());

        qputenv("LECTERN_PROFILE", dir.path().toUtf8());
        QVERIFY(Profile::resolve().databasePath().startsWith(dir.path()));
        qunsetenv("LECTERN_PROFILE");
        const Profile def = Profile::resolve();
        QVERIFY(!def.isCustom());
        QVERIFY(def.databasePath().endsWith(QStringLiteral("lectern/lectern.db")));
    }
};

QTEST_GUILESS_MAIN(TestSettings)
#include "test_settings.moc"
