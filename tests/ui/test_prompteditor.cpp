// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/prompteditordialog.h"

#include <QApplication>
#include <QComboBox>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTest>
#include <QTextBlock>
#include <QTextLayout>
#include <QTimer>

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
        // Issue 15.15: it said "today's" whatever day the window showed.
        QVERIFY2(!before.contains(u"today") && before.contains(u"500 papers of the shown day"),
            qPrintable(before));
        dialog.setDayLabel(QStringLiteral("Tue 4 Nov 2025"));
        QVERIFY2(dialog.estimateLabel()->text().contains(u"500 papers of Tue 4 Nov 2025"),
            qPrintable(dialog.estimateLabel()->text()));
        dialog.setDayLabel(QStringLiteral("the shown day"));
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

    // Issue 15.5: Esc or Cancel discarded the edits without asking.
    void escapeAsksBeforeDroppingEdits()
    {
        PromptEditorDialog dialog(files(), 10, 0.0, 5);
        QList<PromptFile> saved;
        dialog.onSave = [&saved](const QList<PromptFile> &f) {
            saved = f;
            return QString();
        };
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        // Unchanged: Esc just closes.
        QTest::keyClick(dialog.editor(), Qt::Key_Escape);
        QVERIFY(!dialog.isVisible());
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        dialog.editor()->setFocus();
        QTest::keyClicks(dialog.editor(), QStringLiteral("Be strict. "));
        QVERIFY(dialog.isModified());
        const auto answer = [this](const char *button) {
            QTimer::singleShot(0, this, [button] {
                QWidget *box = QApplication::activeModalWidget();
                QVERIFY(box && box->objectName() == u"unsavedPromptsBox");
                box->findChild<QPushButton *>(QString::fromLatin1(button))->click();
            });
        };
        // Keep Editing: the dialog and the text stay.
        answer("keepEditingButton");
        QTest::keyClick(dialog.editor(), Qt::Key_Escape);
        QVERIFY(dialog.isVisible());
        QVERIFY(dialog.editor()->toPlainText().startsWith(u"Be strict. "));
        QVERIFY(saved.isEmpty());
        // Save: the edits are saved, then the dialog closes.
        answer("savePromptsButton");
        dialog.reject(); // what Cancel does
        QVERIFY(!dialog.isVisible());
        QCOMPARE(saved.size(), 2);
        QVERIFY(saved.front().text.startsWith(u"Be strict. You rate papers."));
        // Discard, when the user says so.
        PromptEditorDialog other(files(), 10, 0.0, 5);
        other.show();
        QVERIFY(QTest::qWaitForWindowExposed(&other));
        other.editor()->setPlainText(QStringLiteral("changed"));
        answer("discardPromptsButton");
        other.reject();
        QVERIFY(!other.isVisible());
    }
};

QTEST_MAIN(TestPromptEditor)
#include "test_prompteditor.moc"
