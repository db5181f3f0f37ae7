// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QProcessEnvironment>
#include <QString>
#include <QStringList>

#include <memory>

class QProcess;

namespace Lectern::Test {

/// What a run of the real `lectern` binary did.
struct LecternRun
{
    int code = -1; ///< exit code; -1 timed out, -2 crashed
    QString out;
    QString err;
    QByteArray rawOut; ///< stdout as bytes (exports to stdout)
};

/// This test process speaks @p lang (a LANG value) as a desktop session of that language would: LANG set,
/// and LANGUAGE, LC_ALL and LC_MESSAGES, which would take precedence over it, removed. Before QApplication.
void useLanguage(const char *lang);

/// The environment of a headless run: no display, no platform, no API keys from the developer's shell, and
/// English (LANG=C.UTF-8, no LANGUAGE, LC_ALL or LC_MESSAGES), whatever the developer's language.
QProcessEnvironment headlessEnvironment();

/// Runs `lectern` with @p args (as a user or a cron job would) while this thread keeps processing its
/// events, so that a LoopbackHttpServer on this thread answers it.
LecternRun runLectern(
    const QStringList &args, const QProcessEnvironment &env = headlessEnvironment(), int timeoutMs = 60000);

/// Starts `lectern` with @p args and returns at once, for a test that acts while it runs (kills it
/// mid-fetch). runLectern() is this plus waiting for the end.
std::unique_ptr<QProcess> startLectern(
    const QStringList &args, const QProcessEnvironment &env = headlessEnvironment());

} // namespace Lectern::Test
