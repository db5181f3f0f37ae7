# SPDX-License-Identifier: GPL-3.0-or-later
# test_skipreport: runs a nested ctest over SAMPLE (ctest/skipsample.cpp) with the suite's own skip rules
# (skipped.cmake, CTestCustom.cmake.in, skipreport.cmake) and checks what CTest says:
#  - partly (passes + skips) passes, and its skipped function is listed after the summary, with its reason;
#  - wholly (skips only) is reported skipped, not passed;
#  - failing (skips + a failure) fails, and is not listed (its output says it all).
# Usage: cmake -DSAMPLE=... -DSOURCE_DIR=tests/ctest -DWORK_DIR=... -P test_skipreport.cmake
file(REMOVE_RECURSE "${WORK_DIR}")
file(MAKE_DIRECTORY "${WORK_DIR}/src")
file(WRITE "${WORK_DIR}/src/CMakeLists.txt" "
cmake_minimum_required(VERSION 3.20)
project(skipcheck NONE)
enable_testing()
include(\"${SOURCE_DIR}/skipped.cmake\")
set(LECTERN_SKIP_REPORT \"${SOURCE_DIR}/skipreport.cmake\")
configure_file(\"${SOURCE_DIR}/CTestCustom.cmake.in\" \${CMAKE_BINARY_DIR}/CTestCustom.cmake @ONLY)
add_test(NAME partly COMMAND \"${SAMPLE}\" passes skips)
add_test(NAME wholly COMMAND \"${SAMPLE}\" skips)
add_test(NAME failing COMMAND \"${SAMPLE}\" skips failsWhenAsked)
set_tests_properties(partly wholly failing PROPERTIES SKIP_REGULAR_EXPRESSION \"\${LECTERN_SKIPPED}\")
set_tests_properties(failing PROPERTIES ENVIRONMENT LECTERN_SKIP_SAMPLE_FAIL=1)
")
execute_process(COMMAND "${CMAKE_COMMAND}" -S "${WORK_DIR}/src" -B "${WORK_DIR}/build"
                RESULT_VARIABLE configured OUTPUT_VARIABLE out ERROR_VARIABLE out)
if(NOT configured EQUAL 0)
  message(FATAL_ERROR "the check project does not configure:\n${out}")
endif()
# Without --output-on-failure: the sample's SKIP lines must not reach the log of the ctest that runs this.
execute_process(COMMAND "${CMAKE_CTEST_COMMAND}" --test-dir "${WORK_DIR}/build"
                OUTPUT_VARIABLE out ERROR_VARIABLE out)
message("${out}")
function(expect pattern)
  if(NOT out MATCHES "${pattern}")
    message(FATAL_ERROR "ctest's output does not match \"${pattern}\"")
  endif()
endfunction()
expect("partly [^\n]* Passed")
expect("wholly [^\n]*Skipped")
expect("failing [^\n]*Failed")
expect("Skipped inside tests that passed \\(1 function in 1 test\\):\n")
expect("\n    partly: skips \\(sample skip. with \\[brackets\\] and a \\\\backslash\\)\n")
if(out MATCHES "wholly: skips" OR out MATCHES "failing: skips")
  message(FATAL_ERROR "a skipped or failed test is listed among the skips inside passed tests")
endif()
