// SPDX-License-Identifier: GPL-3.0-or-later
// A QtTest binary for test_skipreport: one function passes, one skips, one fails when
// LECTERN_SKIP_SAMPLE_FAIL is set (and passes otherwise).
#include <QTest>

class SkipSample : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void passes() { QVERIFY(true); }
    void skips() { QSKIP("sample skip; with [brackets] and a \\backslash"); }
    void failsWhenAsked() { QVERIFY(qEnvironmentVariableIsEmpty("LECTERN_SKIP_SAMPLE_FAIL")); }
};

QTEST_GUILESS_MAIN(SkipSample)
#include "skipsample.moc"
