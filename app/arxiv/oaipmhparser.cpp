// SPDX-License-Identifier: GPL-3.0-or-later
#include "oaipmhparser.h"

#include "domain/arxivid.h"

#include <QCoreApplication>
#include <QXmlStreamReader>

namespace Lectern {

namespace {

const QString kOaiNs = QStringLiteral("http://www.openarchives.org/OAI/2.0/");
const QString kArxivNs = QStringLiteral("http://arxiv.org/OAI/arXiv/");

} // namespace

Result<OaiPage> OaiPmhParser::parse(const QByteArray &xml)
{
    if (xml.trimmed().isEmpty())
        return Error {
            QCoreApplication::translate("Lectern::OaiPmhParser", "The OAI-PMH server sent an empty answer.")};
    OaiPage page;
    QXmlStreamReader reader(xml);
    bool sawRoot = false;
    OaiRecord record;
    bool inRecord = false;
    bool badId = false;
    QString keyname;
    QString forenames;
    QString suffix;

    while (!reader.atEnd()) {
        const auto token = reader.readNext();
        if (token == QXmlStreamReader::StartElement) {
            const auto name = reader.name();
            const auto ns = reader.namespaceUri();
            if (!sawRoot) {
                if (name != u"OAI-PMH")
                    return Error {QCoreApplication::translate(
                        "Lectern::OaiPmhParser", "Not an OAI-PMH answer: the document starts with <%1>.")
                                      .arg(name.toString())};
                sawRoot = true;
                continue;
            }
            if (ns == kOaiNs && name == u"error") {
                page.errorCode = reader.attributes().value(u"code").toString();
                page.errorMessage = reader.readElementText().simplified();
            } else if (ns == kOaiNs && name == u"resumptionToken") {
                page.resumptionToken = reader.readElementText().trimmed();
            } else if (ns == kOaiNs && name == u"record") {
                inRecord = true;
                badId = false;
                record = OaiRecord();
            } else if (inRecord && ns == kOaiNs && name == u"header") {
                record.deleted = reader.attributes().value(u"status") == u"deleted";
            } else if (inRecord && ns == kOaiNs && name == u"datestamp") {
                record.datestamp = QDate::fromString(reader.readElementText().trimmed(), Qt::ISODate);
            } else if (inRecord && ns == kArxivNs) {
                if (name == u"id") {
                    // The same validator as the feeds and the API: an id reaches link targets, BibTeX keys
                    // and RIS lines, so a mirror's "1}, note={x" must not get that far.
                    const auto id = ArxivId::parse(reader.readElementText());
                    record.paper.arxivId = id ? id->id : QString();
                    badId = !id;
                } else if (name == u"created")
                    record.created = QDate::fromString(reader.readElementText().trimmed(), Qt::ISODate);
                else if (name == u"updated")
                    record.updated = QDate::fromString(reader.readElementText().trimmed(), Qt::ISODate);
                else if (name == u"author") {
                    keyname.clear();
                    forenames.clear();
                    suffix.clear();
                } else if (name == u"keyname")
                    keyname = reader.readElementText().simplified();
                else if (name == u"forenames")
                    forenames = reader.readElementText().simplified();
                else if (name == u"suffix")
                    suffix = reader.readElementText().simplified();
                else if (name == u"title")
                    record.paper.title = reader.readElementText().simplified();
                else if (name == u"categories")
                    record.paper.categories =
                        reader.readElementText().simplified().split(u' ', Qt::SkipEmptyParts);
                else if (name == u"comments")
                    record.paper.comments = reader.readElementText().simplified();
                else if (name == u"journal-ref")
                    record.paper.journalRef = reader.readElementText().simplified();
                else if (name == u"doi")
                    record.paper.doi = reader.readElementText().trimmed();
                else if (name == u"abstract")
                    record.paper.abstract = reader.readElementText().trimmed();
            }
        } else if (token == QXmlStreamReader::EndElement) {
            const auto name = reader.name();
            if (inRecord && name == u"author" && reader.namespaceUri() == kArxivNs) {
                QString full = forenames.isEmpty() ? keyname : forenames + u' ' + keyname;
                if (!suffix.isEmpty())
                    full += u' ' + suffix;
                record.paper.authors << full;
            } else if (inRecord && name == u"record") {
                inRecord = false;
                if (badId)
                    return Error {QCoreApplication::translate(
                        "Lectern::OaiPmhParser", "An OAI-PMH record has an invalid arXiv id.")};
                if (!record.deleted && record.paper.arxivId.isEmpty())
                    return Error {QCoreApplication::translate(
                        "Lectern::OaiPmhParser", "An OAI-PMH record has no arXiv id.")};
                record.paper.primaryCategory = record.paper.categories.value(0);
                record.paper.version = 1; // the arXiv format carries no version numbers (arXivRaw does)
                page.records << record;
            }
        }
    }
    if (reader.hasError())
        return Error {
            QCoreApplication::translate("Lectern::OaiPmhParser", "Malformed OAI-PMH answer (line %1): %2")
                .arg(reader.lineNumber())
                .arg(reader.errorString())};
    if (!sawRoot)
        return Error {QCoreApplication::translate("Lectern::OaiPmhParser", "Not an OAI-PMH answer.")};
    return page;
}

} // namespace Lectern
