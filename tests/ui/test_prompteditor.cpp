// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/prompteditordialog.h"

#include <QComboBox>
#include <QLabel>
#include <QPlainTextEdit>
#include <QTest>
#include <QTextBlock>
#include <QTextLayout>

using namespace Lectern;

namespace {

QList<PromptFile> files()
{
    return {
        {QStringLiteral("system.md"), QStringLiteral("You rate papers."), QStringLiteral("You rate papers.")},
        {QStringLiteral("instructions.md"),
            QStringLiteral("## Instructions\n\nScore each paper.\n\n## Topics\n\n{{topics}}\n\n## "
                           "Papers\n\n{{papers}}\n"),
            QStringLiteral("## Instructions\n\nScore each paper.\n\n## Topics\n\n{{topics}}\n\n## "
                           "Papers\n\n{{papers}}\n")}};
}

} // namespace

class TestPromptEditor : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void highlightsMarkdown()
    {
        PromptEditorDialog dialog(files(), 500, 1.25, 20);
        dialog.show();
        QCOMPARE(dialog.definitionName(), QStringLiteral("Markdown"));
        dialog.fileChooser()->setCurrentIndex(1);
        QTextBlock heading = dialog.editor()->document()->firstBlock();
        QCOMPARE(heading.text(), QStringLiteral("## Instructions"));
        // The highlighter formats the heading; plain prose stays unformatted.
        QTRY_VERIFY(!heading.layout()->formats().isEmpty());
    }

    void placeholdersAndEstimate()
    {
        PromptEditorDialog dialog(files(), 500, 1.25, 20);
        dialog.fileChooser()->setCurrentIndex(1);
        QVERIFY(dialog.placeholderLabel()->text().contains(QStringLiteral("{{topics}}, {{papers}}")));
        const QString before = dialog.estimateLabel()->text();
        QVERIFY2(
            before.contains(QStringLiteral("25 requests")), qPrintable(before)); // 500 papers / 20 per batch
        dialog.editor()->appendPlainText(QString(4000, u'x'));
        const QString after = dialog.estimateLabel()->text();
        QVERIFY(after != before);
        QCOMPARE(PromptEditorDialog::estimateTokens(QString(4000, u'x')), 1000);
        QCOMPARE(PromptEditorDialog::placeholders(QStringLiteral("{{ a }} {{b}} {{a}} {c}")),
            (QStringList {QStringLiteral("a"), QStringLiteral("b")}));
    }

    void resetDiffAndSave()
    {
        PromptEditorDialog dialog(files(), 10, 0.0, 5);
        QList<PromptFile> saved;
        dialog.onSave = [&](const QList<PromptFile> &f) {
            saved = f;
            return QString();
        };
        dialog.fileChooser()->setCurrentIndex(1);
        dialog.editor()->setPlainText(QStringLiteral("## Instructions\n\nScore each paper strictly.\n\n## "
                                                     "Topics\n\n{{topics}}\n\n## Papers\n\n{{papers}}\n"));
        const QString diff = dialog.diffText();
        QVERIFY2(diff.contains(QStringLiteral("- Score each paper.")), qPrintable(diff));
        QVERIFY(diff.contains(QStringLiteral("+ Score each paper strictly.")));
        QVERIFY(diff.contains(QStringLiteral("  ## Instructions")));
        dialog.accept();
        QCOMPARE(saved.size(), 2);
        QVERIFY(saved.at(1).text.contains(QStringLiteral("strictly")));
        QCOMPARE(saved.at(0).text, QStringLiteral("You rate papers."));

        dialog.resetToDefault();
        QCOMPARE(dialog.editor()->toPlainText(), files().at(1).defaultText);
        QVERIFY(!dialog.diffText().contains(QStringLiteral("+ ")));
    }

    void saveErrorsAreShown()
    {
        PromptEditorDialog dialog(files(), 10, 0.0, 5);
        dialog.onSave = [](const QList<PromptFile> &) { return QStringLiteral("disk full"); };
        dialog.show();
        dialog.accept();
        QVERIFY(dialog.isVisible()); // stays open, nothing lost
        bool shown = false;
        for (QLabel *l : dialog.findChildren<QLabel *>())
            shown |= l->isVisible() && l->text() == u"disk full";
        QVERIFY(shown);
    }
};

QTEST_MAIN(TestPromptEditor)
#include "test_prompteditor.moc"
