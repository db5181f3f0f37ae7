// SPDX-License-Identifier: GPL-3.0-or-later
#include "smtpstandin.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>

namespace Lectern::Test {

SmtpStandIn::SmtpStandIn(const Options &options, const QString &cert, const QString &key)
{
    QStringList args {script(), QStringLiteral("--out"), m_out.path()};
    if (!cert.isEmpty() && (options.startTls || options.implicitTls))
        args << QStringLiteral("--cert") << cert << QStringLiteral("--key") << key;
    if (options.implicitTls)
        args << QStringLiteral("--implicit-tls");
    args << QStringLiteral("--user") << options.user << QStringLiteral("--password") << options.password
         << QStringLiteral("--auth") << options.auth;
    m_process.start(QStringLiteral("python3"), args);
    if (m_process.waitForStarted() && m_process.waitForReadyRead(20000)) {
        const QByteArray line = m_process.readLine().trimmed();
        if (line.startsWith("PORT "))
            m_port = line.mid(5).toInt();
    }
}

SmtpStandIn::~SmtpStandIn()
{
    m_process.closeWriteChannel();
    if (!m_process.waitForFinished(10000))
        m_process.kill();
    m_process.waitForFinished(5000);
}

QString SmtpStandIn::script()
{
    return QStringLiteral(LECTERN_TEST_SOURCE_DIR "/delivery/smtpstandin.py");
}

QString SmtpStandIn::url(const QString &scheme) const
{
    return QStringLiteral("%1://127.0.0.1:%2").arg(scheme).arg(m_port);
}

QList<QJsonObject> SmtpStandIn::messages() const
{
    QList<QJsonObject> out;
    for (int n = 1;; ++n) {
        QFile file(QDir(m_out.path()).filePath(QStringLiteral("msg-%1.json").arg(n)));
        if (!file.open(QIODevice::ReadOnly))
            return out;
        out << QJsonDocument::fromJson(file.readAll()).object();
    }
}

QByteArray SmtpStandIn::raw(int n) const
{
    QFile file(QDir(m_out.path()).filePath(QStringLiteral("msg-%1.eml").arg(n)));
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

QString SmtpStandIn::errors()
{
    return QString::fromUtf8(m_process.readAllStandardError());
}

QString partText(const QJsonObject &message, const QString &type)
{
    for (const QJsonValue &part : message.value(u"parts").toArray()) {
        if (part.toObject().value(u"type").toString() == type)
            return part.toObject().value(u"text").toString();
    }
    return {};
}

} // namespace Lectern::Test
