// SPDX-License-Identifier: GPL-3.0-or-later
#include "scoring/relevancejudgements.h"

#include "digest/digestmarkdownreader.h"
#include "domain/arxivid.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace Lectern {

namespace {

/// The id without its version, or empty when @p text is no arXiv id.
QString paperId(const QString &text)
{
    const std::optional<ArxivId> id = ArxivId::parse(text.trimmed());
    return id ? id->id : QString();
}

} // namespace

Result<RelevanceJudgements> RelevanceJudgements::fromJson(const QByteArray &json)
{
    QJsonParseError error {};
    const QJsonDocument document = QJsonDocument::fromJson(json, &error);
    if (document.isNull())
        return Error {QStringLiteral("not JSON: %1").arg(error.errorString())};
    const QJsonArray list =
        document.isArray() ? document.array() : document.object().value(QStringLiteral("relevant")).toArray();
    if (!document.isArray() && !document.object().value(QStringLiteral("relevant")).isArray())
        return Error {
            QStringLiteral("expected an array of arXiv ids or an object with a \"relevant\" array")};
    RelevanceJudgements out;
    for (const QJsonValue &v : list) {
        const QString text =
            v.isObject() ? v.toObject().value(QStringLiteral("id")).toString() : v.toString();
        const QString id = paperId(text);
        if (id.isEmpty())
            return Error {QStringLiteral("not an arXiv id: \"%1\"").arg(text)};
        out.relevant.insert(id);
    }
    return out;
}

RelevanceJudgements RelevanceJudgements::fromDigestMarkdown(const QString &markdown)
{
    RelevanceJudgements out;
    for (const ParsedDigestEntry &e : DigestMarkdownReader::read(markdown).entries) {
        if (const QString id = paperId(e.arxivId); !id.isEmpty())
            out.relevant.insert(id);
    }
    return out;
}

Result<RelevanceJudgements> RelevanceJudgements::read(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return Error {QStringLiteral("cannot read %1: %2").arg(path, file.errorString())};
    const QByteArray bytes = file.readAll();
    Result<RelevanceJudgements> out = path.endsWith(QStringLiteral(".json"), Qt::CaseInsensitive)
        ? fromJson(bytes)
        : Result<RelevanceJudgements>(fromDigestMarkdown(QString::fromUtf8(bytes)));
    if (!out)
        return Error {QStringLiteral("%1: %2").arg(path, out.error())};
    if (out->relevant.isEmpty())
        return Error {QStringLiteral("%1 names no selected paper").arg(path)};
    return out;
}

} // namespace Lectern
