// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "domain/paperrecord.h"

#include <QToolBar>

class QCheckBox;
class QComboBox;
class QLineEdit;
class QSpinBox;

namespace Lectern {

class FullTextSearch;
class PaperFilterProxy;
class PaperStore;

/// The triage filters: which days (this day or all), unread, hide dismissed, relevant only (the digest
/// thresholds), tag, category and author on this bar; full-text search, starred and minimum relevance as
/// widgets the window puts in its main toolbar. Each drives the proxy directly; they combine.
class FilterBar final : public QToolBar
{
    Q_OBJECT
public:
    FilterBar(PaperFilterProxy *proxy, QWidget *parent = nullptr);

    /// The store the search box asks (FTS5, on a worker with a connection of its own to the same file);
    /// null: search finds nothing.
    void setStore(PaperStore *store);
    /// The search box's background searches (tests and benchmarks wait for them).
    [[nodiscard]] FullTextSearch *fullTextSearch() const { return m_fullText; }
    /// Ctrl+F: the keys go to the search box.
    void focusSearch();

    /// Thresholds that "Relevant only" applies.
    void setThresholds(int minRelevance, int minNovelty);
    [[nodiscard]] int relevanceThreshold() const { return m_relevanceThreshold; }
    [[nodiscard]] int noveltyThreshold() const { return m_noveltyThreshold; }
    void setTags(const QStringList &tags);
    void setCategories(const QStringList &categories);
    /// The categories @p records hold, sorted.
    void setCategoriesOf(const QList<PaperRecord> &records);
    void setAuthor(const QString &author);
    /// Shows "All days" or "This day" without emitting allDaysToggled().
    void setAllDays(bool on);
    [[nodiscard]] bool allDays() const;

    [[nodiscard]] QCheckBox *unreadOnly() const { return m_unread; }
    [[nodiscard]] QCheckBox *hideDismissed() const { return m_hideDismissed; }
    [[nodiscard]] QCheckBox *relevantOnly() const { return m_relevant; }
    [[nodiscard]] QComboBox *tagChooser() const { return m_tag; }
    [[nodiscard]] QComboBox *categoryChooser() const { return m_category; }
    [[nodiscard]] QLineEdit *authorField() const { return m_author; }
    [[nodiscard]] QComboBox *scopeChooser() const { return m_scope; }
    [[nodiscard]] QLineEdit *searchField() const { return m_search; }
    [[nodiscard]] QCheckBox *starredOnly() const { return m_starredOnly; }
    [[nodiscard]] QSpinBox *minimumRelevance() const { return m_minRelevance; }
    /// Search, starred and minimum relevance: for the window's main toolbar.
    [[nodiscard]] QList<QWidget *> quickFilters() const;

Q_SIGNALS:
    /// "Relevant only" overrides the minimum relevance box while it is on.
    void relevantOnlyToggled(bool on);
    /// The user chose "All days" (true) or "This day" (false): which papers the table holds.
    void allDaysToggled(bool on);
    /// setThresholds() was called: others that draw the digest's thresholds follow.
    void thresholdsChanged(int minRelevance, int minNovelty);
    /// Something to say in the status bar (a search that failed).
    void message(const QString &text, int timeoutMs);
    /// Enter or Down in the search box or the Author field: the keyboard goes to the papers found.
    void listRequested();

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void applyRelevant();
    void applySearch(const QString &text);
    void searchFound(const QString &text, const QList<qint64> &rows);

    PaperFilterProxy *m_proxy;
    FullTextSearch *m_fullText = nullptr;
    QLineEdit *m_search;
    QCheckBox *m_starredOnly;
    QSpinBox *m_minRelevance;
    QComboBox *m_scope;
    QCheckBox *m_unread;
    QCheckBox *m_hideDismissed;
    QCheckBox *m_relevant;
    QComboBox *m_tag;
    QComboBox *m_category;
    QLineEdit *m_author;
    int m_relevanceThreshold = 8;
    int m_noveltyThreshold = 7;
};

} // namespace Lectern
