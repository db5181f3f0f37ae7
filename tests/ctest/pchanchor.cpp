// SPDX-License-Identifier: GPL-3.0-or-later
// The one source of the targets that build the tests' shared precompiled headers (tests/CMakeLists.txt).
