// SPDX-License-Identifier: GPL-3.0-or-later
#include "backendtestmain.h"

#include <QMetaClassInfo>
#include <QMetaMethod>
#include <QObject>
#include <QSet>

#include <cstdio>

namespace Lectern::Test {

namespace {

bool isTestFunction(const QMetaMethod &m)
{
    // What QtTest runs: private slots without parameters, less its fixtures and data functions.
    static const QSet<QByteArray> fixtures {
        "initTestCase", "initTestCase_data", "cleanupTestCase", "init", "cleanup"};
    return m.methodType() == QMetaMethod::Slot && m.access() == QMetaMethod::Private &&
        m.parameterCount() == 0 && m.returnMetaType() == QMetaType::fromType<void>() &&
        !m.name().endsWith("_data") && !fixtures.contains(m.name());
}

QStringList classInfoNames(const QMetaObject &meta, const char *key)
{
    const int index = meta.indexOfClassInfo(key);
    if (index < 0)
        return {};
    return QString::fromUtf8(meta.classInfo(index).value()).split(u' ', Qt::SkipEmptyParts);
}

} // namespace

Result<QStringList> functionsForBackend(const QObject &test, bool postgres)
{
    const QMetaObject &meta = *test.metaObject();
    QStringList all;
    for (int i = meta.methodOffset(); i < meta.methodCount(); ++i) {
        if (const QMetaMethod m = meta.method(i); isTestFunction(m))
            all << QString::fromLatin1(m.name());
    }
    const QStringList postgresOnly = classInfoNames(meta, "PostgresOnly");
    const QStringList sqliteOnly = classInfoNames(meta, "SqliteOnly");
    for (const QString &name : postgresOnly + sqliteOnly) {
        if (!all.contains(name))
            return Error {QStringLiteral("%1 names %2 as one backend's only, but it has no test function "
                                         "of that name")
                              .arg(QString::fromLatin1(meta.className()), name)};
    }
    const QStringList &leftOut = postgres ? sqliteOnly : postgresOnly;
    QStringList functions;
    for (const QString &name : std::as_const(all)) {
        if (!leftOut.contains(name))
            functions << name;
    }
    return functions;
}

int execForBackend(QObject &test, int argc, char **argv)
{
    if (argc > 1)
        return QTest::qExec(&test, argc, argv);
    auto functions = functionsForBackend(test, qgetenv("LECTERN_TEST_STORE") == "postgres");
    if (!functions) {
        std::fprintf(stderr, "FAIL!  : %s\n", qPrintable(functions.error()));
        return 1;
    }
    return QTest::qExec(&test, QStringList {QString::fromLocal8Bit(argv[0])} + *functions);
}

} // namespace Lectern::Test
