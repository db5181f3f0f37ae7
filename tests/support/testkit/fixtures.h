// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "domain/paper.h"
#include "domain/score.h"

#include <QTemporaryDir>

namespace Lectern::Test {

/// A synthetic paper with deterministic, made-up content.
Paper makePaper(const QString &id, int version = 1, const QDate &announced = QDate(2026, 11, 23),
    const QString &announceType = QStringLiteral("new"));

/// A score for @p paper by a fake model.
Score makeScore(
    const Paper &paper, int relevance, int novelty, const QString &promptHash = QStringLiteral("p1"));

/// The bytes of tests/fixtures/@p relativePath (synthetic data written for these tests); fails the test if
/// absent.
QByteArray fixture(const QString &relativePath);

/// A fresh profile directory, removed at the end of the test.
class TempProfileDir
{
public:
    TempProfileDir();
    [[nodiscard]] QString path() const { return m_dir.path(); }
    [[nodiscard]] QString databasePath() const { return m_dir.filePath(QStringLiteral("lectern.db")); }
    [[nodiscard]] bool isValid() const { return m_dir.isValid(); }

private:
    QTemporaryDir m_dir;
};

} // namespace Lectern::Test
