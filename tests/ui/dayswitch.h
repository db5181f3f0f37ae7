// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "ui/daypresenter.h"
#include "ui/mainwindow.h"

#include <testkit/windowparts.h>

#include <QSignalSpy>

#include <functional>

namespace Lectern::Test {

/// Runs @p step (a switch of day: showDay(), previous or next day) in @p w and waits until the day it asked
/// for is in the table: a worker reads a day's papers. True at once when the step asked for nothing new.
inline bool switchDayAndWait(MainWindow &w, const std::function<void()> &step, int timeoutMs = 20000)
{
    QSignalSpy shown(Test::days(w), &DayPresenter::dayShown);
    step();
    if (!Test::days(w)->isLoadingDay())
        return true;
    return shown.wait(timeoutMs);
}

/// showDay(@p day) in @p w, then waits for its papers.
inline bool showDayAndWait(MainWindow &w, const QDate &day, int timeoutMs = 20000)
{
    return switchDayAndWait(
        w, [&] { Test::days(w)->showDay(day); }, timeoutMs);
}

} // namespace Lectern::Test
