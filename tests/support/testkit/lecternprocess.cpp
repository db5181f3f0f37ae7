// SPDX-License-Identifier: GPL-3.0-or-later
#include "lecternprocess.h"

#include <QProcess>
#include <QTest>

#include <array>

namespace Lectern::Test {

namespace {

/// What takes precedence over LANG for the language of messages.
constexpr std::array kLanguageOverrides = {"LANGUAGE", "LC_ALL", "LC_MESSAGES"};

} // namespace

void useLanguage(const char *lang)
{
    qputenv("LANG", lang);
    for (const char *name : kLanguageOverrides)
        qunsetenv(name);
}

QProcessEnvironment headlessEnvironment()
{
    QProcessEnvironment e = QProcessEnvironment::systemEnvironment();
    for (const char *name : {"DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM", "OPENAI_API_KEY",
             "ANTHROPIC_API_KEY", "LECTERN_API_KEY", "LECTERN_PROFILE", "SEMANTIC_SCHOLAR_API_KEY"})
        e.remove(QString::fromLatin1(name));
    // The command line speaks the user's language; tests read English unless they ask for another.
    for (const char *name : kLanguageOverrides)
        e.remove(QString::fromLatin1(name));
    e.insert(QStringLiteral("LANG"), QStringLiteral("C.UTF-8"));
    return e;
}

std::unique_ptr<QProcess> startLectern(const QStringList &args, const QProcessEnvironment &env)
{
    auto p = std::make_unique<QProcess>();
    p->setProcessEnvironment(env);
    p->start(QStringLiteral(LECTERN_BINARY), args);
    return p;
}

LecternRun runLectern(const QStringList &args, const QProcessEnvironment &env, int timeoutMs)
{
    const std::unique_ptr<QProcess> started = startLectern(args, env);
    QProcess &p = *started;
    // qWaitFor, not waitForFinished: this thread's events must keep turning for a loopback server here.
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
