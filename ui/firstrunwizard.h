// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "scoring/researchtopics.h"

#include <QHash>
#include <QList>
#include <QString>
#include <QWizard>

#include <functional>

class QAbstractButton;
class QButtonGroup;
class QCheckBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QRadioButton;

namespace Lectern {

class CategoryPicker;
class KeyringStore;
class Settings;

/// The first-run assistant: arXiv categories, research topics (written to the profile's topics.md),
/// followed authors, the scorer (the built-in one needs no key) and whether to fetch today's papers
/// right away. Finishing writes everything through Settings (validated) and marks the first run done;
/// cancelling marks it done too, so the app opens with its defaults and does not ask again.
///
/// The wizard never touches the network: fetchNow() tells the caller whether the user wants a fetch.
class FirstRunWizard final : public QWizard
{
    Q_OBJECT
public:
    enum PageId { WelcomePage, CategoriesPage, TopicsPage, ScorerPage, FinishPage };
    static constexpr int MaxTopics = 3;

    /// One topic's editors (tests drive them).
    struct TopicEditors
    {
        QLineEdit *name = nullptr;
        QPlainTextEdit *description = nullptr;
        QLineEdit *relevant = nullptr;
        QLineEdit *irrelevant = nullptr;
        QLineEdit *applications = nullptr;
    };

    /// @p promptsDir is the profile's prompt folder (Profile::promptsDir()); its topics.md pre-fills the
    /// topics and receives them.
    FirstRunWizard(Settings &settings, const QString &promptsDir, QWidget *parent = nullptr);

    [[nodiscard]] bool fetchNow() const;

    [[nodiscard]] CategoryPicker *categoryPicker() const { return m_categories; }
    [[nodiscard]] const TopicEditors &topic(int i) const { return m_topics.at(i); }
    [[nodiscard]] QLineEdit *followedAuthorsEdit() const { return m_followed; }
    /// The radio button of a provider ("builtin", "openai", "anthropic", "local").
    [[nodiscard]] QAbstractButton *providerButton(const QString &provider) const;
    [[nodiscard]] QLineEdit *baseUrlEdit() const { return m_baseUrl; }
    [[nodiscard]] QLineEdit *modelEdit() const { return m_model; }
    [[nodiscard]] QLineEdit *apiKeyEdit() const { return m_apiKey; }
    [[nodiscard]] QCheckBox *fetchNowBox() const { return m_fetchNow; }
    /// The last refusal shown to the user (empty when none).
    [[nodiscard]] QString lastError() const { return m_lastError; }

    /// The topics as the editors hold them (blank topics left out), plus any beyond MaxTopics read from
    /// the existing file, which the wizard keeps as they were.
    [[nodiscard]] ResearchTopics editedTopics() const;
    /// topics.md text for @p topics, in the documented format, headed by the default file's comment.
    [[nodiscard]] static QString topicsFileText(const ResearchTopics &topics);

    /// Validates and writes everything; false (and the reason shown) when something is refused.
    bool apply();

public Q_SLOTS:
    void accept() override;
    void reject() override;

private:
    QWizardPage *buildWelcomePage();
    QWizardPage *buildCategoriesPage();
    QWizardPage *buildTopicsPage();
    QWizardPage *buildScorerPage();
    QWizardPage *buildFinishPage();
    void loadTopics();
    void providerChanged();
    [[nodiscard]] QString currentProvider() const;
    bool validateCategories();
    bool validateTopics();
    bool validateScorer();
    /// Shows @p message on the current page's error label (or hides it when empty).
    bool refuse(int page, const QString &message);
    /// Re-runs @p check on each edit while @p page shows an error, so a fixed problem stops being shown.
    void recheckOnEdit(int page, const std::function<bool()> &check, const QList<QObject *> &sources);
    void markDone();

    Settings &m_settings;
    QString m_promptsDir;
    KeyringStore *m_keyring;
    QHash<int, QLabel *> m_errors;
    CategoryPicker *m_categories = nullptr;
    QList<TopicEditors> m_topics;
    ResearchTopics m_loaded; ///< what topics.md held when the wizard opened
    QLineEdit *m_followed = nullptr;
    QButtonGroup *m_providers = nullptr;
    QHash<QString, QRadioButton *> m_providerButtons;
    QLineEdit *m_baseUrl = nullptr;
    QLineEdit *m_model = nullptr;
    QLineEdit *m_apiKey = nullptr;
    QLabel *m_keyringNote = nullptr;
    QCheckBox *m_fetchNow = nullptr;
    QString m_shownProvider; ///< whose model/base URL the editors hold
    QHash<QString, std::pair<QString, QString>> m_endpointEdits; ///< provider -> (base URL, model) typed
    QString m_lastError;
};

} // namespace Lectern
