// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "jobbutton.h"

namespace Lectern {

struct DeliveryRequest;

/// "Send test" for the digest's delivery: runs a DeliveryJob marked as a test (the latest day, sent even
/// when delivered before, not recorded) on a worker thread and shows what each channel did beside the
/// button, which stays disabled meanwhile. The window never waits on it.
class DeliveryTester final : public JobButton
{
    Q_OBJECT
public:
    explicit DeliveryTester(QWidget *parent = nullptr);

    void start(DeliveryRequest request);
};

} // namespace Lectern
