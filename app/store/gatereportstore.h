// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "domain/gatereport.h"
#include "util/clock.h"
#include "util/result.h"

#include <QDate>

#include <optional>

namespace Lectern {

class Database;

/// The gate_reports table (schema 10): the hybrid gate's report of each day, the latest run's.
class GateReportStore final
{
public:
    /// @p clock stamps what is written.
    explicit GateReportStore(Database &db, const Clock &clock = Clock::system());

    Result<void> save(const GateReport &report);
    [[nodiscard]] Result<std::optional<GateReport>> load(const QDate &day);

private:
    Database &m_db;
    const Clock &m_clock;
};

} // namespace Lectern
