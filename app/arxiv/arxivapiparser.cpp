// SPDX-License-Identifier: GPL-3.0-or-later
#include "arxivapiparser.h"

#include "domain/arxivid.h"

#include <QCoreApplication>
#include <QXmlStreamReader>

namespace Lectern {

namespace {

const QString kAtomNs = QStringLiteral("http://www.w3.org/2005/Atom");
const QString kArxivNs = QStringLiteral("http://arxiv.org/schemas/atom");
const QString kOpenSearchNs = QStringLiteral("http://a9.com/-/spec/opensearch/1.1/");

} // namespace

Result<ArxivApiPage> ArxivApiParser::parse(const QByteArray &xml)
{
    if (xml.trimmed().isEmpty())
        return Error {
            QCoreApplication::translate("Lectern::ArxivApiParser", "The arXiv API sent an empty answer.")};
    ArxivApiPage page;
    QXmlStreamReader reader(xml);
    bool sawFeed = false;
    bool inEntry = false;
    bool inAuthor = false;
    Paper paper;
    QString entryId;
    QString entryTitle;
    QString summary;
    QString primary;

    while (!reader.atEnd()) {
        const auto token = reader.readNext();
        if (token == QXmlStreamReader::StartElement) {
            const auto name = reader.name();
            const auto ns = reader.namespaceUri();
            if (!sawFeed) {
                if (name != u"feed" || ns != kAtomNs)
                    return Error {QCoreApplication::translate(
                        "Lectern::ArxivApiParser", "Not an arXiv API answer: the document starts with <%1>.")
                                      .arg(name.toString())};
                sawFeed = true;
                continue;
            }
            if (ns == kOpenSearchNs && name == u"totalResults") {
                page.totalResults = reader.readElementText().trimmed().toInt();
            } else if (ns == kOpenSearchNs && name == u"startIndex") {
                page.startIndex = reader.readElementText().trimmed().toInt();
            } else if (ns == kAtomNs && name == u"entry") {
                inEntry = true;
                paper = Paper();
                entryId.clear();
                entryTitle.clear();
                summary.clear();
                primary.clear();
            } else if (inEntry && ns == kAtomNs && name == u"author") {
                inAuthor = true;
            } else if (inEntry && inAuthor && ns == kAtomNs && name == u"name") {
                paper.authors << reader.readElementText().simplified();
            } else if (inEntry && ns == kAtomNs && name == u"id") {
                entryId = reader.readElementText().trimmed();
            } else if (inEntry && ns == kAtomNs && name == u"title") {
                entryTitle = reader.readElementText().simplified();
            } else if (inEntry && ns == kAtomNs && name == u"summary") {
                summary = reader.readElementText().trimmed();
            } else if (inEntry && ns == kAtomNs && name == u"category") {
                const QString term = reader.attributes().value(u"term").toString();
                if (!term.isEmpty() && !paper.categories.contains(term))
                    paper.categories << term;
            } else if (inEntry && ns == kArxivNs && name == u"primary_category") {
                primary = reader.attributes().value(u"term").toString();
            } else if (inEntry && ns == kArxivNs && name == u"comment") {
                paper.comments = reader.readElementText().simplified();
            } else if (inEntry && ns == kArxivNs && name == u"journal_ref") {
                paper.journalRef = reader.readElementText().simplified();
            } else if (inEntry && ns == kArxivNs && name == u"doi") {
                paper.doi = reader.readElementText().trimmed();
            }
        } else if (token == QXmlStreamReader::EndElement) {
            if (reader.name() == u"author") {
                inAuthor = false;
            } else if (reader.name() == u"entry" && inEntry) {
                inEntry = false;
                if (entryTitle == u"Error" && entryId.contains(u"/api/errors")) {
                    page.errorMessage = summary.isEmpty() ? entryId : summary;
                    continue;
                }
                const auto id = ArxivId::parse(entryId);
                if (!id)
                    return Error {QCoreApplication::translate(
                        "Lectern::ArxivApiParser", "An API entry has an id that is not an arXiv id: %1")
                                      .arg(entryId)};
                paper.arxivId = id->id;
                paper.version = id->version > 0 ? id->version : 1;
                paper.title = entryTitle;
                // The API hard-wraps abstracts; the RSS keeps arXiv's line breaks. Keep words, join lines.
                paper.abstract = summary;
                if (!primary.isEmpty()) {
                    paper.categories.removeAll(primary);
                    paper.categories.prepend(primary);
                }
                paper.primaryCategory = paper.categories.value(0);
                page.papers << paper;
            }
        }
    }
    if (reader.hasError())
        return Error {
            QCoreApplication::translate("Lectern::ArxivApiParser", "Malformed arXiv API answer (line %1): %2")
                .arg(reader.lineNumber())
                .arg(reader.errorString())};
    if (!sawFeed)
        return Error {QCoreApplication::translate("Lectern::ArxivApiParser", "Not an arXiv API answer.")};
    return page;
}

} // namespace Lectern
