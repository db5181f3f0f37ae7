// SPDX-License-Identifier: GPL-3.0-or-later
#include "rssfeedparser.h"

#include "domain/arxivid.h"

#include <QCoreApplication>
#include <QRegularExpression>
#include <QXmlStreamReader>

namespace Lectern {

namespace {

const QString kArxivNs = QStringLiteral("http://arxiv.org/schemas/atom");
const QString kDcNs = QStringLiteral("http://purl.org/dc/elements/1.1/");

QDate feedDate(const QString &rfc2822)
{
    // The date as arXiv states it, in its own offset (US Eastern), not converted to local time.
    const QDateTime dt = QDateTime::fromString(rfc2822.trimmed(), Qt::RFC2822Date);
    return dt.isValid() ? dt.date() : QDate();
}

struct Description
{
    QString versionedId;
    QString announceType;
    QString abstract;
};

Description parseDescription(const QString &text)
{
    // "arXiv:2509.13332v1 Announce Type: new \nAbstract: …" (older feeds have no space before the newline).
    static const QRegularExpression re(
        QStringLiteral("^\\s*arXiv:(\\S+)\\s+Announce Type:\\s*(\\S+)\\s*\\n?\\s*Abstract:\\s?(.*)$"),
        QRegularExpression::DotMatchesEverythingOption);
    const auto m = re.match(text);
    if (!m.hasMatch())
        return {QString(), QString(), text.trimmed()};
    return {m.captured(1), m.captured(2), m.captured(3).trimmed()};
}

} // namespace

QStringList RssFeedParser::splitAuthors(const QString &creator)
{
    QStringList out;
    QString current;
    int depth = 0;
    for (const QChar c : creator) {
        if (c == u'(')
            ++depth;
        else if (c == u')' && depth > 0)
            --depth;
        if (c == u',' && depth == 0) {
            if (!current.trimmed().isEmpty())
                out << current.trimmed();
            current.clear();
            continue;
        }
        current += c;
    }
    if (!current.trimmed().isEmpty())
        out << current.trimmed();
    // "A, B and C" style endings appear in some feeds' last author.
    if (!out.isEmpty() && out.last().startsWith(QStringLiteral("and ")))
        out.last() = out.last().mid(4).trimmed();
    return out;
}

Result<RssFeed> RssFeedParser::parse(const QByteArray &xml)
{
    if (xml.trimmed().isEmpty())
        return Error {
            QCoreApplication::translate("Lectern::RssFeedParser", "Not an RSS feed: the document is empty.")};
    RssFeed feed;
    QXmlStreamReader reader(xml);
    bool sawRss = false;
    bool inItem = false;
    bool inChannel = false;
    Paper item;
    QString itemLink;
    QString itemGuid;
    QString channelDescription;
    QString itemDescription;
    int itemIndex = 0;

    auto finishItem = [&]() -> Result<void> {
        ++itemIndex;
        const Description d = parseDescription(itemDescription);
        std::optional<ArxivId> id;
        if (!d.versionedId.isEmpty())
            id = ArxivId::parse(d.versionedId);
        if ((!id || id->version == 0) && !itemGuid.isEmpty())
            id = ArxivId::parse(itemGuid);
        if (!id && !itemLink.isEmpty())
            id = ArxivId::parse(itemLink);
        if (!id)
            return Error {QCoreApplication::translate("Lectern::RssFeedParser",
                "Item %1 (\"%2\") has no arXiv id in its description, guid or link.")
                              .arg(itemIndex)
                              .arg(item.title.left(60))};
        item.arxivId = id->id;
        item.version = id->version > 0 ? id->version : 1;
        item.abstract = d.abstract;
        if (!d.announceType.isEmpty())
            item.announceType = d.announceType;
        item.primaryCategory = item.categories.value(0);
        feed.items << item;
        return {};
    };

    while (!reader.atEnd()) {
        const auto token = reader.readNext();
        if (token == QXmlStreamReader::StartElement) {
            const auto name = reader.name();
            const auto ns = reader.namespaceUri();
            if (!sawRss) {
                if (name != u"rss")
                    return Error {QCoreApplication::translate(
                        "Lectern::RssFeedParser", "Not an RSS feed: the document starts with <%1>.")
                                      .arg(name.toString())};
                sawRss = true;
                continue;
            }
            if (name == u"channel" && ns.isEmpty()) {
                inChannel = true;
            } else if (name == u"item" && ns.isEmpty()) {
                inItem = true;
                item = Paper();
                item.announced = feed.announced;
                itemLink.clear();
                itemGuid.clear();
                itemDescription.clear();
            } else if (inItem) {
                if (ns.isEmpty() && name == u"title")
                    item.title = reader.readElementText(QXmlStreamReader::IncludeChildElements).simplified();
                else if (ns.isEmpty() && name == u"link")
                    itemLink = reader.readElementText().trimmed();
                else if (ns.isEmpty() && name == u"guid")
                    itemGuid = reader.readElementText().trimmed();
                else if (ns.isEmpty() && name == u"description")
                    itemDescription = reader.readElementText(QXmlStreamReader::IncludeChildElements);
                else if (ns.isEmpty() && name == u"category")
                    item.categories << reader.readElementText().trimmed();
                else if (ns.isEmpty() && name == u"pubDate" && !feed.announced.isValid()) {
                    // Only needed when the channel has no date of its own; date parsing is not free.
                    item.announced = feedDate(reader.readElementText());
                } else if (ns == kArxivNs && name == u"announce_type")
                    item.announceType = reader.readElementText().trimmed();
                else if (ns == kArxivNs && name == u"DOI")
                    item.doi = reader.readElementText().trimmed();
                else if (ns == kArxivNs && name == u"journal_reference")
                    item.journalRef = reader.readElementText().simplified();
                else if (ns == kDcNs && name == u"creator")
                    item.authors = splitAuthors(reader.readElementText().simplified());
            } else if (inChannel) {
                if (ns.isEmpty() && name == u"title")
                    feed.title = reader.readElementText().simplified();
                else if (ns.isEmpty() && name == u"description")
                    channelDescription = reader.readElementText().simplified();
                else if (ns.isEmpty() && name == u"pubDate")
                    feed.announced = feedDate(reader.readElementText());
                else if (ns.isEmpty() && name == u"lastBuildDate")
                    feed.lastBuild =
                        QDateTime::fromString(reader.readElementText().trimmed(), Qt::RFC2822Date);
            }
        } else if (token == QXmlStreamReader::EndElement) {
            if (reader.name() == u"item" && inItem) {
                inItem = false;
                if (auto r = finishItem(); !r)
                    return Error {r.error()};
            } else if (reader.name() == u"channel") {
                inChannel = false;
            }
        }
    }
    if (reader.hasError())
        return Error {
            QCoreApplication::translate("Lectern::RssFeedParser", "Malformed feed (line %1, column %2): %3")
                .arg(reader.lineNumber())
                .arg(reader.columnNumber())
                .arg(reader.errorString())};
    if (!sawRss)
        return Error {
            QCoreApplication::translate("Lectern::RssFeedParser", "Not an RSS feed: the document is empty.")};

    if (feed.title.startsWith(QStringLiteral("Feed error for query"))) {
        feed.isErrorFeed = true;
        feed.errorMessage = channelDescription.isEmpty() ? feed.title : channelDescription;
    }
    return feed;
}

} // namespace Lectern
