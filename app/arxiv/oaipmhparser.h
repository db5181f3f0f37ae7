// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "domain/paper.h"
#include "util/result.h"

#include <QByteArray>
#include <QDate>
#include <QList>

namespace Lectern {

struct OaiRecord
{
    Paper paper; ///< version 1: the arXiv metadata format has no version numbers; a later feed or look-up
                 ///< corrects it
    QDate datestamp; ///< last change of the record: Lectern's approximation of the announcement day
    QDate created;
    QDate updated; ///< invalid for a first version
    bool deleted = false;
};

/// One ListRecords page of arXiv's OAI-PMH in the "arXiv" metadata format.
struct OaiPage
{
    QList<OaiRecord> records;
    QString resumptionToken; ///< empty on the last page
    QString errorCode; ///< OAI error code; "noRecordsMatch" is an empty window, not a failure
    QString errorMessage;
};

class OaiPmhParser final
{
public:
    [[nodiscard]] static Result<OaiPage> parse(const QByteArray &xml);
};

} // namespace Lectern
