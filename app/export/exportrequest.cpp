// SPDX-License-Identifier: GPL-3.0-or-later
#include "export/exportrequest.h"

#include "digest/monthlyoverview.h"
#include "store/paperstore.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonObject>

#include <algorithm>

namespace Lectern {

namespace {

int paperCount(const QList<Digest> &digests)
{
    int n = 0;
    for (const Digest &d : digests)
        n += int(d.entries.size());
    return n;
}

/// Keeps the papers of @p ids, each on its latest day of the range; drops the days left empty.
void keepOnly(QList<Digest> &digests, const QSet<QString> &ids)
{
    QSet<QString> seen;
    for (auto it = digests.rbegin(); it != digests.rend(); ++it) {
        it->entries.removeIf([&](const DigestEntry &e) {
            const QString &id = e.paper.arxivId;
            if (!ids.contains(id) || seen.contains(id))
                return true;
            seen.insert(id);
            return false;
        });
    }
    digests.removeIf([](const Digest &d) { return d.entries.isEmpty(); });
}

} // namespace

QString ExportRequest::span() const
{
    if (scope == Scope::Month)
        return from.toString(QStringLiteral("yyyy-MM"));
    return from == to ? from.toString(Qt::ISODate)
                      : QCoreApplication::translate("Lectern::ExportJob", "%1 to %2")
                            .arg(from.toString(Qt::ISODate), to.toString(Qt::ISODate));
}

Result<RenderedExport> renderExport(
    PaperStore &store, const DigestSettings &settings, const ExportRequest &request)
{
    if (!request.from.isValid() || (request.scope == ExportRequest::Scope::Days && !request.to.isValid()))
        return Error {QCoreApplication::translate("Lectern::ExportJob", "nothing to export: no day given.")};
    if (request.scope == ExportRequest::Scope::Month) {
        auto overview =
            MonthlyOverview::fromStore(store, request.from.year(), request.from.month(), settings);
        if (!overview)
            return Error {overview.error()};
        if (overview->days.isEmpty())
            return Error {
                QCoreApplication::translate("Lectern::ExportJob", "nothing to export: no days stored in %1.")
                    .arg(overview->name())};
        auto bytes = DigestExporter::renderMonth(*overview, request.format, request.options);
        if (!bytes)
            return Error {bytes.error()};
        return RenderedExport {std::move(bytes).value(),
            QCoreApplication::translate("Lectern::ExportJob", "monthly overview %1, %2 days")
                .arg(overview->name())
                .arg(overview->days.size())};
    }

    if (request.from > request.to)
        return Error {QCoreApplication::translate("Lectern::ExportJob", "nothing to export: %1 is after %2.")
                          .arg(request.from.toString(Qt::ISODate), request.to.toString(Qt::ISODate))};
    DigestFilter filter = request.filter;
    if (request.ids) {
        if (request.ids->isEmpty())
            return Error {QCoreApplication::translate(
                "Lectern::ExportJob", "nothing to export: no paper is selected.")};
        filter.relevantOnly = false; // the chosen papers, whatever their score
    }
    auto digests = DigestLoader::range(store, request.from, request.to, settings, filter);
    if (!digests)
        return Error {digests.error()};
    if (request.ids)
        keepOnly(digests.value(), *request.ids);
    const QString span = request.span();
    if (digests->isEmpty()) {
        if (request.ids)
            return Error {QCoreApplication::translate(
                "Lectern::ExportJob", "nothing to export: none of the %1 chosen papers is stored for %2.")
                              .arg(request.ids->size())
                              .arg(span)};
        if (filter.isDefault())
            return Error {QCoreApplication::translate(
                "Lectern::ExportJob", "nothing to export: no papers stored for %1.")
                              .arg(span)};
        QStringList what;
        if (filter.starredOnly)
            what << QCoreApplication::translate("Lectern::ExportJob", "starred");
        if (!filter.tag.isEmpty())
            what << QCoreApplication::translate("Lectern::ExportJob", "tagged “%1”").arg(filter.tag);
        if (what.isEmpty())
            return Error {QCoreApplication::translate(
                "Lectern::ExportJob", "nothing to export: no paper of %1 matches (%2).")
                              .arg(span, filter.describe())};
        return Error {
            QCoreApplication::translate("Lectern::ExportJob", "nothing to export: no paper of %1 is %2.")
                .arg(span, what.join(QCoreApplication::translate("Lectern::ExportJob", " and ")))};
    }
    ExportOptions options = request.options;
    options.selection = QJsonObject {
        {QStringLiteral("from"), request.from.toString(Qt::ISODate)},
        {QStringLiteral("to"), request.to.toString(Qt::ISODate)},
        {QStringLiteral("relevantOnly"), filter.relevantOnly},
        {QStringLiteral("starredOnly"), filter.starredOnly},
        {QStringLiteral("tag"), filter.tag},
    };
    if (request.ids) {
        QStringList ids(request.ids->cbegin(), request.ids->cend());
        ids.sort();
        options.selection.insert(QStringLiteral("ids"), QJsonArray::fromStringList(ids));
    }
    auto bytes = DigestExporter::render(*digests, request.format, options);
    if (!bytes)
        return Error {bytes.error()};
    // One form for one, another for more: what English and German need, without tr()'s %n, whose
    // untranslated source ("%n paper(s)") the command line would print.
    const auto count = [](qsizetype n, const char *one, const char *many) {
        return n == 1 ? QCoreApplication::translate("Lectern::ExportJob", one)
                      : QCoreApplication::translate("Lectern::ExportJob", many).arg(n);
    };
    return RenderedExport {std::move(bytes).value(),
        count(paperCount(*digests), QT_TRANSLATE_NOOP("Lectern::ExportJob", "1 paper"),
            QT_TRANSLATE_NOOP("Lectern::ExportJob", "%1 papers")) +
            QStringLiteral(", ") +
            count(digests->size(), QT_TRANSLATE_NOOP("Lectern::ExportJob", "1 day"),
                QT_TRANSLATE_NOOP("Lectern::ExportJob", "%1 days"))};
}

ExportJob::ExportJob(QString databasePath, DigestSettings settings, ExportRequest request, QString path)
    : m_databasePath(std::move(databasePath))
    , m_settings(std::move(settings))
    , m_request(std::move(request))
    , m_path(std::move(path))
{ }

Result<QString> ExportJob::run()
{
    report(0, 3, tr("Exporting %1: reading the papers…").arg(m_request.span()));
    auto store = PaperStore::open(m_databasePath);
    if (!store)
        return Error {store.error()};
    if (isCancelled())
        return Error {tr("Cancelled.")};
    report(1, 3,
        tr("Exporting %1: writing %2…")
            .arg(m_request.span(), DigestExporter::name(m_request.format).toUpper()));
    auto rendered = renderExport(*store.value(), m_settings, m_request);
    if (!rendered)
        return Error {rendered.error()};
    // The last moment to stop: after this the file is complete or untouched, never half written.
    if (isCancelled())
        return Error {tr("Cancelled.")};
    report(2, 3, tr("Exporting %1: saving %2…").arg(m_request.span(), m_path));
    if (auto saved = DigestExporter::save(m_path, rendered->bytes); !saved)
        return Error {saved.error()};
    setResult(m_path);
    return tr("Wrote %1 (%2, %3).").arg(m_path, DigestExporter::name(m_request.format), rendered->summary);
}

} // namespace Lectern
