// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "scoring/scorecomparison.h"

#include <QDate>
#include <QDialog>
#include <QList>
#include <QStringList>

class QCheckBox;
class QComboBox;
class QLabel;
class QTableView;

namespace Lectern {

class PaperStore;
class ScoreComparisonModel;
class ScoreComparisonProxy;
class Settings;

/// What decides the relevant set of a comparison: the digest's rules (see ScoreComparison).
struct CompareRunsOptions
{
    QStringList followedAuthors;
    int minRelevance = 0;
    int minNovelty = 0;
    QStringList announceTypes; ///< empty: every type
    bool operator==(const CompareRunsOptions &) const = default;

    /// The settings' authors, thresholds and announce types (empty setting: the digest's default types),
    /// as `lectern compare` reads them.
    [[nodiscard]] static CompareRunsOptions fromSettings(const Settings &settings);
};

/// View ▸ Compare Runs…: what moved between two scoring runs (model + prompt) of one day. Non-modal; the
/// main window keeps it on the shown day. Activating a row (double-click, Enter) asks the main window to
/// select that paper.
class CompareRunsDialog final : public QDialog
{
    Q_OBJECT
public:
    explicit CompareRunsDialog(PaperStore *store, QWidget *parent = nullptr);

    /// New rules re-read the shown day (the announce types decide which runs it has).
    void setOptions(const CompareRunsOptions &options);
    /// Lists @p day's runs and compares the last two. On the same day (a re-score may have added a run),
    /// runs the user picked stay picked if they are still there; the default pair moves to the new last two.
    void setDay(const QDate &day);
    [[nodiscard]] QDate day() const { return m_day; }
    /// The day's runs, oldest first, as the combos list them.
    [[nodiscard]] const QList<ScoringRunInfo> &runs() const { return m_runs; }
    /// "gpt-5-mini · prompt 0123abcd · 2026-11-23 10:00 · 412 papers"
    [[nodiscard]] static QString runLabel(const ScoringRunInfo &run);

    [[nodiscard]] QComboBox *fromCombo() const { return m_from; }
    [[nodiscard]] QComboBox *toCombo() const { return m_to; }
    [[nodiscard]] QLabel *summaryLabel() const { return m_summary; }
    /// Says why there is nothing to compare; hidden when there is.
    [[nodiscard]] QLabel *messageLabel() const { return m_message; }
    [[nodiscard]] QCheckBox *onlyMovedBox() const { return m_onlyMoved; }
    [[nodiscard]] QTableView *table() const { return m_table; }
    [[nodiscard]] ScoreComparisonModel *model() const { return m_model; }
    [[nodiscard]] ScoreComparisonProxy *proxy() const { return m_proxy; }

Q_SIGNALS:
    /// The user picked a paper of the comparison to look at in the main window.
    void paperActivated(const QString &arxivId);

private:
    void compare();
    /// j/k: the next or previous paper of the table (the first when none is current).
    void stepRow(int step);
    void showMessage(const QString &text);

    PaperStore *m_store;
    CompareRunsOptions m_options;
    QDate m_day;
    QList<ScoringRunInfo> m_runs;
    QWidget *m_content;
    QComboBox *m_from;
    QComboBox *m_to;
    QLabel *m_summary;
    QLabel *m_message;
    QCheckBox *m_onlyMoved;
    QTableView *m_table;
    ScoreComparisonModel *m_model;
    ScoreComparisonProxy *m_proxy;
};

} // namespace Lectern
