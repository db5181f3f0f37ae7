// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "domain/paper.h"
#include "domain/score.h"
#include "scoring/scoringprovider.h"

#include <QDateTime>
#include <QList>
#include <QStringList>

namespace Lectern {

/// The Score rows one provider reply yields, for direct scoring and provider batches alike. Replies are
/// not trusted: verdicts for ids outside the batch are dropped, marks must be whole numbers 1 to 10, an id
/// given two different verdicts keeps neither (conflicting(): asked again on its own). Every row (scored or
/// not) carries an equal share of the request's tokens and cost.
class ReplyScores final
{
public:
    ReplyScores(const QList<Paper> &batch, const BatchResult &result, QString model, QString promptHash,
        double cost, QDateTime scoredAt);

    /// Rows with marks, in batch order.
    [[nodiscard]] const QList<Score> &scored() const { return m_scored; }
    /// Papers of the batch without a valid verdict.
    [[nodiscard]] const QList<Paper> &missing() const { return m_missing; }
    /// Papers the reply gave two different verdicts.
    [[nodiscard]] const QList<Paper> &conflicting() const { return m_conflicting; }
    /// What validation dropped, for the user.
    [[nodiscard]] const QStringList &warnings() const { return m_warnings; }
    /// A row without marks for a paper of the batch, saying @p why.
    [[nodiscard]] Score unscored(const Paper &paper, const QString &why) const;

private:
    Score row(const Paper &paper) const;

    QString m_model;
    QString m_hash;
    QDateTime m_scoredAt;
    TokenUsage m_usage;
    double m_cost = 0;
    qint64 m_papers = 1;
    QList<Score> m_scored;
    QList<Paper> m_missing;
    QList<Paper> m_conflicting;
    QStringList m_warnings;
};

} // namespace Lectern
