// SPDX-License-Identifier: GPL-3.0-or-later
// `bench generate`: a synthetic library of a chosen size, for the benchmarks and for trying the window at
// scale.
#include "cli/commandcontext.h"
#include "cli/commands.h"
#include "library/librarygenerator.h"
#include "store/paperstore.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFileInfo>

namespace Lectern {

int benchCommand(CommandContext &context, const QStringList &args, const QCommandLineParser &options)
{
    const QString usage =
        QCoreApplication::translate("Lectern::Cli", "usage: lectern bench generate --papers N [--seed S]");
    if (args.size() != 1 || args.first() != u"generate")
        return context.usageError(usage);
    bool ok = false;
    LibraryGenerator::Options generate;
    generate.papers = options.value(QStringLiteral("papers")).toInt(&ok);
    if (!ok || generate.papers < 1 || generate.papers > 5'000'000)
        return context.usageError(
            QCoreApplication::translate("Lectern::Cli", "--papers takes a number from 1 to 5000000; ") +
            usage);
    if (options.isSet(QStringLiteral("seed"))) {
        generate.seed = options.value(QStringLiteral("seed")).toULongLong(&ok);
        if (!ok)
            return context.usageError(
                QCoreApplication::translate("Lectern::Cli", "--seed takes a whole number; ") + usage);
    }
    if (!context.createProfile())
        return CommandContext::Failure;
    PaperStore *store = context.store();
    if (!store)
        return CommandContext::Failure;
    // Into an empty database only: mixed with real papers the figures would mean nothing.
    auto before = store->stats();
    if (!before)
        return context.failure(before.error());
    if (before->papers > 0)
        return context.failure(QCoreApplication::translate("Lectern::Cli",
            "the profile's database already holds %1 papers; generate into a new profile "
            "(--profile DIR)")
                                   .arg(before->papers));
    QElapsedTimer clock;
    clock.start();
    QTextStream &out = context.out();
    int lastShown = -10;
    auto written = LibraryGenerator(generate).write(*store, [&](int done, int all) {
        const int percent = 100 * done / all;
        if (percent / 10 != lastShown / 10) {
            lastShown = percent;
            out << QStringLiteral("  %1 of %2 days\n").arg(done).arg(all);
            out.flush();
        }
    });
    if (!written)
        return context.failure(written.error());
    if (auto optimized = store->optimizeSearchIndex(); !optimized)
        return context.failure(optimized.error());
    const qint64 ms = clock.elapsed();
    auto after = store->stats();
    if (!after)
        return context.failure(after.error());
    const QLocale c = QLocale::c();
    out << QCoreApplication::translate("Lectern::Cli",
        "generated %1 papers on %2 days (%3 listings, %4 scores, %5 starred, %6 notes) in "
        "%7 s; database %8\n")
               .arg(written->papers)
               .arg(written->days)
               .arg(written->listings)
               .arg(written->scores)
               .arg(written->starred)
               .arg(written->notes)
               .arg(double(ms) / 1000.0, 0, 'f', 1)
               .arg(c.formattedDataSize(after->fileSize));
    return CommandContext::Ok;
}

} // namespace Lectern
