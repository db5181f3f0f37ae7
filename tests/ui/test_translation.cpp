// SPDX-License-Identifier: GPL-3.0-or-later
// The German translation ships complete, and a German session (LANG=de_DE.UTF-8) gets a German window.
#include "arxiv/rssfeedparser.h"
#include "cli/cli.h"
#include "cli/commandtable.h"
#include "config/profile.h"
#include "config/settings.h"
#include "delivery/deliveryjob.h"
#include "digest/digesthtml.h"
#include "domain/gatereport.h"
#include "jobs/job.h"
#include "library/referencelist.h"
#include "scoring/batchscoring.h"
#include "scoring/hybridgate.h"
#include "scoring/llmproviders.h"
#include "scoring/pipeline/scoringsummary.h"
#include "scoring/scorecomments.h"
#include "store/paperstore.h"
#include "store/storecopyjob.h"
#include "ui/jobcontroller.h"
#include "ui/joberrorbar.h"
#include "ui/mainwindow.h"
#include "ui/settingsdialog.h"
#include "ui/translations.h"

#include <testkit/fixtures.h>
#include <testkit/lecternprocess.h>
#include <testkit/loopbackhttpserver.h>
#include <testkit/profilebuilder.h>
#include <testkit/windowparts.h>

#include <QAction>
#include <QApplication>
#include <QDialogButtonBox>
#include <QFile>
#include <QHash>
#include <QLibraryInfo>
#include <QLineEdit>
#include <QMenuBar>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QPushButton>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTabWidget>
#include <QTest>
#include <QTextStream>
#include <QTranslator>
#include <QXmlStreamReader>

using namespace Lectern;

namespace {

struct Message
{
    QString context;
    QString source;
    QStringList translations; // one, or one per plural form
    QString type; // "", "unfinished", "vanished", "obsolete"
    bool numerus = false;
};

QList<Message> readTs(const QString &path, QString *error)
{
    QList<Message> out;
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly)) {
        *error = f.errorString();
        return out;
    }
    QXmlStreamReader xml(&f);
    QString context;
    Message m;
    while (!xml.atEnd()) {
        xml.readNext();
        if (!xml.isStartElement())
            continue;
        const auto name = xml.name();
        if (name == u"name") {
            context = xml.readElementText();
        } else if (name == u"message") {
            m = Message {context, {}, {}, {}, xml.attributes().value(u"numerus") == u"yes"};
        } else if (name == u"source") {
            m.source = xml.readElementText();
        } else if (name == u"translation") {
            m.type = xml.attributes().value(u"type").toString();
            if (!m.numerus)
                m.translations << xml.readElementText();
            // Numerus forms follow as <numerusform> children.
            if (m.numerus) {
                while (xml.readNextStartElement())
                    m.translations << xml.readElementText();
            }
            out << m;
        }
    }
    if (xml.hasError())
        *error = xml.errorString() + QStringLiteral(" at line ") + QString::number(xml.lineNumber());
    return out;
}

QSet<QString> placeholders(const QString &text)
{
    static const QRegularExpression re(QStringLiteral("%(?:L?\\d+|n)"));
    QSet<QString> found;
    for (const auto &match : re.globalMatch(text))
        found.insert(match.captured());
    return found;
}

// "&File" has a mnemonic; "&&" is a literal ampersand and rich text's "&amp;"/"&nbsp;" are entities.
bool hasMnemonic(const QString &text)
{
    static const QRegularExpression re(QStringLiteral("(?<!&)&(?!&|[a-z]+;)\\w"));
    return re.match(text).hasMatch();
}

} // namespace

class TestTranslation : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void translationIsComplete_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<int>("atLeast");
        QTest::newRow("German") << QStringLiteral("lectern_de.ts") << 300;
        // English needs only its plural forms ("1 paper", "2 papers").
        QTest::newRow("English plurals") << QStringLiteral("lectern_en.ts") << 10;
    }

    void translationIsComplete()
    {
        QFETCH(QString, file);
        QFETCH(int, atLeast);
        QString error;
        const QList<Message> messages = readTs(QStringLiteral(LECTERN_TS_DIR "/") + file, &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QVERIFY(messages.size() >= atLeast);
        for (const Message &m : messages) {
            const QString where = m.context + QStringLiteral(": ") + m.source;
            QVERIFY2(m.type.isEmpty(), qPrintable(m.type + QStringLiteral(" entry — ") + where));
            // German and English both have two plural forms (one, other).
            QCOMPARE(m.translations.size(), m.numerus ? 2 : 1);
            for (const QString &t : m.translations) {
                QVERIFY2(!t.trimmed().isEmpty(), qPrintable(QStringLiteral("empty translation — ") + where));
                QVERIFY2(placeholders(t) == placeholders(m.source),
                    qPrintable(QStringLiteral("placeholders differ — ") + where + QStringLiteral(" → ") + t));
                QVERIFY2(hasMnemonic(m.source) == hasMnemonic(t),
                    qPrintable(
                        QStringLiteral("accelerator lost or added — ") + where + QStringLiteral(" → ") + t));
            }
        }
    }

    void englishHasItsPluralForms()
    {
        // What a language without a translation gets (installTranslations falls back to it).
        QTranslator english;
        QVERIFY(english.load(QLocale(QLocale::English), QStringLiteral("lectern"), QStringLiteral("_"),
            QStringLiteral(":/i18n")));
        QCOMPARE(english.translate("Lectern::DayListModel", "%n paper(s)", nullptr, 1),
            QStringLiteral("%n paper"));
        QCOMPARE(english.translate("Lectern::DayListModel", "%n paper(s)", nullptr, 2),
            QStringLiteral("%n papers"));
    }

    void windowIsGermanUnderAGermanLocale()
    {
        // main() set LANG=de_DE.UTF-8 before the application existed, as a German session does.
        QCOMPARE(QLocale::system().language(), QLocale::German);
        QVERIFY(installTranslations());

        Test::TempProfileDir dir;
        const QString built =
            Test::ProfileBuilder(dir.path()).withPapers(Test::numberedPapers(3, QDate(2026, 11, 23))).build();
        QVERIFY2(built.isEmpty(), qPrintable(built));
        MainWindow w(Profile::inDirectory(dir.path()));
        QVERIFY(Test::waitForDay(w));
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));

        QStringList menus;
        for (QAction *a : w.menuBar()->actions())
            menus << a->text();
        QVERIFY2(menus.contains(QStringLiteral("&Datei")), qPrintable(menus.join(u',')));
        QVERIFY2(menus.contains(QStringLiteral("&Ansicht")), qPrintable(menus.join(u',')));
        QVERIFY2(menus.contains(QStringLiteral("&Hilfe")), qPrintable(menus.join(u',')));

        auto *tabs = w.findChild<QTabWidget *>(QStringLiteral("mainTabs"));
        QVERIFY(tabs);
        // Distinct from the menu bar's mnemonics (&Datei takes Alt+D).
        QCOMPARE(tabs->tabText(0), QStringLiteral("&Lesen"));
        QCOMPARE(tabs->tabText(1), QStringLiteral("Di&gest"));

        auto *search = w.findChild<QLineEdit *>(QStringLiteral("searchField"));
        QVERIFY(search);
        QVERIFY2(search->placeholderText().startsWith(QStringLiteral("Suche")),
            qPrintable(search->placeholderText()));

        // No action of the window may still show an English text that has a German translation.
        QString error;
        QHash<QString, QString> german;
        for (const Message &m : readTs(QStringLiteral(LECTERN_TS_DIR "/lectern_de.ts"), &error))
            if (!m.numerus && m.translations.first() != m.source)
                german.insert(m.source, m.translations.first());
        QStringList english;
        for (QAction *a : w.findChildren<QAction *>())
            if (german.contains(a->text()))
                english << a->text();
        QVERIFY2(english.isEmpty(), qPrintable(english.join(u',')));
    }

    // Issue 15: the job messages came from the core in English, also in the German window. A fetch
    // against a port nobody listens on fails; the error bar says why in German.
    void aFailedJobSaysWhyInGerman()
    {
        QVERIFY(installTranslations());
        const quint16 port = Test::closedLoopbackPort();
        QVERIFY(port != 0);
        Test::TempProfileDir dir;
        const Profile profile = Profile::inDirectory(dir.path());
        {
            Settings settings(profile.settingsPath());
            QVERIFY(settings.setText(Keys::ArxivRssBase, QStringLiteral("http://127.0.0.1:%1/rss").arg(port))
                        .ok());
            QVERIFY(settings.setValue(Keys::ArxivMinIntervalMs, 0).ok());
            QVERIFY(settings.setValue(Keys::UiFirstRunDone, true).ok());
        }
        MainWindow w(profile);
        QVERIFY(Test::waitForDay(w));
        w.show();
        QSignalSpy finished(w.jobs()->runner(), &JobRunner::finished);
        w.jobs()->fetchToday();
        QVERIFY(finished.wait(60000));
        QVERIFY(Test::waitForDay(w));
        const QString message = Test::jobErrorBar(w)->message();
        QVERIFY2(message.contains(QStringLiteral("arXiv ist nicht erreichbar")), qPrintable(message));
        QVERIFY2(message.contains(QStringLiteral("fehlgeschlagen")), qPrintable(message));
        QVERIFY2(message.contains(QStringLiteral("nach 2 Versuchen")), qPrintable(message));
        QVERIFY2(!message.contains(QStringLiteral("could not be reached")), qPrintable(message));
    }

    // Qt's own words (a refused connection, a standard button) come from Qt's catalogue, which Debian ships
    // apart (qt6-translations-l10n); without it they stayed English in the German window and CLI.
    void qtsOwnMessagesAreGerman()
    {
        const QString catalogue =
            QLibraryInfo::path(QLibraryInfo::TranslationsPath) + QStringLiteral("/qtbase_de.qm");
        if (!QFile::exists(catalogue))
            QSKIP(qPrintable(QStringLiteral("Qt's German catalogue is not installed (%1); run "
                                            "packaging/install-deps.sh (qt6-translations-l10n)")
                                 .arg(catalogue)));
        QVERIFY(installTranslations());

        QDialogButtonBox buttons(QDialogButtonBox::Cancel);
        // The platform theme decides on a mnemonic (GNOME's "&Cancel", the plain theme's "Cancel").
        QCOMPARE(buttons.button(QDialogButtonBox::Cancel)->text().remove(u'&'), QStringLiteral("Abbrechen"));

        // The very text HttpClient puts into a fetch's error ("… nicht erreichbar: Verbindung verweigert").
        const quint16 port = Test::closedLoopbackPort();
        QVERIFY(port != 0);
        QNetworkAccessManager network;
        std::unique_ptr<QNetworkReply> reply(
            network.get(QNetworkRequest(QUrl(QStringLiteral("http://127.0.0.1:%1/").arg(port)))));
        QSignalSpy finished(reply.get(), &QNetworkReply::finished);
        QVERIFY(finished.wait(10000));
        QCOMPARE(reply->error(), QNetworkReply::ConnectionRefusedError);
        QVERIFY2(
            reply->errorString().contains(QStringLiteral("verweigert")), qPrintable(reply->errorString()));
    }

    // The Settings dialog's tooltips and empty fields' hints are the settings' descriptions, which live in
    // the core; they were English in the German window.
    void settingsTooltipsAreGerman()
    {
        QVERIFY(installTranslations());
        Test::TempProfileDir dir;
        Settings settings(Profile::inDirectory(dir.path()).settingsPath());
        SettingsDialog dialog(settings);
        auto *interval = dialog.findChild<QWidget *>(QString(Keys::ArxivMinIntervalMs));
        QVERIFY(interval);
        QCOMPARE(interval->toolTip(),
            QStringLiteral("Mindestabstand zwischen zwei Anfragen an arXiv in Millisekunden"));
        auto *contact = dialog.findChild<QLineEdit *>(QString(Keys::ArxivContact));
        QVERIFY(contact);
        QVERIFY2(contact->placeholderText().startsWith(QStringLiteral("Kontakt-E-Mail")),
            qPrintable(contact->placeholderText()));
        // A delivery channel's description names the channel in German too.
        auto *mail = dialog.findChild<QWidget *>(QStringLiteral("delivery/email/enabled"));
        QVERIFY(mail);
        QCOMPARE(mail->toolTip(), QStringLiteral("den Digest nach jedem Lauf per E-Mail senden"));
        // No editor keeps an English description.
        QStringList english;
        for (const SettingSpec &spec : Settings::registry()) {
            auto *editor = dialog.findChild<QWidget *>(spec.key);
            if (editor && editor->toolTip() == spec.description)
                english << spec.key;
        }
        QVERIFY2(english.isEmpty(), qPrintable(english.join(u',')));
    }

    // What else of the core reaches the window: a value the Settings dialog refuses, a feed that is not
    // one (the fetch's problem list).
    void coreErrorsAreGerman()
    {
        QVERIFY(installTranslations());
        Test::TempProfileDir dir;
        Settings settings(Profile::inDirectory(dir.path()).settingsPath());
        const Result<void> refused = settings.setText(Keys::ScoringBatchSize, QStringLiteral("abc"));
        QVERIFY(!refused.ok());
        QVERIFY2(refused.error().startsWith(
                     QStringLiteral("Ungültiger Wert „abc“ für scoring/batchSize: erwartet wird "
                                    "eine ganze Zahl")),
            qPrintable(refused.error()));
        const Result<RssFeed> feed = RssFeedParser::parse(QByteArray());
        QVERIFY(!feed.ok());
        QCOMPARE(feed.error(), QStringLiteral("Kein RSS-Feed: Das Dokument ist leer."));
    }

    // Issue 15: the store's errors were English in the German window. What Lectern was doing is said in
    // German; the driver's own words ("no such table") stay as they are.
    void storeErrorsAreGerman()
    {
        QVERIFY(installTranslations());
        Test::TempProfileDir dir;
        auto store = PaperStore::open(dir.databasePath());
        QVERIFY2(store, qPrintable(store.error()));
        {
            // Another program took the tags' table away under the open store.
            QSqlDatabase other =
                QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("other"));
            other.setDatabaseName(dir.databasePath());
            QVERIFY(other.open());
            QSqlQuery drop(other);
            QVERIFY2(drop.exec(QStringLiteral("DROP TABLE paper_tags")), qPrintable(drop.lastError().text()));
            other.close();
        }
        QSqlDatabase::removeDatabase(QStringLiteral("other"));
        const Result<QStringList> tags = store.value()->allTags();
        QVERIFY(!tags);
        QVERIFY2(tags.error().startsWith(
                     QStringLiteral("Datenbankfehler beim Versuch, die Schlagwörter aufzulisten: ")),
            qPrintable(tags.error()));
        QVERIFY2(tags.error().contains(QStringLiteral("paper_tags")), qPrintable(tags.error()));
    }

    // A delivery's result: a JSON webhook that answers 404 fails, and the job says so in German.
    void aDeliveryFailureIsGerman()
    {
        QVERIFY(installTranslations());
        Test::LoopbackHttpServer hook;
        QVERIFY(hook.listen());
        hook.serve("/hook", "no such hook", 404);
        Test::TempProfileDir dir;
        const QDate day(2026, 11, 23);
        QVERIFY(Test::ProfileBuilder(dir.path()).withPapers(Test::numberedPapers(3, day)).build().isEmpty());
        DeliveryRequest request;
        request.store = dir.databasePath();
        request.day = day;
        DeliveryChannel channel;
        channel.kind = DeliveryChannel::Kind::Webhook;
        channel.enabled = true;
        channel.onlyWhenNew = false;
        request.channels = {channel};
        request.keyFile = dir.path() + QStringLiteral("/delivery-secrets");
        QFile key(request.keyFile);
        QVERIFY(key.open(QIODevice::WriteOnly));
        key.write("webhook-url = " + hook.url(QStringLiteral("/hook")).toEncoded() + '\n');
        key.close();
        QVERIFY(QFile::setPermissions(request.keyFile, QFile::ReadOwner | QFile::WriteOwner));
        DeliveryJob job(std::move(request));
        const JobOutcome outcome = job.execute();
        QVERIFY(!outcome.ok());
        QVERIFY2(outcome.message.startsWith(QStringLiteral("JSON-Webhook: fehlgeschlagen: ")),
            qPrintable(outcome.message));
        QVERIFY2(
            outcome.message.contains(QStringLiteral("antwortete mit HTTP 404")), qPrintable(outcome.message));
        QVERIFY2(!outcome.message.contains(QStringLiteral("failed")), qPrintable(outcome.message));
    }

    // A library import's note on an entry it left out, and a copy of the library to another store.
    void importNotesAndStoreCopiesAreGerman()
    {
        QVERIFY(installTranslations());
        const ReferenceList list =
            ReferenceList::parse(QStringLiteral("@article{broken, title = {A missing comma} year = 2020}\n"
                                                "@article{fine, title = {Fine}, year = {2024}}\n"),
                ReferenceList::Format::BibTeX);
        QCOMPARE(list.leftOut.size(), 1);
        QVERIFY2(list.leftOut.first().startsWith(QStringLiteral("Der BibTeX-Eintrag broken")),
            qPrintable(list.leftOut.first()));

        Test::TempProfileDir from;
        QVERIFY(Test::ProfileBuilder(from.path())
                    .withPapers(Test::numberedPapers(2, QDate(2026, 11, 23)))
                    .build()
                    .isEmpty());
        Test::TempProfileDir to;
        StoreCopyJob copy(
            StoreLocation::sqliteFile(from.databasePath()), StoreLocation::sqliteFile(to.databasePath()));
        const JobOutcome copied = copy.execute();
        QVERIFY2(copied.ok(), qPrintable(copied.message));
        QVERIFY2(copied.message.startsWith(QStringLiteral("Kopiert: ")), qPrintable(copied.message));
        QVERIFY2(copied.message.contains(
                     QRegularExpression(QStringLiteral("Artikel: +2 kopiert, 0 schon vorhanden"))),
            qPrintable(copied.message));

        StoreCopyJob nothing(StoreLocation::sqliteFile(to.path() + QStringLiteral("/none.db")),
            StoreLocation::sqliteFile(to.databasePath()));
        const JobOutcome refused = nothing.execute();
        QVERIFY(!refused.ok());
        QVERIFY2(refused.message.startsWith(QStringLiteral("Unter ")), qPrintable(refused.message));
    }

    // What `lectern score` prints after a run (ScoringSummary's stage lines).
    void scoringReportIsGerman()
    {
        QVERIFY(installTranslations());
        ScoringSummary s;
        s.day = QDate(2026, 11, 23);
        s.model = QStringLiteral("lectern-local");
        s.promptHash = QStringLiteral("0123456789abcdef");
        s.listed = 20;
        s.considered = 20;
        s.authorMatches = 1;
        s.toScore = 19;
        s.scored = 19;
        s.requests = 1;
        s.parallel = 1;
        s.minRelevance = 6;
        s.minNovelty = 7;
        s.passedThresholds = 4;
        s.relevant = 5;
        s.priceKnown = true;
        const QStringList lines = s.stageLines();
        const QString all = lines.join(u'\n');
        QVERIFY2(lines.contains(QStringLiteral("Tag 2026-11-23, Modell lectern-local, Prompt 0123456789ab")),
            qPrintable(all));
        QVERIFY2(
            lines.contains(QStringLiteral("Gelistete Artikel: 20 (20 der bewerteten Ankündigungsarten)")),
            qPrintable(all));
        QVERIFY2(lines.contains(QStringLiteral("h-Index-Filter: aus")), qPrintable(all));
        QVERIFY2(
            all.contains(QStringLiteral("Abstract-Bewertung: 19 zu senden, 0 aus dem Cache; 19 bewertet")),
            qPrintable(all));
        QVERIFY2(all.contains(QStringLiteral("(1 Anfrage)")), qPrintable(all));
        QVERIFY2(!all.contains(QStringLiteral("papers")), qPrintable(all));
    }

    // The Digest tab's own controls (star and note links, the links between days) are the window's and
    // were English in it; the digest's text around them is the reference format, also exported, and stays.
    void digestViewControlsAreGermanAndTheDigestStaysEnglish()
    {
        QVERIFY(installTranslations());
        const QDate day(2026, 11, 23);
        Digest digest;
        digest.run.date = day;
        const QList<Paper> papers = Test::numberedPapers(2, day);
        for (const Paper &p : papers) {
            DigestEntry e;
            e.paper = p;
            digest.entries << e;
        }
        digest.entries[1].state.starred = true;
        digest.entries[1].state.note = QStringLiteral("Read this.");
        DigestHtmlOptions view;
        view.interactive = true;
        view.navigation = DigestHtmlOptions::Navigation {day.addDays(-1), QDate(), true};
        const QString html = DigestHtml::render({digest}, view);
        for (const QString &german : {QStringLiteral("☆ Markieren"), QStringLiteral("★ Markierung aufheben"),
                 QStringLiteral("✎ Notiz hinzufügen"), QStringLiteral("✎ Notiz bearbeiten"),
                 QStringLiteral("← Vorheriger Tag 2026-11-22"), QStringLiteral("Monatsübersicht 2026-11"),
                 QStringLiteral("Nächster Tag →")})
            QVERIFY2(html.contains(german), qPrintable(german));
        for (const QString &english : {QStringLiteral("☆ Star"), QStringLiteral("Unstar"),
                 QStringLiteral("Add note"), QStringLiteral("Edit note"), QStringLiteral("Previous day")})
            QVERIFY2(!html.contains(english), qPrintable(english));
        // The document keeps the reference format's headings.
        QVERIFY(html.contains(QStringLiteral("Personalized Daily ArXiv Papers 2026-11-23")));
        QVERIFY(html.contains(QStringLiteral("<b>Authors:</b>")));
        // An export has no controls and no German at all.
        const QString exported = DigestHtml::render({digest});
        for (const QString &german :
            {QStringLiteral("Markier"), QStringLiteral("Notiz"), QStringLiteral("Vorheriger")})
            QVERIFY2(!exported.contains(german), qPrintable(german));
    }

    // The hybrid gate's report and decision lines in `lectern score`'s report were English; the digest's
    // copy of the report (GateReport::line()) stays English with the rest of the digest.
    void hybridGateLinesAreGerman()
    {
        QVERIFY(installTranslations());
        GateReport report;
        report.model = QStringLiteral("gpt-5");
        report.ranked = 480;
        report.gate = 42;
        report.sample = 15;
        report.llmSeen = 57;
        report.gateRelevant = 20;
        report.sampleRelevant = 2;
        report.sampleJudged = 15;
        report.recall = 0.91;
        report.expectedRecall = 0.95;
        report.expectedRelevant = 28.2;
        const QString german = report.localizedLine();
        QVERIFY2(
            german.startsWith(QStringLiteral("Hybride Bewertung: Das LLM (gpt-5) sah 57 von 480 Artikeln")),
            qPrintable(german));
        QVERIFY2(
            german.contains(QStringLiteral("Geschätzter Recall der Vorauswahl: 0.91")), qPrintable(german));
        QVERIFY2(!german.contains(QStringLiteral("papers")), qPrintable(german));
        QVERIFY2(
            report.line().startsWith(QStringLiteral("Hybrid scoring: the LLM (gpt-5) saw 57 of 480 papers")),
            qPrintable(report.line()));

        ScoringSummary s;
        s.gateReport = report;
        QVERIFY2(s.stageLines().contains(german), qPrintable(s.stageLines().join(u'\n')));

        GateDecision decision;
        for (int i = 0; i < 10; ++i)
            decision.ranked << GateEntry {};
        decision.gate = {QStringLiteral("a"), QStringLiteral("b")};
        decision.sample = {QStringLiteral("c")};
        const QString line = decision.describe();
        QVERIFY2(
            line.startsWith(QStringLiteral("Vorauswahl: die besten 2 von 10 (20.0 %)")), qPrintable(line));
        QVERIFY2(line.endsWith(QStringLiteral("Zufallsstichprobe aus dem Rest: 1")), qPrintable(line));
    }

    // "Not scored: …" is stored in English (exports show it so) and read in the window's language.
    void notScoredCommentsReadInGerman()
    {
        QVERIFY(installTranslations());
        const QString failed = ScoreComments::stored(
            ScoreComments::Form::RequestFailedTwice, {QStringLiteral("HTTP 500 (%2 of quota)")});
        QCOMPARE(failed, QStringLiteral("Not scored: the request failed twice (HTTP 500 (%2 of quota))."));
        QCOMPARE(ScoreComments::readable(failed),
            QStringLiteral("Nicht bewertet: Die Anfrage schlug zweimal fehl (HTTP 500 (%2 of quota))."));
        QCOMPARE(ScoreComments::readable(ScoreComments::stored(ScoreComments::Form::LeftOut)),
            QStringLiteral("Nicht bewertet: Die Antwort des Modells ließ diesen Artikel aus."));
        const QString gate = ScoreComments::stored(ScoreComments::Form::HybridGateRanked,
            {QStringLiteral("12"), QStringLiteral("480"), QStringLiteral("Close to 3 of your papers.")});
        QCOMPARE(ScoreComments::readable(gate),
            QStringLiteral(
                "Nicht an das LLM gesendet: Die hybride Vorauswahl setzte ihn auf Platz 12 von 480. "
                "Close to 3 of your papers."));
        // The model's own words stay as they are.
        QCOMPARE(ScoreComments::readable(QStringLiteral("Not relevant to the topics.")),
            QStringLiteral("Not relevant to the topics."));
    }

    // The built-in scorer's comment is stored English (exports show it so) and read in the reader's
    // language, part by part; the names and terms in it stay as written.
    void builtinScorersCommentReadsInGerman()
    {
        QVERIFY(installTranslations());
        using ScoreComments::BuiltinPart;
        const QString stored = ScoreComments::builtinComment({
            ScoreComments::builtinPart(BuiltinPart::Topic,
                {QStringLiteral("Efficient training"),
                    QStringLiteral("pruning") + ScoreComments::titleMark()}),
            ScoreComments::builtinPart(BuiltinPart::Against, {QStringLiteral("vision")}),
            ScoreComments::builtinPart(BuiltinPart::CrossListed, {ScoreComments::anotherArchive()}),
            ScoreComments::builtinPart(BuiltinPart::LikeStarredBecause, {QStringLiteral("sparse, kernel")}),
            ScoreComments::builtinPart(
                BuiltinPart::ClosestOther, {QStringLiteral("2611.00001"), QStringLiteral("0.42")}),
        });
        QCOMPARE(stored,
            QStringLiteral(
                "Built-in scorer (no LLM): topic \"Efficient training\": pruning (title); against: vision; "
                "cross-listed from another archive; like papers you starred (sparse, kernel); closest "
                "other paper: 2611.00001 (similarity 0.42)."));
        const QString german = ScoreComments::readable(stored);
        QCOMPARE(german,
            QStringLiteral(
                "Eingebauter Bewerter (kein LLM): Thema \u201eEfficient training\u201c: pruning (Titel); "
                "dagegen: vision; querverwiesen aus einem anderen Archiv; wie Artikel, die Sie markiert "
                "haben (sparse, kernel); n\u00e4chster anderer Artikel: 2611.00001 (\u00c4hnlichkeit "
                "0.42)."));
        // Inside the hybrid gate's comment too.
        const QString gate = ScoreComments::stored(
            ScoreComments::Form::HybridGateRanked, {QStringLiteral("12"), QStringLiteral("480"), stored});
        QVERIFY2(ScoreComments::readable(gate).endsWith(german), qPrintable(ScoreComments::readable(gate)));
        // A part it does not know (a topic named with the separator in it) stays as written, the rest is
        // read.
        const QString odd = ScoreComments::builtinComment(
            {QStringLiteral("x; y"), ScoreComments::builtinPart(BuiltinPart::NoTopic)});
        QCOMPARE(ScoreComments::readable(odd),
            QStringLiteral("Eingebauter Bewerter (kein LLM): x; y; kein Schlagwort eines Themas gefunden."));
    }

    // What else the core said in English (grep for literals outside tr()): a provider batch's report, a
    // provider that cannot be made, the OAI-PMH parser's errors.
    void batchReportsAndProviderErrorsAreGerman()
    {
        QVERIFY(installTranslations());
        BatchCollection waiting;
        waiting.batch.batchId = QStringLiteral("b1");
        waiting.status.total = 4;
        waiting.status.succeeded = 1;
        const QStringList lines = waiting.lines();
        QVERIFY2(lines.value(0).startsWith(QStringLiteral("Stapel b1 (")), qPrintable(lines.join(u'\n')));
        QVERIFY2(lines.value(0).endsWith(QStringLiteral("unbekannt, 1 von 4 Anfragen erledigt")),
            qPrintable(lines.join(u'\n')));
        QCOMPARE(lines.value(1), QStringLiteral("Noch nicht beendet; holen Sie ihn später ab."));

        LlmConfig openai;
        openai.kind = LlmKind::OpenAi;
        openai.baseUrl = QUrl(QStringLiteral("https://api.openai.com/v1"));
        openai.model = QStringLiteral("gpt-5");
        const auto provider = makeLlmProvider(openai);
        QVERIFY(!provider);
        QVERIFY2(
            provider.error().startsWith(QStringLiteral("Kein API-Schlüssel für OpenAI: speichern Sie einen")),
            qPrintable(provider.error()));
        QVERIFY2(!provider.error().contains(QStringLiteral(" or ")), qPrintable(provider.error()));
    }

    // The command line's help and usage errors follow the user's language, as its other messages do.
    void commandLineUsageIsGerman()
    {
        QVERIFY(installTranslations());
        const QString usage = commandUsage();
        QVERIFY2(usage.startsWith(QStringLiteral("Aufruf: lectern [--profile ORDNER]")), qPrintable(usage));
        QVERIFY2(usage.contains(QStringLiteral("Befehle (ohne Fenster")), qPrintable(usage));
        QVERIFY2(!usage.contains(QStringLiteral("Commands")), qPrintable(usage));

        Test::TempProfileDir dir;
        QString out;
        QString err;
        QTextStream outStream(&out);
        QTextStream errStream(&err);
        const int code = Cli(outStream, errStream)
                             .run({QStringLiteral("lectern"), QStringLiteral("--profile"), dir.path(),
                                 QStringLiteral("config"), QStringLiteral("get")});
        QCOMPARE(code, 2);
        QVERIFY2(err.contains(QStringLiteral("Aufruf: lectern config get SCHLÜSSEL")), qPrintable(err));
        QVERIFY2(err.contains(QStringLiteral("Siehe „lectern --help“.")), qPrintable(err));
    }
};

int main(int argc, char **argv)
{
    // What a German desktop session sets.
    Test::useLanguage("de_DE.UTF-8");
    QApplication app(argc, argv);
    TestTranslation test;
    QTEST_SET_MAIN_SOURCE_PATH
    return QTest::qExec(&test, argc, argv);
}

#include "test_translation.moc"
