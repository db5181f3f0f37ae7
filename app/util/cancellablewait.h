// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <atomic>

namespace Lectern {

/// Waits @p ms while the calling thread keeps processing its events (a worker's network replies, a test's
/// loopback server), returning early with false when @p cancel becomes true.
bool cancellableWait(int ms, const std::atomic_bool *cancel);

} // namespace Lectern
