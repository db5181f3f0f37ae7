// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/translations.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QStandardPaths>
#include <QTranslator>

namespace Lectern {

namespace {

bool install(const QLocale &locale, const QString &name, const QString &dir)
{
    // Owned by the application: a translator must outlive every tr() call.
    auto *translator = new QTranslator(QCoreApplication::instance());
    if (translator->load(locale, name, QStringLiteral("_"), dir) &&
        QCoreApplication::installTranslator(translator))
        return true;
    delete translator;
    return false;
}

} // namespace

bool installTranslations(const QLocale &locale)
{
    // Qt's catalogue is optional (Debian: qt6-translations-l10n); without it Qt's own buttons stay English.
    install(locale, QStringLiteral("qtbase"), QLibraryInfo::path(QLibraryInfo::TranslationsPath));
    // qtkeychain's errors reach Settings (a key that could not be saved); its catalogue lives in the data
    // folders (Debian: /usr/share/qt6keychain/translations), not Qt's.
    if (const QString keychain = QStandardPaths::locate(QStandardPaths::GenericDataLocation,
            QStringLiteral("qt6keychain/translations"), QStandardPaths::LocateDirectory);
        !keychain.isEmpty())
        install(locale, QStringLiteral("qtkeychain"), keychain);
    if (install(locale, QStringLiteral("lectern"), QStringLiteral(":/i18n")))
        return true;
    // A language Lectern does not speak gets the English texts, with English plurals ("1 paper").
    install(QLocale(QLocale::English), QStringLiteral("lectern"), QStringLiteral(":/i18n"));
    return false;
}

} // namespace Lectern
