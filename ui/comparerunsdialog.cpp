// SPDX-License-Identifier: GPL-3.0-or-later
#include "comparerunsdialog.h"

#include "config/settings.h"
#include "digest/digestbuilder.h"
#include "models/plaintooltip.h"
#include "models/roles.h"
#include "models/scorecomparisonmodel.h"
#include "scoring/authormatcher.h"
#include "store/paperstore.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QShortcut>
#include <QTableView>
#include <QVBoxLayout>

#include <algorithm>
#include <utility>

namespace Lectern {

CompareRunsOptions CompareRunsOptions::fromSettings(const Settings &settings)
{
    CompareRunsOptions o;
    o.followedAuthors = settings.stringList(Keys::TopicsFollowedAuthors);
    o.minRelevance = settings.integer(Keys::ScoringRelevanceThreshold);
    o.minNovelty = settings.integer(Keys::ScoringNoveltyThreshold);
    o.announceTypes = settings.stringList(Keys::ArxivAnnounceTypes);
    if (o.announceTypes.isEmpty())
        o.announceTypes = DigestBuilder::defaultAnnounceTypes();
    return o;
}

CompareRunsDialog::CompareRunsDialog(PaperStore *store, QWidget *parent)
    : QDialog(parent)
    , m_store(store)
    , m_content(new QWidget(this))
    , m_from(new QComboBox(this))
    , m_to(new QComboBox(this))
    , m_summary(new QLabel(this))
    , m_message(new QLabel(this))
    , m_onlyMoved(new QCheckBox(tr("Only papers that &moved"), this))
    , m_table(new QTableView(this))
    , m_model(new ScoreComparisonModel(this))
    , m_proxy(new ScoreComparisonProxy(this))
{
    setObjectName(QStringLiteral("compareRunsDialog"));
    setWindowTitle(tr("Compare Runs"));
    setModal(false);
    resize(900, 560);

    m_from->setObjectName(QStringLiteral("fromRun"));
    m_from->setToolTip(tr("The old run: its marks are the \"before\""));
    m_to->setObjectName(QStringLiteral("toRun"));
    m_to->setToolTip(tr("The new run: its marks are the \"after\""));
    m_summary->setObjectName(QStringLiteral("compareSummary"));
    m_summary->setTextFormat(Qt::PlainText); // model names and store errors are not markup
    m_summary->setWordWrap(true);
    m_summary->setToolTip(tr("Entered, left: the paper's place in the digest changed. Changed: both runs "
                             "gave marks that differ, and the paper stayed on the same side of the bar."));
    m_summary->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_message->setObjectName(QStringLiteral("compareMessage"));
    m_message->setTextFormat(Qt::PlainText); // names runs by their model
    m_message->setWordWrap(true);
    m_message->setAlignment(Qt::AlignCenter);
    m_message->hide();
    m_onlyMoved->setObjectName(QStringLiteral("onlyMoved"));
    m_onlyMoved->setToolTip(tr("Hide the papers whose marks and place in the digest stayed the same"));
    m_onlyMoved->setChecked(true);
    m_proxy->setOnlyMoved(true);

    m_proxy->setSourceModel(m_model);
    m_table->setObjectName(QStringLiteral("comparisonTable"));
    m_table->setAccessibleName(tr("Papers of the two runs"));
    m_table->setModel(m_proxy);
    m_table->setSortingEnabled(true);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setAlternatingRowColors(true);
    m_table->setWordWrap(false);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setSectionResizeMode(
        ScoreComparisonModel::TitleColumn, QHeaderView::Stretch);
    m_table->setToolTip(tr("Double-click a paper to select it in the main window"));
    const int digits = m_table->fontMetrics().horizontalAdvance(QStringLiteral("New nov.")) + 16;
    for (int column : {ScoreComparisonModel::OldRelevanceColumn, ScoreComparisonModel::OldNoveltyColumn,
             ScoreComparisonModel::NewRelevanceColumn, ScoreComparisonModel::NewNoveltyColumn})
        m_table->setColumnWidth(column, digits);
    m_table->setColumnWidth(ScoreComparisonModel::IdColumn, 100);
    m_table->sortByColumn(ScoreComparisonModel::StatusColumn, Qt::AscendingOrder);

    auto *runs = new QFormLayout;
    runs->addRow(tr("&From run:"), m_from);
    runs->addRow(tr("&To run:"), m_to);
    auto *contentLayout = new QVBoxLayout(m_content);
    contentLayout->setContentsMargins(0, 0, 0, 0);
    contentLayout->addLayout(runs);
    contentLayout->addWidget(m_summary);
    contentLayout->addWidget(m_onlyMoved);
    contentLayout->addWidget(m_table, 1);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::close);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_message, 1);
    layout->addWidget(m_content, 1);
    layout->addWidget(buttons);

    connect(m_from, &QComboBox::currentIndexChanged, this, &CompareRunsDialog::compare);
    connect(m_to, &QComboBox::currentIndexChanged, this, &CompareRunsDialog::compare);
    connect(m_onlyMoved, &QCheckBox::toggled, m_proxy, &ScoreComparisonProxy::setOnlyMoved);
    connect(m_table, &QAbstractItemView::activated, this, [this](const QModelIndex &index) {
        const QString id = index.data(ArxivIdRole).toString();
        if (!id.isEmpty())
            Q_EMIT paperActivated(id);
    });
    // The reader's keys: j and k walk the papers here too. The table has the keyboard when the dialog opens,
    // since the papers are what it is for.
    for (const auto &[key, step] : {std::pair {Qt::Key_J, 1}, std::pair {Qt::Key_K, -1}}) {
        auto *shortcut = new QShortcut(QKeySequence(key), m_table);
        shortcut->setContext(Qt::WidgetShortcut);
        connect(shortcut, &QShortcut::activated, this, [this, s = step] { stepRow(s); });
    }
    m_table->setFocus();
}

void CompareRunsDialog::stepRow(int step)
{
    const int rows = m_proxy->rowCount();
    if (rows == 0)
        return;
    const QModelIndex current = m_table->currentIndex();
    const int row = current.isValid() ? std::clamp(current.row() + step, 0, rows - 1) : 0;
    m_table->setCurrentIndex(m_proxy->index(row, current.isValid() ? current.column() : 0));
}

void CompareRunsDialog::setOptions(const CompareRunsOptions &options)
{
    if (options == m_options)
        return;
    m_options = options;
    if (m_day.isValid())
        setDay(m_day);
}

QString CompareRunsDialog::runLabel(const ScoringRunInfo &run)
{
    const QString papers = run.papers == 1 ? tr("1 paper") : tr("%1 papers").arg(run.papers);
    return tr("%1 · prompt %2 · %3 · %4")
        .arg(run.model.isEmpty() ? tr("(no model)") : run.model, run.promptHash.left(8),
            QLocale().toString(run.latest.toLocalTime(), QStringLiteral("yyyy-MM-dd HH:mm")), papers);
}

void CompareRunsDialog::setDay(const QDate &day)
{
    // On the same day, keep what the user picked when the runs are still there; the default pair (the last
    // two) moves on to the new last two, so a re-score shows what it changed.
    const int count = m_from->count();
    const bool picked = day == m_day && count >= 2 &&
        !(m_from->currentIndex() == count - 2 && m_to->currentIndex() == count - 1);
    const auto keyOf = [](const ScoringRunInfo &run) { return run.model + u'\n' + run.promptHash; };
    const QString fromKey = picked ? keyOf(m_runs.at(m_from->currentIndex())) : QString();
    const QString toKey = picked ? keyOf(m_runs.at(m_to->currentIndex())) : QString();

    m_day = day;
    setWindowTitle(
        day.isValid() ? tr("Compare Runs — %1").arg(day.toString(Qt::ISODate)) : tr("Compare Runs"));
    m_runs.clear();
    QString error;
    if (!m_store) {
        error = tr("No database: there are no runs to compare.");
    } else if (!day.isValid()) {
        error = tr("No day is shown: fetch and score a day first.");
    } else if (auto runs = ScoreComparison::runsForDay(*m_store, day, m_options.announceTypes); !runs) {
        error = tr("The runs of %1 could not be read: %2").arg(day.toString(Qt::ISODate), runs.error());
    } else {
        m_runs = std::move(runs).value();
    }

    int from = int(m_runs.size()) - 2;
    int to = int(m_runs.size()) - 1;
    for (qsizetype i = 0; i < m_runs.size(); ++i) {
        if (!fromKey.isEmpty() && keyOf(m_runs.at(i)) == fromKey)
            from = int(i);
        if (!toKey.isEmpty() && keyOf(m_runs.at(i)) == toKey)
            to = int(i);
    }
    {
        const QSignalBlocker blockFrom(m_from);
        const QSignalBlocker blockTo(m_to);
        m_from->clear();
        m_to->clear();
        for (const ScoringRunInfo &run : std::as_const(m_runs)) {
            const QString label = runLabel(run);
            // Model names come from settings and servers: a tool tip shows them as text.
            const QString tip = PlainToolTip::of(
                ScoreComparison::describeRun(run) + tr("\nFull prompt hash: %1").arg(run.promptHash));
            m_from->addItem(label);
            m_from->setItemData(m_from->count() - 1, tip, Qt::ToolTipRole);
            m_to->addItem(label);
            m_to->setItemData(m_to->count() - 1, tip, Qt::ToolTipRole);
        }
        if (m_runs.size() >= 2) {
            m_from->setCurrentIndex(from);
            m_to->setCurrentIndex(to);
        }
    }
    if (!error.isEmpty()) {
        showMessage(error);
        return;
    }
    if (m_runs.size() < 2) {
        const QString dayText = day.toString(Qt::ISODate);
        showMessage(m_runs.isEmpty()
                ? tr("%1 has not been scored yet, so there are no runs to compare.\n\nScore the day, then "
                     "edit the prompt (File ▸ Edit Prompts…) or choose another model (File ▸ Settings…) "
                     "and score it again.")
                      .arg(dayText)
                : tr("%1 has only one scoring run (%2); a comparison needs two.\n\nEdit the prompt (File ▸ "
                     "Edit Prompts…) or choose another model (File ▸ Settings…), then score the day again: "
                     "both results are kept.")
                      .arg(dayText, runLabel(m_runs.first())));
        return;
    }
    compare();
}

void CompareRunsDialog::showMessage(const QString &text)
{
    m_model->clear();
    m_summary->clear();
    m_message->setText(text);
    m_message->show();
    m_content->hide();
}

void CompareRunsDialog::compare()
{
    if (!m_store || m_runs.size() < 2)
        return;
    m_message->hide();
    m_content->show();
    const int from = m_from->currentIndex();
    const int to = m_to->currentIndex();
    if (from < 0 || to < 0)
        return;
    if (from == to) {
        m_model->clear();
        m_summary->setText(tr("Both sides show the same run: pick two different runs."));
        return;
    }
    const auto comparison = ScoreComparison::compare(*m_store, m_day, m_runs.at(from), m_runs.at(to),
        AuthorMatcher(m_options.followedAuthors), m_options.minRelevance, m_options.minNovelty,
        m_options.announceTypes);
    if (!comparison) {
        m_model->clear();
        m_summary->setText(tr("The comparison failed: %1").arg(comparison.error()));
        return;
    }
    const ScoreComparison &c = *comparison;
    m_model->setComparison(c);
    // The first three counts are the rows "Only papers that moved" shows, one status each.
    using Status = ScoreComparisonModel::Status;
    m_summary->setText(tr("%1 entered, %2 left, %3 changed · relevant papers %4 → %5 (relevance ≥ %6, "
                          "novelty ≥ %7) · %8 of %9 papers marked by both runs: %10 with new marks, %11 the "
                          "same")
                           .arg(m_model->count(Status::Entered))
                           .arg(m_model->count(Status::Left))
                           .arg(m_model->count(Status::Changed))
                           .arg(c.relevantBefore)
                           .arg(c.relevantAfter)
                           .arg(c.minRelevance)
                           .arg(c.minNovelty)
                           .arg(c.comparable)
                           .arg(c.considered)
                           .arg(c.changed.size())
                           .arg(c.unchanged));
}

} // namespace Lectern
