# SPDX-License-Identifier: GPL-3.0-or-later
# What makes CTest report a QtTest binary skipped rather than passed (SKIP_REGULAR_EXPRESSION): its
# initTestCase skipped, or every test function skipped. QtTest counts initTestCase and cleanupTestCase as
# passes (also when a test has none), so "2 passed, 0 failed" with skips is a binary whose every function
# skipped. Included by tests/CMakeLists.txt and by the check of ctest/test_skipreport.cmake.
set(LECTERN_SKIPPED "SKIP   : [A-Za-z_]+::initTestCase\\(\\)" "Totals: 2 passed, 0 failed, [1-9][0-9]* skipped")
