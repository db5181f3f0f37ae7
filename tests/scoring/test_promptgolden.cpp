// SPDX-License-Identifier: GPL-3.0-or-later
// Golden files of the default prompts as they are sent: the scoring request and the title pre-filter
// request for two synthetic papers, with their hashes (a changed hash means every cached score is stale).
// LECTERN_UPDATE_GOLDEN=1 (the update_golden target) rewrites them after an intended change.
#include "scoring/prompttemplate.h"
#include "scoring/scoringprovider.h"

#include <testkit/fixtures.h>
#include <testkit/golden.h>

#include <QTest>

using namespace Lectern;

namespace {

QList<Paper> twoPapers()
{
    Paper a = Test::makePaper(QStringLiteral("2611.00001"));
    a.title = QStringLiteral("Change-Ringing Methods as Hamiltonian Cycles");
    a.authors = {QStringLiteral("Maren Óskarsdóttir"), QStringLiteral("Tomás D\\'iaz")};
    a.abstract = QStringLiteral("We count the extents of $n$ bells and show <b>markup</b> stays text.");
    Paper b = Test::makePaper(QStringLiteral("2611.00002"));
    b.title = QStringLiteral("Lichens on Tide Clocks");
    return {a, b};
}

/// The request as the provider sends it, in the order it sends it, with its hash.
QByteArray asSent(const RenderedPrompt &r)
{
    return QStringLiteral("=== hash\n%1\n=== system\n%2\n=== instructions\n%3\n=== papers\n%4\n")
        .arg(r.hash, r.system, r.instructions, r.papers)
        .toUtf8();
}

} // namespace

class TestPromptGolden : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void scoringRequest()
    {
        LECTERN_VERIFY_GOLDEN(QStringLiteral("scoring/golden/prompt-scoring.txt"),
            asSent(PromptTemplate::defaults().render(twoPapers())));
    }

    void titleFilterRequest()
    {
        LECTERN_VERIFY_GOLDEN(QStringLiteral("scoring/golden/prompt-title-filter.txt"),
            asSent(PromptTemplate::defaults().renderTitleFilter(twoPapers())));
    }
};

QTEST_GUILESS_MAIN(TestPromptGolden)
#include "test_promptgolden.moc"
