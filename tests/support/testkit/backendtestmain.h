// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "util/result.h"

#include <QStringList>
#include <QTest>

class QObject;

namespace Lectern::Test {

/// The test functions of @p test that apply to the store backend this process tests (@p postgres): all
/// but those its class names in Q_CLASSINFO("PostgresOnly", "name name …") when on SQLite, or in
/// Q_CLASSINFO("SqliteOnly", "…") on PostgreSQL. A name there that is not a test function of the class is
/// an error: a renamed function must not quietly run on both.
[[nodiscard]] Result<QStringList> functionsForBackend(const QObject &test, bool postgres);

/// QTest::qExec for a test registered with lectern_add_store_test: without arguments, only the functions
/// for this process's backend (LECTERN_TEST_STORE) run, so a function that does not apply is neither run
/// nor reported as a skip inside a passing test. With arguments (a developer naming functions or
/// options), exactly what they ask.
int execForBackend(QObject &test, int argc, char **argv);

} // namespace Lectern::Test

#define LECTERN_BACKEND_TEST_MAIN_WRAPPER(TestObject, ...)                                                   \
    int main(int argc, char *argv[])                                                                         \
    {                                                                                                        \
        QT_PREPEND_NAMESPACE(QTest::Internal::callInitMain)<TestObject>();                                   \
        __VA_ARGS__                                                                                          \
        TestObject tc;                                                                                       \
        QTEST_SET_MAIN_SOURCE_PATH                                                                           \
        return Lectern::Test::execForBackend(tc, argc, argv);                                                \
    }

/// QTEST_MAIN / QTEST_GUILESS_MAIN for store tests (see execForBackend).
#define LECTERN_STORE_TEST_MAIN(TestObject) LECTERN_BACKEND_TEST_MAIN_WRAPPER(TestObject, QTEST_MAIN_SETUP())
#define LECTERN_STORE_TEST_GUILESS_MAIN(TestObject)                                                          \
    LECTERN_BACKEND_TEST_MAIN_WRAPPER(TestObject, QTEST_QAPP_SETUP(QCoreApplication))
