// SPDX-License-Identifier: GPL-3.0-or-later
#include "cli/commandcontext.h"

#include "arxiv/fetchjob.h"
#include "jobs/job.h"
#include "store/paperstore.h"
#include "store/storepasswords.h"

#include <QCoreApplication>

namespace Lectern {

CommandContext::CommandContext(
    QTextStream &out, QTextStream &err, const QString &profileDir, const QString &program)
    : m_out(out)
    , m_err(err)
    , m_program(program)
    , m_profile(Profile::resolve(profileDir))
    , m_settings(m_profile.settingsPath())
{
    m_profile.useStore(m_profile.storeFor(m_settings));
}

CommandContext::~CommandContext() = default;

int CommandContext::usageError(const QString &message)
{
    m_err << m_program << ": " << message << "\n"
          << QCoreApplication::translate("Lectern::Cli", "Try '%1 --help'.").arg(m_program) << "\n";
    m_err.flush();
    return Usage;
}

int CommandContext::failure(const QString &message)
{
    m_err << m_program << ": " << message << "\n";
    return Failure;
}

void CommandContext::warn(const QStringList &warnings)
{
    for (const QString &w : warnings)
        m_err << "warning: " << w << "\n";
}

bool CommandContext::createProfile()
{
    if (auto r = m_profile.ensureExists(); !r) {
        failure(r.error());
        return false;
    }
    return true;
}

Settings &CommandContext::settings()
{
    if (!m_problemsTold) {
        m_problemsTold = true;
        warn(m_settings.problems());
    }
    return m_settings;
}

PaperStore *CommandContext::store()
{
    if (!m_store) {
        auto opened = PaperStore::open(m_profile.store());
        // A password the window keeps in the keyring serves the command line too, when ~/.pgpass has none.
        if (!opened && StorePasswords::loadFromKeyringWhenAsked(StoreLocation::parse(m_profile.store())))
            opened = PaperStore::open(m_profile.store());
        if (!opened) {
            failure(opened.error());
            return nullptr;
        }
        m_store = std::move(opened).value();
    }
    return m_store.get();
}

PaperStore *CommandContext::openProfileStore()
{
    if (!createProfile())
        return nullptr;
    (void)settings();
    return store();
}

void CommandContext::closeStore()
{
    m_store.reset();
}

bool CommandContext::resolveDay(QDate &day, const char *whenEmpty)
{
    if (day.isValid())
        return true;
    PaperStore *opened = store();
    if (!opened)
        return false;
    auto latest = opened->latestDay();
    if (!latest) {
        failure(latest.error());
        return false;
    }
    if (!latest->has_value()) {
        failure(QString::fromUtf8(whenEmpty) + u'.');
        return false;
    }
    day = **latest;
    return true;
}

bool CommandContext::parseDate(const QString &text, QDate &day)
{
    if (text.isEmpty())
        return true;
    day = text == u"today" ? FetchRequest::arxivToday() : QDate::fromString(text, Qt::ISODate);
    if (!day.isValid()) {
        usageError(
            QCoreApplication::translate("Lectern::Cli", "--date wants today or YYYY-MM-DD, not \"%1\".")
                .arg(text));
        return false;
    }
    return true;
}

int CommandContext::runJob(Job &job, JobOutcome *result)
{
    QObject::connect(&job, &Job::progress, &job, [this](const JobProgress &p) {
        if (p.total > 0)
            m_out << "[" << p.done << "/" << p.total << "] ";
        m_out << p.message << "\n";
        m_out.flush();
    });
    const JobOutcome outcome = job.execute();
    if (result)
        *result = outcome;
    if (!outcome.ok())
        return failure(outcome.message);
    m_out << outcome.message << "\n";
    return Ok;
}

} // namespace Lectern
