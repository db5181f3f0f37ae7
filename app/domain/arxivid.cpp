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
        static const QRegularExpression pathRe(QStringLiteral("^/(?:abs|pdf|html)/(.+?)(?:\\.pdf)?/?$"));
        const auto m = pathRe.match(url.path());
        if (!m.hasMatch())
            return std::nullopt;
        s = m.captured(1);
    }
    if (s.startsWith(u"oai:arXiv.org:", Qt::CaseInsensitive))
        s = s.mid(14);
    else if (s.startsWith(u"arxiv:", Qt::CaseInsensitive))
        s = s.mid(6);

    // New style: YYMM.NNNN (2007-2014) or YYMM.NNNNN (2015-); old style: archive[.SUBJ]/YYMMNNN.
    static const QRegularExpression idRe(
        QStringLiteral("^((?:\\d{4}\\.\\d{4,5})|(?:[a-z][a-z\\-]*(?:\\.[A-Z]{2})?/\\d{7}))(?:v(\\d+))?$"));
    const auto m = idRe.match(s);
    if (!m.hasMatch())
        return std::nullopt;
    ArxivId result;
    result.id = m.captured(1);
    result.version = m.capturedLength(2) > 0 ? m.captured(2).toInt() : 0;
    return result;
}

} // namespace Lectern
