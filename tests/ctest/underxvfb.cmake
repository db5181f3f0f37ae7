# SPDX-License-Identifier: GPL-3.0-or-later
# Runs a QtTest binary on a real X display without a window manager (xvfb-run -a: a free display number,
# so parallel runs do not collide), where windows are activated and focused by X, not by the offscreen
# platform's shortcuts. Usage: cmake -DBINARY=<binary> [-DFUNCTIONS=a;b] -P underxvfb.cmake (FUNCTIONS: only
# those test functions of the binary).
# Without Xvfb it prints a QtTest-style skip line, which the test's SKIP_REGULAR_EXPRESSION turns into
# "skipped" in CTest's summary (never a pass): packaging/install-deps.sh installs xvfb and xauth.
if(NOT BINARY)
  message(FATAL_ERROR "underxvfb.cmake: -DBINARY=<binary> is required")
endif()
find_program(XVFB_RUN xvfb-run)
find_program(XVFB Xvfb)
find_program(XAUTH xauth)
if(NOT XVFB_RUN OR NOT XVFB OR NOT XAUTH)
  get_filename_component(name "${BINARY}" NAME)
  message("SKIP   : ${name}::initTestCase() SKIPPED: xvfb-run, Xvfb or xauth is missing, so ${name} did NOT run "
          "under a real X display (install the xvfb and xauth packages).")
  return()
endif()
# 24-bit screen larger than the session's 1280x800 window; QT_QPA_PLATFORM=xcb comes from the test's
# ENVIRONMENT.
execute_process(COMMAND "${XVFB_RUN}" -a -s "-screen 0 1600x1000x24" "${BINARY}" ${FUNCTIONS} RESULT_VARIABLE rc)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "${BINARY} under Xvfb failed (${rc})")
endif()
