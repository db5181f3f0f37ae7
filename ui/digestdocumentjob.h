// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "digest/digest.h"
#include "digest/digestloader.h"
#include "jobs/job.h"

#include <QDate>
#include <QFont>
#include <QMetaType>
#include <QTextDocument>

#include <memory>

class QThread;

namespace Lectern {

/// A digest page's document. Loads only what is compiled into the application (qrc:); every other URL
/// gets BlockedResource's nothing, whichever thread or view asks.
class DigestDocument final : public QTextDocument
{
    Q_OBJECT
public:
    using QTextDocument::QTextDocument;

protected:
    QVariant loadResource(int type, const QUrl &name) override;
};

/// What the digest view asks to be shown: a day's digest or a month's overview.
struct DigestPageRequest
{
    QDate day; ///< the day, when month is invalid
    QDate month; ///< the first day of the month for the monthly overview
    DigestSettings settings;
    DigestFilter filter;
    QFont font; ///< the view's font, so the page reads as the view would have set it
    QThread *owner = nullptr; ///< the thread the document is handed to (the view's)
};

/// A page ready to show: the digest (empty for a month) and its document, already parsed, owned by the
/// request's thread. Copies share the document; the last copy deletes it unless a view has adopted it
/// (given it a parent).
struct RenderedDigestPage
{
    Digest digest;
    std::shared_ptr<QTextDocument> document;
};

/// Reads a digest page from the store and builds its document on a worker, through a store connection of
/// its own: at a year of papers the day's queries and, above all, parsing the HTML of a 70-paper page
/// into a QTextDocument held the GUI thread for tens of milliseconds (and on a remote PostgreSQL server,
/// for as long as the server takes). The outcome's result is a RenderedDigestPage.
class DigestDocumentJob final : public Job
{
    Q_OBJECT
public:
    DigestDocumentJob(QString storePath, DigestPageRequest request);

protected:
    Result<QString> run() override;

private:
    Result<QString> renderHtml(Digest &digest, QString &html);

    QString m_storePath;
    DigestPageRequest m_request;
};

} // namespace Lectern

Q_DECLARE_METATYPE(Lectern::RenderedDigestPage)
