// SPDX-License-Identifier: GPL-3.0-or-later
#include "fixtures.h"

#include <QFile>

namespace Lectern::Test {

Paper makePaper(const QString &id, int version, const QDate &announced, const QString &announceType)
{
    Paper p;
    p.arxivId = id;
    p.version = version;
    p.title = QStringLiteral("Synthetic study %1 of sparse widget routing").arg(id);
    p.authors = {
        QStringLiteral("Ada Example"), QStringLiteral("Bo Placeholder (Nowhere Institute, Room 1, Floor 2)")};
    p.abstract = QStringLiteral("We study widget routing number %1 and find that it routes widgets.").arg(id);
    p.categories = {QStringLiteral("cs.LG"), QStringLiteral("cs.AI")};
    p.primaryCategory = QStringLiteral("cs.LG");
    p.announceType = announceType;
    p.announced = announced;
    return p;
}

Score makeScore(const Paper &paper, int relevance, int novelty, const QString &promptHash)
{
    Score s;
    s.arxivId = paper.arxivId;
    s.version = paper.version;
    s.relevance = relevance;
    s.novelty = novelty;
    s.comment = QStringLiteral("Matches topic 1.");
    s.model = QStringLiteral("test-model");
    s.promptHash = promptHash;
    s.promptTokens = 120;
    s.completionTokens = 30;
    s.cost = 0.0004;
    s.scoredAt = QDateTime(QDate(2026, 11, 23), QTime(8, 0), QTimeZone::UTC);
    return s;
}

QByteArray fixture(const QString &relativePath)
{
    QFile f(QStringLiteral(LECTERN_TEST_FIXTURES "/") + relativePath);
    if (!f.open(QIODevice::ReadOnly))
        qFatal("missing test fixture %s", qPrintable(f.fileName()));
    return f.readAll();
}

TempProfileDir::TempProfileDir()
    : m_dir(QDir::tempPath() + QStringLiteral("/lectern-test-XXXXXX"))
{ }

} // namespace Lectern::Test
