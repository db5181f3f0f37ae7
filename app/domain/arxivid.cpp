// SPDX-License-Identifier: GPL-3.0-or-later
#include "arxivid.h"

#include <QRegularExpression>
#include <QUrl>

namespace Lectern {

std::optional<ArxivId> ArxivId::parse(const QString &text)
{
    QString s = text.trimmed();
    if (s.startsWith(u"http://") || s.startsWith(u"https://")) {
        const QUrl url(s);
        const QString host = url.host().toLower();
        if (!(host == u"arxiv.org" || host.endsWith(u".arxiv.org")))
            return std::nullopt;
        static const QRegularExpression pathRe(QStringLiteral("\\A/(?:abs|pdf|html)/(.+?)(?:\\.pdf)?/?\\z"));
        const auto m = pathRe.match(url.path());
        if (!m.hasMatch())
            return std::nullopt;
        s = m.captured(1);
    }
    if (s.startsWith(u"oai:arXiv.org:", Qt::CaseInsensitive))
        s = s.mid(14);
    else if (s.startsWith(u"arxiv:", Qt::CaseInsensitive))
        s = s.mid(6);

    // New style: YYMM.NNNN (2007-2014) or YYMM.NNNNN (2015-); old style: archive[.SUBJ]/YYMMNNN. ASCII
    // digits only (\d would take any script's digits) and anchored at the very end ($ would allow a final
    // line break): an id reaches link targets, BibTeX keys and RIS lines, so it may hold nothing else.
    static const QRegularExpression idRe(
        QStringLiteral("\\A((?:[0-9]{4}\\.[0-9]{4,5})|(?:[a-z][a-z\\-]{0,15}(?:\\.[A-Z]{2})?/"
                       "[0-9]{7}))(?:v([1-9][0-9]{0,4}))?\\z"));
    const auto m = idRe.match(s);
    if (!m.hasMatch())
        return std::nullopt;
    ArxivId result;
    result.id = m.captured(1);
    result.version = m.capturedLength(2) > 0 ? m.captured(2).toInt() : 0;
    return result;
}

bool ArxivId::isCanonical(const QString &id)
{
    const auto parsed = parse(id);
    return parsed && parsed->version == 0 && parsed->id == id;
}

} // namespace Lectern
