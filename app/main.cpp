// SPDX-License-Identifier: GPL-3.0-or-later
// Starts the window, or with a command runs headless (no display needed).
#include "cli/cli.h"
#include "config/profile.h"
#include "config/settings.h"
#include "delivery/deliverysecrets.h"
#include "export/exportcommand.h"
#include "store/storepasswords.h"
#include "ui/firstrunwizard.h"
#include "ui/jobcontroller.h"
#include "ui/keyringstore.h"
#include "ui/mainwindow.h"
#include "ui/translations.h"

#include <QApplication>
#include <QCoreApplication>
#include <QGuiApplication>
#include <QIcon>
#include <QMessageBox>
#include <QTextStream>

#include <cstdio>

namespace {

void describeApplication()
{
    QCoreApplication::setOrganizationName(QStringLiteral("lectern"));
    QCoreApplication::setApplicationName(QStringLiteral("lectern"));
    QCoreApplication::setApplicationVersion(QStringLiteral(LECTERN_VERSION));
}

QStringList argumentsOf(int argc, char **argv)
{
    QStringList args;
    for (int i = 0; i < argc; ++i)
        args << QString::fromLocal8Bit(argv[i]);
    return args;
}

} // namespace

int main(int argc, char **argv)
{
    const QStringList args = argumentsOf(argc, argv);
    if (Lectern::ExportCommand::matches(args)) {
        // PDF needs QtGui (fonts, QPdfWriter) but no display: the offscreen platform unless one is set.
        if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
            qputenv("QT_QPA_PLATFORM", "offscreen");
        QGuiApplication app(argc, argv);
        describeApplication();
        Lectern::installTranslations(); // messages only: the exported digest keeps its reference format
        QTextStream out(stdout);
        QTextStream err(stderr);
        return Lectern::ExportCommand(out, err).run(QCoreApplication::arguments());
    }
    if (Lectern::Cli::wantsCommand(args)) {
        QCoreApplication app(argc, argv);
        describeApplication();
        // Messages and reports in the user's language, as git does; what scripts read (JSON, CSV, exit
        // codes, the digest) does not change with it. Scripts that read the text set LC_ALL=C.
        Lectern::installTranslations();
        // `deliver` and `run` read the delivery secrets Settings ▸ Delivery put in the keyring (after the
        // environment and the key file); the keyring lives in the UI layer, so it is handed in from here.
        Lectern::DeliverySecrets::setKeyringReader(&Lectern::KeyringStore::readDeliverySecret);
        // And a PostgreSQL store's password Settings ▸ Store put there, when ~/.pgpass has none.
        Lectern::StorePasswords::setKeyringReader(&Lectern::KeyringStore::readStorePassword);
        QTextStream out(stdout);
        QTextStream err(stderr);
        return Lectern::Cli(out, err).run(QCoreApplication::arguments());
    }

    QApplication app(argc, argv);
    describeApplication();
    Lectern::installTranslations();
    QApplication::setApplicationDisplayName(QStringLiteral("Lectern"));
    QApplication::setDesktopFileName(QStringLiteral("io.github.lectern.Lectern"));
    QApplication::setWindowIcon(QIcon(QStringLiteral(":/icons/lectern.svg")));

    Lectern::Profile profile = Lectern::Profile::resolve(Lectern::Cli::profileArgument(args));
    if (const QString store = Lectern::Cli::storeArgument(args); !store.isEmpty() ||
        args.contains(QStringLiteral("--store")) || args.contains(QStringLiteral("--store="))) {
        // --store opens another store for this session; the settings keep theirs.
        const auto location = Lectern::StoreLocation::parseArgument(store);
        if (!location) {
            QMessageBox::critical(nullptr, QStringLiteral("Lectern"), location.error());
            return 2;
        }
        profile.useStoreForSession(*location);
    }
    if (auto r = profile.ensureExists(); !r) {
        QMessageBox::critical(nullptr, QStringLiteral("Lectern"), r.error());
        return 1;
    }
    bool fetchNow = false;
    {
        // First run: categories, topics and scorer before the window; cancelling opens it with defaults.
        Lectern::Settings settings(profile.settingsPath());
        if (!settings.flag(Lectern::Keys::UiFirstRunDone)) {
            Lectern::FirstRunWizard wizard(settings, profile.promptsDir());
            wizard.exec();
            fetchNow = wizard.fetchNow();
        }
    }
    Lectern::MainWindow window(profile);
    window.show();
    if (fetchNow)
        window.jobs()->fetchToday();
    return app.exec();
}
