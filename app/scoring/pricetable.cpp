// SPDX-License-Identifier: GPL-3.0-or-later
#include "scoring/pricetable.h"

#include "config/profile.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>

#include <algorithm>
#include <cmath>

namespace Lectern {

PriceTable PriceTable::defaults()
{
    PriceTable t;
    t.m_entries = {
        {QStringLiteral("gpt-5"), 1.25, 0.125, 1.25, 10.00},
        {QStringLiteral("gpt-5-mini"), 0.25, 0.025, 0.25, 2.00},
        {QStringLiteral("gpt-5-nano"), 0.05, 0.005, 0.05, 0.40},
        {QStringLiteral("gpt-4.1-mini"), 0.40, 0.10, 0.40, 1.60},
        {QStringLiteral("claude-sonnet-4-5"), 3.00, 0.30, 3.75, 15.00},
        {QStringLiteral("claude-haiku-4-5"), 1.00, 0.10, 1.25, 5.00},
        // The dotted spellings some gateways use (OpenRouter: "anthropic/claude-haiku-4.5").
        {QStringLiteral("claude-sonnet-4.5"), 3.00, 0.30, 3.75, 15.00},
        {QStringLiteral("claude-haiku-4.5"), 1.00, 0.10, 1.25, 5.00},
        {QStringLiteral("lectern-local"), 0, 0, 0, 0},
    };
    return t;
}

Result<PriceTable> PriceTable::fromJson(const QByteArray &json)
{
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(json, &parseError);
    if (doc.isNull())
        return Error {QStringLiteral("not valid JSON (%1 at offset %2)")
                          .arg(parseError.errorString())
                          .arg(parseError.offset)};
    if (!doc.isObject() || !doc.object().value(QLatin1StringView("models")).isObject())
        return Error {QStringLiteral("expected an object with a \"models\" object")};
    PriceTable t = defaults();
    const QJsonObject models = doc.object().value(QLatin1StringView("models")).toObject();
    for (auto it = models.begin(); it != models.end(); ++it) {
        const QString name = it.key().trimmed();
        if (name.isEmpty() || !it.value().isObject())
            return Error {QStringLiteral("entry \"%1\" is not an object of prices").arg(it.key())};
        const QJsonObject o = it.value().toObject();
        const auto number = [&](QLatin1StringView key, std::optional<double> fallback) -> Result<double> {
            const QJsonValue v = o.value(key);
            if (v.isUndefined() && fallback)
                return *fallback;
            if (!v.isDouble() || v.toDouble() < 0)
                return Error {QStringLiteral("\"%1\" needs \"%2\" as a number >= 0 (USD per million tokens)")
                                  .arg(name, key)};
            return v.toDouble();
        };
        const auto input = number(QLatin1StringView("input"), std::nullopt);
        const auto output = number(QLatin1StringView("output"), std::nullopt);
        if (!input)
            return Error {input.error()};
        if (!output)
            return Error {output.error()};
        const auto cached = number(QLatin1StringView("cachedInput"), *input);
        const auto write = number(QLatin1StringView("cacheWrite"), *input);
        if (!cached)
            return Error {cached.error()};
        if (!write)
            return Error {write.error()};
        t.set(ModelPrice {name, *input, *cached, *write, *output});
    }
    return t;
}

Result<PriceTable> PriceTable::loadOrCreate(const QString &path)
{
    if (!QFile::exists(path)) {
        QDir().mkpath(QFileInfo(path).absolutePath());
        QSaveFile out(path);
        if (!out.open(QIODevice::WriteOnly) || out.write(defaults().toJson()) < 0 || !out.commit())
            return Error {
                QCoreApplication::translate("Lectern::PriceTable", "Cannot write the price table %1: %2")
                    .arg(path, out.errorString())};
        return defaults();
    }
    QFile in(path);
    if (!in.open(QIODevice::ReadOnly))
        return Error {QCoreApplication::translate("Lectern::PriceTable", "Cannot read the price table %1: %2")
                          .arg(path, in.errorString())};
    auto t = fromJson(in.readAll());
    if (!t)
        return Error {
            QCoreApplication::translate("Lectern::PriceTable", "The price table %1 is unusable: %2.")
                .arg(path, t.error())};
    return t;
}

QString PriceTable::pathFor(const Profile &profile)
{
    return QFileInfo(profile.settingsPath()).absolutePath() + QStringLiteral("/prices.json");
}

QByteArray PriceTable::toJson() const
{
    QJsonObject models;
    for (const ModelPrice &p : m_entries) {
        models.insert(p.model,
            QJsonObject {{QStringLiteral("input"), p.input}, {QStringLiteral("cachedInput"), p.cachedInput},
                {QStringLiteral("cacheWrite"), p.cacheWrite}, {QStringLiteral("output"), p.output}});
    }
    QJsonObject root {
        {QStringLiteral("comment"),
            QStringLiteral(
                "USD per million tokens. input: uncached input; cachedInput: read from the prompt cache; "
                "cacheWrite: written to it; output: output tokens, reasoning included. Edit freely; "
                "entries here replace Lectern's defaults of the same name.")},
        {QStringLiteral("checked"), QString(DefaultsChecked)},
        {QStringLiteral("models"), models},
    };
    return QJsonDocument(root).toJson(QJsonDocument::Indented);
}

void PriceTable::set(const ModelPrice &price)
{
    for (ModelPrice &p : m_entries) {
        if (p.model.compare(price.model, Qt::CaseInsensitive) == 0) {
            p = price;
            return;
        }
    }
    m_entries << price;
}

std::optional<ModelPrice> PriceTable::find(const QString &model) const
{
    QString name = model.trimmed().toLower();
    if (const qsizetype slash = name.lastIndexOf(u'/'); slash >= 0)
        name = name.mid(slash + 1);
    if (name.isEmpty())
        return std::nullopt;
    const ModelPrice *best = nullptr;
    for (const ModelPrice &p : m_entries) {
        const QString entry = p.model.toLower();
        if (entry == name)
            return p;
        // A dated snapshot of the entry: "-" then a digit right after the entry's name.
        if (name.size() > entry.size() + 1 && name.startsWith(entry) && name.at(entry.size()) == u'-' &&
            name.at(entry.size() + 1).isDigit() && (!best || entry.size() > best->model.size()))
            best = &p;
    }
    return best ? std::optional<ModelPrice>(*best) : std::nullopt;
}

double PriceTable::cost(const ModelPrice &price, const TokenUsage &usage, bool batchApi)
{
    const qint64 uncached =
        std::max<qint64>(0, usage.promptTokens - usage.cachedPromptTokens - usage.cacheWriteTokens);
    const double usd =
        (double(uncached) * price.input + double(usage.cachedPromptTokens) * price.cachedInput +
            double(usage.cacheWriteTokens) * price.cacheWrite +
            double(usage.completionTokens) * price.output) /
        1e6;
    return batchApi ? usd / 2 : usd;
}

std::optional<double> PriceTable::cost(const QString &model, const TokenUsage &usage, bool batchApi) const
{
    const auto price = find(model);
    if (!price)
        return std::nullopt;
    return cost(*price, usage, batchApi);
}

double PriceTable::replyCost(
    const BatchResult &reply, const std::optional<ModelPrice> &fallback, bool batchApi) const
{
    std::optional<ModelPrice> price = reply.model.isEmpty() ? std::nullopt : find(reply.model);
    if (!price)
        price = fallback;
    return price ? cost(*price, reply.usage, batchApi) : 0.0;
}

QString PriceTable::money(double usd)
{
    return u'$' + QString::number(usd, 'f', usd != 0 && std::abs(usd) < 0.01 ? 4 : 2);
}

} // namespace Lectern
