// SPDX-License-Identifier: GPL-3.0-or-later
#include "scoring/authorhindexfilter.h"

#include "config/settings.h"
#include "scoring/semanticscholarclient.h"
#include "store/authorhindexcache.h"
#include "store/paperstore.h"

#include <QCoreApplication>
#include <QProcessEnvironment>

namespace Lectern {

HttpOptions HIndexFilterSettings::defaultHttp()
{
    HttpOptions o;
    o.timeoutMs = 30000;
    o.maxAttempts = 3;
    o.initialBackoffMs = 1000;
    o.maxBackoffMs = 20000;
    o.maxRetryAfterMs = 60000;
    return o;
}

HIndexFilterSettings HIndexFilterSettings::fromSettings(const Settings &settings)
{
    HIndexFilterSettings s;
    s.minHIndex = settings.integer(Keys::ScoringMinHIndex);
    s.baseUrl = settings.url(Keys::SemanticScholarBase);
    s.apiKey =
        QProcessEnvironment::systemEnvironment().value(QStringLiteral("SEMANTIC_SCHOLAR_API_KEY")).trimmed();
    return s;
}

QString HIndexFilterOutcome::line() const
{
    if (!enabled)
        return QCoreApplication::translate("Lectern::HIndexFilterOutcome", "h-index filter: off");
    if (failedOpen)
        return QCoreApplication::translate("Lectern::HIndexFilterOutcome",
            "h-index filter (min %1): Semantic Scholar could not be asked, all %2 papers kept "
            "(%3)")
            .arg(threshold)
            .arg(checked)
            .arg(failure.left(200));
    return QCoreApplication::translate("Lectern::HIndexFilterOutcome",
        "h-index filter (min %1): %2 checked, %3 below the threshold (not sent), %4 unknown to "
        "Semantic Scholar (kept); %5 %6, %7 authors from the cache")
        .arg(threshold)
        .arg(checked)
        .arg(below)
        .arg(unknown)
        .arg(requests)
        .arg(requests == 1 ? QCoreApplication::translate("Lectern::HIndexFilterOutcome", "request")
                           : QCoreApplication::translate("Lectern::HIndexFilterOutcome", "requests"))
        .arg(cachedAuthors);
}

AuthorHIndexFilter::AuthorHIndexFilter(HIndexFilterSettings settings, const std::atomic_bool *cancel)
    : m_settings(std::move(settings))
    , m_cancel(cancel)
{ }

QString AuthorHIndexFilter::cacheKey(const QString &name)
{
    QString out;
    for (const QChar c : name.normalized(QString::NormalizationForm_D)) {
        if (c.category() != QChar::Mark_NonSpacing)
            out += c;
    }
    return out.toCaseFolded().simplified();
}

Result<HIndexFilterOutcome> AuthorHIndexFilter::apply(PaperStore &store, const QList<Paper> &papers,
    const QString &model, const QString &promptHash, const QDateTime &now)
{
    HIndexFilterOutcome out;
    out.threshold = m_settings.minHIndex;
    out.enabled = m_settings.minHIndex > 0;
    if (!out.enabled || papers.isEmpty()) {
        out.kept = papers;
        return out;
    }
    out.checked = int(papers.size());

    QStringList keys;
    for (const Paper &p : papers) {
        for (const QString &a : p.authors)
            keys << cacheKey(a);
    }
    AuthorHIndexCache cache(store.database());
    auto cached = cache.lookup(keys, now.addDays(-m_settings.cacheDays));
    if (!cached)
        return Error {cached.error()};

    // Papers with an author not in the cache are asked about; their answer decides for them.
    QStringList ask;
    for (const Paper &p : papers) {
        for (const QString &a : p.authors) {
            if (!cached->contains(cacheKey(a))) {
                ask << p.arxivId;
                break;
            }
        }
    }
    QHash<QString, std::optional<QList<S2Author>>> answers;
    if (!ask.isEmpty()) {
        HttpClient http(m_settings.http, m_cancel);
        SemanticScholarClient client(http, m_settings.baseUrl, m_settings.apiKey);
        auto fetched = client.paperAuthors(ask);
        out.requests = client.requestsSent();
        if (!fetched) {
            out.failedOpen = true;
            out.failure = fetched.error();
            out.kept = papers;
            return out;
        }
        QHash<QString, std::optional<int>> fresh;
        for (qsizetype i = 0; i < ask.size(); ++i) {
            answers.insert(ask.at(i), fetched->at(i));
            if (!fetched->at(i))
                continue;
            for (const S2Author &a : *fetched->at(i)) {
                std::optional<int> &entry = fresh[cacheKey(a.name)];
                if (a.hIndex && (!entry || *entry < *a.hIndex))
                    entry = a.hIndex;
            }
        }
        if (auto saved = cache.store(fresh, now); !saved)
            return Error {saved.error()};
    }

    for (const Paper &p : papers) {
        std::optional<int> best;
        const auto consider = [&best](const std::optional<int> &h) {
            if (h && (!best || *best < *h))
                best = h;
        };
        if (const auto it = answers.constFind(p.arxivId); it != answers.constEnd()) {
            if (it->has_value()) {
                for (const S2Author &a : **it)
                    consider(a.hIndex);
            }
        } else {
            for (const QString &a : p.authors) {
                consider(cached->value(cacheKey(a)));
                ++out.cachedAuthors;
            }
        }
        if (!best) {
            ++out.unknown;
            out.kept << p;
        } else if (*best < m_settings.minHIndex) {
            ++out.below;
            out.belowRows << Score::unmarked(
                p.arxivId, p.version, QString(Score::BelowHIndexComment), model, promptHash, now);
        } else {
            out.kept << p;
        }
    }
    return out;
}

} // namespace Lectern
