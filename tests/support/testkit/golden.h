// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QString>

namespace Lectern::Test {

/// Golden files: expected outputs (digest Markdown, HTML and JSON, the rendered default prompts) kept in
/// the repository under tests/ and compared byte for byte.
///
/// To refresh them after an intended change, run the golden tests with LECTERN_UPDATE_GOLDEN=1 (the
/// `update_golden` build target does: cmake --build build --target update_golden), then review and commit
/// the diff. Nothing else writes them.
class Golden final
{
public:
    Golden() = delete;

    /// Compares @p actual with tests/@p relativePath. Returns an empty string when they are equal, or
    /// when LECTERN_UPDATE_GOLDEN=1 and the file was rewritten; otherwise the first line that differs.
    [[nodiscard]] static QString mismatch(const QString &relativePath, const QByteArray &actual);
    /// Whether this run rewrites golden files instead of comparing (LECTERN_UPDATE_GOLDEN=1).
    [[nodiscard]] static bool updating();
};

} // namespace Lectern::Test

/// Fails the test when @p actual differs from the golden file tests/@p relativePath.
#define LECTERN_VERIFY_GOLDEN(relativePath, actual)                                                          \
    do {                                                                                                     \
        const QString lecternGoldenMismatch = Lectern::Test::Golden::mismatch(relativePath, actual);         \
        QVERIFY2(lecternGoldenMismatch.isEmpty(), qPrintable(lecternGoldenMismatch));                        \
    } while (false)
