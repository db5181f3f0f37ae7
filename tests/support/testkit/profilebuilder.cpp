// SPDX-License-Identifier: GPL-3.0-or-later
#include "profilebuilder.h"

#include "config/profile.h"
#include "config/settings.h"
#include "fixtures.h"
#include "store/paperstore.h"

#include <QDir>
#include <QFile>
#include <QSqlQuery>

namespace Lectern::Test {

ProfileBuilder::ProfileBuilder(QString profileDir)
    : m_dir(std::move(profileDir))
{ }

ProfileBuilder &ProfileBuilder::withPapers(const QList<Paper> &papers)
{
    m_papers += papers;
    return *this;
}

ProfileBuilder &ProfileBuilder::withScores(const QList<Score> &scores)
{
    m_scores += scores;
    return *this;
}

ProfileBuilder &ProfileBuilder::withSetting(QAnyStringView key, const QVariant &value)
{
    m_settings.append({key.toString(), value});
    return *this;
}

ProfileBuilder &ProfileBuilder::withPrompt(const QString &fileName, const QByteArray &text)
{
    m_prompts.append({fileName, text});
    return *this;
}

QString ProfileBuilder::build() const
{
    const Profile profile = Profile::inDirectory(m_dir);
    if (!m_settings.isEmpty()) {
        Settings settings(profile.settingsPath());
        for (const auto &[key, value] : m_settings) {
            if (const Result<void> r = settings.setValue(key, value); !r.ok())
                return QStringLiteral("setting %1: %2").arg(key, r.error());
        }
    }
    if (!m_papers.isEmpty() || !m_scores.isEmpty()) {
        // Into the store the settings name, as the binary will open it.
        auto store = PaperStore::open(profile.storeFor(Settings(profile.settingsPath())).toString());
        if (!store)
            return store.error();
        if (const auto r = store.value()->upsertPapers(m_papers); !r.ok())
            return r.error();
        for (const Score &s : m_scores) {
            if (const Result<void> r = store.value()->addScore(s); !r.ok())
                return QStringLiteral("score of %1: %2").arg(s.arxivId, r.error());
        }
    }
    for (const auto &[name, text] : m_prompts) {
        const QString dir = QDir(m_dir).filePath(QStringLiteral("prompts"));
        QFile f(QDir(dir).filePath(name));
        if (!QDir().mkpath(dir) || !f.open(QIODevice::WriteOnly) || f.write(text) != text.size())
            return QStringLiteral("cannot write %1: %2").arg(f.fileName(), f.errorString());
    }
    return {};
}

QList<Paper> numberedPapers(int count, const QDate &day, int first)
{
    QList<Paper> papers;
    for (int i = first; i < first + count; ++i)
        papers << makePaper(QStringLiteral("2611.%1").arg(i, 5, 10, QChar(u'0')), 1, day);
    return papers;
}

QVariant scalar(const QString &databasePath, const QString &sql)
{
    auto store = PaperStore::open(databasePath);
    if (!store)
        return {};
    QSqlQuery q(store.value()->database().sql());
    if (!q.exec(sql) || !q.next())
        return {};
    return q.value(0);
}

} // namespace Lectern::Test
