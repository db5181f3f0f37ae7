// SPDX-License-Identifier: GPL-3.0-or-later
#include "golden.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QList>

#include <algorithm>

namespace Lectern::Test {

bool Golden::updating()
{
    return qEnvironmentVariable("LECTERN_UPDATE_GOLDEN") == u"1";
}

QString Golden::mismatch(const QString &relativePath, const QByteArray &actual)
{
    const QString path = QDir(QStringLiteral(LECTERN_TEST_SOURCE_DIR)).filePath(relativePath);
    QFile file(path);
    if (updating()) {
        if (!QDir().mkpath(QFileInfo(path).path()) ||
            !file.open(QIODevice::WriteOnly | QIODevice::Truncate) || file.write(actual) != actual.size())
            return QStringLiteral("%1: cannot rewrite: %2").arg(path, file.errorString());
        qInfo("rewrote %s", qPrintable(path));
        return {};
    }
    if (!file.open(QIODevice::ReadOnly))
        return QStringLiteral("%1: %2 (run with LECTERN_UPDATE_GOLDEN=1 to create it)")
            .arg(path, file.errorString());
    const QByteArray expected = file.readAll();
    if (actual == expected)
        return {};
    const QList<QByteArray> a = actual.split('\n');
    const QList<QByteArray> e = expected.split('\n');
    for (qsizetype i = 0; i < std::max(a.size(), e.size()); ++i) {
        const QByteArray al = a.value(i, "<end>");
        const QByteArray el = e.value(i, "<end>");
        if (al != el)
            return QStringLiteral("%1 line %2 differs:\n  golden: %3\n  actual: %4\n"
                                  "(LECTERN_UPDATE_GOLDEN=1 rewrites the golden file; review the diff)")
                .arg(path)
                .arg(i + 1)
                .arg(QString::fromUtf8(el), QString::fromUtf8(al));
    }
    return QStringLiteral("%1 differs").arg(path); // unreachable: equal lines mean equal bytes
}

} // namespace Lectern::Test
