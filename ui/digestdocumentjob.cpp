// SPDX-License-Identifier: GPL-3.0-or-later
#include "digestdocumentjob.h"

#include "blockedresource.h"
#include "digest/digesthtml.h"
#include "digest/monthlyoverview.h"
#include "store/paperstore.h"

#include <QFile>
#include <QImage>
#include <QThread>

namespace Lectern {

QVariant DigestDocument::loadResource(int type, const QUrl &name)
{
    if (name.scheme() != u"qrc")
        return BlockedResource::nothing(type);
    QFile file(u':' + name.path());
    if (!file.open(QIODevice::ReadOnly))
        return BlockedResource::nothing(type);
    const QByteArray data = file.readAll();
    if (type != QTextDocument::ImageResource)
        return data;
    // An image, not a pixmap: the document may be on a worker.
    const QImage image = QImage::fromData(data);
    return image.isNull() ? BlockedResource::nothing(type) : QVariant(image);
}

DigestDocumentJob::DigestDocumentJob(QString storePath, DigestPageRequest request)
    : m_storePath(std::move(storePath))
    , m_request(std::move(request))
{ }

Result<QString> DigestDocumentJob::renderHtml(Digest &digest, QString &html)
{
    auto store = PaperStore::open(m_storePath);
    if (!store)
        return Error {store.error()};
    const DigestPageRequest &r = m_request;
    if (r.month.isValid()) {
        auto overview = MonthlyOverview::fromStore(**store, r.month.year(), r.month.month(), r.settings);
        if (!overview)
            return Error {overview.error()};
        html = overview->html([](const QDate &d) { return DigestHtml::dayUrl(d).toString(); });
        return QStringLiteral("overview of %1").arg(r.month.toString(u"yyyy-MM"));
    }
    auto loaded = DigestLoader::day(**store, r.day, r.settings, r.filter);
    if (!loaded)
        return Error {loaded.error()};
    digest = std::move(loaded).value();
    auto days = (*store)->days();
    if (!days)
        return Error {days.error()};
    DigestHtmlOptions options;
    options.interactive = true;
    DigestHtmlOptions::Navigation nav;
    for (const QDate &d : std::as_const(*days)) { // newest first
        if (d > r.day)
            nav.next = d;
        else if (d < r.day && !nav.previous.isValid())
            nav.previous = d;
    }
    options.navigation = nav;
    html = DigestHtml::render({digest}, options);
    return QStringLiteral("digest of %1, %2 papers")
        .arg(r.day.toString(Qt::ISODate))
        .arg(digest.entries.size());
}

Result<QString> DigestDocumentJob::run()
{
    Digest digest;
    QString html;
    auto summary = renderHtml(digest, html);
    if (!summary)
        return summary;
    if (isCancelled())
        return Error {QStringLiteral("Cancelled.")};
    auto document = std::make_unique<DigestDocument>();
    document->setUndoRedoEnabled(false); // a page to read, never edited: no undo stack to fill
    document->setDefaultFont(m_request.font);
    document->setHtml(html);
    if (isCancelled())
        return Error {QStringLiteral("Cancelled.")};
    if (m_request.owner)
        document->moveToThread(m_request.owner);
    // Dropped unshown (a newer request came first), it goes on its own thread's next turn; adopted by a
    // view, the view owns it.
    std::shared_ptr<QTextDocument> shared(document.release(), [](QTextDocument *d) {
        if (!d->parent())
            d->deleteLater();
    });
    setResult(QVariant::fromValue(RenderedDigestPage {std::move(digest), std::move(shared)}));
    return summary;
}

} // namespace Lectern
