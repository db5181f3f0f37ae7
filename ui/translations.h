// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QLocale>

namespace Lectern {

/// Installs Lectern's translation for @p locale (compiled into :/i18n) and, when the system has them, Qt's
/// own (qtbase: standard buttons, dialogs, network errors) and qtkeychain's. The default locale is the
/// system's: LANGUAGE, LC_ALL, LC_MESSAGES and LANG on Linux. Call once, after the application object and
/// before any window is built, since texts are translated when the widgets are made. Returns whether
/// Lectern has a translation for @p locale (English counts: it supplies the English plural forms);
/// otherwise English is installed.
bool installTranslations(const QLocale &locale = QLocale());

} // namespace Lectern
