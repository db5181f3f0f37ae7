// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArrayList>
#include <QTest>

namespace Lectern::Test {

/// Whether the current test function runs as a CTest test of its own (lectern_add_test's SEPARATE list),
/// so that the run of the whole executable leaves it out.
inline bool runsSeparately()
{
    return qgetenv("LECTERN_TEST_SEPARATE").split(',').contains(QByteArray(QTest::currentTestFunction()));
}

} // namespace Lectern::Test

/// First line of a test function that needs what a machine may lack (root, loop devices, poppler). It is
/// registered as its own CTest test (lectern_add_test(... SEPARATE name)), where a QSKIP counts as a skip;
/// in the run of the whole executable it says so and steps aside, so that a skip never shows as a pass.
#define LECTERN_SEPARATE_TEST()                                                                              \
    do {                                                                                                     \
        if (Lectern::Test::runsSeparately())                                                                 \
            QSKIP("runs as its own CTest test, where a skip counts as a skip");                              \
    } while (false)
