// SPDX-License-Identifier: GPL-3.0-or-later
#include "lecternprocess.h"

#include <QProcess>
#include <QTest>

namespace Lectern::Test {

QProcessEnvironment headlessEnvironment()
{
    QProcessEnvironment e = QProcessEnvironment::systemEnvironment();
    for (const char *name : {"DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM", "OPENAI_API_KEY",
             "ANTHROPIC_API_KEY", "LECTERN_API_KEY", "LECTERN_PROFILE", "SEMANTIC_SCHOLAR_API_KEY"})
        e.remove(QString::fromLatin1(name));
    return e;
}

LecternRun runLectern(const QStringList &args, const QProcessEnvironment &env, int timeoutMs)
{
    QProcess p;
    p.setProcessEnvironment(env);
    p.start(QStringLiteral(LECTERN_BINARY), args);
    if (!QTest::qWaitFor([&] { return p.state() == QProcess::NotRunning; }, timeoutMs)) {
        p.kill();
        p.waitForFinished();
        return {};
    }
    LecternRun run;
    run.code = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -2;
    run.rawOut = p.readAllStandardOutput();
    run.out = QString::fromUtf8(run.rawOut);
    run.err = QString::fromUtf8(p.readAllStandardError());
    return run;
}

} // namespace Lectern::Test
