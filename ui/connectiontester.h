// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "jobbutton.h"
#include "scoring/llmconfig.h"

namespace Lectern {

/// "Test connection" for the LLM scorer: runs the core connection test on a worker thread and shows
/// the outcome (with the model and the time taken) beside the button, which stays disabled meanwhile.
class ConnectionTester final : public JobButton
{
    Q_OBJECT
public:
    explicit ConnectionTester(QWidget *parent = nullptr);

    void start(const LlmConfig &config);
};

} // namespace Lectern
