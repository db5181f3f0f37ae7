// SPDX-License-Identifier: GPL-3.0-or-later
#include "config/profile.h"
#include "scoring/pricetable.h"

#include <testkit/fixtures.h>

#include <QFile>
#include <QTest>

using namespace Lectern;

class TestPriceTable : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void defaultsAndLookup()
    {
        const PriceTable t = PriceTable::defaults();
        QCOMPARE(t.find(QStringLiteral("gpt-5"))->output, 10.0);
        QCOMPARE(t.find(QStringLiteral("gpt-5-mini"))->input, 0.25);
        QCOMPARE(t.find(QStringLiteral("gpt-4.1-mini"))->output, 1.60);
        QCOMPARE(t.find(QStringLiteral("claude-sonnet-4-5"))->input, 3.0);
        QCOMPARE(t.find(QStringLiteral("claude-haiku-4-5"))->cacheWrite, 1.25);
        QCOMPARE(t.find(QStringLiteral("lectern-local"))->output, 0.0);
        // Dated snapshots and gateway prefixes find their model; other models do not borrow a price.
        QCOMPARE(t.find(QStringLiteral("gpt-5-mini-2025-08-07"))->model, QStringLiteral("gpt-5-mini"));
        QCOMPARE(t.find(QStringLiteral("GPT-5-2025-08-07"))->model, QStringLiteral("gpt-5"));
        QCOMPARE(
            t.find(QStringLiteral("claude-haiku-4-5-20251001"))->model, QStringLiteral("claude-haiku-4-5"));
        QCOMPARE(t.find(QStringLiteral("openai/gpt-5-mini"))->model, QStringLiteral("gpt-5-mini"));
        QCOMPARE(t.find(QStringLiteral("anthropic/claude-sonnet-4.5"))->input, 3.0);
        QVERIFY(!t.find(QStringLiteral("gpt-5.1")));
        QVERIFY(!t.find(QStringLiteral("gpt-5-pro")));
        QVERIFY(!t.find(QStringLiteral("llama3.1")));
        QVERIFY(!t.find(QString()));
    }

    void costOfUsage()
    {
        const PriceTable t = PriceTable::defaults();
        // The reference day 2025-11-04 with gpt-5: 75,774 prompt tokens and 64,990 completion tokens.
        TokenUsage day;
        day.promptTokens = 75774;
        day.completionTokens = 64990;
        QVERIFY(qAbs(*t.cost(QStringLiteral("gpt-5"), day) - (0.0947175 + 0.6499)) < 1e-9);
        // OpenAI: cached input at its own price, reasoning inside completion.
        TokenUsage u;
        u.promptTokens = 1'000'000;
        u.cachedPromptTokens = 400'000;
        u.completionTokens = 100'000;
        u.reasoningTokens = 80'000;
        QVERIFY(
            qAbs(*t.cost(QStringLiteral("gpt-5-mini"), u) - (0.6 * 0.25 + 0.4 * 0.025 + 0.1 * 2.0)) < 1e-12);
        QVERIFY(qAbs(*t.cost(QStringLiteral("gpt-5-mini"), u, true) -
                    (0.6 * 0.25 + 0.4 * 0.025 + 0.1 * 2.0) / 2) < 1e-12);
        // Anthropic: cache writes at 1.25 x input, reads at 0.1 x.
        TokenUsage a;
        a.promptTokens = 1'000'000;
        a.cacheWriteTokens = 200'000;
        a.cachedPromptTokens = 500'000;
        a.completionTokens = 10'000;
        QVERIFY(qAbs(*t.cost(QStringLiteral("claude-haiku-4-5"), a) -
                    (0.3 * 1.0 + 0.2 * 1.25 + 0.5 * 0.10 + 0.01 * 5.0)) < 1e-12);
        QVERIFY(!t.cost(QStringLiteral("unknown-model"), a));
    }

    void userFileOverridesDefaults()
    {
        auto t = PriceTable::fromJson(R"({"models": {"gpt-5": {"input": 2, "output": 20},
                                                     "my-local": {"input": 0, "output": 0}}})");
        QVERIFY2(t.ok(), qPrintable(t.error()));
        QCOMPARE(t->find(QStringLiteral("gpt-5"))->input, 2.0);
        QCOMPARE(t->find(QStringLiteral("gpt-5"))->cachedInput, 2.0); // missing: the input price
        QCOMPARE(t->find(QStringLiteral("my-local"))->output, 0.0);
        QCOMPARE(t->find(QStringLiteral("gpt-5-mini"))->input, 0.25); // defaults stay
        // Round trip.
        auto back = PriceTable::fromJson(t->toJson());
        QVERIFY(back.ok());
        QCOMPARE(back->entries(), t->entries());

        QVERIFY(!PriceTable::fromJson("not json").ok());
        QVERIFY(!PriceTable::fromJson(R"({"models": []})").ok());
        const auto negative = PriceTable::fromJson(R"({"models": {"x": {"input": -1, "output": 1}}})");
        QVERIFY(!negative.ok());
        QVERIFY2(
            negative.error().contains(QStringLiteral("\"x\" needs \"input\"")), qPrintable(negative.error()));
        QVERIFY(!PriceTable::fromJson(R"({"models": {"x": {"input": 1}}})").ok());
    }

    void fileInTheProfile()
    {
        Test::TempProfileDir dir;
        const Profile profile = Profile::inDirectory(dir.path());
        const QString path = PriceTable::pathFor(profile);
        QCOMPARE(path, dir.path() + QStringLiteral("/prices.json"));
        auto created = PriceTable::loadOrCreate(path);
        QVERIFY(created.ok());
        QVERIFY(QFile::exists(path));
        QCOMPARE(created->entries(), PriceTable::defaults().entries());
        {
            QFile f(path);
            QVERIFY(f.open(QIODevice::ReadOnly));
            const QByteArray json = f.readAll();
            QVERIFY(json.contains("\"checked\": \"2026-09-14\""));
        }
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
        f.write(R"({"models": {"gpt-5-mini": {"input": 0.3, "cachedInput": 0.03, "output": 2.5}}})");
        f.close();
        auto edited = PriceTable::loadOrCreate(path);
        QVERIFY(edited.ok());
        QCOMPARE(edited->find(QStringLiteral("gpt-5-mini"))->output, 2.5);
        QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
        f.write("{broken");
        f.close();
        const auto broken = PriceTable::loadOrCreate(path);
        QVERIFY(!broken.ok());
        QVERIFY(broken.error().contains(path));
    }
};

QTEST_GUILESS_MAIN(TestPriceTable)
#include "test_pricetable.moc"
