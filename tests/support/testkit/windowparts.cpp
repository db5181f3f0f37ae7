// SPDX-License-Identifier: GPL-3.0-or-later
#include "windowparts.h"

#include "models/paperfilterproxy.h"
#include "models/paperstatehub.h"
#include "models/papertablemodel.h"
#include "store/storechangelistener.h"
#include "ui/comparerunsdialog.h"
#include "ui/daycalendar.h"
#include "ui/daypresenter.h"
#include "ui/detailpane.h"
#include "ui/digestview.h"
#include "ui/exportcontroller.h"
#include "ui/filterbar.h"
#include "ui/importcontroller.h"
#include "ui/joberrorbar.h"
#include "ui/noteeditor.h"
#include "ui/providerbatchcontroller.h"
#include "ui/readerview.h"
#include "ui/runnotifier.h"
#include "ui/scorechartview.h"
#include "ui/triagecontroller.h"

#include <QLabel>
#include <QTabWidget>
#include <QTableView>
#include <QTest>

namespace Lectern::Test {

QObject *findPart(const QObject &root, const QMetaObject &type, const QString &name)
{
    QList<QObject *> found;
    for (QObject *child : root.findChildren<QObject *>(name, Qt::FindChildrenRecursively)) {
        if (type.cast(child))
            found << child;
    }
    if (found.size() != 1) {
        qFatal("Test::findPart: %lld %s named \"%s\" under %s \"%s\" (expected one); was its objectName "
               "changed?",
            qlonglong(found.size()), type.className(), qPrintable(name), root.metaObject()->className(),
            qPrintable(root.objectName()));
    }
    return found.front();
}

QTableView *paperView(const QObject &window)
{
    return part<QTableView>(window, QStringLiteral("paperTable"));
}

PaperTableModel *paperModel(const QObject &window)
{
    return part<PaperTableModel>(window, QStringLiteral("paperModel"));
}

PaperFilterProxy *paperProxy(const QObject &window)
{
    return part<PaperFilterProxy>(window, QStringLiteral("paperProxy"));
}

PaperStateHub *paperStateHub(const QObject &window)
{
    return part<PaperStateHub>(window, QStringLiteral("paperStateHub"));
}

ReaderView *reader(const QObject &window)
{
    return part<ReaderView>(window, QStringLiteral("readerView"));
}

DetailPane *detailPane(const QObject &window)
{
    return part<DetailPane>(window, QStringLiteral("detailPane"));
}

NoteEditor *noteEditor(const QObject &window)
{
    return part<NoteEditor>(window, QStringLiteral("noteEditor"));
}

TriageController *triage(const QObject &window)
{
    return part<TriageController>(window, QStringLiteral("triageController"));
}

DigestView *digestView(const QObject &window)
{
    return part<DigestView>(window, QStringLiteral("digestView"));
}

QTabWidget *tabs(const QObject &window)
{
    return part<QTabWidget>(window, QStringLiteral("mainTabs"));
}

FilterBar *filterBar(const QObject &window)
{
    return part<FilterBar>(window, QStringLiteral("filterBar"));
}

ScoreChartView *scoreChart(const QObject &window)
{
    return part<ScoreChartView>(window, QStringLiteral("scoreChart"));
}

DayPresenter *days(const QObject &window)
{
    return part<DayPresenter>(window, QStringLiteral("dayPresenter"));
}

DayCalendar *dayCalendar(const QObject &window)
{
    return part<DayCalendar>(window, QStringLiteral("dayCalendar"));
}

JobErrorBar *jobErrorBar(const QObject &window)
{
    return part<JobErrorBar>(window, QStringLiteral("jobErrorBar"));
}

QLabel *profileProblems(const QObject &window)
{
    return part<QLabel>(window, QStringLiteral("profileProblems"));
}

ExportController *exporter(const QObject &window)
{
    return part<ExportController>(window, QStringLiteral("exportController"));
}

ImportController *importer(const QObject &window)
{
    return part<ImportController>(window, QStringLiteral("importController"));
}

ProviderBatchController *providerBatches(const QObject &window)
{
    return part<ProviderBatchController>(window, QStringLiteral("providerBatchController"));
}

RunNotifier *runNotifier(const QObject &window)
{
    return part<RunNotifier>(window, QStringLiteral("runNotifier"));
}

StoreChangeListener *storeChanges(const QObject &window)
{
    return part<StoreChangeListener>(window, QStringLiteral("storeChangeListener"));
}

bool waitForDay(const QObject &window, int timeoutMs)
{
    const DayPresenter *presenter = days(window);
    return QTest::qWaitFor(
        [presenter] {
            return !presenter->isReloading() && !presenter->isLoadingDay() && !presenter->isReadingTags();
        },
        timeoutMs);
}

CompareRunsDialog *compareRunsDialog(const QObject &window)
{
    return part<CompareRunsDialog>(window, QStringLiteral("compareRunsDialog"));
}

} // namespace Lectern::Test
