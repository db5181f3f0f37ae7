// SPDX-License-Identifier: GPL-3.0-or-later
#include "filterbar.h"

#include "domain/papertableorders.h"
#include "fulltextsearch.h"
#include "models/paperfilterproxy.h"
#include "store/paperstore.h"

#include <QCheckBox>
#include <QComboBox>
#include <QKeyEvent>
#include <QLineEdit>
#include <QSpinBox>

namespace Lectern {

FilterBar::FilterBar(PaperFilterProxy *proxy, QWidget *parent)
    : QToolBar(tr("Filters"), parent)
    , m_proxy(proxy)
    , m_search(new QLineEdit(this))
    , m_starredOnly(new QCheckBox(tr("Starred"), this))
    , m_minRelevance(new QSpinBox(this))
    , m_scope(new QComboBox(this))
    , m_unread(new QCheckBox(tr("Unread"), this))
    , m_hideDismissed(new QCheckBox(tr("Hide dismissed"), this))
    , m_relevant(new QCheckBox(tr("Relevant only"), this))
    , m_tag(new QComboBox(this))
    , m_category(new QComboBox(this))
    , m_author(new QLineEdit(this))
{
    setObjectName(QStringLiteral("filterBar"));
    m_search->setObjectName(QStringLiteral("searchField"));
    m_search->setAccessibleName(tr("Search"));
    m_search->setPlaceholderText(tr("Search title, authors, abstract, notes (Ctrl+F)"));
    m_search->setClearButtonEnabled(true);
    m_starredOnly->setObjectName(QStringLiteral("starredOnly"));
    m_minRelevance->setObjectName(QStringLiteral("minRelevance"));
    m_minRelevance->setAccessibleName(tr("Minimum relevance"));
    // The spin box's own line edit is what the keyboard reaches.
    if (auto *edit = m_minRelevance->findChild<QLineEdit *>())
        edit->setAccessibleName(tr("Minimum relevance"));
    m_minRelevance->setRange(0, 10);
    m_minRelevance->setPrefix(tr("Relevance ≥ "));
    m_minRelevance->setSpecialValueText(tr("Any relevance"));
    m_scope->setObjectName(QStringLiteral("dayScope"));
    m_scope->addItem(tr("This day"));
    m_scope->addItem(tr("All days"));
    m_scope->setToolTip(
        tr("Show the chosen day's papers, or every stored day's; the filters apply to either"));
    m_unread->setObjectName(QStringLiteral("unreadOnly"));
    m_hideDismissed->setObjectName(QStringLiteral("hideDismissed"));
    m_relevant->setObjectName(QStringLiteral("relevantOnly"));
    m_tag->setObjectName(QStringLiteral("tagFilter"));
    m_category->setObjectName(QStringLiteral("categoryFilter"));
    m_author->setObjectName(QStringLiteral("authorFilter"));
    m_author->setAccessibleName(tr("Author filter"));
    m_hideDismissed->setChecked(true);
    m_proxy->setHideDismissed(true);
    m_relevant->setToolTip(tr("Only papers at or above the digest thresholds"));
    m_author->setPlaceholderText(tr("Author"));
    m_author->setClearButtonEnabled(true);
    m_author->setMaximumWidth(180);
    setTags({});
    setCategories({});
    addWidget(m_scope);
    addWidget(m_unread);
    addWidget(m_hideDismissed);
    addWidget(m_relevant);
    addWidget(m_tag);
    addWidget(m_category);
    addWidget(m_author);

    connect(m_scope, &QComboBox::currentIndexChanged, this, [this](int i) { Q_EMIT allDaysToggled(i == 1); });
    connect(m_unread, &QCheckBox::toggled, m_proxy, &PaperFilterProxy::setUnreadOnly);
    connect(m_hideDismissed, &QCheckBox::toggled, m_proxy, &PaperFilterProxy::setHideDismissed);
    connect(m_relevant, &QCheckBox::toggled, this, [this](bool on) {
        applyRelevant();
        // "Relevant only" overrides the minimum relevance box while it is on.
        m_minRelevance->setEnabled(!on);
        if (!on)
            m_proxy->setMinimumRelevance(m_minRelevance->value());
        Q_EMIT relevantOnlyToggled(on);
    });
    connect(m_search, &QLineEdit::textChanged, this, &FilterBar::applySearch);
    connect(m_starredOnly, &QCheckBox::toggled, m_proxy, &PaperFilterProxy::setStarredOnly);
    connect(m_minRelevance, &QSpinBox::valueChanged, m_proxy, &PaperFilterProxy::setMinimumRelevance);
    connect(m_tag, &QComboBox::currentIndexChanged, this,
        [this](int i) { m_proxy->setTag(i > 0 ? m_tag->itemText(i) : QString()); });
    connect(m_category, &QComboBox::currentIndexChanged, this,
        [this](int i) { m_proxy->setCategory(i > 0 ? m_category->itemText(i) : QString()); });
    connect(m_author, &QLineEdit::textChanged, m_proxy,
        [this](const QString &t) { m_proxy->setAuthor(t.trimmed()); });
    for (QLineEdit *field : {m_search, m_author}) {
        connect(field, &QLineEdit::returnPressed, this, &FilterBar::listRequested);
        field->installEventFilter(this);
    }
}

bool FilterBar::eventFilter(QObject *watched, QEvent *event)
{
    // Down leaves a one-line field for the list below it, as from a browser's search box.
    if ((watched == m_search || watched == m_author) && event->type() == QEvent::KeyPress &&
        static_cast<QKeyEvent *>(event)->key() == Qt::Key_Down &&
        static_cast<QKeyEvent *>(event)->modifiers() == Qt::NoModifier) {
        Q_EMIT listRequested();
        return true;
    }
    return QToolBar::eventFilter(watched, event);
}

void FilterBar::setThresholds(int minRelevance, int minNovelty)
{
    m_relevanceThreshold = minRelevance;
    m_noveltyThreshold = minNovelty;
    applyRelevant();
    Q_EMIT thresholdsChanged(minRelevance, minNovelty);
}

void FilterBar::applyRelevant()
{
    if (!m_relevant->isChecked()) {
        m_proxy->setMinimumNovelty(0);
        return;
    }
    m_proxy->setMinimumRelevance(m_relevanceThreshold);
    m_proxy->setMinimumNovelty(m_noveltyThreshold);
}

QList<QWidget *> FilterBar::quickFilters() const
{
    return {m_search, m_starredOnly, m_minRelevance};
}

void FilterBar::focusSearch()
{
    m_search->setFocus();
    m_search->selectAll();
}

void FilterBar::setStore(PaperStore *store)
{
    delete m_fullText;
    m_fullText = nullptr;
    if (!store)
        return;
    // Every match: the box filters the table, a cut-off list would hide papers without saying so.
    m_fullText = new FullTextSearch(store->database().path(), this);
    connect(m_fullText, &FullTextSearch::found, this, &FilterBar::searchFound);
    connect(m_fullText, &FullTextSearch::failed, this,
        [this](const QString &error) { Q_EMIT message(error, 5000); });
}

void FilterBar::applySearch(const QString &text)
{
    if (!m_fullText || text.trimmed().isEmpty()) {
        if (m_fullText)
            m_fullText->cancel();
        m_proxy->setRowFilter(std::nullopt);
        return;
    }
    // Off the GUI thread: the table follows when the ids come back; a newer key supersedes this search.
    m_fullText->search(text);
}

void FilterBar::searchFound(const QString &text, const QList<qint64> &rows)
{
    if (text != m_search->text())
        return; // typed on meanwhile: the next result is the one to show
    m_proxy->setRowFilter(QSet<qint64>(rows.cbegin(), rows.cend()));
}

namespace {

void refill(QComboBox *box, const QString &anyText, const QStringList &items)
{
    const QString current = box->currentIndex() > 0 ? box->currentText() : QString();
    QSignalBlocker block(box);
    box->clear();
    box->addItem(anyText);
    box->addItems(items);
    const int keep = current.isEmpty() ? 0 : box->findText(current);
    box->setCurrentIndex(std::max(0, keep));
}

} // namespace

void FilterBar::setTags(const QStringList &tags)
{
    refill(m_tag, tr("Any tag"), tags);
}

void FilterBar::setCategoriesOf(const QList<PaperRecord> &records)
{
    setCategories(PaperTableRows::categoriesOf(records));
}

void FilterBar::setCategories(const QStringList &categories)
{
    refill(m_category, tr("Any category"), categories);
    if (m_category->currentIndex() == 0)
        m_proxy->setCategory(QString());
}

void FilterBar::setAllDays(bool on)
{
    QSignalBlocker block(m_scope);
    m_scope->setCurrentIndex(on ? 1 : 0);
}

bool FilterBar::allDays() const
{
    return m_scope->currentIndex() == 1;
}

void FilterBar::setAuthor(const QString &author)
{
    m_author->setText(author);
}

} // namespace Lectern
