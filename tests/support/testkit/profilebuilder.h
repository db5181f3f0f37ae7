// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "domain/paper.h"
#include "domain/score.h"

#include <QAnyStringView>
#include <QByteArray>
#include <QList>
#include <QString>
#include <QVariant>

#include <utility>

namespace Lectern::Test {

/// Fills a profile directory (usually a TempProfileDir) with what a test starts from: papers and scores in
/// its store (the SQLite file, or the database its store/ settings name), settings, prompt files. Collects
/// first and writes in build(), so one QVERIFY2 in the test reports the first problem:
///     QVERIFY2(ProfileBuilder(dir.path()).withPapers(papers).withScores(scores).build().isEmpty(), ...);
class ProfileBuilder final
{
public:
    explicit ProfileBuilder(QString profileDir);

    ProfileBuilder &withPapers(const QList<Paper> &papers);
    ProfileBuilder &withScores(const QList<Score> &scores);
    ProfileBuilder &withSetting(QAnyStringView key, const QVariant &value);
    /// prompts/@p fileName (e.g. "topics.md") with @p text.
    ProfileBuilder &withPrompt(const QString &fileName, const QByteArray &text);

    /// Writes everything; an empty string on success, otherwise what went wrong.
    [[nodiscard]] QString build() const;

private:
    QString m_dir;
    QList<Paper> m_papers;
    QList<Score> m_scores;
    QList<std::pair<QString, QVariant>> m_settings;
    QList<std::pair<QString, QByteArray>> m_prompts;
};

/// @p count made-up papers announced on @p day, numbered 2611.00001, 2611.00002, ... from @p first.
QList<Paper> numberedPapers(int count, const QDate &day, int first = 1);

/// The first column of the first row @p sql gives in the database at @p databasePath; invalid when the
/// query fails or has no row.
QVariant scalar(const QString &databasePath, const QString &sql);

} // namespace Lectern::Test
