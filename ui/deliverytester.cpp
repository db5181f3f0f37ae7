// SPDX-License-Identifier: GPL-3.0-or-later
#include "deliverytester.h"

#include "delivery/deliveryjob.h"

#include <QPushButton>

namespace Lectern {

DeliveryTester::DeliveryTester(QWidget *parent)
    : JobButton(tr("Send test"), QStringLiteral("sendDeliveryTest"), parent)
{
    button()->setToolTip(tr("Send the latest day's digest by every enabled channel now, as a test"));
}

void DeliveryTester::start(DeliveryRequest request)
{
    // Marked as a test: the latest day, sent even when delivered before, not recorded.
    request.test = true;
    run(new DeliveryJob(std::move(request)), tr("Sending…"));
}

} // namespace Lectern
