// SPDX-License-Identifier: GPL-3.0-or-later
#include "storelocation.h"

#include <QCoreApplication>
#include <QUrl>
#include <QUrlQuery>

namespace Lectern {

StoreLocation StoreLocation::parse(const QString &text)
{
    if (!text.startsWith(u"postgresql://") && !text.startsWith(u"postgres://"))
        return sqliteFile(text);
    const QUrl url(text);
    QString database = url.path(QUrl::FullyDecoded);
    if (database.startsWith(u'/'))
        database.remove(0, 1);
    return postgres(url.host(QUrl::FullyDecoded), qMax(0, url.port()), database,
        url.userName(QUrl::FullyDecoded), QUrlQuery(url).queryItemValue(QStringLiteral("sslmode")));
}

Result<StoreLocation> StoreLocation::parseArgument(const QString &text)
{
    if (text.isEmpty())
        return Error {QCoreApplication::translate(
            "Lectern::StoreLocation", "A store is a file or a postgresql:// URI; none was given.")};
    const StoreLocation location = parse(text);
    if (location.isPostgres() && !QUrl(text).password().isEmpty())
        return Error {QCoreApplication::translate("Lectern::StoreLocation",
            "A store location takes no password; put it in ~/.pgpass or the file PGPASSFILE names.")};
    return location;
}

StoreLocation StoreLocation::sqliteFile(const QString &path)
{
    StoreLocation l;
    l.m_path = path;
    return l;
}

StoreLocation StoreLocation::postgres(
    const QString &host, int port, const QString &database, const QString &user, const QString &sslMode)
{
    StoreLocation l;
    l.m_backend = Backend::Postgres;
    l.m_host = host;
    l.m_port = port;
    l.m_database = database;
    l.m_user = user;
    l.m_sslMode = sslMode;
    return l;
}

QString StoreLocation::toString() const
{
    if (!isPostgres())
        return m_path;
    QUrl url;
    url.setScheme(QStringLiteral("postgresql"));
    // An empty authority still needs "//" so that the text reads back as a URI.
    url.setHost(m_host.isEmpty() ? QString() : m_host);
    if (m_port > 0)
        url.setPort(m_port);
    if (!m_user.isEmpty())
        url.setUserName(m_user);
    url.setPath(u'/' + m_database);
    if (!m_sslMode.isEmpty()) {
        QUrlQuery query;
        query.addQueryItem(QStringLiteral("sslmode"), m_sslMode);
        url.setQuery(query);
    }
    QString text = url.toString(QUrl::FullyEncoded);
    if (!text.startsWith(u"postgresql://"))
        text.replace(0, int(qstrlen("postgresql:")), QStringLiteral("postgresql://"));
    return text;
}

} // namespace Lectern
