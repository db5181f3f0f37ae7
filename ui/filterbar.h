// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QToolBar>

class QCheckBox;
class QComboBox;
class QLineEdit;

namespace Lectern {

class PaperFilterProxy;

/// The triage filters beyond search: which days (this day or all), unread, hide dismissed, relevant only (the
/// digest thresholds), tag, category and author. Each drives the proxy directly; they combine.
class FilterBar final : public QToolBar
{
    Q_OBJECT
public:
    FilterBar(PaperFilterProxy *proxy, QWidget *parent = nullptr);

    /// Thresholds that "Relevant only" applies.
    void setThresholds(int minRelevance, int minNovelty);
    void setTags(const QStringList &tags);
    void setCategories(const QStringList &categories);
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

Q_SIGNALS:
    /// "Relevant only" overrides the minimum relevance box while it is on.
    void relevantOnlyToggled(bool on);
    /// The user chose "All days" (true) or "This day" (false): which papers the table holds.
    void allDaysToggled(bool on);

private:
    void applyRelevant();

    PaperFilterProxy *m_proxy;
    QComboBox *m_scope;
    QCheckBox *m_unread;
    QCheckBox *m_hideDismissed;
    QCheckBox *m_relevant;
    QComboBox *m_tag;
    QComboBox *m_category;
    QLineEdit *m_author;
    int m_minRelevance = 8;
    int m_minNovelty = 7;
};

} // namespace Lectern
