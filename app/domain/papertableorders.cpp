// SPDX-License-Identifier: GPL-3.0-or-later
#include "papertableorders.h"

#include "text/papertabletext.h"

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

} // namespace

std::vector<int> PaperTableOrders::idRanks(const QList<PaperRecord> &records)
{
    return rankRows(size_t(records.size()),
        [&](int a, int b) { return records.at(a).paper.arxivId < records.at(b).paper.arxivId; });
}

std::vector<int> PaperTableOrders::textRanks(
    const QList<PaperRecord> &records, const std::vector<int> &idRanks, bool authors)
{
    // The keys only for the while of the sort: kept, 100k titles would weigh tens of megabytes.
    std::vector<QByteArray> keys;
    keys.reserve(size_t(records.size()));
    for (const PaperRecord &r : records)
        keys.push_back(
            PaperTableText::sortKey(authors ? PaperTableText::shortAuthors(r) : PaperTableText::title(r)));
    return rankRows(size_t(records.size()), [&](int a, int b) {
        const int c = keys[size_t(a)].compare(keys[size_t(b)]);
        return c != 0 ? c < 0 : idRanks[size_t(a)] < idRanks[size_t(b)];
    });
}

PaperTableOrders PaperTableOrders::of(const QList<PaperRecord> &records)
{
    PaperTableOrders o;
    o.id = idRanks(records);
    // The two text orders are independent: the author order on a second thread (a third of a second each
    // at 100k papers).
    std::thread authors([&o, &records] { o.authors = textRanks(records, o.id, true); });
    o.title = textRanks(records, o.id, false);
    authors.join();
    return o;
}

} // namespace Lectern
