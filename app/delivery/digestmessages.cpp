// SPDX-License-Identifier: GPL-3.0-or-later
#include "delivery/digestmessages.h"

#include "digest/digestbuilder.h"
#include "digest/digesthtml.h"
#include "digest/digestjson.h"
#include "text/textounicode.h"

#include <QJsonObject>

namespace Lectern {

namespace {

QString dayText(const Digest &digest)
{
    return digest.run.date.toString(Qt::ISODate);
}

/// "5 papers" or "5 of 12 papers".
QString countText(const Digest &digest)
{
    const int shown = int(digest.entries.size());
    const int all = digest.relevantCount();
    const QString noun = all == 1 ? QStringLiteral("paper") : QStringLiteral("papers");
    return shown == all ? QStringLiteral("%1 %2").arg(shown).arg(noun)
                        : QStringLiteral("%1 of %2 %3").arg(shown).arg(all).arg(noun);
}

QString thresholdsText(int minRelevance, int minNovelty)
{
    return QStringLiteral("relevance ≥ %1, novelty ≥ %2").arg(minRelevance).arg(minNovelty);
}

QString marks(const DigestEntry &entry)
{
    if (entry.authorMatch)
        return QStringLiteral("author match");
    if (!entry.score || !entry.score->isScored())
        return QStringLiteral("unscored");
    return QStringLiteral("relevance %1, novelty %2").arg(*entry.score->relevance).arg(*entry.score->novelty);
}

QString plain(const QString &tex)
{
    return TexToUnicode::convert(tex).simplified();
}

QString slackEscaped(QString text)
{
    // Slack's three control characters; "|" would end a link's URL part early, so it becomes a look-alike.
    return text.replace(u'&', QStringLiteral("&amp;"))
        .replace(u'<', QStringLiteral("&lt;"))
        .replace(u'>', QStringLiteral("&gt;"))
        .replace(u'|', u'¦');
}

} // namespace

Digest DigestMessages::trimmed(Digest digest, int maxPapers)
{
    if (maxPapers > 0 && digest.entries.size() > maxPapers) {
        digest.dayRelevant = digest.relevantCount();
        digest.entries.resize(maxPapers);
        digest.shownSelection = QStringLiteral("the best %1").arg(maxPapers);
    }
    return digest;
}

QString DigestMessages::subject(const Digest &digest, int minRelevance, int minNovelty)
{
    return QStringLiteral("arXiv digest %1: %2 (%3)")
        .arg(dayText(digest), countText(digest), thresholdsText(minRelevance, minNovelty));
}

QString DigestMessages::emailText(const Digest &digest)
{
    return DigestBuilder::markdown(digest);
}

QString DigestMessages::emailHtml(const Digest &digest)
{
    DigestHtmlOptions options;
    options.includePrompt = false; // a mail is read, not audited: the prompt stays in the window and exports
    return DigestHtml::render({digest}, options);
}

QString DigestMessages::slackText(const Digest &digest, int minRelevance, int minNovelty)
{
    QString text = QStringLiteral("*arXiv digest %1*: %2 (%3)\n")
                       .arg(dayText(digest), countText(digest), thresholdsText(minRelevance, minNovelty));
    int number = 0;
    for (const DigestEntry &entry : digest.entries) {
        text += QStringLiteral("%1. <%2|%3> (%4)\n")
                    .arg(++number)
                    .arg(entry.paper.absUrl(), slackEscaped(plain(entry.paper.title)), marks(entry));
    }
    return text;
}

QString DigestMessages::matrixText(const Digest &digest, int minRelevance, int minNovelty)
{
    QString text = QStringLiteral("arXiv digest %1: %2 (%3)\n")
                       .arg(dayText(digest), countText(digest), thresholdsText(minRelevance, minNovelty));
    int number = 0;
    for (const DigestEntry &entry : digest.entries) {
        text += QStringLiteral("%1. %2 (%3) %4\n")
                    .arg(++number)
                    .arg(plain(entry.paper.title), marks(entry), entry.paper.absUrl());
    }
    return text;
}

QString DigestMessages::matrixHtml(const Digest &digest, int minRelevance, int minNovelty)
{
    QString html = QStringLiteral("<h4>arXiv digest %1</h4><p>%2 (%3)</p><ol>")
                       .arg(dayText(digest), countText(digest), thresholdsText(minRelevance, minNovelty));
    for (const DigestEntry &entry : digest.entries) {
        html += QStringLiteral("<li><a href=\"%1\">%2</a> (%3)<br><em>%4</em></li>")
                    .arg(entry.paper.absUrl(), DigestHtml::text(entry.paper.title), marks(entry),
                        DigestHtml::text(entry.paper.authors.join(QStringLiteral(", "))));
    }
    return html + QStringLiteral("</ol>");
}

QByteArray DigestMessages::json(
    const Digest &digest, const QString &channel, int minRelevance, int minNovelty)
{
    return DigestJson::write({digest},
        QJsonObject {{QStringLiteral("delivery"), channel}, {QStringLiteral("minRelevance"), minRelevance},
            {QStringLiteral("minNovelty"), minNovelty},
            {QStringLiteral("papers"), int(digest.entries.size())},
            {QStringLiteral("relevant"), digest.relevantCount()}});
}

} // namespace Lectern
