// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDialog>
#include <QList>

#include <functional>

class QComboBox;
class QLabel;
class QPlainTextEdit;
class QTextBrowser;

namespace KSyntaxHighlighting {
class Repository;
class SyntaxHighlighter;
} // namespace KSyntaxHighlighting

namespace Lectern {

class Profile;
class Settings;

/// One editable prompt file.
struct PromptFile
{
    QString name; ///< "instructions.md"
    QString text; ///< the user's copy
    QString defaultText; ///< what Lectern ships
};

/// Edits the prompt templates with Markdown highlighting (KSyntaxHighlighting, theme following the
/// palette), lists the placeholders a template uses, estimates the tokens and cost of a day's run as you
/// type, resets to the shipped default and shows a line diff against it.
class PromptEditorDialog final : public QDialog
{
    Q_OBJECT
public:
    /// @p paperCount: the shown day's scanned papers; @p usdPerMillionPromptTokens: the chosen model's input
    /// price;
    /// @p batchSize: papers per request (the template is sent once per batch).
    PromptEditorDialog(QList<PromptFile> files, int paperCount, double usdPerMillionPromptTokens,
        int batchSize, QWidget *parent = nullptr);
    ~PromptEditorDialog() override;

    /// Opens the editor on the prompt files of @p profile (estimates for @p paperCount papers at the
    /// chosen model's price) and saves them there atomically. Returns why it could not open, else empty.
    static QString editProfilePrompts(const Profile &profile, const Settings &settings, int paperCount,
        const QString &dayLabel, QWidget *parent);

    /// Names the papers the estimate counts ("Tue 4 Nov 2025", "all 12 stored days"); the estimate used
    /// to say "today's" whatever day the window showed.
    void setDayLabel(const QString &label);

    /// Called with the edited files when the user saves; returns an error message or an empty string.
    std::function<QString(const QList<PromptFile> &)> onSave;

    [[nodiscard]] QPlainTextEdit *editor() const { return m_editor; }
    [[nodiscard]] QComboBox *fileChooser() const { return m_files; }
    [[nodiscard]] QString definitionName() const;
    [[nodiscard]] QLabel *estimateLabel() const { return m_estimate; }
    [[nodiscard]] QLabel *placeholderLabel() const { return m_placeholders; }
    [[nodiscard]] QString diffText() const;
    [[nodiscard]] const QList<PromptFile> &files() const { return m_fileList; }

    /// Rough token count: ~4 characters per token for English prose (documented estimate, not a tokenizer).
    [[nodiscard]] static qint64 estimateTokens(const QString &text);
    /// {{name}} placeholders in @p text, in order of first use.
    [[nodiscard]] static QStringList placeholders(const QString &text);
    /// A minimal line diff (LCS): lines prefixed "- " (default only), "+ " (edited only), "  " (both).
    [[nodiscard]] static QStringList lineDiff(const QString &from, const QString &to);

public Q_SLOTS:
    void resetToDefault();
    void showDiff();
    void accept() override;
    /// Esc, Cancel or the window's close button: edits are never dropped silently; the user is asked to
    /// save them, discard them or go on editing (the default).
    void reject() override;

public:
    /// Whether any template differs from what the dialog opened with.
    [[nodiscard]] bool isModified() const;

private:
    void showFile(int index);
    void updateInfo();

    QList<PromptFile> m_fileList;
    QStringList m_openedTexts; ///< the texts the dialog opened with, to tell edits from them
    int m_current = -1;
    int m_paperCount;
    QString m_dayLabel;
    double m_price;
    int m_batchSize;
    KSyntaxHighlighting::Repository *m_repository;
    KSyntaxHighlighting::SyntaxHighlighter *m_highlighter;
    QComboBox *m_files;
    QPlainTextEdit *m_editor;
    QLabel *m_placeholders;
    QLabel *m_estimate;
    QLabel *m_error;
};

} // namespace Lectern
