// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "jobs/job.h"
#include "net/httpclient.h"

#include <QDate>
#include <QStringList>
#include <QUrl>

namespace Lectern {

struct BackfillRequest
{
    QString databasePath;
    QStringList categories;
    QStringList keepTypes;
    QUrl oaiBase;
    QDate from;
    QDate until;
    HttpOptions http;
};

struct BackfillSummary
{
    int pages = 0;
    int records = 0;
    int stored = 0; ///< records listed on a day (kept types, requested categories)
    int newPapers = 0;
    QList<QDate> days;
};

/// Back-fills past days through OAI-PMH (ListRecords, metadataPrefix=arXiv, one set per category,
/// resumptionToken paging; 503 + Retry-After is the server's flow control and is waited out).
///
/// NOTE: OAI-PMH selects by datestamp (last change of the record), not by announcement. Lectern lists a
/// record on its datestamp day, so a back-filled day approximates that day's announcement: usually a
/// little larger (metadata-only changes) and occasionally shifted by a day. Back-filled days say so
/// (source "oai", status note).
class BackfillJob final : public Job
{
    Q_OBJECT
public:
    explicit BackfillJob(BackfillRequest request, QObject *parent = nullptr);

    /// arXiv's OAI set for a category: cs.LG -> "cs:cs:LG", math.OC -> "math:math:OC", hep-th ->
    /// "physics:hep-th".
    [[nodiscard]] static QString setFor(const QString &category);

protected:
    Result<QString> run() override;

private:
    BackfillRequest m_request;
    BackfillSummary m_summary;
};

} // namespace Lectern

Q_DECLARE_METATYPE(Lectern::BackfillSummary)
