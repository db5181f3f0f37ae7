// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "jobs/job.h"
#include "store/storecopy.h"
#include "store/storelocation.h"

namespace Lectern {

/// StoreCopy as a Job: opens both stores on the job's thread, copies chunk by chunk with progress, stops
/// between chunks when cancelled. Its result is the StoreCopySummary, also when cancelled.
class StoreCopyJob final : public Job
{
    Q_OBJECT
public:
    StoreCopyJob(StoreLocation from, StoreLocation to, int chunkSize = StoreCopy::DefaultChunkSize);

protected:
    Result<QString> run() override;

private:
    StoreLocation m_from;
    StoreLocation m_to;
    int m_chunkSize;
};

} // namespace Lectern
