// SPDX-License-Identifier: GPL-3.0-or-later
#include "connectiontester.h"

#include "net/safeurl.h"
#include "scoring/connectiontestjob.h"

#include <QPushButton>

namespace Lectern {

ConnectionTester::ConnectionTester(QWidget *parent)
    : JobButton(tr("Test connection"), QStringLiteral("testConnection"), parent)
{
    button()->setToolTip(tr("List the server's models with these settings (free; no paper is sent)"));
}

void ConnectionTester::start(const LlmConfig &config)
{
    run(new ConnectionTestJob(config), tr("Connecting to %1…").arg(SafeUrl::forDisplay(config.baseUrl)));
}

} // namespace Lectern
