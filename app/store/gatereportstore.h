// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "domain/gatereport.h"
#include "util/clock.h"
#include "util/result.h"

#include <QDate>

#include <optional>

namespace Lectern {

class Database;

/// The gate_reports table (schema 10; the model's expected recall since migration 0021): the hybrid gate's
/// report of each day, the latest run's.
class GateReportStore final
{
public:
    /// @p clock stamps what is written.
    explicit GateReportStore(Database &db, const Clock &clock = Clock::system());

    Result<void> save(const GateReport &report);
    /// Replaces the day's gate members (gate_members, schema 11).
    Result<void> saveMembers(const QDate &day, const GateMembers &members);
    /// The day's gate members; empty when no hybrid run decided a gate for it.
    [[nodiscard]] Result<std::optional<GateMembers>> loadMembers(const QDate &day);
    [[nodiscard]] Result<std::optional<GateReport>> load(const QDate &day);

private:
    Database &m_db;
    const Clock &m_clock;
};

} // namespace Lectern
