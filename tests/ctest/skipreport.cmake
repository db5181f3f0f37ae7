# SPDX-License-Identifier: GPL-3.0-or-later
# Lists the QtTest functions that skipped inside CTest tests that passed (issue 11, issue 12: "QSKIP shows as
# passed"). CTest knows one result per test: a test binary whose every function skipped is reported skipped
# (lectern_add_test's SKIP_REGULAR_EXPRESSION), but one whose other functions passed is reported passed, its
# skips unseen. CTest runs this script after the tests (CTEST_CUSTOM_POST_TEST in the build folder's
# CTestCustom.cmake), with -DBUILD_DIR=...; it reads the log CTest is still writing and prints, below the
# summary, each such function with its reason:
#
#   Skipped inside tests that passed (1 function in 1 test):
#     test_cli_dbcopy: ctrlCStopsAfterTheChunkAndSaysWhatWasWritten (the copy ended before Ctrl+C arrived)
#
# Functions a SEPARATE test runs on its own ("runs as its own CTest test") are left out: their own CTest
# test reports them. Failed tests are left out too: their output says everything. The script never fails
# the run; without a log it prints nothing.
if(NOT BUILD_DIR)
  set(BUILD_DIR "${CMAKE_CURRENT_BINARY_DIR}")
endif()
file(GLOB logs "${BUILD_DIR}/Testing/Temporary/LastTest*.log.tmp")
if(NOT logs)
  return()
endif()
list(GET logs 0 log)
file(READ "${log}" text)
# One list element a line; the characters CMake's lists treat specially are kept out of the way.
string(REPLACE ";" "<semicolon>" text "${text}")
string(REPLACE "[" "<open>" text "${text}")
string(REPLACE "]" "<close>" text "${text}")
string(REPLACE "\\" "<backslash>" text "${text}")
string(REPLACE "\n" ";" lines "${text}")

set(report "")
set(count 0)
set(functions 0)
set(tests 0)
set(test "")
set(skips "")
foreach(line IN LISTS lines)
  if(line MATCHES "^[0-9]+/[0-9]+ Testing: (.+)$")
    set(test "${CMAKE_MATCH_1}")
    set(skips "")
    set(count 0)
  elseif(line MATCHES "^SKIP   : [A-Za-z_0-9]+::([A-Za-z_0-9]+)\\(([^)]*)\\) (.*)$")
    set(function "${CMAKE_MATCH_1}")
    set(tag "${CMAKE_MATCH_2}")
    set(reason "${CMAKE_MATCH_3}")
    if(NOT reason MATCHES "^runs as its own CTest test" AND NOT function STREQUAL "initTestCase")
      if(tag)
        set(function "${function}(${tag})")
      endif()
      string(APPEND skips "    ${test}: ${function} (${reason})\n")
      math(EXPR count "${count} + 1")
    endif()
  elseif(line STREQUAL "Test Passed." AND count GREATER 0)
    string(APPEND report "${skips}")
    math(EXPR functions "${functions} + ${count}")
    math(EXPR tests "${tests} + 1")
    set(skips "")
    set(count 0)
  endif()
endforeach()
if(functions GREATER 0)
  string(REPLACE "<semicolon>" ";" report "${report}")
  string(REPLACE "<open>" "[" report "${report}")
  string(REPLACE "<close>" "]" report "${report}")
  string(REPLACE "<backslash>" "\\" report "${report}")
  set(f "functions")
  if(functions EQUAL 1)
    set(f "function")
  endif()
  set(t "tests")
  if(tests EQUAL 1)
    set(t "test")
  endif()
  message("\nSkipped inside tests that passed (${functions} ${f} in ${tests} ${t}):\n${report}")
endif()
