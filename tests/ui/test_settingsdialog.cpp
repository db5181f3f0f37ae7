// SPDX-License-Identifier: GPL-3.0-or-later
#include "config/settings.h"
#include "support/fixtures.h"
#include "ui/keyringstore.h"
#include "ui/settingsdialog.h"

#include <QCheckBox>
#include <QComboBox>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QSpinBox>
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
