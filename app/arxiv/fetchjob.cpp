// SPDX-License-Identifier: GPL-3.0-or-later
#include "fetchjob.h"

#include "arxiv/daystatusnote.h"
#include "arxiv/rssfeedparser.h"
#include "config/settings.h"
#include "store/daylock.h"
#include "store/paperstore.h"
#include "util/logging.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QScopeGuard>
#include <QTimeZone>

#include <algorithm>

namespace Lectern {

namespace {

// arXiv caps a feed at 2000 items; a feed of exactly that size was probably cut.
constexpr int kArxivFeedCap = 2000;

QString idsHash(const QList<Paper> &items)
{
    QStringList ids;
    ids.reserve(items.size());
    for (const Paper &p : items)
        ids << p.versionedId();
    ids.sort();
    return QString::fromLatin1(
        QCryptographicHash::hash(ids.join(u'\n').toUtf8(), QCryptographicHash::Sha256).toHex());
}

} // namespace

QDate FetchRequest::arxivToday(const Clock &clock)
{
    const QTimeZone eastern(QByteArrayLiteral("America/New_York"));
    const QDateTime now = clock.nowUtc();
    return eastern.isValid() ? now.toTimeZone(eastern).date() : now.addSecs(-5 * 3600).date();
}

FetchRequest FetchRequest::fromSettings(const Settings &settings, const QString &databasePath)
{
    FetchRequest r;
    r.databasePath = databasePath;
    r.categories = settings.stringList(Keys::ArxivCategories);
    r.keepTypes = settings.stringList(Keys::ArxivAnnounceTypes);
    r.rssBase = settings.url(Keys::ArxivRssBase);
    r.http.userAgent = HttpClient::userAgentFor(settings.string(Keys::ArxivContact));
    r.http.arxivIntervalMs = settings.integer(Keys::ArxivMinIntervalMs);
    // arXiv's own advice after a 429: back off at least 30 s (research notes §2.7); the setting exists so
    // tests and impatient users can shorten it.
    r.http.initialBackoffMs = settings.integer(Keys::ArxivRetryBaseMs);
    r.expectedDate = arxivToday();
    return r;
}

QString FetchSummary::describe() const
{
    if (noAnnouncement)
        return QCoreApplication::translate("Lectern::FetchSummary",
            "No announcement today (weekend or arXiv holiday): the feeds are empty.");
    QString s = QCoreApplication::translate(
        "Lectern::FetchSummary", "%1: %2 arXiv papers, %3 scanned, %4 new, %5 updated")
                    .arg(day.toString(Qt::ISODate))
                    .arg(totalArxiv)
                    .arg(totalScanned)
                    .arg(newPapers)
                    .arg(updatedPapers);
    if (feedsNotModified > 0)
        s += QCoreApplication::translate(
            "Lectern::FetchSummary", " (%1 of %2 feeds unchanged since the last fetch)")
                 .arg(feedsNotModified)
                 .arg(feeds);
    if (!complete)
        s += QCoreApplication::translate("Lectern::FetchSummary", ". The day looks partial: ") +
            problems.join(QStringLiteral("; "));
    return s;
}

FetchJob::FetchJob(FetchRequest request, QObject *parent)
    : Job(parent)
    , m_request(std::move(request))
{
    qRegisterMetaType<FetchSummary>();
}

Result<QString> FetchJob::run()
{
    // Whatever ends the run, the outcome carries the summary so far (feeds stored before a failure).
    const auto publish = qScopeGuard([this] { setResult(QVariant::fromValue(m_summary)); });
    FetchSummary &sum = m_summary;
    // Why the day is partial: in the user's words for this run's messages, as codes for the stored day,
    // whose note is put into words when it is shown.
    QList<DayProblem> problems;
    const auto problem = [&sum, &problems](DayProblem::Code code, const QStringList &args) {
        problems << DayProblem {code, args};
        sum.problems << DayStatusNote::describe(problems.last());
    };
    if (m_request.categories.isEmpty())
        return Error {tr("No categories to fetch: set arxiv/categories (e.g. cs.LG, cs.AI).")};
    auto opened = PaperStore::open(m_request.databasePath);
    if (!opened)
        return Error {opened.error()};
    PaperStore &store = *opened.value();
    // Another client of a shared store fetching this day: wait for it; its feeds then answer "not
    // modified" and its papers are there.
    const QDate lockDay = m_request.expectedDate.isValid() ? m_request.expectedDate
                                                           : FetchRequest::arxivToday(*m_request.http.clock);
    auto held = DayLock::acquire(store.database(), DayLock::Kind::Fetch, lockDay, *m_request.http.sleeper,
        cancelFlag(), [this, &lockDay] {
            report(-1, -1, tr("Waiting for another client fetching %1…").arg(lockDay.toString(Qt::ISODate)));
        });
    if (!held)
        return Error {held.error()};
    HttpClient http(m_request.http, cancelFlag());
    http.onRetry = [this](const QString &note) { report(-1, -1, note); };

    const int n = int(m_request.categories.size());
    int unreachable = 0; ///< feeds that got no HTTP answer at all
    QString hostError; ///< why no connection to arXiv could be made, when none could
    sum.feeds = n;
    int emptyFeeds = 0;
    QList<QDate> dates;

    for (int k = 0; k < n; ++k) {
        if (isCancelled())
            return Error {tr("Cancelled after %1 of %2 feeds.").arg(k).arg(n)};
        const QString category = m_request.categories.at(k);
        QUrl url = m_request.rssBase;
        url.setPath(url.path() + u'/' + category);
        const QString key = url.toString();
        report(k, n, tr("Fetching %1 (%2 of %3)").arg(category).arg(k + 1).arg(n));

        auto previous = store.feedState(key);
        if (!previous)
            return Error {previous.error()};
        HttpRequest req;
        req.url = url;
        req.arxivGate = true;
        if (*previous) {
            if (!(*previous)->etag.isEmpty())
                req.headers.append({QByteArrayLiteral("If-None-Match"), (*previous)->etag});
            if (!(*previous)->lastModified.isEmpty())
                req.headers.append({QByteArrayLiteral("If-Modified-Since"), (*previous)->lastModified});
        }
        const HttpResponse resp = http.send(req);
        if (resp.cancelled)
            return Error {tr("Cancelled after %1 of %2 feeds.").arg(k).arg(n)};

        if (resp.status == 304 && *previous) {
            const FeedState &st = **previous;
            sum.feedsNotModified++;
            sum.totalArxiv += st.items;
            sum.totalScanned += st.kept;
            if (st.items == 0)
                ++emptyFeeds;
            else
                dates << st.day;
            report(k + 1, n, tr("%1: unchanged since the last fetch").arg(category));
            continue;
        }

        Result<RssFeed> feed = Error {resp.error};
        if (resp.status == 200 || resp.status == 400) // arXiv explains a bad category in an RSS body with 400
            feed = RssFeedParser::parse(resp.body);
        if (feed && feed->isErrorFeed) {
            feed = Error {tr("arXiv refused category %1: %2").arg(category, feed->errorMessage)};
        } else if (feed && resp.status != 200) {
            feed = Error {resp.error};
        } else if (!feed && resp.status == 200) {
            feed = Error {QStringLiteral("%1: %2").arg(key, feed.error())};
        }
        if (!feed) {
            if (resp.status == 0)
                ++unreachable;
            sum.feedsFailed++;
            sum.complete = false;
            problem(DayProblem::Code::FeedFailed, {category, feed.error()});
            report(k + 1, n, tr("%1 failed: %2").arg(category, feed.error()));
            if (resp.unreachable) {
                // Every feed is on the same host: what refused one refuses the rest, so say it now
                // rather than after a round of retries per feed.
                hostError = resp.error;
                for (int rest = k + 1; rest < n; ++rest) {
                    sum.feedsFailed++;
                    problem(DayProblem::Code::FeedNotTried, {m_request.categories.at(rest)});
                }
                break;
            }
            continue;
        }

        const RssFeed &f = *feed;
        if (f.items.size() >= kArxivFeedCap)
            sum.warnings << QStringLiteral(
                "%1 returned %2 items, arXiv's cap: some announcements may be missing.")
                                .arg(category)
                                .arg(f.items.size());
        if (f.isEmpty()) {
            ++emptyFeeds;
        } else {
            dates << f.announced;
        }

        // Listed papers: those the announce-type filter keeps. Others (replacements) only refresh a paper
        // the store already holds, so a starred paper learns of its new version.
        QList<Paper> batch;
        int kept = 0;
        for (const Paper &p : f.items) {
            if (m_request.keepTypes.contains(p.announceType)) {
                batch << p;
                ++kept;
                continue;
            }
            auto known = store.contains(p.arxivId);
            if (!known)
                return Error {known.error()};
            if (*known) {
                Paper metadataOnly = p;
                metadataOnly.announced = QDate();
                batch << metadataOnly;
            }
        }
        FeedState st;
        st.url = key;
        st.etag = resp.header("etag");
        st.lastModified = resp.header("last-modified");
        st.day = f.announced;
        st.items = int(f.items.size());
        st.kept = kept;
        st.idsHash = idsHash(f.items);
        if (*previous && !f.isEmpty() && (*previous)->idsHash == st.idsHash && (*previous)->day != st.day) {
            sum.complete = false;
            problem(DayProblem::Code::FeedRepeats, {category, (*previous)->day.toString(Qt::ISODate)});
        }
        auto stored = store.upsertPapers(batch, [&] { return store.saveFeedState(st); });
        if (!stored)
            return Error {tr("Storing %1 failed: %2").arg(category, stored.error())};
        for (PaperStore::Upsert u : *stored) {
            sum.newPapers += u == PaperStore::Upsert::Inserted;
            sum.updatedPapers += u == PaperStore::Upsert::Updated;
        }
        sum.totalArxiv += st.items;
        sum.totalScanned += kept;
        report(k + 1, n, tr("%1: %2 items, %3 kept").arg(category).arg(st.items).arg(kept));
    }

    // No answer at all is the usual first-morning problem (offline, proxy, firewall): say so plainly.
    if (sum.feedsFailed == n && !hostError.isEmpty())
        return Error {
            tr("arXiv could not be reached (offline, or a proxy or firewall in the way?): ") + hostError};
    if (sum.feedsFailed == n && unreachable == n)
        return Error {tr("arXiv could not be reached (offline, or a proxy or firewall in the way?): ") +
            sum.problems.join(QStringLiteral("; "))};
    if (sum.feedsFailed == n)
        return Error {tr("Every feed failed: ") + sum.problems.join(QStringLiteral("; "))};

    if (dates.isEmpty()) {
        sum.noAnnouncement = true;
        sum.day = m_request.expectedDate;
        return sum.describe();
    }
    // The day is the date most feeds carry; any disagreement is a problem worth showing.
    std::sort(dates.begin(), dates.end());
    QDate day = dates.first();
    int best = 0;
    for (const QDate &d : std::as_const(dates)) {
        const int c = int(dates.count(d));
        if (c > best) {
            best = c;
            day = d;
        }
    }
    sum.day = day;
    if (best != dates.size()) {
        sum.complete = false;
        problem(DayProblem::Code::DatesDiffer, {});
    }
    if (m_request.expectedDate.isValid() && day != m_request.expectedDate) {
        sum.complete = false;
        problem(DayProblem::Code::DatedOtherwise,
            {day.toString(Qt::ISODate), m_request.expectedDate.toString(Qt::ISODate)});
    }
    if (emptyFeeds > 0) {
        sum.complete = false;
        problem(DayProblem::Code::EmptyFeeds, {QString::number(emptyFeeds)});
    }

    auto existing = store.dayRun(day);
    if (!existing)
        return Error {existing.error()};
    DayRun run = existing->value_or(DayRun());
    run.date = day;
    run.categories = m_request.categories;
    run.totalArxiv = sum.totalArxiv;
    run.totalScanned = sum.totalScanned;
    run.source = QStringLiteral("rss");
    run.complete = sum.complete;
    run.statusNote = DayStatusNote::encode(problems);
    if (auto r = store.saveDayRun(run); !r)
        return Error {r.error()};
    for (const QString &w : std::as_const(sum.warnings))
        qCWarning(lcFetch).noquote() << w;
    return sum.describe();
}

} // namespace Lectern
