// SPDX-License-Identifier: GPL-3.0-or-later
#include "logging.h"

Q_LOGGING_CATEGORY(lcStore, "lectern.store", QtInfoMsg)
Q_LOGGING_CATEGORY(lcFetch, "lectern.fetch", QtInfoMsg)
Q_LOGGING_CATEGORY(lcLlm, "lectern.llm", QtInfoMsg)
Q_LOGGING_CATEGORY(lcApp, "lectern.app", QtInfoMsg)
