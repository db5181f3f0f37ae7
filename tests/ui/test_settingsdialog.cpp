// SPDX-License-Identifier: GPL-3.0-or-later
#include "config/settings.h"
#include "scoring/pricetable.h"
#include "support/fixtures.h"
#include "support/loopbackhttpserver.h"
#include "ui/connectiontester.h"
#include "ui/keyringstore.h"
#include "ui/pricetableeditor.h"
#include "ui/settingsdialog.h"

#include <QCheckBox>
#include <QComboBox>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTableWidget>
#include <QTest>

using namespace Lectern;

namespace {

QListWidgetItem *categoryItem(QListWidget *list, const QString &code)
{
    for (int i = 0; i < list->count(); ++i) {
        if (list->item(i)->data(Qt::UserRole).toString() == code)
            return list->item(i);
    }
    return nullptr;
}

} // namespace

class TestSettingsDialog : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void roundTrip()
    {
        Test::TempProfileDir dir;
        const QString ini = dir.path() + QStringLiteral("/lectern.ini");
        {
            Settings settings(ini);
            SettingsDialog dialog(settings);
            QListWidget *list = dialog.categoryList();
            QCOMPARE(categoryItem(list, QStringLiteral("cs.LG"))->checkState(), Qt::Checked);
            QCOMPARE(categoryItem(list, QStringLiteral("cs.RO"))->checkState(), Qt::Unchecked);

            // The picker is searchable by name.
            dialog.categoryFilter()->setText(QStringLiteral("robot"));
            int visible = 0;
            for (int i = 0; i < list->count(); ++i)
                visible += !list->item(i)->isHidden();
            QCOMPARE(visible, 1);
            QVERIFY(!categoryItem(list, QStringLiteral("cs.RO"))->isHidden());
            categoryItem(list, QStringLiteral("cs.RO"))->setCheckState(Qt::Checked);
            categoryItem(list, QStringLiteral("cs.AI"))->setCheckState(Qt::Unchecked);

            qobject_cast<QSpinBox *>(dialog.editorFor(QStringLiteral("scoring/batchSize")))->setValue(35);
            qobject_cast<QComboBox *>(dialog.editorFor(QStringLiteral("scoring/provider")))
                ->setCurrentText(QStringLiteral("local"));
            qobject_cast<QCheckBox *>(dialog.editorFor(QStringLiteral("scoring/structuredOutput")))
                ->setChecked(false);
            qobject_cast<QLineEdit *>(dialog.editorFor(QStringLiteral("topics/followedAuthors")))
                ->setText(QStringLiteral("Zoë Ångström, J. Díaz"));

            // A bad value is named and nothing at all is written.
            auto *url = qobject_cast<QLineEdit *>(dialog.editorFor(QStringLiteral("local/baseUrl")));
            url->setText(QStringLiteral("localhost:11434"));
            QVERIFY(!dialog.apply());
            QVERIFY2(
                dialog.lastError().contains(QStringLiteral("local/baseUrl")), qPrintable(dialog.lastError()));
            QVERIFY(!QFile::exists(ini));
            url->setText(QStringLiteral("http://127.0.0.1:8080/v1"));
            QVERIFY2(dialog.apply(), qPrintable(dialog.lastError()));
        }
        Settings reread(ini);
        QCOMPARE(reread.stringList(Keys::ArxivCategories),
            (QStringList {QStringLiteral("cs.LG"), QStringLiteral("cs.RO")}));
        QCOMPARE(reread.integer(Keys::ScoringBatchSize), 35);
        QCOMPARE(reread.string(Keys::ScoringProvider), QStringLiteral("local"));
        QVERIFY(!reread.flag(Keys::ScoringStructuredOutput));
        QCOMPARE(reread.url(Keys::LocalBase).port(), 8080);
        QCOMPARE(reread.stringList(Keys::TopicsFollowedAuthors),
            (QStringList {QStringLiteral("Zoë Ångström"), QStringLiteral("J. Díaz")}));
        // Values left at their defaults are not written.
        QVERIFY(!reread.isSet(Keys::ScoringRelevanceThreshold));

        SettingsDialog again(reread);
        QCOMPARE(qobject_cast<QSpinBox *>(again.editorFor(QStringLiteral("scoring/batchSize")))->value(), 35);
        QCOMPARE(categoryItem(again.categoryList(), QStringLiteral("cs.RO"))->checkState(), Qt::Checked);
        QCOMPARE(categoryItem(again.categoryList(), QStringLiteral("cs.AI"))->checkState(), Qt::Unchecked);

        // No category at all is refused.
        categoryItem(again.categoryList(), QStringLiteral("cs.LG"))->setCheckState(Qt::Unchecked);
        categoryItem(again.categoryList(), QStringLiteral("cs.RO"))->setCheckState(Qt::Unchecked);
        QVERIFY(!again.apply());
        QVERIFY(again.lastError().contains(QStringLiteral("at least one")));
    }

    void testConnectionRunsInTheBackground()
    {
        Test::LoopbackHttpServer server;
        QVERIFY(server.listen());
        bool refuse = false;
        server.route("/v1/models", [&](const Test::LoopbackHttpServer::Request &) {
            Test::LoopbackHttpServer::Response r;
            r.status = refuse ? 401 : 200;
            r.body = Test::fixture(refuse ? QStringLiteral("llm/openai/error_invalid_api_key.json")
                                          : QStringLiteral("llm/openai/models.json"));
            r.headers = {{"Content-Type", "application/json"}};
            r.delayMs = 300; // long enough to see the button disabled
            return r;
        });
        // No keyring offscreen: the key comes from the environment, as the dialog explains.
        qputenv("OPENAI_API_KEY", "sk-test-not-a-real-key-0123456789");
        Test::TempProfileDir dir;
        Settings settings(dir.path() + QStringLiteral("/lectern.ini"));
        SettingsDialog dialog(settings);
        // The edited values are tested, before anything is saved.
        qobject_cast<QComboBox *>(dialog.editorFor(QStringLiteral("scoring/provider")))
            ->setCurrentText(QStringLiteral("openai"));
        qobject_cast<QLineEdit *>(dialog.editorFor(QStringLiteral("openai/baseUrl")))
            ->setText(server.url(QStringLiteral("/v1")).toString());
        qobject_cast<QLineEdit *>(dialog.editorFor(QStringLiteral("openai/model")))
            ->setText(QStringLiteral("gpt-5-mini"));
        ConnectionTester *tester = dialog.connectionTester();
        QSignalSpy finished(tester, &ConnectionTester::finished);
        QTest::mouseClick(tester->button(), Qt::LeftButton);
        QVERIFY(tester->isRunning());
        QVERIFY(!tester->button()->isEnabled());
        QVERIFY(finished.wait(20000));
        QVERIFY2(finished.first().at(0).toBool(), qPrintable(finished.first().at(1).toString()));
        QVERIFY(tester->button()->isEnabled());
        const QString text = tester->resultLabel()->text();
        QVERIFY2(text.contains(QStringLiteral("model \"gpt-5-mini\" is available")), qPrintable(text));
        QVERIFY2(text.contains(QStringLiteral("(model gpt-5-mini, ")), qPrintable(text));
        QVERIFY2(QRegularExpression(QStringLiteral("\\d+ ms\\)")).match(text).hasMatch(), qPrintable(text));
        QCOMPARE(server.requestsTo("/v1/models").size(), 1);
        QVERIFY(!text.contains(QStringLiteral("sk-test")));
        QVERIFY(!QFile::exists(settings.fileName())); // testing saved nothing

        // A refused key: the provider's reason, in words.
        refuse = true;
        QTest::mouseClick(tester->button(), Qt::LeftButton);
        QVERIFY(finished.wait(20000));
        QVERIFY(!finished.last().at(0).toBool());
        const QString failure = tester->resultLabel()->text();
        QVERIFY2(failure.contains(QStringLiteral("refused the API key")), qPrintable(failure));
        QVERIFY(!failure.contains(QStringLiteral("sk-test")));
        QVERIFY(tester->button()->isEnabled());

        // The built-in scorer has nothing to connect to; no request is made.
        const qsizetype before = server.requests().size();
        qobject_cast<QComboBox *>(dialog.editorFor(QStringLiteral("scoring/provider")))
            ->setCurrentText(QStringLiteral("builtin"));
        QTest::mouseClick(tester->button(), Qt::LeftButton);
        QVERIFY(!tester->isRunning());
        QVERIFY(tester->resultLabel()->text().contains(QStringLiteral("built-in scorer")));
        QCOMPARE(server.requests().size(), before);
        qunsetenv("OPENAI_API_KEY");
    }

    void pricesEditRoundTrip()
    {
        Test::TempProfileDir dir;
        const QString ini = dir.path() + QStringLiteral("/lectern.ini");
        const QString pricesPath = dir.path() + QStringLiteral("/prices.json");
        Settings settings(ini);
        {
            SettingsDialog dialog(settings);
            PriceTableEditor *editor = dialog.priceEditor();
            QTableWidget *table = editor->table();
            const int mini = editor->rowOf(QStringLiteral("gpt-5-mini"));
            QVERIFY(mini >= 0);
            QCOMPARE(table->item(mini, PriceTableEditor::InputColumn)->text(), QStringLiteral("0.25"));
            // Defaults cannot be removed (the file only adds to them); added models can.
            table->setCurrentCell(mini, 0);
            QVERIFY(!editor->removeButton()->isEnabled());

            table->item(mini, PriceTableEditor::InputColumn)->setText(QStringLiteral("0.3"));
            QTest::mouseClick(editor->addButton(), Qt::LeftButton);
            const int added = table->rowCount() - 1;
            QVERIFY(editor->removeButton()->isEnabled());
            table->item(added, PriceTableEditor::ModelColumn)->setText(QStringLiteral("my-local-70b"));
            table->item(added, PriceTableEditor::InputColumn)->setText(QStringLiteral("1.5"));
            table->item(added, PriceTableEditor::CachedInputColumn)->setText(QStringLiteral("0.15"));
            table->item(added, PriceTableEditor::CacheWriteColumn)->setText(QStringLiteral("1.5"));
            table->item(added, PriceTableEditor::OutputColumn)->setText(QStringLiteral("abc"));

            // Not a number: refused, named, nothing written.
            QVERIFY(!dialog.apply());
            QVERIFY2(dialog.lastError().contains(QStringLiteral("row %1").arg(added + 1)),
                qPrintable(dialog.lastError()));
            QVERIFY2(dialog.lastError().contains(QStringLiteral("\"abc\"")), qPrintable(dialog.lastError()));
            QVERIFY(!QFile::exists(pricesPath));
            table->item(added, PriceTableEditor::OutputColumn)->setText(QStringLiteral("-2"));
            QVERIFY(!dialog.apply());
            // A repeated name is refused too.
            table->item(added, PriceTableEditor::OutputColumn)->setText(QStringLiteral("6"));
            table->item(added, PriceTableEditor::ModelColumn)->setText(QStringLiteral("GPT-5-mini"));
            QVERIFY(!dialog.apply());
            QVERIFY2(dialog.lastError().contains(QStringLiteral("twice")), qPrintable(dialog.lastError()));
            table->item(added, PriceTableEditor::ModelColumn)->setText(QStringLiteral("my-local-70b"));
            QVERIFY2(dialog.apply(), qPrintable(dialog.lastError()));
        }
        // The saved file, re-read as the scoring job reads it.
        auto prices = PriceTable::loadOrCreate(pricesPath);
        QVERIFY2(prices.ok(), qPrintable(prices.error()));
        QCOMPARE(prices->find(QStringLiteral("gpt-5-mini"))->input, 0.3);
        QCOMPARE(prices->find(QStringLiteral("gpt-5-mini"))->output, 2.0);
        const auto mine = prices->find(QStringLiteral("my-local-70b"));
        QVERIFY(mine.has_value());
        QCOMPARE(mine->input, 1.5);
        QCOMPARE(mine->cachedInput, 0.15);
        QCOMPARE(mine->output, 6.0);
        QCOMPARE(prices->find(QStringLiteral("gpt-5"))->input, 1.25); // untouched defaults stay

        // Shown again from the file; the added model can be removed.
        SettingsDialog again(settings);
        PriceTableEditor *editor = again.priceEditor();
        QCOMPARE(editor->table()
                     ->item(editor->rowOf(QStringLiteral("gpt-5-mini")), PriceTableEditor::InputColumn)
                     ->text(),
            QStringLiteral("0.3"));
        editor->table()->setCurrentCell(editor->rowOf(QStringLiteral("my-local-70b")), 0);
        QTest::mouseClick(editor->removeButton(), Qt::LeftButton);
        QCOMPARE(editor->rowOf(QStringLiteral("my-local-70b")), -1);
        QVERIFY(again.apply());
        QVERIFY(!PriceTable::loadOrCreate(pricesPath)->find(QStringLiteral("my-local-70b")).has_value());
    }

    void keyringStatusIsExplained()
    {
        Test::TempProfileDir dir;
        Settings settings(dir.path() + QStringLiteral("/lectern.ini"));
        SettingsDialog dialog(settings);
        auto *note = dialog.findChild<QLabel *>(QStringLiteral("keyringNote"));
        QVERIFY(note);
        if (KeyringStore::isAvailable()) {
            QVERIFY(dialog.apiKeyEdit()->isEnabled());
            QVERIFY(note->text().contains(QStringLiteral("never in Lectern's files")));
        } else {
            // The test environment has no session bus: the dialog says so and offers the environment instead.
            QVERIFY(!dialog.apiKeyEdit()->isEnabled());
            QVERIFY(note->text().contains(QStringLiteral("No system keyring")));
            QVERIFY(note->text().contains(QStringLiteral("OPENAI_API_KEY")));
        }
        QCOMPARE(dialog.apiKeyEdit()->echoMode(), QLineEdit::Password);
    }
};

QTEST_MAIN(TestSettingsDialog)
#include "test_settingsdialog.moc"
