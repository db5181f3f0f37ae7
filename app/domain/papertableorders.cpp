// SPDX-License-Identifier: GPL-3.0-or-later
#include "papertableorders.h"

#include "text/papertabletext.h"

#include <QHash>
#include <QSet>

#include <algorithm>
#include <numeric>
#include <thread>

namespace Lectern {

namespace {

// Row numbers ordered by @p less, turned into each row's rank.
template<typename Less> std::vector<int> rankRows(size_t rows, Less less)
{
    std::vector<int> order(rows);
    std::iota(order.begin(), order.end(), 0);
    std::sort(order.begin(), order.end(), less);
    std::vector<int> ranks(rows, 0);
    for (size_t i = 0; i < rows; ++i)
        ranks[size_t(order[i])] = int(i);
    return ranks;
}

// A sort key with its first sixteen bytes as two big-endian integers: most comparisons of a sort are
// decided there (titles share first words: "Learning to", "Towards a"), without a call to memcmp and a
// visit to the key's bytes elsewhere on the heap.
struct ByteKey
{
    quint64 head[2] = {0, 0};
    QByteArray bytes;

    explicit ByteKey(QByteArray key)
        : bytes(std::move(key))
    {
        for (qsizetype i = 0; i < 16; ++i)
            head[i / 8] = (head[i / 8] << 8) | (i < bytes.size() ? quint64(quint8(bytes.at(i))) : 0);
    }
    [[nodiscard]] int compare(const ByteKey &other) const
    {
        for (int i = 0; i < 2; ++i) {
            if (head[i] != other.head[i])
                return head[i] < other.head[i] ? -1 : 1;
        }
        return bytes.compare(other.bytes);
    }
};

// The rows as a list of records or of pointers to records held elsewhere.
const PaperRecord &rowAt(const QList<PaperRecord> &rows, size_t i)
{
    return rows.at(qsizetype(i));
}
const PaperRecord &rowAt(const std::vector<const PaperRecord *> &rows, size_t i)
{
    return *rows[i];
}

template<typename Rows> std::vector<int> idRanksOf(const Rows &records)
{
    // arXiv ids are ASCII: their Latin-1 bytes sort as the strings do.
    std::vector<ByteKey> keys;
    keys.reserve(size_t(records.size()));
    for (size_t i = 0; i < size_t(records.size()); ++i)
        keys.emplace_back(rowAt(records, i).paper.arxivId.toLatin1());
    return rankRows(
        size_t(records.size()), [&](int a, int b) { return keys[size_t(a)].compare(keys[size_t(b)]) < 0; });
}

template<typename Rows>
std::vector<int> textRanksOf(const Rows &records, const std::vector<int> &idRanks, bool authors)
{
    // The keys only for the while of the sort: kept, 100k titles would weigh tens of megabytes.
    std::vector<ByteKey> keys;
    keys.reserve(size_t(records.size()));
    for (size_t i = 0; i < size_t(records.size()); ++i) {
        const PaperRecord &r = rowAt(records, i);
        keys.emplace_back(
            PaperTableText::sortKey(authors ? PaperTableText::shortAuthors(r) : PaperTableText::title(r)));
    }
    return rankRows(size_t(records.size()), [&](int a, int b) {
        const int c = keys[size_t(a)].compare(keys[size_t(b)]);
        return c != 0 ? c < 0 : idRanks[size_t(a)] < idRanks[size_t(b)];
    });
}

template<typename Rows>
std::vector<int> valueRanksOf(
    const Rows &records, const std::vector<int> &idRanks, PaperTableOrders::Value value)
{
    // A few hundred distinct values over 100k rows: each row gets its value's place among the distinct
    // values, then one sort of ints (the id breaking ties) gives every row a place of its own.
    QHash<QString, int> place;
    std::vector<int> valueIndex;
    valueIndex.reserve(size_t(records.size()));
    QStringList values;
    for (size_t i = 0; i < size_t(records.size()); ++i) {
        const QString v = PaperTableOrders::valueOf(rowAt(records, i), value);
        auto it = place.constFind(v);
        if (it == place.cend()) {
            it = place.insert(v, int(values.size()));
            values << v;
        }
        valueIndex.push_back(*it);
    }
    std::vector<int> byValue(size_t(values.size()));
    std::iota(byValue.begin(), byValue.end(), 0);
    std::sort(byValue.begin(), byValue.end(), [&](int a, int b) { return values.at(a) < values.at(b); });
    std::vector<int> valueRank(byValue.size());
    for (size_t i = 0; i < byValue.size(); ++i)
        valueRank[size_t(byValue[i])] = int(i);
    return rankRows(size_t(records.size()), [&](int a, int b) {
        const int va = valueRank[size_t(valueIndex[size_t(a)])];
        const int vb = valueRank[size_t(valueIndex[size_t(b)])];
        return va != vb ? va < vb : idRanks[size_t(a)] < idRanks[size_t(b)];
    });
}

template<typename Rows> PaperTableOrders ordersOf(const Rows &records)
{
    using Value = PaperTableOrders::Value;
    PaperTableOrders o;
    o.id = idRanksOf(records);
    // The two text orders are independent: the author order on a second thread (a third of a second each
    // at 100k papers), the short value orders after it there.
    std::thread authors([&o, &records] {
        o.authors = textRanksOf(records, o.id, true);
        o.category = valueRanksOf(records, o.id, Value::PrimaryCategory);
        o.announceType = valueRanksOf(records, o.id, Value::AnnounceType);
        o.tags = valueRanksOf(records, o.id, Value::Tags);
    });
    o.title = textRanksOf(records, o.id, false);
    authors.join();
    return o;
}

template<typename Rows> QStringList categoriesOfRows(const Rows &records)
{
    // A set: "All days" lists a few hundred categories over 100k papers. The loader interns the category
    // lists, so most papers share one of a few thousand lists: each list is read once.
    QSet<QString> seen;
    QSet<const void *> listsSeen;
    for (size_t i = 0; i < size_t(records.size()); ++i) {
        const QStringList &list = rowAt(records, i).paper.categories;
        if (!list.isEmpty() && !listsSeen.contains(list.constData())) {
            listsSeen.insert(list.constData());
            for (const QString &c : list)
                seen.insert(c);
        }
    }
    QStringList categories(seen.cbegin(), seen.cend());
    categories.sort();
    return categories;
}

} // namespace

std::vector<int> PaperTableOrders::idRanks(const QList<PaperRecord> &records)
{
    return idRanksOf(records);
}

std::vector<int> PaperTableOrders::textRanks(
    const QList<PaperRecord> &records, const std::vector<int> &idRanks, bool authors)
{
    return textRanksOf(records, idRanks, authors);
}

QString PaperTableOrders::valueOf(const PaperRecord &record, Value value)
{
    switch (value) {
    case Value::PrimaryCategory:
        return record.paper.primaryCategory;
    case Value::AnnounceType:
        return record.paper.announceType;
    case Value::Tags:
        return record.state.tags.join(u',');
    }
    return {};
}

std::vector<int> PaperTableOrders::valueRanks(
    const QList<PaperRecord> &records, const std::vector<int> &idRanks, Value value)
{
    return valueRanksOf(records, idRanks, value);
}

PaperTableOrders PaperTableOrders::of(const QList<PaperRecord> &records)
{
    return ordersOf(records);
}

PaperTableOrders PaperTableOrders::of(const std::vector<const PaperRecord *> &rows)
{
    return ordersOf(rows);
}

QStringList PaperTableRows::categoriesOf(const QList<PaperRecord> &records)
{
    return categoriesOfRows(records);
}

QStringList PaperTableRows::categoriesOf(const std::vector<const PaperRecord *> &rows)
{
    return categoriesOfRows(rows);
}

} // namespace Lectern
