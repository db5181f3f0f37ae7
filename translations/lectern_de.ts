<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE" sourcelanguage="en_US">
<context>
    <name>ExternalLinkOpener</name>
    <message>
        <source>No web browser could be started for %1; the link is on the clipboard.</source>
        <translation>Für %1 ließ sich kein Webbrowser starten; der Link liegt in der Zwischenablage.</translation>
    </message>
</context>
<context>
    <name>Lectern::ApiKeySource</name>
    <message>
        <source>The key in %1 contains spaces or characters that cannot be sent</source>
        <translation>Der Schlüssel in %1 enthält Leerzeichen oder Zeichen, die sich nicht senden lassen</translation>
    </message>
</context>
<context>
    <name>Lectern::ArxivApiParser</name>
    <message>
        <source>The arXiv API sent an empty answer.</source>
        <translation>Die arXiv-API schickte eine leere Antwort.</translation>
    </message>
    <message>
        <source>Not an arXiv API answer: the document starts with &lt;%1&gt;.</source>
        <translation>Keine Antwort der arXiv-API: Das Dokument beginnt mit &lt;%1&gt;.</translation>
    </message>
    <message>
        <source>An API entry has an id that is not an arXiv id: %1</source>
        <translation>Ein API-Eintrag hat eine Kennung, die keine arXiv-ID ist: %1</translation>
    </message>
    <message>
        <source>Malformed arXiv API answer (line %1): %2</source>
        <translation>Fehlerhafte Antwort der arXiv-API (Zeile %1): %2</translation>
    </message>
    <message>
        <source>Not an arXiv API answer.</source>
        <translation>Keine Antwort der arXiv-API.</translation>
    </message>
</context>
<context>
    <name>Lectern::AuthorFollower</name>
    <message>
        <source>You already follow %1 (as %2).</source>
        <translation>Sie folgen %1 bereits (als %2).</translation>
    </message>
    <message>
        <source>Following %1: their papers come first in the digest.</source>
        <translation>Sie folgen jetzt %1: Deren Artikel stehen im Digest vorn.</translation>
    </message>
</context>
<context>
    <name>Lectern::BackfillJob</name>
    <message>
        <source>Back-fill needs a date range with from &lt;= until.</source>
        <translation>Das Nachladen braucht einen Zeitraum mit „von“ &lt;= „bis“.</translation>
    </message>
    <message>
        <source>Back-fill cannot reach into the future (until %1).</source>
        <translation>Das Nachladen kann nicht in die Zukunft reichen (bis %1).</translation>
    </message>
    <message>
        <source>Cancelled.</source>
        <translation>Abgebrochen.</translation>
    </message>
    <message>
        <source>OAI-PMH error %1 for %2: %3</source>
        <translation>OAI-PMH-Fehler %1 für %2: %3</translation>
    </message>
    <message>
        <source>%1: page %2, %3 records so far</source>
        <translation>%1: Seite %2, bisher %3 Einträge</translation>
    </message>
    <message>
        <source>%1 done</source>
        <translation>%1 fertig</translation>
    </message>
    <message>
        <source>Back-filled %1 to %2: %3 records on %4 day(s), %5 new papers</source>
        <translation>%1 bis %2 nachgeladen: %3 Einträge an %4 Tag(en), %5 neue Artikel</translation>
    </message>
</context>
<context>
    <name>Lectern::BatchScoring</name>
    <message>
        <source>Day %1, model %2 (%3 batch), prompt %4</source>
        <translation>Tag %1, Modell %2 (%3-Stapel), Prompt %4</translation>
    </message>
    <message>
        <source>Hybrid gate: %1; of %2 papers to send, %3 go into the batch for %4 and %5 keep the built-in scorer&apos;s marks (lectern-local)</source>
        <translation>Hybride Vorauswahl: %1; von %2 zu sendenden Artikeln gehen %3 in den Stapel für %4, %5 behalten die Noten des eingebauten Bewerters (lectern-local)</translation>
    </message>
    <message>
        <source>Title pre-filter: off (scoring/titleFilter)</source>
        <translation>Titel-Vorfilter: aus (scoring/titleFilter)</translation>
    </message>
    <message>
        <source>Title pre-filter: off (%1); %2 dropped by earlier runs left out</source>
        <translation>Titel-Vorfilter: aus (%1); %2 von früheren Läufen aussortierte ausgelassen</translation>
    </message>
    <message>
        <source>Title pre-filter (direct requests, before the batch)</source>
        <translation>Titel-Vorfilter (direkte Anfragen, vor dem Stapel)</translation>
    </message>
    <message>
        <source>Batch: nothing submitted; %1 to send, %2 from the cache</source>
        <translation>Stapel: nichts eingereicht; %1 zu senden, %2 aus dem Cache</translation>
    </message>
    <message numerus="yes">
        <source>Batch %1 submitted: %2 papers in %n request(s), %3 from the cache</source>
        <translation>
            <numerusform>Stapel %1 eingereicht: %2 Artikel in %n Anfrage, %3 aus dem Cache</numerusform>
            <numerusform>Stapel %1 eingereicht: %2 Artikel in %n Anfragen, %3 aus dem Cache</numerusform>
        </translation>
    </message>
    <message>
        <source>Estimate: about %1 prompt and %2 completion tokens, about %3 at batch prices</source>
        <translation>Schätzung: etwa %1 Prompt- und %2 Antwort-Tokens, etwa %3 zu Stapelpreisen</translation>
    </message>
    <message>
        <source>an unknown cost (no price for %1)</source>
        <translation>unbekannte Kosten (kein Preis für %1)</translation>
    </message>
    <message>
        <source>Results come within 24 hours: run `lectern batch collect` (or `lectern score --batch` again) to store them.</source>
        <translation>Die Ergebnisse kommen binnen 24 Stunden: `lectern batch collect` (oder erneut `lectern score --batch`) speichert sie.</translation>
    </message>
    <message>
        <source>Budget: %1 papers held back; the day&apos;s cost would pass %2</source>
        <translation>Budget: %1 Artikel zurückgehalten; die Kosten des Tages überschritten sonst %2</translation>
    </message>
    <message>
        <source>, %1 of %2 requests done</source>
        <translation>, %1 von %2 Anfragen erledigt</translation>
    </message>
    <message>
        <source>Batch %1 (%2, %3, day %4, %5 papers): %6%7</source>
        <translation>Stapel %1 (%2, %3, Tag %4, %5 Artikel): %6%7</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>unbekannt</translation>
    </message>
    <message>
        <source>Ended: `lectern batch collect` stores its results.</source>
        <translation>Beendet: `lectern batch collect` speichert seine Ergebnisse.</translation>
    </message>
    <message>
        <source>Not ended yet; collect it later.</source>
        <translation>Noch nicht beendet; holen Sie ihn später ab.</translation>
    </message>
    <message>
        <source>Collected: %1 scored, %2 unscored%3</source>
        <translation>Abgeholt: %1 bewertet, %2 unbewertet%3</translation>
    </message>
    <message>
        <source> (the batch failed: %1)</source>
        <translation> (der Stapel schlug fehl: %1)</translation>
    </message>
    <message>
        <source>Tokens: %1 prompt (%2 cached), %3 completion (%4 reasoning)</source>
        <translation>Tokens: %1 Prompt (%2 aus dem Cache), %3 Antwort (%4 Reasoning)</translation>
    </message>
    <message>
        <source>Cost: %1 at batch prices (half the direct price), %2 for the day</source>
        <translation>Kosten: %1 zu Stapelpreisen (halber Direktpreis), %2 für den Tag</translation>
    </message>
    <message>
        <source>Cost: unknown, no price for %1 in the price table (prices.json)</source>
        <translation>Kosten: unbekannt, kein Preis für %1 in der Preistabelle (prices.json)</translation>
    </message>
    <message>
        <source>Ranking: %1 relevant papers</source>
        <translation>Rangliste: %1 relevante Artikel</translation>
    </message>
    <message>
        <source>No day to score.</source>
        <translation>Kein Tag zu bewerten.</translation>
    </message>
    <message>
        <source>The title pre-filter (scoring/titleFilter) needs a scoring provider.</source>
        <translation>Der Titel-Vorfilter (scoring/titleFilter) braucht einen Bewertungsanbieter.</translation>
    </message>
    <message>
        <source>The scoring provider could not be created.</source>
        <translation>Der Bewertungsanbieter ließ sich nicht anlegen.</translation>
    </message>
    <message>
        <source>The title pre-filter&apos;s provider uses %1, the batch %2.</source>
        <translation>Der Anbieter des Titel-Vorfilters nutzt %1, der Stapel %2.</translation>
    </message>
    <message>
        <source>The title pre-filter stopped: %1</source>
        <translation>Der Titel-Vorfilter hielt an: %1</translation>
    </message>
    <message>
        <source>Cancelled during the title pre-filter; nothing was submitted.</source>
        <translation>Während des Titel-Vorfilters abgebrochen; nichts wurde eingereicht.</translation>
    </message>
    <message>
        <source>Storing the title pre-filter&apos;s drops failed: %1</source>
        <translation>Das Speichern der vom Titel-Vorfilter aussortierten Artikel schlug fehl: %1</translation>
    </message>
    <message>
        <source>The provider accepted batch %1 but recording it failed (%2); cancel it with `lectern batch cancel %1` or it is paid for and lost.</source>
        <translation>Der Anbieter nahm den Stapel %1 an, aber ihn zu verzeichnen schlug fehl (%2); brechen Sie ihn mit `lectern batch cancel %1` ab, sonst wird er bezahlt und geht verloren.</translation>
    </message>
    <message>
        <source>Asking about batch %1 failed: %2</source>
        <translation>Die Abfrage von Stapel %1 schlug fehl: %2</translation>
    </message>
    <message>
        <source>Fetching the results of batch %1 failed: %2</source>
        <translation>Das Abrufen der Ergebnisse von Stapel %1 schlug fehl: %2</translation>
    </message>
    <message>
        <source>Storing the results of batch %1 failed: %2</source>
        <translation>Das Speichern der Ergebnisse von Stapel %1 schlug fehl: %2</translation>
    </message>
</context>
<context>
    <name>Lectern::BibTeXReader</name>
    <message>
        <source>the whole file (it could not be opened in memory)</source>
        <translation>die ganze Datei (sie ließ sich nicht im Speicher öffnen)</translation>
    </message>
    <message>
        <source>BibTeX entry %1 could not be read (its syntax error is above); left out</source>
        <translation>Der BibTeX-Eintrag %1 ließ sich nicht lesen (sein Syntaxfehler steht oben); ausgelassen</translation>
    </message>
    <message>
        <source>BibTeX: an entry could not be read (its syntax error is above); left out</source>
        <translation>BibTeX: Ein Eintrag ließ sich nicht lesen (sein Syntaxfehler steht oben); ausgelassen</translation>
    </message>
</context>
<context>
    <name>Lectern::BuiltinScorer</name>
    <message>
        <source>Cannot write the built-in scorer&apos;s model %1: %2</source>
        <translation>Das Modell des eingebauten Bewerters %1 lässt sich nicht schreiben: %2</translation>
    </message>
</context>
<context>
    <name>Lectern::CategoryPicker</name>
    <message>
        <source>Search categories (code or name)</source>
        <translation>Kategorien suchen (Kürzel oder Name)</translation>
    </message>
    <message>
        <source>Search categories</source>
        <translation>Kategorien suchen</translation>
    </message>
    <message>
        <source>arXiv categories</source>
        <translation>arXiv-Kategorien</translation>
    </message>
</context>
<context>
    <name>Lectern::CentralPanes</name>
    <message>
        <source>Reader and digest</source>
        <translation>Lesen und Digest</translation>
    </message>
    <message>
        <source>&amp;Reader</source>
        <translation>&amp;Lesen</translation>
    </message>
    <message>
        <source>&amp;Digest</source>
        <translation>Di&amp;gest</translation>
    </message>
</context>
<context>
    <name>Lectern::Cli</name>
    <message>
        <source>usage: lectern fetch [--date today|YYYY-MM-DD] [--categories cs.LG,cs.AI]</source>
        <translation>Aufruf: lectern fetch [--date today|JJJJ-MM-TT] [--categories cs.LG,cs.AI]</translation>
    </message>
    <message>
        <source>the day looks partial; run the fetch again later or back-fill it.</source>
        <translation>der Tag sieht unvollständig aus; rufen Sie ihn später erneut ab oder laden Sie ihn nach (backfill).</translation>
    </message>
    <message>
        <source>usage: lectern add ID|URL</source>
        <translation>Aufruf: lectern add ID|URL</translation>
    </message>
    <message>
        <source>usage: lectern backfill --from YYYY-MM-DD --to YYYY-MM-DD [--categories LIST]</source>
        <translation>Aufruf: lectern backfill --from JJJJ-MM-TT --to JJJJ-MM-TT [--categories LISTE]</translation>
    </message>
    <message>
        <source>--from and --to want dates YYYY-MM-DD with from &lt;= to.</source>
        <translation>--from und --to erwarten Daten JJJJ-MM-TT mit from &lt;= to.</translation>
    </message>
    <message>
        <source>unknown provider &quot;%1&quot;</source>
        <translation>unbekannter Anbieter „%1“</translation>
    </message>
    <message>
        <source>no provider batch &quot;%1&quot; is recorded in this profile.</source>
        <translation>in diesem Profil ist kein Anbieter-Stapel „%1“ verzeichnet.</translation>
    </message>
    <message>
        <source>batch %1 is %2 already.</source>
        <translation>Stapel %1 ist bereits %2.</translation>
    </message>
    <message>
        <source>cancelling batch %1 failed: %2</source>
        <translation>Abbrechen des Stapels %1 fehlgeschlagen: %2</translation>
    </message>
    <message>
        <source>--batch needs scoring/provider openai or anthropic (the built-in scorer is free and runs at once: use `lectern score`).</source>
        <translation>--batch braucht scoring/provider openai oder anthropic (der eingebaute Bewerter ist kostenlos und bewertet sofort: nehmen Sie `lectern score`).</translation>
    </message>
    <message>
        <source>the daily budget (scoring/dailyBudget) held back %1 papers.</source>
        <translation>das Tagesbudget (scoring/dailyBudget) hielt %1 Artikel zurück.</translation>
    </message>
    <message>
        <source>usage: lectern batch status | batch collect | batch cancel ID</source>
        <translation>Aufruf: lectern batch status | batch collect | batch cancel ID</translation>
    </message>
    <message>
        <source>--profile needs a folder.</source>
        <translation>--profile braucht einen Ordner.</translation>
    </message>
    <message>
        <source>--store needs a file or a postgresql:// URI.</source>
        <translation>--store braucht eine Datei oder eine postgresql://-URI.</translation>
    </message>
    <message>
        <source>no command given.</source>
        <translation>kein Befehl angegeben.</translation>
    </message>
    <message>
        <source>unknown command &quot;%1&quot;.</source>
        <translation>unbekannter Befehl „%1“.</translation>
    </message>
    <message>
        <source>Try &apos;%1 --help&apos;.</source>
        <translation>Siehe „%1 --help“.</translation>
    </message>
    <message>
        <source>--date wants today or YYYY-MM-DD, not &quot;%1&quot;.</source>
        <translation>--date erwartet today oder JJJJ-MM-TT, nicht „%1“.</translation>
    </message>
    <message>
        <source>%1 and %2</source>
        <translation>%1 und %2</translation>
    </message>
    <message>
        <source>%1 belongs to the %2 command.</source>
        <translation>%1 gehört zum Befehl %2.</translation>
    </message>
    <message>
        <source>%1 belongs to the %2 commands.</source>
        <translation>%1 gehört zu den Befehlen %2.</translation>
    </message>
    <message>
        <source>%1 belong to the %2 command.</source>
        <translation>%1 gehören zum Befehl %2.</translation>
    </message>
    <message>
        <source>%1 belong to the %2 commands.</source>
        <translation>%1 gehören zu den Befehlen %2.</translation>
    </message>
    <message>
        <source>Usage: lectern [--profile DIR] [--store PATH|URI] [COMMAND]

Lectern: the daily arXiv triage. Without a command it opens the window.

Commands (headless, no display needed):
  config list              every setting: value, default, meaning
  config get KEY           one setting&apos;s value
  config set KEY VALUE     change a setting (checked against its type)
  config reset KEY         back to the default
  db stats                 what the profile&apos;s database holds
  db copy --to STORE | --from STORE
                           copy your library into another store, as the user it signs
                           in as (papers, days, scores, your stars, tags and notes),
                           or back; STORE: a file, a postgresql:// URI or postgres (the
                           server the store/ settings name); the other side is --store
                           or the profile&apos;s SQLite file; run again to resume, nothing is
                           copied twice
  export (--date D | --from D --to D | --month YYYY-MM) [--starred] [--tag T]
         [--format md|pdf|html|json|bib|ris|csv] -o FILE
                           write a digest, a range, a selection or a monthly
                           overview (`lectern export --help` for more)
  fetch [--date D] [--categories LIST]
                           fetch today&apos;s announcement from arXiv RSS (D: today or
                           YYYY-MM-DD, the announcement day expected); exit 1 when a
                           feed failed or the day looks partial
  add ID|URL               add one paper by arXiv id or abs/pdf/html URL (arXiv API)
  backfill --from D --to D [--categories LIST]
                           past days through OAI-PMH (listed on their OAI datestamp,
                           which approximates the announcement day)
  score [--date D] [--rescore] [--dry-run]
                           score a day&apos;s papers with scoring/provider (D: YYYY-MM-DD,
                           default the latest day fetched) and print counts per stage,
                           tokens and cost; --rescore ignores the score cache, --dry-run
                           estimates tokens and cost and sends nothing
  score --batch [--date D] submit the papers to score as one provider batch (openai or
                           anthropic: half the price, results within 24 hours); run it
                           again while the day&apos;s batch waits to ask about it and collect
                           it once it has ended
  batch status             the provider batches waiting, with the provider&apos;s state
  batch collect            collect every waiting batch that has ended: store its scores
                           and cost; papers without a verdict are stored unscored
  batch cancel ID          ask the provider to cancel a waiting batch (collect it later
                           for whatever was finished)
  compare [--date D] [--list] [--from-run N --to-run M]
                           what moved between two scoring runs (model + prompt) of a
                           day (default the latest): papers entering and leaving the
                           relevant set, score changes; default the two latest runs,
                           --list numbers the runs; exit 1 with fewer than two runs
  run [--date D] [--categories LIST]
                           fetch (as fetch does), then score the day fetched, then
                           deliver its digest by the enabled channels (exit 3 when
                           only a delivery failed)
  import FILE              your library: a BibTeX (.bib), RIS (.ris) or Zotero
                           (zotero.sqlite, read from a copy) library or a list of arXiv
                           ids/URLs; arXiv papers are looked up through the arXiv API
                           and tagged &quot;imported&quot;, other references kept as text; all
                           are positives for the built-in scorer and known for novelty
  library [list]           the references you imported, arXiv papers and text
  similar ID               the 10 papers of the database nearest to ID in the built-in
                           scorer&apos;s tf-idf space, with the terms they share
  eval [--day D] --truth DIGEST.md|LABELS.json [--scorer builtin|stored|hybrid]
                           how well the scorer ranks a day someone judged: recall@k
                           (k = the papers selected), recall@2k, recall in the top
                           30 %, the share of the day needed for 95 % recall and
                           precision/recall at the thresholds; builtin (the default
                           with the built-in provider) scores the day afresh without
                           its labels, stored ranks the day&apos;s stored scores, hybrid
                           replays hybrid mode on a day the LLM scored whole
  deliver [--day D] [--dry-run]
                           send the day&apos;s digest (default the latest) by every enabled
                           channel (delivery/*: e-mail, Slack, Matrix, JSON webhook),
                           each day once per channel; --dry-run says what would go
                           where; exit 3 when a channel failed
  bench generate --papers N [--seed S]
                           fill a new profile with a synthetic library of N papers
                           (250 a weekday, scores, stars, tags, notes), for benchmarks

Options:
  --profile DIR            keep settings, database and prompts in DIR
                           (default: $LECTERN_PROFILE, else the XDG folders)
  --store PATH|URI         this run&apos;s store instead of the one the settings name: an
                           SQLite file, or postgresql://[user@][host][:port][/db][?sslmode=M]
                           (no password: ~/.pgpass or PGPASSFILE)
  -h, --help               this help
  -v, --version            the version
</source>
        <translation>Aufruf: lectern [--profile ORDNER] [--store PFAD|URI] [BEFEHL]

Lectern: die tägliche Sichtung von arXiv. Ohne Befehl öffnet es das Fenster.

Befehle (ohne Fenster, keine Anzeige nötig):
  config list              jede Einstellung: Wert, Vorgabe, Bedeutung
  config get SCHLÜSSEL     der Wert einer Einstellung
  config set SCHLÜSSEL WERT
                           eine Einstellung ändern (gegen ihren Typ geprüft)
  config reset SCHLÜSSEL   zurück auf die Vorgabe
  db stats                 was die Datenbank des Profils enthält
  db copy --to SPEICHER | --from SPEICHER
                           Ihre Bibliothek in einen anderen Speicher kopieren, als der
                           Benutzer, als der Sie sich dort anmelden (Artikel, Tage,
                           Bewertungen, Ihre Markierungen, Schlagwörter und Notizen),
                           oder zurück; SPEICHER: eine Datei, eine postgresql://-URI oder
                           postgres (der Server aus den store/-Einstellungen); die andere
                           Seite ist --store oder die SQLite-Datei des Profils; erneut
                           aufgerufen macht es weiter, nichts wird doppelt kopiert
  export (--date D | --from D --to D | --month JJJJ-MM) [--starred] [--tag T]
         [--format md|pdf|html|json|bib|ris|csv] -o DATEI
                           einen Digest, einen Zeitraum, eine Auswahl oder eine
                           Monatsübersicht schreiben (mehr: `lectern export --help`)
  fetch [--date D] [--categories LISTE]
                           die heutige Ankündigung aus dem arXiv-RSS abrufen (D: today
                           oder JJJJ-MM-TT, der erwartete Ankündigungstag); Exit-Code 1,
                           wenn ein Feed fehlschlug oder der Tag unvollständig aussieht
  add ID|URL               einen Artikel per arXiv-ID oder abs/pdf/html-URL hinzufügen
                           (arXiv-API)
  backfill --from D --to D [--categories LISTE]
                           vergangene Tage über OAI-PMH (nach ihrem OAI-Datum gelistet,
                           das dem Ankündigungstag nahekommt)
  score [--date D] [--rescore] [--dry-run]
                           die Artikel eines Tages mit scoring/provider bewerten (D:
                           JJJJ-MM-TT, Vorgabe: der zuletzt abgerufene Tag) und Zahlen je
                           Stufe, Tokens und Kosten ausgeben; --rescore übergeht den
                           Bewertungs-Cache, --dry-run schätzt Tokens und Kosten und sendet
                           nichts
  score --batch [--date D] die zu bewertenden Artikel als einen Anbieter-Stapel einreichen
                           (openai oder anthropic: halber Preis, Ergebnisse binnen 24
                           Stunden); erneut aufgerufen, solange der Stapel des Tages wartet,
                           fragt es nach ihm und holt ihn ab, sobald er fertig ist
  batch status             die wartenden Anbieter-Stapel mit dem Stand beim Anbieter
  batch collect            jeden wartenden, fertigen Stapel abholen: seine Bewertungen
                           und Kosten speichern; Artikel ohne Urteil bleiben unbewertet
  batch cancel ID          den Anbieter bitten, einen wartenden Stapel abzubrechen
                           (später abholen für das, was fertig wurde)
  compare [--date D] [--list] [--from-run N --to-run M]
                           was sich zwischen zwei Bewertungsläufen (Modell + Prompt) eines
                           Tages (Vorgabe: der letzte) bewegt hat: Artikel, die in die
                           relevante Menge kommen oder sie verlassen, geänderte Noten;
                           Vorgabe: die zwei letzten Läufe, --list nummeriert die Läufe;
                           Exit-Code 1 bei weniger als zwei Läufen
  run [--date D] [--categories LISTE]
                           abrufen (wie fetch), dann den abgerufenen Tag bewerten, dann
                           seinen Digest über die aktivierten Kanäle zustellen (Exit-Code
                           3, wenn nur eine Zustellung fehlschlug)
  import DATEI             Ihre Bibliothek: eine BibTeX- (.bib), RIS- (.ris) oder Zotero-
                           Bibliothek (zotero.sqlite, aus einer Kopie gelesen) oder eine
                           Liste von arXiv-IDs/URLs; arXiv-Artikel werden über die
                           arXiv-API nachgeschlagen und mit &quot;imported&quot; verschlagwortet,
                           andere Literatur als Text behalten; alle zählen als Positive
                           für den eingebauten Bewerter und als bekannt für die Neuheit
  library [list]           die importierte Literatur, arXiv-Artikel und Text
  similar ID               die 10 Artikel der Datenbank, die ID im tf-idf-Raum des
                           eingebauten Bewerters am nächsten sind, mit den gemeinsamen
                           Begriffen
  eval [--day D] --truth DIGEST.md|LABELS.json [--scorer builtin|stored|hybrid]
                           wie gut der Bewerter einen von jemandem beurteilten Tag ordnet:
                           recall@k (k = die ausgewählten Artikel), recall@2k, der Recall
                           in den besten 30 %, der Anteil des Tages für 95 % Recall und
                           Precision/Recall an den Schwellen; builtin (die Vorgabe beim
                           eingebauten Anbieter) bewertet den Tag neu ohne seine Labels,
                           stored ordnet die gespeicherten Bewertungen des Tages, hybrid
                           spielt den hybriden Modus an einem Tag nach, den das LLM ganz
                           bewertet hat
  deliver [--day D] [--dry-run]
                           den Digest des Tages (Vorgabe: der letzte) über jeden
                           aktivierten Kanal senden (delivery/*: E-Mail, Slack, Matrix,
                           JSON-Webhook), je Tag einmal pro Kanal; --dry-run sagt, was
                           wohin ginge; Exit-Code 3, wenn ein Kanal fehlschlug
  bench generate --papers N [--seed S]
                           ein neues Profil mit einer synthetischen Bibliothek von N
                           Artikeln füllen (250 je Werktag, Bewertungen, Markierungen,
                           Schlagwörter, Notizen), für Benchmarks

Optionen:
  --profile ORDNER         Einstellungen, Datenbank und Prompts in ORDNER halten
                           (Vorgabe: $LECTERN_PROFILE, sonst die XDG-Ordner)
  --store PFAD|URI         der Speicher dieses Aufrufs statt des in den Einstellungen
                           genannten: eine SQLite-Datei oder
                           postgresql://[user@][host][:port][/db][?sslmode=M]
                           (kein Passwort: ~/.pgpass oder PGPASSFILE)
  -h, --help               diese Hilfe
  -v, --version            die Version
</translation>
    </message>
    <message>
        <source>config list takes no arguments.</source>
        <translation>config list nimmt keine Argumente.</translation>
    </message>
    <message>
        <source>unknown setting &quot;%1&quot;; `lectern config list` shows them all.</source>
        <translation>unbekannte Einstellung „%1“; `lectern config list` zeigt alle.</translation>
    </message>
    <message>
        <source>usage: lectern config get KEY</source>
        <translation>Aufruf: lectern config get SCHLÜSSEL</translation>
    </message>
    <message>
        <source>usage: lectern config set KEY VALUE</source>
        <translation>Aufruf: lectern config set SCHLÜSSEL WERT</translation>
    </message>
    <message>
        <source>usage: lectern config reset KEY</source>
        <translation>Aufruf: lectern config reset SCHLÜSSEL</translation>
    </message>
    <message>
        <source>config needs a subcommand: list, get, set or reset.</source>
        <translation>config braucht einen Unterbefehl: list, get, set oder reset.</translation>
    </message>
    <message>
        <source>unknown config subcommand &quot;%1&quot; (list, get, set, reset).</source>
        <translation>unbekannter Unterbefehl „%1“ von config (list, get, set, reset).</translation>
    </message>
    <message>
        <source>usage: lectern db stats | lectern db copy (--to STORE | --from STORE)</source>
        <translation>Aufruf: lectern db stats | lectern db copy (--to SPEICHER | --from SPEICHER)</translation>
    </message>
    <message>
        <source>--batch does not go with --rescore or --dry-run.</source>
        <translation>--batch passt nicht zu --rescore oder --dry-run.</translation>
    </message>
    <message>
        <source>usage: lectern run [--date today|YYYY-MM-DD] [--categories cs.LG,cs.AI]</source>
        <translation>Aufruf: lectern run [--date today|JJJJ-MM-TT] [--categories cs.LG,cs.AI]</translation>
    </message>
    <message>
        <source>--list does not go with --from-run and --to-run.</source>
        <translation>--list passt nicht zu --from-run und --to-run.</translation>
    </message>
    <message>
        <source>--from-run and --to-run go together.</source>
        <translation>--from-run und --to-run gehören zusammen.</translation>
    </message>
    <message>
        <source>usage: lectern compare [--date YYYY-MM-DD] [--list] [--from-run N --to-run M]</source>
        <translation>Aufruf: lectern compare [--date JJJJ-MM-TT] [--list] [--from-run N --to-run M]</translation>
    </message>
    <message>
        <source>usage: lectern eval [--day YYYY-MM-DD] --truth DIGEST.md|LABELS.json [--scorer builtin|stored|hybrid]</source>
        <translation>Aufruf: lectern eval [--day JJJJ-MM-TT] --truth DIGEST.md|LABELS.json [--scorer builtin|stored|hybrid]</translation>
    </message>
    <message>
        <source>--day wants YYYY-MM-DD, not &quot;%1&quot;.</source>
        <translation>--day erwartet JJJJ-MM-TT, nicht „%1“.</translation>
    </message>
    <message>
        <source>--scorer is builtin, stored or hybrid, not &quot;%1&quot;.</source>
        <translation>--scorer ist builtin, stored oder hybrid, nicht „%1“.</translation>
    </message>
    <message>
        <source>no papers stored for %1.</source>
        <translation>für %1 sind keine Artikel gespeichert.</translation>
    </message>
    <message>
        <source>none of the %1 selected papers is listed on %2.</source>
        <translation>keiner der %1 ausgewählten Artikel ist am %2 gelistet.</translation>
    </message>
    <message>
        <source>built-in scorer (%1, trained without this day&apos;s labels)</source>
        <translation>eingebauter Bewerter (%1, ohne die Labels dieses Tages trainiert)</translation>
    </message>
    <message>
        <source>hybrid mode replayed on the stored verdicts (the gate by %1, trained without this day&apos;s labels)</source>
        <translation>hybrider Modus, nachgespielt auf den gespeicherten Urteilen (die Vorauswahl durch %1, ohne die Labels dieses Tages trainiert)</translation>
    </message>
    <message>
        <source>stored scores</source>
        <translation>gespeicherte Bewertungen</translation>
    </message>
    <message>
        <source>The LLM would see %1 of %2 papers (%3 %: gate %4, random sample %5)</source>
        <translation>Das LLM sähe %1 von %2 Artikeln (%3 %: Vorauswahl %4, Zufallsstichprobe %5)</translation>
    </message>
    <message>
        <source>usage: lectern similar ID|URL (an arXiv id in the database)</source>
        <translation>Aufruf: lectern similar ID|URL (eine arXiv-ID in der Datenbank)</translation>
    </message>
    <message>
        <source>Nearest to %1 &quot;%2&quot; among %3 papers (tf-idf cosine; index %4 ms, query %5 ms):
</source>
        <translation>Am nächsten an %1 „%2“ unter %3 Artikeln (tf-idf-Kosinus; Index %4 ms, Abfrage %5 ms):
</translation>
    </message>
    <message>
        <source>cannot read %1: no such file</source>
        <translation>%1 kann nicht gelesen werden: keine solche Datei</translation>
    </message>
    <message>
        <source>usage: lectern library [list]</source>
        <translation>Aufruf: lectern library [list]</translation>
    </message>
    <message>
        <source>usage: lectern bench generate --papers N [--seed S]</source>
        <translation>Aufruf: lectern bench generate --papers N [--seed S]</translation>
    </message>
    <message>
        <source>--papers takes a number from 1 to 5000000; </source>
        <translation>--papers nimmt eine Zahl von 1 bis 5000000; </translation>
    </message>
    <message>
        <source>--seed takes a whole number; </source>
        <translation>--seed nimmt eine ganze Zahl; </translation>
    </message>
    <message>
        <source>the profile&apos;s database already holds %1 papers; generate into a new profile (--profile DIR)</source>
        <translation>die Datenbank des Profils enthält bereits %1 Artikel; erzeugen Sie in ein neues Profil (--profile ORDNER)</translation>
    </message>
    <message>
        <source>generated %1 papers on %2 days (%3 listings, %4 scores, %5 starred, %6 notes) in %7 s; database %8
</source>
        <translation>%1 Artikel an %2 Tagen erzeugt (%3 Listungen, %4 Bewertungen, %5 markiert, %6 Notizen) in %7 s; Datenbank %8
</translation>
    </message>
    <message>
        <source>usage: lectern deliver [--day YYYY-MM-DD] [--dry-run]</source>
        <translation>Aufruf: lectern deliver [--day JJJJ-MM-TT] [--dry-run]</translation>
    </message>
</context>
<context>
    <name>Lectern::CompareRunsDialog</name>
    <message>
        <source>Only papers that &amp;moved</source>
        <translation>Nur Artikel, die sich &amp;bewegt haben</translation>
    </message>
    <message>
        <source>Compare Runs</source>
        <translation>Läufe vergleichen</translation>
    </message>
    <message>
        <source>The old run: its marks are the &quot;before&quot;</source>
        <translation>Der alte Lauf: seine Noten sind das „Vorher“</translation>
    </message>
    <message>
        <source>The new run: its marks are the &quot;after&quot;</source>
        <translation>Der neue Lauf: seine Noten sind das „Nachher“</translation>
    </message>
    <message>
        <source>Entered, left: the paper&apos;s place in the digest changed. Changed: both runs gave marks that differ, and the paper stayed on the same side of the bar.</source>
        <translation>Aufgenommen, herausgefallen: Der Platz des Artikels im Digest hat sich geändert. Geändert: Beide Läufe gaben unterschiedliche Noten, und der Artikel blieb auf derselben Seite der Schwelle.</translation>
    </message>
    <message>
        <source>Hide the papers whose marks and place in the digest stayed the same</source>
        <translation>Artikel ausblenden, deren Noten und Platz im Digest gleich geblieben sind</translation>
    </message>
    <message>
        <source>Double-click a paper to select it in the main window</source>
        <translation>Doppelklick auf einen Artikel wählt ihn im Hauptfenster aus</translation>
    </message>
    <message>
        <source>&amp;From run:</source>
        <translation>&amp;Von Lauf:</translation>
    </message>
    <message>
        <source>&amp;To run:</source>
        <translation>&amp;Zu Lauf:</translation>
    </message>
    <message>
        <source>1 paper</source>
        <translation>1 Artikel</translation>
    </message>
    <message>
        <source>%1 papers</source>
        <translation>%1 Artikel</translation>
    </message>
    <message>
        <source>%1 · prompt %2 · %3 · %4</source>
        <translation>%1 · Prompt %2 · %3 · %4</translation>
    </message>
    <message>
        <source>(no model)</source>
        <translation>(kein Modell)</translation>
    </message>
    <message>
        <source>Compare Runs — %1</source>
        <translation>Läufe vergleichen — %1</translation>
    </message>
    <message>
        <source>No database: there are no runs to compare.</source>
        <translation>Keine Datenbank: Es gibt keine Läufe zum Vergleichen.</translation>
    </message>
    <message>
        <source>No day is shown: fetch and score a day first.</source>
        <translation>Kein Tag angezeigt: Rufen Sie zuerst einen Tag ab und bewerten Sie ihn.</translation>
    </message>
    <message>
        <source>The runs of %1 could not be read: %2</source>
        <translation>Die Läufe vom %1 konnten nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>
Full prompt hash: %1</source>
        <translation>
Vollständiger Prompt-Hash: %1</translation>
    </message>
    <message>
        <source>%1 has not been scored yet, so there are no runs to compare.

Score the day, then edit the prompt (File ▸ Edit Prompts…) or choose another model (File ▸ Settings…) and score it again.</source>
        <translation>%1 wurde noch nicht bewertet, daher gibt es keine Läufe zum Vergleichen.

Bewerten Sie den Tag, bearbeiten Sie dann den Prompt (Datei ▸ Prompts bearbeiten…) oder wählen Sie ein anderes Modell (Datei ▸ Einstellungen…) und bewerten Sie ihn erneut.</translation>
    </message>
    <message>
        <source>%1 has only one scoring run (%2); a comparison needs two.

Edit the prompt (File ▸ Edit Prompts…) or choose another model (File ▸ Settings…), then score the day again: both results are kept.</source>
        <translation>%1 hat nur einen Bewertungslauf (%2); ein Vergleich braucht zwei.

Bearbeiten Sie den Prompt (Datei ▸ Prompts bearbeiten…) oder wählen Sie ein anderes Modell (Datei ▸ Einstellungen…) und bewerten Sie den Tag dann erneut: Beide Ergebnisse bleiben erhalten.</translation>
    </message>
    <message>
        <source>Both sides show the same run: pick two different runs.</source>
        <translation>Beide Seiten zeigen denselben Lauf: Wählen Sie zwei verschiedene Läufe.</translation>
    </message>
    <message>
        <source>The comparison failed: %1</source>
        <translation>Der Vergleich ist fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>%1 entered, %2 left, %3 changed · relevant papers %4 → %5 (relevance ≥ %6, novelty ≥ %7) · %8 of %9 papers marked by both runs: %10 with new marks, %11 the same</source>
        <translation>%1 aufgenommen, %2 herausgefallen, %3 geändert · relevante Artikel %4 → %5 (Relevanz ≥ %6, Neuheit ≥ %7) · %8 von %9 Artikeln von beiden Läufen benotet: %10 mit neuen Noten, %11 unverändert</translation>
    </message>
    <message>
        <source>Papers of the two runs</source>
        <translation>Artikel der beiden Läufe</translation>
    </message>
</context>
<context>
    <name>Lectern::ConnectionTestJob</name>
    <message>
        <source>%1 (model %2, %3 ms)</source>
        <translation>%1 (Modell %2, %3 ms)</translation>
    </message>
</context>
<context>
    <name>Lectern::ConnectionTester</name>
    <message>
        <source>Test connection</source>
        <translation>Verbindung testen</translation>
    </message>
    <message>
        <source>List the server&apos;s models with these settings (free; no paper is sent)</source>
        <translation>Die Modelle des Servers mit diesen Einstellungen auflisten (kostenlos; es wird kein Artikel gesendet)</translation>
    </message>
    <message>
        <source>Connecting to %1…</source>
        <translation>Verbinde mit %1…</translation>
    </message>
</context>
<context>
    <name>Lectern::Database</name>
    <message>
        <source>Cannot create the folder %1 for the database.</source>
        <translation>Der Ordner %1 für die Datenbank kann nicht angelegt werden.</translation>
    </message>
    <message>
        <source>Cannot open the database %1: %2</source>
        <translation>Die Datenbank %1 kann nicht geöffnet werden: %2</translation>
    </message>
    <message>
        <source>Cannot read the schema version of %1: %2</source>
        <translation>Die Schemaversion von %1 kann nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>Cannot read %1 (is it an SQLite file?): %2</source>
        <translation>%1 kann nicht gelesen werden (ist es eine SQLite-Datei?): %2</translation>
    </message>
    <message>
        <source>Cannot open the database %1 again: %2</source>
        <translation>Die Datenbank %1 kann nicht erneut geöffnet werden: %2</translation>
    </message>
    <message>
        <source>Unknown schema version %1.</source>
        <translation>Unbekannte Schemaversion %1.</translation>
    </message>
    <message>
        <source>Migration %1 is missing from this build.</source>
        <translation>Die Migration %1 fehlt in diesem Build.</translation>
    </message>
    <message>
        <source>Upgrading the database to schema %1 failed: %2 (in: %3)</source>
        <translation>Die Aktualisierung der Datenbank auf Schema %1 ist fehlgeschlagen: %2 (in: %3)</translation>
    </message>
    <message>
        <source>Cannot open the database %1: Qt&apos;s %2 driver is not installed (Debian: libqt6sql6-%3).</source>
        <translation>Die Datenbank %1 kann nicht geöffnet werden: Der %2-Treiber von Qt ist nicht installiert (Debian: libqt6sql6-%3).</translation>
    </message>
    <message>
        <source>The database %1 has schema version %2, written by a newer Lectern; this build knows versions up to %3. Update Lectern. The database was not changed.</source>
        <translation>Die Datenbank %1 hat die Schemaversion %2, geschrieben von einem neueren Lectern; dieser Build kennt Versionen bis %3. Aktualisieren Sie Lectern. Die Datenbank wurde nicht verändert.</translation>
    </message>
    <message>
        <source>read the deliveries of %1</source>
        <translation>die Zustellungen vom %1 zu lesen</translation>
    </message>
    <message>
        <source>record the delivery of %1</source>
        <translation>die Zustellung vom %1 festzuhalten</translation>
    </message>
    <message>
        <source>read recent papers for the built-in scorer</source>
        <translation>neuere Artikel für den eingebauten Bewerter zu lesen</translation>
    </message>
    <message>
        <source>read starred and dismissed papers for the built-in scorer</source>
        <translation>markierte und verworfene Artikel für den eingebauten Bewerter zu lesen</translation>
    </message>
    <message>
        <source>read the library kept as text for the built-in scorer</source>
        <translation>die als Text verwahrte Bibliothek für den eingebauten Bewerter zu lesen</translation>
    </message>
    <message>
        <source>read the imported papers for the built-in scorer</source>
        <translation>die importierten Artikel für den eingebauten Bewerter zu lesen</translation>
    </message>
    <message>
        <source>read language models&apos; scores for the built-in scorer</source>
        <translation>die Bewertungen der Sprachmodelle für den eingebauten Bewerter zu lesen</translation>
    </message>
    <message>
        <source>read the papers to compare</source>
        <translation>die zu vergleichenden Artikel zu lesen</translation>
    </message>
    <message>
        <source>read the score cache of %1</source>
        <translation>den Bewertungscache vom %1 zu lesen</translation>
    </message>
    <message>
        <source>read the title pre-filter&apos;s verdicts of %1</source>
        <translation>die Urteile des Titel-Vorfilters vom %1 zu lesen</translation>
    </message>
    <message>
        <source>read the provider batches of %1</source>
        <translation>die Anbieter-Stapel vom %1 zu lesen</translation>
    </message>
    <message>
        <source>bring back the cached score of %1</source>
        <translation>die zwischengespeicherte Bewertung von %1 zurückzuholen</translation>
    </message>
    <message>
        <source>read the h-index cache</source>
        <translation>den h-Index-Cache zu lesen</translation>
    </message>
    <message>
        <source>store an author&apos;s h-index</source>
        <translation>den h-Index eines Autors zu speichern</translation>
    </message>
    <message>
        <source>%1Database error while trying to %2: %3</source>
        <translation>%1Datenbankfehler beim Versuch, %2: %3</translation>
    </message>
    <message>
        <source>start a transaction</source>
        <translation>eine Transaktion zu beginnen</translation>
    </message>
    <message>
        <source>commit</source>
        <translation>die Änderungen festzuschreiben</translation>
    </message>
    <message>
        <source>wait for other clients upgrading the database</source>
        <translation>auf andere Clients zu warten, die die Datenbank aktualisieren</translation>
    </message>
    <message>
        <source>take the lock of %1</source>
        <translation>die Sperre für %1 zu nehmen</translation>
    </message>
    <message>
        <source>keep &quot;%1&quot; in the library</source>
        <translation>„%1“ in der Bibliothek zu verwahren</translation>
    </message>
    <message>
        <source>look up a library item</source>
        <translation>einen Bibliothekseintrag nachzuschlagen</translation>
    </message>
    <message>
        <source>read the library</source>
        <translation>die Bibliothek zu lesen</translation>
    </message>
    <message>
        <source>read the library&apos;s arXiv papers</source>
        <translation>die arXiv-Artikel der Bibliothek zu lesen</translation>
    </message>
    <message>
        <source>look up where %1 was imported from</source>
        <translation>nachzuschlagen, woher %1 importiert wurde</translation>
    </message>
    <message>
        <source>store the hybrid gate&apos;s report of %1</source>
        <translation>den Bericht der hybriden Vorauswahl vom %1 zu speichern</translation>
    </message>
    <message>
        <source>read the hybrid gate&apos;s report of %1</source>
        <translation>den Bericht der hybriden Vorauswahl vom %1 zu lesen</translation>
    </message>
    <message>
        <source>replace the hybrid gate&apos;s papers of %1</source>
        <translation>die Artikel der hybriden Vorauswahl vom %1 zu ersetzen</translation>
    </message>
    <message>
        <source>store the hybrid gate&apos;s papers of %1</source>
        <translation>die Artikel der hybriden Vorauswahl vom %1 zu speichern</translation>
    </message>
    <message>
        <source>read the hybrid gate&apos;s papers of %1</source>
        <translation>die Artikel der hybriden Vorauswahl vom %1 zu lesen</translation>
    </message>
    <message>
        <source>Cannot open the database %1: the SQLite driver gave no handle to register Lectern&apos;s search function on.</source>
        <translation>Die Datenbank %1 kann nicht geöffnet werden: Der SQLite-Treiber gab kein Handle, um Lecterns Suchfunktion zu registrieren.</translation>
    </message>
    <message>
        <source>Cannot open the database %1: its folder&apos;s disk could not be written (full, read-only or failing?); free some space and try again. The database was not changed. (%2)</source>
        <translation>Die Datenbank %1 kann nicht geöffnet werden: Der Datenträger ihres Ordners ließ sich nicht beschreiben (voll, schreibgeschützt oder defekt?); schaffen Sie Platz und versuchen Sie es erneut. Die Datenbank wurde nicht verändert. (%2)</translation>
    </message>
    <message>
        <source>Cannot open the database %1 (is it an SQLite file?): %2</source>
        <translation>Die Datenbank %1 kann nicht geöffnet werden (ist es eine SQLite-Datei?): %2</translation>
    </message>
    <message>
        <source>read the schema version</source>
        <translation>die Schemaversion zu lesen</translation>
    </message>
    <message>
        <source>record schema version %1</source>
        <translation>die Schemaversion %1 festzuhalten</translation>
    </message>
    <message>
        <source>back up the database before upgrading it</source>
        <translation>die Datenbank vor der Aktualisierung zu sichern</translation>
    </message>
    <message>
        <source>update the search index</source>
        <translation>den Suchindex zu aktualisieren</translation>
    </message>
    <message>
        <source>optimize the search index</source>
        <translation>den Suchindex zu optimieren</translation>
    </message>
    <message>
        <source>The disk or the database is full; what was being written is not saved (free some space and try again). </source>
        <translation>Der Datenträger oder die Datenbank ist voll; was gerade geschrieben wurde, ist nicht gespeichert (schaffen Sie Platz und versuchen Sie es erneut). </translation>
    </message>
    <message>
        <source>The disk could not be written or read (full, failing or removed?). </source>
        <translation>Der Datenträger ließ sich nicht beschreiben oder lesen (voll, defekt oder entfernt?). </translation>
    </message>
    <message>
        <source>The database file is read-only (check its permissions). </source>
        <translation>Die Datenbankdatei ist schreibgeschützt (prüfen Sie ihre Berechtigungen). </translation>
    </message>
    <message>
        <source>The database file is not an SQLite database. </source>
        <translation>Die Datenbankdatei ist keine SQLite-Datenbank. </translation>
    </message>
    <message>
        <source>Cannot prepare the connection to %1: %2</source>
        <translation>Die Verbindung zu %1 kann nicht vorbereitet werden: %2</translation>
    </message>
    <message>
        <source>Cannot connect to the PostgreSQL database %1: %2 (Is the server running and reachable? The password comes from ~/.pgpass or PGPASSFILE, or in the window from the system keyring.)</source>
        <translation>Keine Verbindung zur PostgreSQL-Datenbank %1: %2 (Läuft der Server und ist er erreichbar? Das Passwort kommt aus ~/.pgpass oder PGPASSFILE, im Fenster aus dem Schlüsselbund des Systems.)</translation>
    </message>
    <message>
        <source>The disk or the database is full; what was being written is not saved (free some space on the server and try again). </source>
        <translation>Der Datenträger oder die Datenbank ist voll; was gerade geschrieben wurde, ist nicht gespeichert (schaffen Sie Platz auf dem Server und versuchen Sie es erneut). </translation>
    </message>
    <message>
        <source>The database server refused this for lack of privileges (ask the database&apos;s admin). </source>
        <translation>Der Datenbankserver hat dies mangels Berechtigung abgelehnt (fragen Sie den Administrator der Datenbank). </translation>
    </message>
    <message>
        <source>The database server is read-only (a standby?). </source>
        <translation>Der Datenbankserver ist schreibgeschützt (ein Standby?). </translation>
    </message>
    <message>
        <source>The connection to the database server was lost; what was being written is not saved (check the server and try again). </source>
        <translation>Die Verbindung zum Datenbankserver ist abgerissen; was gerade geschrieben wurde, ist nicht gespeichert (prüfen Sie den Server und versuchen Sie es erneut). </translation>
    </message>
    <message>
        <source>search for &quot;%1&quot;</source>
        <translation>nach „%1“ zu suchen</translation>
    </message>
    <message>
        <source>read from %1</source>
        <translation>aus %1 zu lesen</translation>
    </message>
    <message>
        <source>copy into %1 of %2</source>
        <translation>in %1 von %2 zu kopieren</translation>
    </message>
    <message>
        <source>copy when %1 was first seen</source>
        <translation>zu kopieren, wann %1 zuerst gesehen wurde</translation>
    </message>
    <message>
        <source>copy your state of %1</source>
        <translation>Ihren Zustand von %1 zu kopieren</translation>
    </message>
    <message>
        <source>copy your shared note on %1</source>
        <translation>Ihre geteilte Notiz zu %1 zu kopieren</translation>
    </message>
    <message>
        <source>record the provider batch %1</source>
        <translation>den Anbieter-Stapel %1 festzuhalten</translation>
    </message>
    <message>
        <source>record the papers of provider batch %1</source>
        <translation>die Artikel des Anbieter-Stapels %1 festzuhalten</translation>
    </message>
    <message>
        <source>read the provider batches</source>
        <translation>die Anbieter-Stapel zu lesen</translation>
    </message>
    <message>
        <source>read the papers of provider batch %1</source>
        <translation>die Artikel des Anbieter-Stapels %1 zu lesen</translation>
    </message>
    <message>
        <source>record a provider batch&apos;s state</source>
        <translation>den Zustand eines Anbieter-Stapels festzuhalten</translation>
    </message>
    <message>
        <source>record the end of a provider batch</source>
        <translation>das Ende eines Anbieter-Stapels festzuhalten</translation>
    </message>
    <message>
        <source>look up %1 papers</source>
        <translation>%1 Artikel nachzuschlagen</translation>
    </message>
    <message>
        <source>look up the listings of %1 papers</source>
        <translation>die Listungen von %1 Artikeln nachzuschlagen</translation>
    </message>
    <message>
        <source>store paper %1</source>
        <translation>den Artikel %1 zu speichern</translation>
    </message>
    <message>
        <source>keep version %1 of %2</source>
        <translation>Version %1 von %2 aufzubewahren</translation>
    </message>
    <message>
        <source>update paper %1</source>
        <translation>den Artikel %1 zu aktualisieren</translation>
    </message>
    <message>
        <source>record the listing of %1</source>
        <translation>die Listung von %1 festzuhalten</translation>
    </message>
    <message>
        <source>look up paper %1</source>
        <translation>den Artikel %1 nachzuschlagen</translation>
    </message>
    <message>
        <source>read the state of feed %1</source>
        <translation>den Stand des Feeds %1 zu lesen</translation>
    </message>
    <message>
        <source>save the state of feed %1</source>
        <translation>den Stand des Feeds %1 zu speichern</translation>
    </message>
    <message>
        <source>read paper %1</source>
        <translation>den Artikel %1 zu lesen</translation>
    </message>
    <message>
        <source>read the versions of %1</source>
        <translation>die Versionen von %1 zu lesen</translation>
    </message>
    <message>
        <source>read the shared notes</source>
        <translation>die geteilten Notizen zu lesen</translation>
    </message>
    <message>
        <source>read the papers of %1</source>
        <translation>die Artikel vom %1 zu lesen</translation>
    </message>
    <message>
        <source>read the papers from %1 to %2</source>
        <translation>die Artikel vom %1 bis %2 zu lesen</translation>
    </message>
    <message>
        <source>count the papers</source>
        <translation>die Artikel zu zählen</translation>
    </message>
    <message>
        <source>read the tags</source>
        <translation>die Schlagwörter zu lesen</translation>
    </message>
    <message>
        <source>list the days</source>
        <translation>die Tage aufzulisten</translation>
    </message>
    <message>
        <source>count the scores of each day</source>
        <translation>die Bewertungen jedes Tages zu zählen</translation>
    </message>
    <message>
        <source>read the state of %1</source>
        <translation>den Zustand von %1 zu lesen</translation>
    </message>
    <message>
        <source>read the tags of %1</source>
        <translation>die Schlagwörter von %1 zu lesen</translation>
    </message>
    <message>
        <source>read the shared note of %1</source>
        <translation>die geteilte Notiz zu %1 zu lesen</translation>
    </message>
    <message>
        <source>save the state of %1</source>
        <translation>den Zustand von %1 zu speichern</translation>
    </message>
    <message>
        <source>save the tags of %1</source>
        <translation>die Schlagwörter von %1 zu speichern</translation>
    </message>
    <message>
        <source>save tag %1 of %2</source>
        <translation>das Schlagwort %1 von %2 zu speichern</translation>
    </message>
    <message>
        <source>withdraw the shared note of %1</source>
        <translation>die geteilte Notiz zu %1 zurückzuziehen</translation>
    </message>
    <message>
        <source>save the shared note of %1</source>
        <translation>die geteilte Notiz zu %1 zu speichern</translation>
    </message>
    <message>
        <source>share the note of %1</source>
        <translation>die Notiz zu %1 zu teilen</translation>
    </message>
    <message>
        <source>save %1&apos;s shared note on %2</source>
        <translation>die geteilte Notiz von %1 zu %2 zu speichern</translation>
    </message>
    <message>
        <source>read the shared notes of %1</source>
        <translation>die geteilten Notizen zu %1 zu lesen</translation>
    </message>
    <message>
        <source>list the tags</source>
        <translation>die Schlagwörter aufzulisten</translation>
    </message>
    <message>
        <source>store the score of %1</source>
        <translation>die Bewertung von %1 zu speichern</translation>
    </message>
    <message>
        <source>record the prompt %1 as the member&apos;s</source>
        <translation>den Prompt %1 als den des Mitglieds festzuhalten</translation>
    </message>
    <message>
        <source>read the scores of %1</source>
        <translation>die Bewertungen von %1 zu lesen</translation>
    </message>
    <message>
        <source>save the run of %1</source>
        <translation>den Lauf vom %1 zu speichern</translation>
    </message>
    <message>
        <source>read the run of %1</source>
        <translation>den Lauf vom %1 zu lesen</translation>
    </message>
    <message>
        <source>count the store&apos;s contents</source>
        <translation>den Inhalt der Datenbank zu zählen</translation>
    </message>
    <message>
        <source>ask whether this role is the lab&apos;s account</source>
        <translation>zu prüfen, ob diese Rolle das Konto des Labors ist</translation>
    </message>
    <message>
        <source>read the prompts whose scores the member sees</source>
        <translation>die Prompts zu lesen, deren Bewertungen das Mitglied sieht</translation>
    </message>
</context>
<context>
    <name>Lectern::DayCalendar</name>
    <message>
        <source>%1: %2, %3</source>
        <translation>%1: %2, %3</translation>
    </message>
    <message numerus="yes">
        <source>%n day(s)</source>
        <translation>
            <numerusform>%n Tag</numerusform>
            <numerusform>%n Tage</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n paper(s)</source>
        <translation>
            <numerusform>%n Artikel</numerusform>
            <numerusform>%n Artikel</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>, %n partial</source>
        <translation>
            <numerusform>, %n unvollständig</numerusform>
            <numerusform>, %n unvollständig</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n paper(s); the fetch looked incomplete</source>
        <translation>
            <numerusform>%n Artikel; der Abruf wirkte unvollständig</numerusform>
            <numerusform>%n Artikel; der Abruf wirkte unvollständig</numerusform>
        </translation>
    </message>
    <message>
        <source>No announcement (weekend or arXiv holiday)</source>
        <translation>Keine Ankündigung (Wochenende oder arXiv-Feiertag)</translation>
    </message>
    <message numerus="yes">
        <source>%n paper(s), %1 scored</source>
        <translation>
            <numerusform>%n Artikel, %1 bewertet</numerusform>
            <numerusform>%n Artikel, %1 bewertet</numerusform>
        </translation>
    </message>
    <message>
        <source>Calendar of stored days</source>
        <translation>Kalender der gespeicherten Tage</translation>
    </message>
    <message>
        <source>Days of the month</source>
        <translation>Tage des Monats</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>The fetch looked incomplete</source>
        <translation>Der Abruf wirkte unvollständig</translation>
    </message>
    <message>
        <source>Counting this day&apos;s papers…</source>
        <translation>Die Artikel dieses Tages werden gezählt …</translation>
    </message>
</context>
<context>
    <name>Lectern::DayListModel</name>
    <message numerus="yes">
        <source>%n scored</source>
        <translation>
            <numerusform>%n bewertet</numerusform>
            <numerusform>%n bewertet</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n by followed authors</source>
        <translation>
            <numerusform>%n von gefolgten Autoren</numerusform>
            <numerusform>%n von gefolgten Autoren</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n dropped by the title pre-filter</source>
        <translation>
            <numerusform>%n vom Titel-Vorfilter aussortiert</numerusform>
            <numerusform>%n vom Titel-Vorfilter aussortiert</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n below the h-index threshold</source>
        <translation>
            <numerusform>%n unter der h-Index-Schwelle</numerusform>
            <numerusform>%n unter der h-Index-Schwelle</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n failed (no usable score)</source>
        <translation>
            <numerusform>%n fehlgeschlagen (keine verwertbare Bewertung)</numerusform>
            <numerusform>%n fehlgeschlagen (keine verwertbare Bewertung)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n not scored yet</source>
        <translation>
            <numerusform>%n noch nicht bewertet</numerusform>
            <numerusform>%n noch nicht bewertet</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n paper(s)</source>
        <translation>
            <numerusform>%n Artikel</numerusform>
            <numerusform>%n Artikel</numerusform>
        </translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>, </source>
        <translation>, </translation>
    </message>
    <message>
        <source>partial</source>
        <translation>unvollständig</translation>
    </message>
    <message>
        <source>This day&apos;s fetch looked incomplete; a back-fill can complete it.</source>
        <translation>Der Abruf dieses Tages wirkte unvollständig; ein Nachladen kann ihn vervollständigen.</translation>
    </message>
    <message>
        <source>Counting this day&apos;s papers…</source>
        <translation>Die Artikel dieses Tages werden gezählt …</translation>
    </message>
</context>
<context>
    <name>Lectern::DayLock</name>
    <message>
        <source>Cancelled while waiting for another client&apos;s work on %1.</source>
        <translation>Abgebrochen, während auf die Arbeit eines anderen Clients an %1 gewartet wurde.</translation>
    </message>
</context>
<context>
    <name>Lectern::DayNavigator</name>
    <message>
        <source>Stored days</source>
        <translation>Gespeicherte Tage</translation>
    </message>
</context>
<context>
    <name>Lectern::DayPresenter</name>
    <message>
        <source>The papers of %1 could not be read: %2</source>
        <translation>Die Artikel vom %1 konnten nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>The papers of all days could not be read: %1</source>
        <translation>Die Artikel aller Tage konnten nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>The days&apos; papers could not be counted: %1</source>
        <translation>Die Artikel der Tage konnten nicht gezählt werden: %1</translation>
    </message>
    <message>
        <source>No papers are stored for %1; still showing %2. The day&apos;s bar offers a back-fill for partial days; lectern backfill fetches past days.</source>
        <translation>Für %1 sind keine Artikel gespeichert; weiterhin wird %2 gezeigt. Die Leiste des Tages bietet für unvollständige Tage ein Nachladen an; lectern backfill ruft vergangene Tage ab.</translation>
    </message>
    <message>
        <source>all days</source>
        <translation>alle Tage</translation>
    </message>
    <message>
        <source>The database could not be opened:
%1</source>
        <translation>Die Datenbank konnte nicht geöffnet werden:
%1</translation>
    </message>
    <message>
        <source>Reading the papers of %1…</source>
        <translation>Die Artikel vom %1 werden gelesen…</translation>
    </message>
    <message>
        <source>Lectern — %1</source>
        <translation>Lectern — %1</translation>
    </message>
    <message>
        <source>Loading the papers of all days…</source>
        <translation>Die Artikel aller Tage werden geladen…</translation>
    </message>
    <message>
        <source>Lectern — all days</source>
        <translation>Lectern — alle Tage</translation>
    </message>
    <message>
        <source>This is the first stored day.</source>
        <translation>Das ist der erste gespeicherte Tag.</translation>
    </message>
    <message>
        <source>This is the latest stored day.</source>
        <translation>Das ist der neueste gespeicherte Tag.</translation>
    </message>
</context>
<context>
    <name>Lectern::DayStatusBar</name>
    <message>
        <source>Back-fill this day</source>
        <translation>Diesen Tag nachladen</translation>
    </message>
    <message>
        <source>Fetch this day again through arXiv&apos;s OAI-PMH interface (approximates the announcement)</source>
        <translation>Diesen Tag erneut über die OAI-PMH-Schnittstelle von arXiv abrufen (nähert die Ankündigung an)</translation>
    </message>
    <message>
        <source>This day looks partial: %1</source>
        <translation>Dieser Tag wirkt unvollständig: %1</translation>
    </message>
    <message>
        <source>the fetch did not complete.</source>
        <translation>der Abruf wurde nicht abgeschlossen.</translation>
    </message>
</context>
<context>
    <name>Lectern::DayStatusNote</name>
    <message>
        <source>%1 failed (%2)</source>
        <translation>%1 fehlgeschlagen (%2)</translation>
    </message>
    <message>
        <source>%1 not tried</source>
        <translation>%1 nicht versucht</translation>
    </message>
    <message>
        <source>%1 repeats the items of %2 (a stale cache?)</source>
        <translation>%1 wiederholt die Einträge vom %2 (ein veralteter Cache?)</translation>
    </message>
    <message>
        <source>the feeds carry different dates</source>
        <translation>die Feeds tragen verschiedene Daten</translation>
    </message>
    <message>
        <source>the feeds are dated %1, not %2 (RSS only carries the latest announcement)</source>
        <translation>die Feeds tragen das Datum %1, nicht %2 (RSS enthält nur die neueste Ankündigung)</translation>
    </message>
    <message>
        <source>%1 feed(s) were empty while others were not</source>
        <translation>%1 Feed(s) waren leer, andere nicht</translation>
    </message>
    <message>
        <source>Completed by a back-fill from OAI-PMH datestamps (approximate).</source>
        <translation>Durch Nachladen nach OAI-PMH-Datumsstempeln vervollständigt (angenähert).</translation>
    </message>
    <message>
        <source>Back-filled from OAI-PMH datestamps; approximates the announcement.</source>
        <translation>Nach OAI-PMH-Datumsstempeln nachgeladen; nähert die Ankündigung an.</translation>
    </message>
</context>
<context>
    <name>Lectern::DbCopyCommand</name>
    <message>
        <source>db copy needs --to STORE (copy your library there) or --from STORE (copy it here).</source>
        <translation>db copy braucht --to DATENBANK (Ihre Bibliothek dorthin kopieren) oder --from DATENBANK (sie hierher kopieren).</translation>
    </message>
</context>
<context>
    <name>Lectern::DeliveryChannel</name>
    <message>
        <source>e-mail</source>
        <translation>E-Mail</translation>
    </message>
    <message>
        <source>JSON webhook</source>
        <translation>JSON-Webhook</translation>
    </message>
</context>
<context>
    <name>Lectern::DeliveryJob</name>
    <message>
        <source>Nothing to deliver: the database has no day yet</source>
        <translation>Nichts zuzustellen: Die Datenbank hat noch keinen Tag</translation>
    </message>
    <message>
        <source>Delivering %1 by %2…</source>
        <translation>%1 wird per %2 zugestellt…</translation>
    </message>
    <message>
        <source>Cancelled.</source>
        <translation>Abgebrochen.</translation>
    </message>
    <message>
        <source>No delivery channel is enabled (delivery/email/enabled, delivery/slack/enabled, delivery/matrix/enabled, delivery/webhook/enabled).</source>
        <translation>Kein Zustellweg ist eingeschaltet (delivery/email/enabled, delivery/slack/enabled, delivery/matrix/enabled, delivery/webhook/enabled).</translation>
    </message>
    <message>
        <source>%1: failed: %2</source>
        <translation>%1: fehlgeschlagen: %2</translation>
    </message>
    <message>
        <source>no %1 (put %1 in the key file %2, or set %3)</source>
        <translation>kein %1 (tragen Sie %1 in die Schlüsseldatei %2 ein oder setzen Sie %3)</translation>
    </message>
    <message>
        <source>no recipient (delivery/email/to)</source>
        <translation>kein Empfänger (delivery/email/to)</translation>
    </message>
    <message>
        <source>no room (delivery/matrix/room)</source>
        <translation>kein Raum (delivery/matrix/room)</translation>
    </message>
    <message>
        <source>%1 on %2</source>
        <translation>%1 auf %2</translation>
    </message>
    <message>
        <source>%1: %2 was already sent to %3</source>
        <translation>%1: Der Tag %2 wurde schon an %3 gesendet</translation>
    </message>
    <message>
        <source>%1: nothing to send, no paper of %2 over relevance %3 and novelty %4</source>
        <translation>%1: nichts zu senden, kein Artikel vom %2 über Relevanz %3 und Neuheit %4</translation>
    </message>
    <message>
        <source>%1: would send %2 papers of %3 to %4</source>
        <translation>%1: würde %2 Artikel vom %3 an %4 senden</translation>
    </message>
    <message>
        <source>sent, but not recorded (it may be sent again): %1</source>
        <translation>gesendet, aber nicht vermerkt (es kann erneut gesendet werden): %1</translation>
    </message>
    <message>
        <source>%1: sent %2 papers of %3 to %4%5</source>
        <translation>%1: %2 Artikel vom %3 an %4 gesendet%5</translation>
    </message>
    <message>
        <source> (test)</source>
        <translation> (Test)</translation>
    </message>
</context>
<context>
    <name>Lectern::DeliverySecrets</name>
    <message>
        <source>environment variable %1</source>
        <translation>Umgebungsvariable %1</translation>
    </message>
    <message>
        <source>the keyring</source>
        <translation>der Schlüsselbund</translation>
    </message>
    <message>
        <source>the key file %1</source>
        <translation>die Schlüsseldatei %1</translation>
    </message>
    <message>
        <source>The key file %1 can be read by others; it is ignored until only you can read it (chmod 600 %1)</source>
        <translation>Die Schlüsseldatei %1 ist für andere lesbar; sie wird ignoriert, bis nur Sie sie lesen können (chmod 600 %1)</translation>
    </message>
    <message>
        <source>The key file %1 cannot be read: %2</source>
        <translation>Die Schlüsseldatei %1 kann nicht gelesen werden: %2</translation>
    </message>
</context>
<context>
    <name>Lectern::DeliveryTester</name>
    <message>
        <source>Send test</source>
        <translation>Test senden</translation>
    </message>
    <message>
        <source>Send the latest day&apos;s digest by every enabled channel now, as a test</source>
        <translation>Den Digest des letzten Tages jetzt als Test über jeden aktivierten Kanal senden</translation>
    </message>
    <message>
        <source>Sending…</source>
        <translation>Wird gesendet…</translation>
    </message>
</context>
<context>
    <name>Lectern::DetailPane</name>
    <message>
        <source>Select a paper to read its abstract.</source>
        <translation>Wählen Sie einen Artikel, um seine Zusammenfassung zu lesen.</translation>
    </message>
    <message>
        <source>Follow %1</source>
        <translation>%1 folgen</translation>
    </message>
    <message>
        <source>Abstract page</source>
        <translation>Abstract-Seite</translation>
    </message>
    <message>
        <source>PDF</source>
        <translation>PDF</translation>
    </message>
    <message>
        <source>HTML</source>
        <translation>HTML</translation>
    </message>
    <message>
        <source>Relevance</source>
        <translation>Relevanz</translation>
    </message>
    <message>
        <source>Novelty</source>
        <translation>Neuheit</translation>
    </message>
    <message>
        <source>Comment:</source>
        <translation>Kommentar:</translation>
    </message>
    <message>
        <source>arXiv comments:</source>
        <translation>arXiv-Kommentare:</translation>
    </message>
    <message>
        <source>Journal:</source>
        <translation>Zeitschrift:</translation>
    </message>
    <message>
        <source>Tags:</source>
        <translation>Schlagwörter:</translation>
    </message>
    <message>
        <source>Note:</source>
        <translation>Notiz:</translation>
    </message>
    <message>
        <source>Version %1 was titled “%2”.</source>
        <translation>Version %1 hieß „%2“.</translation>
    </message>
    <message>
        <source>Paper details</source>
        <translation>Artikeldetails</translation>
    </message>
    <message>
        <source>More like this</source>
        <translation>Ähnliche Arbeiten</translation>
    </message>
    <message>
        <source>shared: %1</source>
        <translation>gemeinsam: %1</translation>
    </message>
    <message>
        <source>In your library (imported from %1)</source>
        <translation>In Ihrer Bibliothek (importiert aus %1)</translation>
    </message>
    <message>
        <source>scored by lectern-local (the built-in scorer, not an LLM)</source>
        <translation>bewertet von lectern-local (dem eingebauten Bewerter, nicht von einem LLM)</translation>
    </message>
    <message>
        <source>Note (shared with the group):</source>
        <translation>Notiz (mit der Gruppe geteilt):</translation>
    </message>
    <message>
        <source>Shared by %1:</source>
        <translation>Geteilt von %1:</translation>
    </message>
    <message>
        <source>last edited by %1</source>
        <translation>zuletzt bearbeitet von %1</translation>
    </message>
    <message>
        <source>%1, last edited by %2</source>
        <translation>%1, zuletzt bearbeitet von %2</translation>
    </message>
    <message>
        <source>Edit</source>
        <translation>Bearbeiten</translation>
    </message>
    <message>
        <source>You follow %1</source>
        <translation>Sie folgen %1</translation>
    </message>
</context>
<context>
    <name>Lectern::DigestHtml</name>
    <message>
        <source>← Previous day %1</source>
        <translation>← Vorheriger Tag %1</translation>
    </message>
    <message>
        <source>← Previous day</source>
        <translation>← Vorheriger Tag</translation>
    </message>
    <message>
        <source>Monthly overview %1</source>
        <translation>Monatsübersicht %1</translation>
    </message>
    <message>
        <source>Next day %1 →</source>
        <translation>Nächster Tag %1 →</translation>
    </message>
    <message>
        <source>Next day →</source>
        <translation>Nächster Tag →</translation>
    </message>
    <message>
        <source>★ Unstar</source>
        <translation>★ Markierung aufheben</translation>
    </message>
    <message>
        <source>☆ Star</source>
        <translation>☆ Markieren</translation>
    </message>
    <message>
        <source>✎ Add note</source>
        <translation>✎ Notiz hinzufügen</translation>
    </message>
    <message>
        <source>✎ Edit note</source>
        <translation>✎ Notiz bearbeiten</translation>
    </message>
</context>
<context>
    <name>Lectern::DigestView</name>
    <message>
        <source>Relevant only</source>
        <translation>Nur relevante</translation>
    </message>
    <message>
        <source>Starred only</source>
        <translation>Nur markierte</translation>
    </message>
    <message>
        <source>Save Note</source>
        <translation>Notiz speichern</translation>
    </message>
    <message>
        <source>Only the digest&apos;s papers (thresholds and followed authors); off: every paper listed that day</source>
        <translation>Nur die Artikel des Digests (Schwellen und gefolgte Autoren); aus: jeder an diesem Tag gelistete Artikel</translation>
    </message>
    <message>
        <source>Tag</source>
        <translation>Schlagwort</translation>
    </message>
    <message>
        <source>Relevance ≥ </source>
        <translation>Relevanz ≥ </translation>
    </message>
    <message>
        <source>Any relevance</source>
        <translation>Jede Relevanz</translation>
    </message>
    <message>
        <source>Novelty ≥ </source>
        <translation>Neuheit ≥ </translation>
    </message>
    <message>
        <source>Any novelty</source>
        <translation>Jede Neuheit</translation>
    </message>
    <message>
        <source>Your note on this paper</source>
        <translation>Ihre Notiz zu diesem Artikel</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Schließen</translation>
    </message>
    <message>
        <source>Save the note and close the panel (Esc)</source>
        <translation>Notiz speichern und Bereich schließen (Esc)</translation>
    </message>
    <message>
        <source>Save the note (Ctrl+Return)</source>
        <translation>Notiz speichern (Strg+Eingabe)</translation>
    </message>
    <message>
        <source>No database.</source>
        <translation>Keine Datenbank.</translation>
    </message>
    <message>
        <source>No day to show yet.</source>
        <translation>Noch kein Tag zum Anzeigen.</translation>
    </message>
    <message>
        <source>Note on %1</source>
        <translation>Notiz zu %1</translation>
    </message>
</context>
<context>
    <name>Lectern::EmptyStateWidget</name>
    <message>
        <source>Fetch today&apos;s papers</source>
        <translation>Heutige Artikel abrufen</translation>
    </message>
    <message>
        <source>&lt;h2&gt;No papers yet&lt;/h2&gt;</source>
        <translation>&lt;h2&gt;Noch keine Artikel&lt;/h2&gt;</translation>
    </message>
    <message>
        <source>Lectern fetches the day&apos;s arXiv announcements for your categories, scores them for relevance and novelty, and lists them here.</source>
        <translation>Lectern ruft die arXiv-Ankündigungen des Tages für Ihre Kategorien ab, bewertet sie nach Relevanz und Neuheit und listet sie hier auf.</translation>
    </message>
</context>
<context>
    <name>Lectern::ExportCommand</name>
    <message>
        <source>Usage: lectern [--profile DIR] export (--date D | --from D --to D | --month YYYY-MM)
                [--starred] [--tag T] [--format md|pdf|html|json|bib|ris|csv] -o FILE

Writes the digest of a day (--date), of the days from --from to --to, or the monthly
overview of --month (md, html or pdf). D is YYYY-MM-DD, today or latest.
  --starred      only the papers you starred (whatever their score)
  --tag T        only the papers you tagged T (whatever their score)
  --format F     md, pdf, html, json, bib, ris or csv; default: the extension of FILE
  -o FILE        the file to write (replaced only when the export succeeds); - for stdout
Exit codes: 0 written, 1 nothing to export or the export failed, 2 wrong arguments.
</source>
        <translation>Aufruf: lectern [--profile ORDNER] export (--date D | --from D --to D | --month JJJJ-MM)
                [--starred] [--tag T] [--format md|pdf|html|json|bib|ris|csv] -o DATEI

Schreibt den Digest eines Tages (--date), der Tage von --from bis --to oder die
Monatsübersicht von --month (md, html oder pdf). D ist JJJJ-MM-TT, today oder latest.
  --starred      nur die Artikel, die Sie markiert haben (unabhängig von ihrer Bewertung)
  --tag T        nur die Artikel mit dem Schlagwort T (unabhängig von ihrer Bewertung)
  --format F     md, pdf, html, json, bib, ris oder csv; Vorgabe: die Endung von DATEI
  -o DATEI       die zu schreibende Datei (nur ersetzt, wenn der Export gelingt); - für stdout
Exit-Codes: 0 geschrieben, 1 nichts zu exportieren oder Export fehlgeschlagen, 2 falsche Argumente.
</translation>
    </message>
    <message>
        <source>unexpected arguments: %1</source>
        <translation>unerwartete Argumente: %1</translation>
    </message>
</context>
<context>
    <name>Lectern::ExportController</name>
    <message>
        <source>Cancel Export</source>
        <translation>Export abbrechen</translation>
    </message>
    <message>
        <source>Stop the export; no file is written</source>
        <translation>Export anhalten; es wird keine Datei geschrieben</translation>
    </message>
    <message>
        <source>Open Folder</source>
        <translation>Ordner öffnen</translation>
    </message>
    <message>
        <source>Show the folder of the exported file</source>
        <translation>Den Ordner der exportierten Datei zeigen</translation>
    </message>
    <message>
        <source>An export is running; wait for it or cancel it first.</source>
        <translation>Ein Export läuft; warten Sie ihn ab oder brechen Sie ihn zuerst ab.</translation>
    </message>
    <message>
        <source>Exporting %1…</source>
        <translation>Exportiere %1…</translation>
    </message>
    <message>
        <source>Cancelling the export…</source>
        <translation>Export wird abgebrochen…</translation>
    </message>
    <message>
        <source>Wrote %1 (the export was done before it could be cancelled).</source>
        <translation>%1 geschrieben (der Export war fertig, bevor er abgebrochen werden konnte).</translation>
    </message>
    <message>
        <source>Export cancelled; nothing was written.</source>
        <translation>Export abgebrochen; nichts wurde geschrieben.</translation>
    </message>
    <message>
        <source>Export failed: %1</source>
        <translation>Export fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>Exporting %1 to %2 failed.

%3</source>
        <translation>Der Export von %1 nach %2 ist fehlgeschlagen.

%3</translation>
    </message>
</context>
<context>
    <name>Lectern::ExportDialog</name>
    <message>
        <source>&amp;Export</source>
        <translation>&amp;Exportieren</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>Exportieren</translation>
    </message>
    <message>
        <source>What</source>
        <translation>Inhalt</translation>
    </message>
    <message>
        <source>This &amp;day (%1)</source>
        <translation>Dieser &amp;Tag (%1)</translation>
    </message>
    <message>
        <source>Days &amp;from</source>
        <translation>Tage &amp;von</translation>
    </message>
    <message>
        <source>&amp;Monthly overview of</source>
        <translation>&amp;Monatsübersicht für</translation>
    </message>
    <message numerus="yes">
        <source>The papers the current &amp;filter shows (%n)</source>
        <translation>
            <numerusform>Der Artikel, den der aktuelle &amp;Filter zeigt (%n)</numerusform>
            <numerusform>Die Artikel, die der aktuelle &amp;Filter zeigt (%n)</numerusform>
        </translation>
    </message>
    <message>
        <source>to</source>
        <translation>bis</translation>
    </message>
    <message>
        <source>Papers of the days</source>
        <translation>Artikel der Tage</translation>
    </message>
    <message>
        <source>The &amp;digest (relevant papers)</source>
        <translation>Der &amp;Digest (relevante Artikel)</translation>
    </message>
    <message>
        <source>Only &amp;starred papers</source>
        <translation>Nur mar&amp;kierte Artikel</translation>
    </message>
    <message>
        <source>Only papers &amp;tagged</source>
        <translation>Nur Artikel mit Schlag&amp;wort</translation>
    </message>
    <message>
        <source>File</source>
        <translation>Datei</translation>
    </message>
    <message>
        <source>Markdown (.md)</source>
        <translation>Markdown (.md)</translation>
    </message>
    <message>
        <source>PDF (.pdf)</source>
        <translation>PDF (.pdf)</translation>
    </message>
    <message>
        <source>HTML (.html)</source>
        <translation>HTML (.html)</translation>
    </message>
    <message>
        <source>JSON (.json)</source>
        <translation>JSON (.json)</translation>
    </message>
    <message>
        <source>BibTeX (.bib)</source>
        <translation>BibTeX (.bib)</translation>
    </message>
    <message>
        <source>RIS (.ris)</source>
        <translation>RIS (.ris)</translation>
    </message>
    <message>
        <source>A4</source>
        <translation>A4</translation>
    </message>
    <message>
        <source>Letter</source>
        <translation>US-Letter</translation>
    </message>
    <message>
        <source>PDF page size; the default is the digest page size of the settings</source>
        <translation>Seitengröße des PDFs; vorgegeben ist die Digest-Seitengröße aus den Einstellungen</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>Durchsuchen…</translation>
    </message>
    <message>
        <source>F&amp;ormat:</source>
        <translation>F&amp;ormat:</translation>
    </message>
    <message>
        <source>PDF &amp;page size:</source>
        <translation>PDF-&amp;Seitengröße:</translation>
    </message>
    <message>
        <source>&amp;Save as:</source>
        <translation>Speichern &amp;unter:</translation>
    </message>
    <message>
        <source>%1 (*.%2)</source>
        <translation>%1 (*.%2)</translation>
    </message>
    <message>
        <source>Export To</source>
        <translation>Exportieren nach</translation>
    </message>
    <message>
        <source>The range starts (%1) after it ends (%2).</source>
        <translation>Der Zeitraum beginnt (%1) nach seinem Ende (%2).</translation>
    </message>
    <message>
        <source>The current filter shows no papers.</source>
        <translation>Der aktuelle Filter zeigt keine Artikel.</translation>
    </message>
    <message>
        <source>Choose a tag.</source>
        <translation>Wählen Sie ein Schlagwort.</translation>
    </message>
    <message>
        <source>Choose the file to write.</source>
        <translation>Wählen Sie die Datei, die geschrieben werden soll.</translation>
    </message>
    <message>
        <source>%1 is a folder; choose a file name.</source>
        <translation>%1 ist ein Ordner; wählen Sie einen Dateinamen.</translation>
    </message>
    <message>
        <source>Cannot write %1: the folder %2 does not exist.</source>
        <translation>%1 kann nicht geschrieben werden: Der Ordner %2 existiert nicht.</translation>
    </message>
    <message>
        <source>Cannot write %1: the folder %2 is not writable.</source>
        <translation>%1 kann nicht geschrieben werden: Der Ordner %2 ist schreibgeschützt.</translation>
    </message>
    <message>
        <source>Cannot write %1: the file is read-only.</source>
        <translation>%1 kann nicht geschrieben werden: Die Datei ist schreibgeschützt.</translation>
    </message>
    <message>
        <source>%1 exists. Replace it?</source>
        <translation>%1 existiert bereits. Ersetzen?</translation>
    </message>
    <message>
        <source>CSV for spreadsheets (.csv)</source>
        <translation>CSV für Tabellenkalkulationen (.csv)</translation>
    </message>
    <message>
        <source>As the Di&amp;gest tab shows it (%1)</source>
        <translation>Wie der Di&amp;gest-Reiter es zeigt (%1)</translation>
    </message>
</context>
<context>
    <name>Lectern::ExportJob</name>
    <message>
        <source>%1 to %2</source>
        <translation>%1 bis %2</translation>
    </message>
    <message>
        <source>nothing to export: no day given.</source>
        <translation>nichts zu exportieren: kein Tag angegeben.</translation>
    </message>
    <message>
        <source>nothing to export: no days stored in %1.</source>
        <translation>nichts zu exportieren: keine Tage im %1 gespeichert.</translation>
    </message>
    <message>
        <source>monthly overview %1, %2 days</source>
        <translation>Monatsübersicht %1, %2 Tage</translation>
    </message>
    <message>
        <source>nothing to export: %1 is after %2.</source>
        <translation>nichts zu exportieren: %1 liegt nach %2.</translation>
    </message>
    <message>
        <source>nothing to export: no paper is selected.</source>
        <translation>nichts zu exportieren: kein Artikel ausgewählt.</translation>
    </message>
    <message>
        <source>nothing to export: none of the %1 chosen papers is stored for %2.</source>
        <translation>nichts zu exportieren: keiner der %1 gewählten Artikel ist für %2 gespeichert.</translation>
    </message>
    <message>
        <source>nothing to export: no papers stored for %1.</source>
        <translation>nichts zu exportieren: keine Artikel für %1 gespeichert.</translation>
    </message>
    <message>
        <source>starred</source>
        <translation>markiert</translation>
    </message>
    <message>
        <source>tagged “%1”</source>
        <translation>mit „%1“ verschlagwortet</translation>
    </message>
    <message>
        <source>nothing to export: no paper of %1 matches (%2).</source>
        <translation>nichts zu exportieren: kein Artikel von %1 passt (%2).</translation>
    </message>
    <message>
        <source>nothing to export: no paper of %1 is %2.</source>
        <translation>nichts zu exportieren: kein Artikel von %1 ist %2.</translation>
    </message>
    <message>
        <source> and </source>
        <translation> und </translation>
    </message>
    <message>
        <source>1 paper</source>
        <translation>1 Artikel</translation>
    </message>
    <message>
        <source>%1 papers</source>
        <translation>%1 Artikel</translation>
    </message>
    <message>
        <source>1 day</source>
        <translation>1 Tag</translation>
    </message>
    <message>
        <source>%1 days</source>
        <translation>%1 Tage</translation>
    </message>
    <message>
        <source>Exporting %1: reading the papers…</source>
        <translation>Exportiere %1: lese die Artikel…</translation>
    </message>
    <message>
        <source>Cancelled.</source>
        <translation>Abgebrochen.</translation>
    </message>
    <message>
        <source>Exporting %1: writing %2…</source>
        <translation>Exportiere %1: schreibe %2…</translation>
    </message>
    <message>
        <source>Exporting %1: saving %2…</source>
        <translation>Exportiere %1: speichere %2…</translation>
    </message>
    <message>
        <source>Wrote %1 (%2, %3).</source>
        <translation>%1 geschrieben (%2, %3).</translation>
    </message>
</context>
<context>
    <name>Lectern::FetchJob</name>
    <message>
        <source>No categories to fetch: set arxiv/categories (e.g. cs.LG, cs.AI).</source>
        <translation>Keine Kategorien zum Abrufen: Setzen Sie arxiv/categories (z. B. cs.LG, cs.AI).</translation>
    </message>
    <message>
        <source>Waiting for another client fetching %1…</source>
        <translation>Warte auf einen anderen Client, der %1 abruft…</translation>
    </message>
    <message>
        <source>Cancelled after %1 of %2 feeds.</source>
        <translation>Abgebrochen nach %1 von %2 Feeds.</translation>
    </message>
    <message>
        <source>Fetching %1 (%2 of %3)</source>
        <translation>Rufe %1 ab (%2 von %3)</translation>
    </message>
    <message>
        <source>%1: unchanged since the last fetch</source>
        <translation>%1: seit dem letzten Abruf unverändert</translation>
    </message>
    <message>
        <source>arXiv refused category %1: %2</source>
        <translation>arXiv hat die Kategorie %1 abgelehnt: %2</translation>
    </message>
    <message>
        <source>%1 failed: %2</source>
        <translation>%1 fehlgeschlagen: %2</translation>
    </message>
    <message>
        <source>Storing %1 failed: %2</source>
        <translation>Speichern von %1 fehlgeschlagen: %2</translation>
    </message>
    <message>
        <source>%1: %2 items, %3 kept</source>
        <translation>%1: %2 Einträge, %3 behalten</translation>
    </message>
    <message>
        <source>arXiv could not be reached (offline, or a proxy or firewall in the way?): </source>
        <translation>arXiv ist nicht erreichbar (offline, oder steht ein Proxy oder eine Firewall im Weg?): </translation>
    </message>
    <message>
        <source>Every feed failed: </source>
        <translation>Alle Feeds sind fehlgeschlagen: </translation>
    </message>
</context>
<context>
    <name>Lectern::FetchSummary</name>
    <message>
        <source>No announcement today (weekend or arXiv holiday): the feeds are empty.</source>
        <translation>Heute keine Ankündigung (Wochenende oder arXiv-Feiertag): Die Feeds sind leer.</translation>
    </message>
    <message>
        <source>%1: %2 arXiv papers, %3 scanned, %4 new, %5 updated</source>
        <translation>%1: %2 arXiv-Artikel, %3 durchgesehen, %4 neu, %5 aktualisiert</translation>
    </message>
    <message>
        <source> (%1 of %2 feeds unchanged since the last fetch)</source>
        <translation> (%1 von %2 Feeds seit dem letzten Abruf unverändert)</translation>
    </message>
    <message>
        <source>. The day looks partial: </source>
        <translation>. Der Tag wirkt unvollständig: </translation>
    </message>
</context>
<context>
    <name>Lectern::FilterBar</name>
    <message>
        <source>Filters</source>
        <translation>Filter</translation>
    </message>
    <message>
        <source>Starred</source>
        <translation>Markiert</translation>
    </message>
    <message>
        <source>Unread</source>
        <translation>Ungelesen</translation>
    </message>
    <message>
        <source>Hide dismissed</source>
        <translation>Verworfene ausblenden</translation>
    </message>
    <message>
        <source>Relevant only</source>
        <translation>Nur relevante</translation>
    </message>
    <message>
        <source>Search title, authors, abstract, notes (Ctrl+F)</source>
        <translation>Suche in Titel, Autoren, Zusammenfassung, Notizen (Strg+F)</translation>
    </message>
    <message>
        <source>Relevance ≥ </source>
        <translation>Relevanz ≥ </translation>
    </message>
    <message>
        <source>Any relevance</source>
        <translation>Jede Relevanz</translation>
    </message>
    <message>
        <source>This day</source>
        <translation>Dieser Tag</translation>
    </message>
    <message>
        <source>All days</source>
        <translation>Alle Tage</translation>
    </message>
    <message>
        <source>Show the chosen day&apos;s papers, or every stored day&apos;s; the filters apply to either</source>
        <translation>Die Artikel des gewählten Tages oder aller gespeicherten Tage zeigen; die Filter gelten für beides</translation>
    </message>
    <message>
        <source>Only papers at or above the digest thresholds</source>
        <translation>Nur Artikel, die die Digest-Schwellen erreichen</translation>
    </message>
    <message>
        <source>Author</source>
        <translation>Autor</translation>
    </message>
    <message>
        <source>Any tag</source>
        <translation>Jedes Schlagwort</translation>
    </message>
    <message>
        <source>Any category</source>
        <translation>Jede Kategorie</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>Suche</translation>
    </message>
    <message>
        <source>Minimum relevance</source>
        <translation>Mindestrelevanz</translation>
    </message>
    <message>
        <source>Author filter</source>
        <translation>Autorenfilter</translation>
    </message>
</context>
<context>
    <name>Lectern::FirstRunWizard</name>
    <message>
        <source>Welcome to Lectern</source>
        <translation>Willkommen bei Lectern</translation>
    </message>
    <message>
        <source>arXiv categories</source>
        <translation>arXiv-Kategorien</translation>
    </message>
    <message>
        <source>Which categories should Lectern fetch every morning? Search by code or name; choose at least one.</source>
        <translation>Welche Kategorien soll Lectern jeden Morgen abrufen? Suchen Sie nach Kürzel oder Name; wählen Sie mindestens eine.</translation>
    </message>
    <message>
        <source>Your research topics</source>
        <translation>Ihre Forschungsthemen</translation>
    </message>
    <message>
        <source>Describe up to three topics. The built-in scorer ranks papers by the relevant keywords, a language model also reads the description. Lists are comma separated.</source>
        <translation>Beschreiben Sie bis zu drei Themen. Der eingebaute Bewerter ordnet Artikel nach den relevanten Stichwörtern, ein Sprachmodell liest auch die Beschreibung. Listen werden durch Kommas getrennt.</translation>
    </message>
    <message>
        <source>Topic %1</source>
        <translation>Thema %1</translation>
    </message>
    <message>
        <source>e.g. Efficient inference for large language models</source>
        <translation>z. B. Effiziente Inferenz für große Sprachmodelle</translation>
    </message>
    <message>
        <source>What the topic is about, in your own words</source>
        <translation>Worum es bei dem Thema geht, in Ihren eigenen Worten</translation>
    </message>
    <message>
        <source>quantization, speculative decoding, kv cache</source>
        <translation>quantization, speculative decoding, kv cache</translation>
    </message>
    <message>
        <source>survey, prompt engineering</source>
        <translation>survey, prompt engineering</translation>
    </message>
    <message>
        <source>optional: on-device inference, serving systems</source>
        <translation>optional: on-device inference, serving systems</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>Name:</translation>
    </message>
    <message>
        <source>Description:</source>
        <translation>Beschreibung:</translation>
    </message>
    <message>
        <source>Relevant keywords:</source>
        <translation>Relevante Stichwörter:</translation>
    </message>
    <message>
        <source>Irrelevant keywords:</source>
        <translation>Irrelevante Stichwörter:</translation>
    </message>
    <message>
        <source>Applications:</source>
        <translation>Anwendungen:</translation>
    </message>
    <message>
        <source>Followed authors</source>
        <translation>Gefolgte Autoren</translation>
    </message>
    <message>
        <source>optional: Ada Lovelace, Alan Turing (their papers always come first)</source>
        <translation>optional: Ada Lovelace, Alan Turing (ihre Artikel stehen immer vorn)</translation>
    </message>
    <message>
        <source>Authors:</source>
        <translation>Autoren:</translation>
    </message>
    <message>
        <source>Who scores the papers</source>
        <translation>Wer die Artikel bewertet</translation>
    </message>
    <message>
        <source>The built-in scorer works offline with no key. A language model reads your topic descriptions too, at a small cost per day.</source>
        <translation>Der eingebaute Bewerter arbeitet offline und ohne Schlüssel. Ein Sprachmodell liest auch Ihre Themenbeschreibungen, für geringe Kosten pro Tag.</translation>
    </message>
    <message>
        <source>Built-in keyword scorer (no key, no network)</source>
        <translation>Eingebauter Stichwort-Bewerter (kein Schlüssel, kein Netz)</translation>
    </message>
    <message>
        <source>OpenAI</source>
        <translation>OpenAI</translation>
    </message>
    <message>
        <source>Anthropic</source>
        <translation>Anthropic</translation>
    </message>
    <message>
        <source>Local OpenAI-compatible server (Ollama, llama.cpp, vLLM)</source>
        <translation>Lokaler OpenAI-kompatibler Server (Ollama, llama.cpp, vLLM)</translation>
    </message>
    <message>
        <source>Base URL:</source>
        <translation>Basis-URL:</translation>
    </message>
    <message>
        <source>Model:</source>
        <translation>Modell:</translation>
    </message>
    <message>
        <source>API key:</source>
        <translation>API-Schlüssel:</translation>
    </message>
    <message>
        <source>Ready</source>
        <translation>Fertig</translation>
    </message>
    <message>
        <source>Everything can be changed later in Settings, and the topics in the prompt editor.</source>
        <translation>Alles lässt sich später in den Einstellungen ändern, die Themen im Prompt-Editor.</translation>
    </message>
    <message>
        <source>Fetch today&apos;s papers now</source>
        <translation>Heutige Artikel jetzt abrufen</translation>
    </message>
    <message>
        <source>The fetch runs in the background. If arXiv cannot be reached (offline, proxy), the status bar says so and Lectern opens anyway; fetch again later with File › Fetch Today.</source>
        <translation>Der Abruf läuft im Hintergrund. Ist arXiv nicht erreichbar (offline, Proxy), meldet das die Statusleiste, und Lectern öffnet trotzdem; rufen Sie später erneut mit Datei › Heutige Artikel abrufen ab.</translation>
    </message>
    <message>
        <source>not needed</source>
        <translation>nicht nötig</translation>
    </message>
    <message>
        <source>The built-in scorer needs no key and no network.</source>
        <translation>Der eingebaute Bewerter braucht weder Schlüssel noch Netz.</translation>
    </message>
    <message>
        <source>optional for most local servers</source>
        <translation>für die meisten lokalen Server optional</translation>
    </message>
    <message>
        <source>kept in the system keyring</source>
        <translation>im Schlüsselbund des Systems verwahrt</translation>
    </message>
    <message>
        <source>The key is stored in the system keyring, never in Lectern&apos;s files. Leave it empty to keep a stored key or to use OPENAI_API_KEY, ANTHROPIC_API_KEY or LECTERN_API_KEY from the environment.</source>
        <translation>Der Schlüssel wird im Schlüsselbund des Systems gespeichert, nie in den Dateien von Lectern. Lassen Sie das Feld leer, um einen gespeicherten Schlüssel zu behalten oder OPENAI_API_KEY, ANTHROPIC_API_KEY oder LECTERN_API_KEY aus der Umgebung zu verwenden.</translation>
    </message>
    <message>
        <source>no system keyring</source>
        <translation>kein Schlüsselbund</translation>
    </message>
    <message>
        <source>No system keyring is available on this desktop, so the key cannot be stored here. Set OPENAI_API_KEY, ANTHROPIC_API_KEY or LECTERN_API_KEY in the environment instead.</source>
        <translation>Auf diesem Desktop gibt es keinen Schlüsselbund, daher kann der Schlüssel hier nicht gespeichert werden. Setzen Sie stattdessen OPENAI_API_KEY, ANTHROPIC_API_KEY oder LECTERN_API_KEY in der Umgebung.</translation>
    </message>
    <message>
        <source>Choose at least one arXiv category.</source>
        <translation>Wählen Sie mindestens eine arXiv-Kategorie.</translation>
    </message>
    <message>
        <source>Topic %1 needs a name.</source>
        <translation>Thema %1 braucht einen Namen.</translation>
    </message>
    <message>
        <source>Topic %1 needs at least one relevant keyword (the built-in scorer ranks by them).</source>
        <translation>Thema %1 braucht mindestens ein relevantes Stichwort (danach ordnet der eingebaute Bewerter).</translation>
    </message>
    <message>
        <source>Describe at least one topic, with a name and at least one relevant keyword.</source>
        <translation>Beschreiben Sie mindestens ein Thema, mit Namen und mindestens einem relevanten Stichwort.</translation>
    </message>
    <message>
        <source>Name the model to use.</source>
        <translation>Geben Sie das zu verwendende Modell an.</translation>
    </message>
    <message>
        <source>The prompt folder %1 could not be created.</source>
        <translation>Der Prompt-Ordner %1 konnte nicht angelegt werden.</translation>
    </message>
    <message>
        <source>The topics could not be saved to %1: %2</source>
        <translation>Die Themen konnten nicht in %1 gespeichert werden: %2</translation>
    </message>
    <message>
        <source>Every morning Lectern fetches the new arXiv papers of your categories, scores each one for relevance to your research and for novelty, and lists them best first, so that you read the few that matter and skip the rest with a key.

Four short steps follow:
  1. the arXiv categories to fetch;
  2. your research topics, in your own words, with keywords;
  3. the scorer: the built-in one needs no account and sends nothing anywhere; an LLM (OpenAI, Anthropic or a local server) reads more closely;
  4. whether to fetch today&apos;s papers now.

Everything can be changed later in Settings (Ctrl+,) and Edit Prompts. Cancel keeps the defaults.</source>
        <translation>Jeden Morgen ruft Lectern die neuen arXiv-Artikel Ihrer Kategorien ab, bewertet jeden nach Relevanz für Ihre Forschung und nach Neuheit und listet die besten zuerst, damit Sie die wenigen wichtigen lesen und den Rest mit einer Taste überspringen.

Es folgen vier kurze Schritte:
  1. die abzurufenden arXiv-Kategorien;
  2. Ihre Forschungsthemen, in eigenen Worten, mit Stichwörtern;
  3. der Bewerter: Der eingebaute braucht kein Konto und sendet nichts nach außen; ein LLM (OpenAI, Anthropic oder ein lokaler Server) liest genauer;
  4. ob die heutigen Artikel gleich abgerufen werden.

Alles lässt sich später in den Einstellungen (Strg+,) und unter „Prompts bearbeiten“ ändern. Abbrechen behält die Vorgaben.</translation>
    </message>
    <message>
        <source>from %1</source>
        <translation>aus %1</translation>
    </message>
    <message>
        <source>%1 is set in the environment: Lectern will use that key. A key typed here is kept in the system keyring and used instead.</source>
        <translation>%1 ist in der Umgebung gesetzt: Lectern verwendet diesen Schlüssel. Ein hier eingegebener Schlüssel wird im Schlüsselbund des Systems verwahrt und stattdessen verwendet.</translation>
    </message>
    <message>
        <source>%1 is set in the environment: Lectern will use that key.</source>
        <translation>%1 ist in der Umgebung gesetzt: Lectern verwendet diesen Schlüssel.</translation>
    </message>
    <message>
        <source>%1 is set in the environment, but its key contains spaces or characters that cannot be sent. Correct it, or type the key here (this needs a system keyring).</source>
        <translation>%1 ist in der Umgebung gesetzt, aber der Schlüssel enthält Leerzeichen oder Zeichen, die sich nicht senden lassen. Korrigieren Sie ihn oder geben Sie den Schlüssel hier ein (dafür ist ein Schlüsselbund des Systems nötig).</translation>
    </message>
</context>
<context>
    <name>Lectern::GateDecision</name>
    <message>
        <source>gate: top %1 of %2 (%3)</source>
        <translation>Vorauswahl: die besten %1 von %2 (%3)</translation>
    </message>
    <message>
        <source>%1: the model expects %2 selections in the day, the gate holds %3 of them (papers from p = %4 up)</source>
        <translation>%1: Das Modell erwartet %2 Auswahlen am Tag, die Vorauswahl enthält %3 davon (Artikel ab p = %4)</translation>
    </message>
    <message>
        <source>, chosen by the model&apos;s calibrated probabilities</source>
        <translation>, gewählt nach den kalibrierten Wahrscheinlichkeiten des Modells</translation>
    </message>
    <message>
        <source>; by the model&apos;s calibrated probabilities</source>
        <translation>; nach den kalibrierten Wahrscheinlichkeiten des Modells</translation>
    </message>
    <message>
        <source>; held-out labels: %1 positives, the target needs %2, the gate holds %3 of them</source>
        <translation>; zurückgehaltene Labels: %1 positive, das Ziel braucht %2, die Vorauswahl enthält %3 davon</translation>
    </message>
    <message>
        <source>; fewer than %1 labels to calibrate on, so the ceiling</source>
        <translation>; weniger als %1 Labels zum Kalibrieren, daher die Obergrenze</translation>
    </message>
    <message>
        <source>; random sample of the rest: %1</source>
        <translation>; Zufallsstichprobe aus dem Rest: %1</translation>
    </message>
</context>
<context>
    <name>Lectern::GateReport</name>
    <message>
        <source>Hybrid scoring: the LLM (%1) saw %2 of %3 papers (gate %4, random sample %5); the gate took %6 % of the day; the others keep the built-in scorer&apos;s marks (scored by lectern-local). </source>
        <translation>Hybride Bewertung: Das LLM (%1) sah %2 von %3 Artikeln (Vorauswahl %4, Zufallsstichprobe %5); die Vorauswahl umfasste %6 % des Tages; die übrigen behalten die Noten des eingebauten Bewerters (bewertet von lectern-local). </translation>
    </message>
    <message>
        <source>Estimated recall of the gate: %1 (%2%3 of %4 sampled papers selected, %5 in the gate).</source>
        <translation>Geschätzter Recall der Vorauswahl: %1 (%2%3 von %4 Artikeln der Stichprobe ausgewählt, %5 in der Vorauswahl).</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>unbekannt</translation>
    </message>
    <message>
        <source>at least %1 with 95 % confidence; </source>
        <translation>mindestens %1 mit 95 % Konfidenz; </translation>
    </message>
    <message>
        <source> Recall expected by the built-in model: %1 (of the %2 selections its calibrated probabilities expect in the day).</source>
        <translation> Vom eingebauten Modell erwarteter Recall: %1 (von den %2 Auswahlen, die seine kalibrierten Wahrscheinlichkeiten am Tag erwarten).</translation>
    </message>
</context>
<context>
    <name>Lectern::HIndexFilterOutcome</name>
    <message>
        <source>h-index filter: off</source>
        <translation>h-Index-Filter: aus</translation>
    </message>
    <message>
        <source>h-index filter (min %1): Semantic Scholar could not be asked, all %2 papers kept (%3)</source>
        <translation>h-Index-Filter (min. %1): Semantic Scholar war nicht zu erreichen, alle %2 Artikel behalten (%3)</translation>
    </message>
    <message>
        <source>h-index filter (min %1): %2 checked, %3 below the threshold (not sent), %4 unknown to Semantic Scholar (kept); %5 %6, %7 authors from the cache</source>
        <translation>h-Index-Filter (min. %1): %2 geprüft, %3 unter der Schwelle (nicht gesendet), %4 Semantic Scholar unbekannt (behalten); %5 %6, %7 Autoren aus dem Cache</translation>
    </message>
    <message>
        <source>request</source>
        <translation>Anfrage</translation>
    </message>
    <message>
        <source>requests</source>
        <translation>Anfragen</translation>
    </message>
</context>
<context>
    <name>Lectern::HttpClient</name>
    <message>
        <source>Cancelled: %1</source>
        <translation>Abgebrochen: %1</translation>
    </message>
    <message>
        <source> (after %1 attempts)</source>
        <translation> (nach %1 Versuchen)</translation>
    </message>
    <message>
        <source>; the server asks to wait %1 s before trying again</source>
        <translation>; der Server bittet, %1 s bis zum nächsten Versuch zu warten</translation>
    </message>
    <message>
        <source>%1; retrying in %2 s</source>
        <translation>%1; neuer Versuch in %2 s</translation>
    </message>
    <message>
        <source>%1 failed: the response is larger than %2 MB</source>
        <translation>%1 fehlgeschlagen: Die Antwort ist größer als %2 MB</translation>
    </message>
    <message>
        <source>%1 failed: %2</source>
        <translation>%1 fehlgeschlagen: %2</translation>
    </message>
    <message>
        <source>%1 failed: HTTP %2%3</source>
        <translation>%1 fehlgeschlagen: HTTP %2%3</translation>
    </message>
</context>
<context>
    <name>Lectern::ImportController</name>
    <message>
        <source>Cancel Import</source>
        <translation>Import abbrechen</translation>
    </message>
    <message>
        <source>Stop the import; what was imported so far stays</source>
        <translation>Den Import anhalten; was bisher importiert wurde, bleibt</translation>
    </message>
    <message>
        <source>Import Your Library</source>
        <translation>Ihre Bibliothek importieren</translation>
    </message>
    <message>
        <source>Libraries (*.bib *.ris *.sqlite *.txt)</source>
        <translation>Bibliotheken (*.bib *.ris *.sqlite *.txt)</translation>
    </message>
    <message>
        <source>BibTeX (*.bib)</source>
        <translation>BibTeX (*.bib)</translation>
    </message>
    <message>
        <source>RIS (*.ris)</source>
        <translation>RIS (*.ris)</translation>
    </message>
    <message>
        <source>Zotero library (zotero.sqlite *.sqlite)</source>
        <translation>Zotero-Bibliothek (zotero.sqlite *.sqlite)</translation>
    </message>
    <message>
        <source>Lists of arXiv ids or URLs (*.txt *.list)</source>
        <translation>Listen von arXiv-IDs oder URLs (*.txt *.list)</translation>
    </message>
    <message>
        <source>All files (*)</source>
        <translation>Alle Dateien (*)</translation>
    </message>
    <message>
        <source>An import is running; wait for it or cancel it first.</source>
        <translation>Ein Import läuft; warten Sie auf ihn oder brechen Sie ihn zuerst ab.</translation>
    </message>
    <message>
        <source>Importing %1…</source>
        <translation>%1 wird importiert…</translation>
    </message>
    <message>
        <source>Cancelling the import…</source>
        <translation>Der Import wird abgebrochen…</translation>
    </message>
    <message>
        <source>%1 arXiv papers added, %2 kept as text, %3 not found.</source>
        <translation>%1 arXiv-Artikel hinzugefügt, %2 als Text behalten, %3 nicht gefunden.</translation>
    </message>
    <message>
        <source>Library imported</source>
        <translation>Bibliothek importiert</translation>
    </message>
    <message>
        <source>Imported %1: %2</source>
        <translation>%1 importiert: %2</translation>
    </message>
    <message>
        <source>%1 were in your library already.</source>
        <translation>%1 waren schon in Ihrer Bibliothek.</translation>
    </message>
    <message>
        <source>Import cancelled</source>
        <translation>Import abgebrochen</translation>
    </message>
    <message>
        <source>Import of %1 cancelled after %2 of %3 references: %4 What was imported stays; import the file again for the rest.</source>
        <translation>Import von %1 nach %2 von %3 Einträgen abgebrochen: %4 Was importiert wurde, bleibt; importieren Sie die Datei erneut für den Rest.</translation>
    </message>
    <message>
        <source>Import failed</source>
        <translation>Import fehlgeschlagen</translation>
    </message>
    <message>
        <source>Importing %1 failed: %2</source>
        <translation>Der Import von %1 ist fehlgeschlagen: %2</translation>
    </message>
    <message>
        <source>Before that: %1</source>
        <translation>Davor: %1</translation>
    </message>
    <message>
        <source>The built-in scorer learns from your library and counts its papers as known.</source>
        <translation>Der eingebaute Bewerter lernt aus Ihrer Bibliothek und zählt ihre Artikel als bekannt.</translation>
    </message>
    <message>
        <source>Not found: %1</source>
        <translation>Nicht gefunden: %1</translation>
    </message>
    <message>
        <source>Not an arXiv id or URL: %1</source>
        <translation>Keine arXiv-ID oder URL: %1</translation>
    </message>
</context>
<context>
    <name>Lectern::Job</name>
    <message>
        <source>Cancelled.</source>
        <translation>Abgebrochen.</translation>
    </message>
</context>
<context>
    <name>Lectern::JobButton</name>
    <message>
        <source>✔ %1</source>
        <translation>✔ %1</translation>
    </message>
    <message>
        <source>✘ %1</source>
        <translation>✘ %1</translation>
    </message>
</context>
<context>
    <name>Lectern::JobController</name>
    <message>
        <source>&amp;Fetch Today&apos;s Papers</source>
        <translation>Heutige Artikel &amp;abrufen</translation>
    </message>
    <message>
        <source>&amp;Score Day</source>
        <translation>Tag be&amp;werten</translation>
    </message>
    <message>
        <source>&amp;Run (Fetch and Score)</source>
        <translation>&amp;Lauf starten (abrufen und bewerten)</translation>
    </message>
    <message>
        <source>Fetch today&apos;s announcements for your categories (F5)</source>
        <translation>Die heutigen Ankündigungen für Ihre Kategorien abrufen (F5)</translation>
    </message>
    <message>
        <source>Score the shown day&apos;s papers for relevance and novelty (Ctrl+R)</source>
        <translation>Die Artikel des angezeigten Tages nach Relevanz und Neuheit bewerten (Strg+R)</translation>
    </message>
    <message>
        <source>Fetch today&apos;s papers, then score them (Ctrl+Shift+R)</source>
        <translation>Heutige Artikel abrufen und dann bewerten (Strg+Umschalt+R)</translation>
    </message>
    <message>
        <source>Fetch</source>
        <translation>Abruf</translation>
    </message>
    <message>
        <source>Fetching today&apos;s papers…</source>
        <translation>Heutige Artikel werden abgerufen…</translation>
    </message>
    <message>
        <source>Run</source>
        <translation>Lauf</translation>
    </message>
    <message>
        <source>Back-fill of %1</source>
        <translation>Nachladen vom %1</translation>
    </message>
    <message>
        <source>Back-filling %1 from OAI-PMH…</source>
        <translation>%1 wird über OAI-PMH nachgeladen…</translation>
    </message>
    <message>
        <source>Nothing to score yet: fetch today&apos;s papers first.</source>
        <translation>Noch nichts zu bewerten: Rufen Sie zuerst die heutigen Artikel ab.</translation>
    </message>
    <message>
        <source>Scoring of %1</source>
        <translation>Bewertung vom %1</translation>
    </message>
    <message>
        <source>Scoring %1…</source>
        <translation>%1 wird bewertet…</translation>
    </message>
    <message>
        <source>Cancelled.</source>
        <translation>Abgebrochen.</translation>
    </message>
    <message>
        <source>Failed: %1</source>
        <translation>Fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>%1 failed: %2</source>
        <translation>%1 fehlgeschlagen: %2</translation>
    </message>
    <message>
        <source>%1 failed at %2.

%3</source>
        <translation>%1 um %2 fehlgeschlagen.

%3</translation>
    </message>
</context>
<context>
    <name>Lectern::JobErrorBar</name>
    <message>
        <source>Details…</source>
        <translation>Details…</translation>
    </message>
    <message>
        <source>Retry</source>
        <translation>Erneut versuchen</translation>
    </message>
    <message>
        <source>Start the same job again</source>
        <translation>Denselben Auftrag noch einmal starten</translation>
    </message>
    <message>
        <source>Hide this message</source>
        <translation>Diese Meldung ausblenden</translation>
    </message>
    <message>
        <source>Lectern</source>
        <translation>Lectern</translation>
    </message>
</context>
<context>
    <name>Lectern::JobStatusIndicator</name>
    <message>
        <source>Tokens and cost of the running scoring job</source>
        <translation>Tokens und Kosten der laufenden Bewertung</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Stop the running job (Esc)</source>
        <translation>Den laufenden Auftrag anhalten (Esc)</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>Wird abgebrochen…</translation>
    </message>
    <message>
        <source>%1/%2 papers · %3 tokens · $%4</source>
        <translation>%1/%2 Artikel · %3 Tokens · $%4</translation>
    </message>
</context>
<context>
    <name>Lectern::KeyringStore</name>
    <message>
        <source>The system keyring could not be read: %1</source>
        <translation>Der Schlüsselbund des Systems konnte nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>The key was not saved: no usable system keyring (%1). Set OPENAI_API_KEY, ANTHROPIC_API_KEY or LECTERN_API_KEY in the environment instead.</source>
        <translation>Der Schlüssel wurde nicht gespeichert: kein nutzbarer Schlüsselbund (%1). Setzen Sie stattdessen OPENAI_API_KEY, ANTHROPIC_API_KEY oder LECTERN_API_KEY in der Umgebung.</translation>
    </message>
    <message>
        <source>The password was not saved: no usable system keyring (%1). Put it in ~/.pgpass (chmod 600) instead.</source>
        <translation>Das Passwort wurde nicht gespeichert: kein nutzbarer Schlüsselbund (%1). Legen Sie es stattdessen in ~/.pgpass ab (chmod 600).</translation>
    </message>
    <message>
        <source>The secret was not saved: no usable system keyring (%1). Put it in the key file or the environment instead.</source>
        <translation>Das Geheimnis wurde nicht gespeichert: kein nutzbarer Systemschlüsselbund (%1). Legen Sie es stattdessen in die Schlüsseldatei oder in die Umgebung.</translation>
    </message>
</context>
<context>
    <name>Lectern::LibraryCommands</name>
    <message>
        <source>not an arXiv id or URL: &quot;%1&quot;</source>
        <translation>keine arXiv-Kennung oder -URL: „%1“</translation>
    </message>
    <message>
        <source>not imported: %1</source>
        <translation>nicht importiert: %1</translation>
    </message>
</context>
<context>
    <name>Lectern::LibraryImportJob</name>
    <message>
        <source>Reading %1…</source>
        <translation>Lese %1…</translation>
    </message>
    <message>
        <source>Importing %1 of %2 from %3…</source>
        <translation>Importiere %1 von %2 aus %3…</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
</context>
<context>
    <name>Lectern::LibraryImportSummary</name>
    <message>
        <source>%1: %2 arXiv papers added, %3 kept as text, %4 not found</source>
        <translation>%1: %2 arXiv-Artikel hinzugefügt, %3 als Text behalten, %4 nicht gefunden</translation>
    </message>
    <message>
        <source>; %1 in the library already</source>
        <translation>; %1 bereits in der Bibliothek</translation>
    </message>
    <message>
        <source>; %1 of %2 references not handled</source>
        <translation>; %1 von %2 Verweisen nicht verarbeitet</translation>
    </message>
    <message>
        <source>; %1 unreadable</source>
        <translation>; %1 unlesbar</translation>
    </message>
</context>
<context>
    <name>Lectern::LibraryStore</name>
    <message>
        <source>A reference without an arXiv id, DOI or title cannot be kept.</source>
        <translation>Eine Referenz ohne arXiv-Kennung, DOI oder Titel kann nicht verwahrt werden.</translation>
    </message>
</context>
<context>
    <name>Lectern::ListeningConnection</name>
    <message>
        <source>Cannot listen for other clients&apos; changes on %1: %2</source>
        <translation>Änderungen anderer Clients auf %1 können nicht empfangen werden: %2</translation>
    </message>
    <message>
        <source>not connected</source>
        <translation>nicht verbunden</translation>
    </message>
    <message>
        <source>the driver gives no PostgreSQL connection</source>
        <translation>der Treiber liefert keine PostgreSQL-Verbindung</translation>
    </message>
    <message>
        <source>the server did not answer within %1 s</source>
        <translation>der Server hat nicht innerhalb von %1 s geantwortet</translation>
    </message>
</context>
<context>
    <name>Lectern::Llm</name>
    <message>
        <source> after %1 attempts</source>
        <translation> nach %1 Versuchen</translation>
    </message>
    <message>
        <source>. Is the server running at %1?</source>
        <translation>. Läuft der Server unter %1?</translation>
    </message>
    <message>
        <source>%1 refused the API key (HTTP 401%2). Check the key stored in Settings, or %3.</source>
        <translation>%1 hat den API-Schlüssel abgelehnt (HTTP 401%2). Prüfen Sie den in den Einstellungen gespeicherten Schlüssel oder %3.</translation>
    </message>
    <message>
        <source>%1 denied access (HTTP 403%2). The key may not be allowed to use model &quot;%3&quot;.</source>
        <translation>%1 hat den Zugriff verweigert (HTTP 403%2). Der Schlüssel darf das Modell „%3“ womöglich nicht nutzen.</translation>
    </message>
    <message>
        <source>Not found (HTTP 404) at %1%2. Check the base URL and the model name &quot;%3&quot;.</source>
        <translation>Nicht gefunden (HTTP 404) unter %1%2. Prüfen Sie die Basis-URL und den Modellnamen „%3“.</translation>
    </message>
    <message>
        <source>%1 says the request is too large (HTTP 413%2). Lower the batch size.</source>
        <translation>%1 meldet, die Anfrage sei zu groß (HTTP 413%2). Verringern Sie die Stapelgröße.</translation>
    </message>
    <message>
        <source>%1 kept refusing for its rate limit (HTTP 429%2)%3.</source>
        <translation>%1 hat wegen seines Ratenlimits weiter abgelehnt (HTTP 429%2)%3.</translation>
    </message>
    <message>
        <source>%1 is unavailable (HTTP %2%3)%4.</source>
        <translation>%1 ist nicht verfügbar (HTTP %2%3)%4.</translation>
    </message>
    <message>
        <source>%1 did not complete the request (HTTP %2%3)%4.</source>
        <translation>%1 hat die Anfrage nicht abgeschlossen (HTTP %2%3)%4.</translation>
    </message>
    <message>
        <source>%1 rejected the request (HTTP %2%3).%4</source>
        <translation>%1 hat die Anfrage abgelehnt (HTTP %2%3).%4</translation>
    </message>
    <message>
        <source> The batch is too long for the model: lower the batch size.</source>
        <translation> Der Stapel ist zu lang für das Modell: Verringern Sie die Stapelgröße.</translation>
    </message>
    <message>
        <source>Unexpected answer from %1 (HTTP %2).</source>
        <translation>Unerwartete Antwort von %1 (HTTP %2).</translation>
    </message>
    <message>
        <source>%1 says the account is out of credit or over its spending limit (HTTP %2%3). Scoring stopped; add credit or raise the limit, then run again.</source>
        <translation>%1 meldet, das Konto habe kein Guthaben mehr oder sei über seinem Ausgabenlimit (HTTP %2%3). Die Bewertung wurde angehalten; laden Sie Guthaben auf oder erhöhen Sie das Limit und starten Sie erneut.</translation>
    </message>
</context>
<context>
    <name>Lectern::LlmBatchApi</name>
    <message>
        <source>The request name &quot;%1&quot; is not 1 to 64 letters, digits, &apos;-&apos; or &apos;_&apos;</source>
        <translation>Der Anfragename „%1“ besteht nicht aus 1 bis 64 Buchstaben, Ziffern, „-“ oder „_“</translation>
    </message>
    <message>
        <source>The request name &quot;%1&quot; appears twice in the batch</source>
        <translation>Der Anfragename „%1“ kommt im Stapel zweimal vor</translation>
    </message>
    <message>
        <source>Creating the batch failed: %1</source>
        <translation>Das Anlegen des Stapels schlug fehl: %1</translation>
    </message>
    <message>
        <source>The batch was created without a usable id</source>
        <translation>Der Stapel wurde ohne brauchbare Kennung angelegt</translation>
    </message>
    <message>
        <source>The reply from %1 is not a JSON object (%2)</source>
        <translation>Die Antwort von %1 ist kein JSON-Objekt (%2)</translation>
    </message>
    <message>
        <source>Downloading the batch results failed: %1</source>
        <translation>Das Herunterladen der Stapelergebnisse schlug fehl: %1</translation>
    </message>
    <message>
        <source>Uploading the batch failed: %1</source>
        <translation>Das Hochladen des Stapels schlug fehl: %1</translation>
    </message>
    <message>
        <source>The upload was answered without a usable file id</source>
        <translation>Das Hochladen wurde ohne brauchbare Dateikennung beantwortet</translation>
    </message>
    <message>
        <source>The batch ended as %1</source>
        <translation>Der Stapel endete als %1</translation>
    </message>
    <message>
        <source>The batch names an unusable file id</source>
        <translation>Der Stapel nennt eine unbrauchbare Dateikennung</translation>
    </message>
    <message>
        <source>No request of the batch succeeded</source>
        <translation>Keine Anfrage des Stapels gelang</translation>
    </message>
    <message>
        <source>The request ended as %1</source>
        <translation>Die Anfrage endete als %1</translation>
    </message>
    <message>
        <source>Local servers have no batch interface; score them directly</source>
        <translation>Lokale Server haben keine Stapel-Schnittstelle; bewerten Sie direkt</translation>
    </message>
</context>
<context>
    <name>Lectern::LlmConfig</name>
    <message>
        <source>The local server</source>
        <translation>Der lokale Server</translation>
    </message>
</context>
<context>
    <name>Lectern::LlmProvider</name>
    <message>
        <source>The reply from %1 is not a %2 (%3).</source>
        <translation>Die Antwort von %1 ist kein %2 (%3).</translation>
    </message>
    <message>
        <source>The server answered with an error: %1</source>
        <translation>Der Server hat mit einem Fehler geantwortet: %1</translation>
    </message>
    <message>
        <source>The model refused: %1</source>
        <translation>Das Modell hat abgelehnt: %1</translation>
    </message>
    <message>
        <source>The model refused to score this batch: %1</source>
        <translation>Das Modell hat abgelehnt, diesen Stapel zu bewerten: %1</translation>
    </message>
    <message>
        <source>The title pre-filter&apos;s reply was cut off.</source>
        <translation>Die Antwort des Titel-Vorfilters wurde abgeschnitten.</translation>
    </message>
    <message>
        <source>The title pre-filter&apos;s reply holds no list of ids: &quot;%1&quot;</source>
        <translation>Die Antwort des Titel-Vorfilters enthält keine Liste von Kennungen: „%1“</translation>
    </message>
    <message>
        <source>The reply is empty.</source>
        <translation>Die Antwort ist leer.</translation>
    </message>
    <message>
        <source>The reply holds no scores in JSON: &quot;%1&quot;</source>
        <translation>Die Antwort enthält keine Bewertungen in JSON: „%1“</translation>
    </message>
    <message>
        <source>no reason given</source>
        <translation>kein Grund angegeben</translation>
    </message>
</context>
<context>
    <name>Lectern::LlmProviders</name>
    <message>
        <source>The scoring provider &quot;%1&quot; is not an LLM provider</source>
        <translation>Der Bewertungsanbieter „%1“ ist kein LLM-Anbieter</translation>
    </message>
    <message>
        <source>No API key for %1: %2</source>
        <translation>Kein API-Schlüssel für %1: %2</translation>
    </message>
    <message>
        <source>No model is set for %1</source>
        <translation>Für %1 ist kein Modell eingestellt</translation>
    </message>
    <message>
        <source>The base URL &quot;%1&quot; for %2 is not an http(s) address</source>
        <translation>Die Basis-URL „%1“ für %2 ist keine http(s)-Adresse</translation>
    </message>
    <message>
        <source>The API key for %1 contains spaces or characters that cannot be sent</source>
        <translation>Der API-Schlüssel für %1 enthält Leerzeichen oder Zeichen, die sich nicht senden lassen</translation>
    </message>
    <message>
        <source>The base URL for %1 uses http: the API key would travel unencrypted; use https</source>
        <translation>Die Basis-URL für %1 nutzt http: Der API-Schlüssel ginge unverschlüsselt über das Netz; nutzen Sie https</translation>
    </message>
    <message>
        <source>Unknown LLM provider &quot;%1&quot;: expected openai, anthropic or local</source>
        <translation>Unbekannter LLM-Anbieter „%1“: erwartet wird openai, anthropic oder local</translation>
    </message>
    <message>
        <source>Connected to %1 at %2; model &quot;%3&quot; is available.</source>
        <translation>Verbunden mit %1 unter %2; das Modell „%3“ ist verfügbar.</translation>
    </message>
    <message>
        <source>Connected to %1 at %2, but it does not list model &quot;%3&quot; among its %4 models.</source>
        <translation>Verbunden mit %1 unter %2, aber das Modell „%3“ ist nicht unter seinen %4 Modellen aufgeführt.</translation>
    </message>
    <message>
        <source>Scoring a sample paper failed: %1</source>
        <translation>Die Bewertung eines Beispielartikels schlug fehl: %1</translation>
    </message>
    <message>
        <source>store one in Settings or set %1 in the environment</source>
        <translation>speichern Sie einen in den Einstellungen oder setzen Sie %1 in der Umgebung</translation>
    </message>
    <message>
        <source> or </source>
        <translation> oder </translation>
    </message>
</context>
<context>
    <name>Lectern::MailSender</name>
    <message>
        <source>the server %1 refused the user name or password (user %2)</source>
        <translation>der Server %1 hat Benutzername oder Passwort abgelehnt (Benutzer %2)</translation>
    </message>
    <message>
        <source>the server %1 does not offer STARTTLS and TLS is required; use smtps:// or a server that offers TLS</source>
        <translation>der Server %1 bietet kein STARTTLS an, TLS ist aber verlangt; verwenden Sie smtps:// oder einen Server, der TLS anbietet</translation>
    </message>
    <message>
        <source>could not connect to %1 (is the server running, is the port right?)</source>
        <translation>keine Verbindung zu %1 (läuft der Server, stimmt der Port?)</translation>
    </message>
    <message>
        <source>the host of %1 was not found</source>
        <translation>der Host von %1 wurde nicht gefunden</translation>
    </message>
    <message>
        <source>%1 did not answer in time</source>
        <translation>%1 hat nicht rechtzeitig geantwortet</translation>
    </message>
    <message>
        <source>the certificate of %1 could not be verified (a server with its own certificate needs delivery/email/caFile)</source>
        <translation>das Zertifikat von %1 ließ sich nicht prüfen (ein Server mit eigenem Zertifikat braucht delivery/email/caFile)</translation>
    </message>
    <message>
        <source>the CA file %1 cannot be read</source>
        <translation>die CA-Datei %1 kann nicht gelesen werden</translation>
    </message>
    <message>
        <source>the TLS handshake with %1 failed</source>
        <translation>der TLS-Handshake mit %1 ist fehlgeschlagen</translation>
    </message>
    <message>
        <source>the connection to %1 broke off</source>
        <translation>die Verbindung zu %1 ist abgerissen</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>abgebrochen</translation>
    </message>
    <message>
        <source>%1 failed: %2</source>
        <translation>%1 fehlgeschlagen: %2</translation>
    </message>
    <message>
        <source>The SMTP server %1 is not an smtp:// or smtps:// URL with a host</source>
        <translation>Der SMTP-Server %1 ist keine smtp://- oder smtps://-URL mit einem Host</translation>
    </message>
    <message>
        <source>The SMTP server URL holds a user name or password; put the user in delivery/email/user and the password in the key file</source>
        <translation>Die URL des SMTP-Servers enthält einen Benutzernamen oder ein Passwort; tragen Sie den Benutzer in delivery/email/user und das Passwort in die Schlüsseldatei ein</translation>
    </message>
    <message>
        <source>Plain SMTP without TLS is only allowed to a server on this machine; %1 needs delivery/email/requireTls on</source>
        <translation>SMTP ohne TLS ist nur zu einem Server auf diesem Rechner erlaubt; %1 braucht delivery/email/requireTls eingeschaltet</translation>
    </message>
    <message>
        <source>No SMTP password for user %1 (smtp-password in the key file, or LECTERN_SMTP_PASSWORD)</source>
        <translation>Kein SMTP-Passwort für den Benutzer %1 (smtp-password in der Schlüsseldatei oder LECTERN_SMTP_PASSWORD)</translation>
    </message>
    <message>
        <source>The sender address &quot;%1&quot; is not an e-mail address</source>
        <translation>Die Absenderadresse „%1“ ist keine E-Mail-Adresse</translation>
    </message>
    <message>
        <source>No recipient (delivery/email/to)</source>
        <translation>Kein Empfänger (delivery/email/to)</translation>
    </message>
    <message>
        <source>The recipient &quot;%1&quot; is not an e-mail address</source>
        <translation>Der Empfänger „%1“ ist keine E-Mail-Adresse</translation>
    </message>
    <message>
        <source>libcurl could not be initialised</source>
        <translation>libcurl ließ sich nicht initialisieren</translation>
    </message>
    <message>
        <source>E-mail not sent: %1</source>
        <translation>E-Mail nicht gesendet: %1</translation>
    </message>
</context>
<context>
    <name>Lectern::MainMenus</name>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <source>Edit &amp;Prompts…</source>
        <translation>&amp;Prompts bearbeiten…</translation>
    </message>
    <message>
        <source>The scoring prompt and your research topics</source>
        <translation>Der Bewertungs-Prompt und Ihre Forschungsthemen</translation>
    </message>
    <message>
        <source>&amp;Export…</source>
        <translation>&amp;Exportieren…</translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation>E&amp;instellungen…</translation>
    </message>
    <message>
        <source>Categories, topics, scorer, API key, thresholds</source>
        <translation>Kategorien, Themen, Bewerter, API-Schlüssel, Schwellen</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Ansicht</translation>
    </message>
    <message>
        <source>&amp;Previous Day</source>
        <translation>&amp;Vorheriger Tag</translation>
    </message>
    <message>
        <source>Show the previous announcement day (Alt+Left)</source>
        <translation>Den vorherigen Ankündigungstag zeigen (Alt+Links)</translation>
    </message>
    <message>
        <source>&amp;Next Day</source>
        <translation>&amp;Nächster Tag</translation>
    </message>
    <message>
        <source>Show the next announcement day (Alt+Right)</source>
        <translation>Den nächsten Ankündigungstag zeigen (Alt+Rechts)</translation>
    </message>
    <message>
        <source>&amp;Search</source>
        <translation>&amp;Suchen</translation>
    </message>
    <message>
        <source>&amp;Compare Runs…</source>
        <translation>Läufe ver&amp;gleichen…</translation>
    </message>
    <message>
        <source>What moved between two scoring runs (model or prompt) of the shown day (Ctrl+Shift+C)</source>
        <translation>Was sich zwischen zwei Bewertungsläufen (Modell oder Prompt) des angezeigten Tages bewegt hat (Strg+Umschalt+C)</translation>
    </message>
    <message>
        <source>&amp;Triage</source>
        <translation>&amp;Triage</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <source>&amp;About Lectern</source>
        <translation>Über &amp;Lectern</translation>
    </message>
    <message>
        <source>About &amp;Qt</source>
        <translation>Über &amp;Qt</translation>
    </message>
    <message>
        <source>Run First-Time &amp;Setup…</source>
        <translation>&amp;Ersteinrichtung ausführen…</translation>
    </message>
    <message>
        <source>Categories, topics and scorer, step by step</source>
        <translation>Kategorien, Themen und Bewerter, Schritt für Schritt</translation>
    </message>
    <message>
        <source>Main</source>
        <translation>Hauptleiste</translation>
    </message>
    <message>
        <source>&amp;Import Library…</source>
        <translation>Bibliothek imp&amp;ortieren…</translation>
    </message>
    <message>
        <source>Your papers from BibTeX, RIS, a Zotero library (zotero.sqlite) or a list of arXiv ids: the built-in scorer learns from them and counts them as known</source>
        <translation>Ihre Artikel aus BibTeX, RIS, einer Zotero-Bibliothek (zotero.sqlite) oder einer Liste von arXiv-IDs: der eingebaute Bewerter lernt aus ihnen und zählt sie als bekannt</translation>
    </message>
    <message>
        <source>Write the day, a range of days, a month&apos;s overview or the papers the filter shows to Markdown, PDF, HTML, JSON, BibTeX, RIS or CSV (Ctrl+E)</source>
        <translation>Den Tag, einen Zeitraum, eine Monatsübersicht oder die vom Filter gezeigten Artikel als Markdown, PDF, HTML, JSON, BibTeX, RIS oder CSV schreiben (Strg+E)</translation>
    </message>
</context>
<context>
    <name>Lectern::MainWindow</name>
    <message>
        <source>Lectern</source>
        <translation>Lectern</translation>
    </message>
    <message>
        <source>Cancelled; nothing after that point was stored.</source>
        <translation>Abgebrochen; ab diesem Punkt wurde nichts gespeichert.</translation>
    </message>
    <message>
        <source>Failed: %1</source>
        <translation>Fehlgeschlagen: %1</translation>
    </message>
    <message numerus="yes">
        <source>all %n stored day(s)</source>
        <translation>
            <numerusform>%n gespeicherter Tag</numerusform>
            <numerusform>alle %n gespeicherten Tage</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 is hidden by the filters.</source>
        <translation>%1 ist durch die Filter ausgeblendet.</translation>
    </message>
    <message>
        <source>No day to export.</source>
        <translation>Kein Tag zum Exportieren.</translation>
    </message>
    <message>
        <source>About Lectern</source>
        <translation>Über Lectern</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Lectern %1&lt;/h3&gt;&lt;p&gt;The daily arXiv triage: fetch the day&apos;s papers, score them for relevance and novelty, read, star, note and export a digest.&lt;/p&gt;&lt;p&gt;Built with Qt %2.&lt;/p&gt;&lt;p&gt;Profile: %3&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Lectern %1&lt;/h3&gt;&lt;p&gt;Die tägliche arXiv-Triage: die Artikel des Tages abrufen, nach Relevanz und Neuheit bewerten, lesen, markieren, mit Notizen versehen und als Digest exportieren.&lt;/p&gt;&lt;p&gt;Erstellt mit Qt %2.&lt;/p&gt;&lt;p&gt;Profil: %3&lt;/p&gt;</translation>
    </message>
</context>
<context>
    <name>Lectern::NoteEditor</name>
    <message>
        <source>tags, comma separated (T; Enter returns to the list)</source>
        <translation>Schlagwörter, durch Kommas getrennt (T; Eingabe kehrt zur Liste zurück)</translation>
    </message>
    <message>
        <source>Your note on this paper (N). Saved as you type; Esc returns to the list.</source>
        <translation>Ihre Notiz zu diesem Artikel (N). Wird beim Tippen gespeichert; Esc kehrt zur Liste zurück.</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>Schlagwörter</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Notiz</translation>
    </message>
    <message>
        <source>Tags:</source>
        <translation>Schlagwörter:</translation>
    </message>
    <message>
        <source>Note:</source>
        <translation>Notiz:</translation>
    </message>
    <message>
        <source>%1 (the note is kept here and saved as soon as that works again)</source>
        <translation>%1 (die Notiz bleibt hier erhalten und wird gespeichert, sobald das wieder geht)</translation>
    </message>
    <message>
        <source>Share with the group</source>
        <translation>Mit der Gruppe teilen</translation>
    </message>
    <message>
        <source>Every member of the lab reads a shared note, with your name; only you change it.</source>
        <translation>Jedes Mitglied der Gruppe liest eine geteilte Notiz mit Ihrem Namen; nur Sie können sie ändern.</translation>
    </message>
    <message>
        <source>your shared note on %1 was changed elsewhere meanwhile; merge the two texts (your text is kept here until then)</source>
        <translation>Ihre geteilte Notiz zu %1 wurde inzwischen anderswo geändert; führen Sie die beiden Texte zusammen (Ihr Text bleibt bis dahin hier erhalten)</translation>
    </message>
</context>
<context>
    <name>Lectern::NoteMergeDialog</name>
    <message>
        <source>Merge Shared Note</source>
        <translation>Geteilte Notiz zusammenführen</translation>
    </message>
    <message>
        <source>Saved meanwhile</source>
        <translation>Inzwischen gespeichert</translation>
    </message>
    <message>
        <source>Your note, merged</source>
        <translation>Ihre Notiz, zusammengeführt</translation>
    </message>
    <message>
        <source>Saved meanwhile (read-only):</source>
        <translation>Inzwischen gespeichert (schreibgeschützt):</translation>
    </message>
    <message>
        <source>&amp;Yours (saved on Save):</source>
        <translation>&amp;Ihre (wird beim Speichern gesichert):</translation>
    </message>
    <message>
        <source>Your shared note on %1 was changed elsewhere while you were editing it.</source>
        <translation>Ihre geteilte Notiz zu %1 wurde anderswo geändert, während Sie sie bearbeitet haben.</translation>
    </message>
    <message>
        <source>The shared note on %1 was changed by %2 while you were editing it.</source>
        <translation>Die geteilte Notiz zu %1 wurde von %2 geändert, während Sie sie bearbeitet haben.</translation>
    </message>
    <message>
        <source>The saved text is on the left; on the right is yours, with the saved text&apos;s other lines added. Edit it and save, or cancel to go on with your text (nothing is saved then).</source>
        <translation>Links steht der gespeicherte Text, rechts Ihrer, ergänzt um die übrigen Zeilen des gespeicherten. Bearbeiten und speichern Sie ihn, oder brechen Sie ab, um mit Ihrem Text weiterzuarbeiten (dann wird nichts gespeichert).</translation>
    </message>
</context>
<context>
    <name>Lectern::OaiPmhParser</name>
    <message>
        <source>The OAI-PMH server sent an empty answer.</source>
        <translation>Der OAI-PMH-Server schickte eine leere Antwort.</translation>
    </message>
    <message>
        <source>Not an OAI-PMH answer: the document starts with &lt;%1&gt;.</source>
        <translation>Keine OAI-PMH-Antwort: Das Dokument beginnt mit &lt;%1&gt;.</translation>
    </message>
    <message>
        <source>An OAI-PMH record has an invalid arXiv id.</source>
        <translation>Ein OAI-PMH-Eintrag hat eine ungültige arXiv-ID.</translation>
    </message>
    <message>
        <source>An OAI-PMH record has no arXiv id.</source>
        <translation>Ein OAI-PMH-Eintrag hat keine arXiv-ID.</translation>
    </message>
    <message>
        <source>Malformed OAI-PMH answer (line %1): %2</source>
        <translation>Fehlerhafte OAI-PMH-Antwort (Zeile %1): %2</translation>
    </message>
    <message>
        <source>Not an OAI-PMH answer.</source>
        <translation>Keine OAI-PMH-Antwort.</translation>
    </message>
</context>
<context>
    <name>Lectern::OpenAiProvider</name>
    <message>
        <source>The reply holds no answer (no choices).</source>
        <translation>Die Antwort enthält keine Auswahl (no choices).</translation>
    </message>
    <message>
        <source>The provider&apos;s content filter cut the reply short</source>
        <translation>Der Inhaltsfilter des Anbieters hat die Antwort gekürzt</translation>
    </message>
</context>
<context>
    <name>Lectern::PaperCountLabel</name>
    <message>
        <source>No database</source>
        <translation>Keine Datenbank</translation>
    </message>
    <message>
        <source>%1 of %2 papers</source>
        <translation>%1 von %2 Artikeln</translation>
    </message>
    <message>
        <source>%1 of %2 papers, the one stored day</source>
        <translation>%1 von %2 Artikeln, der eine gespeicherte Tag</translation>
    </message>
    <message>
        <source>%1 of %2 papers, all %3 days</source>
        <translation>%1 von %2 Artikeln, alle %3 Tage</translation>
    </message>
    <message>
        <source> — no paper matches the search and filters</source>
        <translation> — kein Artikel passt zu Suche und Filtern</translation>
    </message>
</context>
<context>
    <name>Lectern::PaperStateHub</name>
    <message>
        <source>No database is open.</source>
        <translation>Keine Datenbank geöffnet.</translation>
    </message>
    <message>
        <source>The shared note on %1 was changed in another window meanwhile; nothing was saved.</source>
        <translation>Die geteilte Notiz zu %1 wurde inzwischen in einem anderen Fenster geändert; es wurde nichts gespeichert.</translation>
    </message>
</context>
<context>
    <name>Lectern::PaperStore</name>
    <message>
        <source>Not storing a paper with an invalid arXiv id (%1 characters).</source>
        <translation>Ein Artikel mit ungültiger arXiv-Kennung (%1 Zeichen) wird nicht gespeichert.</translation>
    </message>
    <message>
        <source>the shared note of %1 changed meanwhile</source>
        <translation>die geteilte Notiz zu %1 wurde inzwischen geändert</translation>
    </message>
    <message>
        <source>the shared note of %1 could not be read back</source>
        <translation>die geteilte Notiz zu %1 ließ sich nicht zurücklesen</translation>
    </message>
    <message>
        <source>%1 no longer shares a note on %2 (withdrawn meanwhile); your text was not saved</source>
        <translation>%1 teilt keine Notiz zu %2 mehr (inzwischen zurückgezogen); Ihr Text wurde nicht gespeichert</translation>
    </message>
    <message>
        <source>you may not change %1&apos;s shared note on %2: only the members of their group may (no privilege)</source>
        <translation>Sie dürfen die geteilte Notiz von %1 zu %2 nicht ändern: Das dürfen nur die Mitglieder ihrer Gruppe (keine Berechtigung)</translation>
    </message>
    <message>
        <source>A day run needs a date.</source>
        <translation>Ein Tageslauf braucht ein Datum.</translation>
    </message>
    <message>
        <source>Score of %1 out of range (relevance %2, novelty %3); scores are 1 to 10.</source>
        <translation>Bewertung von %1 außerhalb des Bereichs (Relevanz %2, Neuheit %3); Noten reichen von 1 bis 10.</translation>
    </message>
</context>
<context>
    <name>Lectern::PaperTableHeader</name>
    <message>
        <source>Columns</source>
        <translation>Spalten</translation>
    </message>
</context>
<context>
    <name>Lectern::PaperTableModel</name>
    <message>
        <source>dismissed</source>
        <translation>verworfen</translation>
    </message>
    <message>
        <source>read</source>
        <translation>gelesen</translation>
    </message>
    <message>
        <source>Rel</source>
        <translation>Rel.</translation>
    </message>
    <message>
        <source>Nov</source>
        <translation>Neuh.</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>Summe</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Titel</translation>
    </message>
    <message>
        <source>Authors</source>
        <translation>Autoren</translation>
    </message>
    <message>
        <source>Categories</source>
        <translation>Kategorien</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Typ</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>Schlagwörter</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Starred</source>
        <translation>Markiert</translation>
    </message>
    <message>
        <source>Relevance to your topics, 1–10</source>
        <translation>Relevanz für Ihre Themen, 1–10</translation>
    </message>
    <message>
        <source>Novelty, 1–10</source>
        <translation>Neuheit, 1–10</translation>
    </message>
    <message>
        <source>Relevance + novelty</source>
        <translation>Relevanz + Neuheit</translation>
    </message>
    <message>
        <source>Has a note</source>
        <translation>Hat eine Notiz</translation>
    </message>
    <message>
        <source>Starred; in your library (imported)</source>
        <translation>Markiert; in Ihrer Bibliothek (importiert)</translation>
    </message>
    <message>
        <source>In your library (imported)</source>
        <translation>In Ihrer Bibliothek (importiert)</translation>
    </message>
    <message>
        <source>Scored by lectern-local, the built-in scorer: not a language model&apos;s verdict</source>
        <translation>Bewertet von lectern-local, dem eingebauten Bewerter: kein Urteil eines Sprachmodells</translation>
    </message>
</context>
<context>
    <name>Lectern::PriceTable</name>
    <message>
        <source>Cannot write the price table %1: %2</source>
        <translation>Die Preistabelle %1 lässt sich nicht schreiben: %2</translation>
    </message>
    <message>
        <source>Cannot read the price table %1: %2</source>
        <translation>Die Preistabelle %1 lässt sich nicht lesen: %2</translation>
    </message>
    <message>
        <source>The price table %1 is unusable: %2.</source>
        <translation>Die Preistabelle %1 ist unbrauchbar: %2.</translation>
    </message>
</context>
<context>
    <name>Lectern::PriceTableEditor</name>
    <message>
        <source>Add model</source>
        <translation>Modell hinzufügen</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Entfernen</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>Modell</translation>
    </message>
    <message>
        <source>Input</source>
        <translation>Eingabe</translation>
    </message>
    <message>
        <source>Cached input</source>
        <translation>Eingabe aus Cache</translation>
    </message>
    <message>
        <source>Cache write</source>
        <translation>Cache-Schreiben</translation>
    </message>
    <message>
        <source>Output</source>
        <translation>Ausgabe</translation>
    </message>
    <message>
        <source>USD per million tokens, as the provider bills them; reasoning tokens count as output. Used for the cost meter, the daily budget and the digest&apos;s cost table.</source>
        <translation>USD pro Million Tokens, wie der Anbieter sie abrechnet; Reasoning-Tokens zählen als Ausgabe. Verwendet für die Kostenanzeige, das Tagesbudget und die Kostentabelle des Digests.</translation>
    </message>
    <message>
        <source>Saving replaces it with the table shown.</source>
        <translation>Beim Speichern wird sie durch die angezeigte Tabelle ersetzt.</translation>
    </message>
    <message>
        <source>One of Lectern&apos;s default models: its prices can be changed, not its name</source>
        <translation>Eines der Standardmodelle von Lectern: Die Preise lassen sich ändern, der Name nicht</translation>
    </message>
    <message>
        <source>model</source>
        <translation>Modell</translation>
    </message>
    <message>
        <source>input price</source>
        <translation>Eingabepreis</translation>
    </message>
    <message>
        <source>cached input price</source>
        <translation>Preis für Eingabe aus Cache</translation>
    </message>
    <message>
        <source>cache write price</source>
        <translation>Preis für Cache-Schreiben</translation>
    </message>
    <message>
        <source>output price</source>
        <translation>Ausgabepreis</translation>
    </message>
    <message>
        <source>Prices, row %1</source>
        <translation>Preise, Zeile %1</translation>
    </message>
    <message>
        <source>%1: the model has no name.</source>
        <translation>%1: Das Modell hat keinen Namen.</translation>
    </message>
    <message>
        <source>%1: %2 is listed twice.</source>
        <translation>%1: %2 steht doppelt in der Liste.</translation>
    </message>
    <message>
        <source>%1: the %2 &quot;%3&quot; is not a number ≥ 0.</source>
        <translation>%1: %2 „%3“ ist keine Zahl ≥ 0.</translation>
    </message>
    <message>
        <source>Cannot write the price table %1: %2</source>
        <translation>Die Preistabelle %1 kann nicht geschrieben werden: %2</translation>
    </message>
    <message>
        <source>Model prices</source>
        <translation>Modellpreise</translation>
    </message>
</context>
<context>
    <name>Lectern::Profile</name>
    <message>
        <source>Cannot create the profile folder %1 (check permissions and free space).</source>
        <translation>Der Profilordner %1 lässt sich nicht anlegen (prüfen Sie Rechte und freien Platz).</translation>
    </message>
</context>
<context>
    <name>Lectern::ProfileProblemsBanner</name>
    <message>
        <source>Problems in your profile (defaults are used, the files are unchanged):
%1</source>
        <translation>Probleme in Ihrem Profil (es gelten die Vorgaben, die Dateien bleiben unverändert):
%1</translation>
    </message>
</context>
<context>
    <name>Lectern::PromptEditorDialog</name>
    <message>
        <source>the shown day</source>
        <translation>der angezeigte Tag</translation>
    </message>
    <message>
        <source>Prompt Templates</source>
        <translation>Prompt-Vorlagen</translation>
    </message>
    <message>
        <source>Reset to Default</source>
        <translation>Auf Vorgabe zurücksetzen</translation>
    </message>
    <message>
        <source>Replace this template with the one Lectern ships</source>
        <translation>Diese Vorlage durch die mitgelieferte ersetzen</translation>
    </message>
    <message>
        <source>Compare with Default…</source>
        <translation>Mit Vorgabe vergleichen…</translation>
    </message>
    <message>
        <source>No placeholders in this template.</source>
        <translation>Diese Vorlage hat keine Platzhalter.</translation>
    </message>
    <message>
        <source>Placeholders: %1</source>
        <translation>Platzhalter: %1</translation>
    </message>
    <message>
        <source>About %1 template tokens per request; for the %2 papers of %3 in %4 requests: ~%5 tokens, ~$%6 (before prompt caching)</source>
        <translation>Etwa %1 Vorlagen-Tokens pro Anfrage; für die %2 Artikel (%3) in %4 Anfragen: ~%5 Tokens, ~$%6 (vor Prompt-Caching)</translation>
    </message>
    <message>
        <source>Changes against the default</source>
        <translation>Änderungen gegenüber der Vorgabe</translation>
    </message>
    <message>
        <source>Could not save %1: %2</source>
        <translation>%1 konnte nicht gespeichert werden: %2</translation>
    </message>
    <message>
        <source>Unsaved Prompt Changes</source>
        <translation>Ungespeicherte Prompt-Änderungen</translation>
    </message>
    <message>
        <source>The prompt templates have changes that are not saved.</source>
        <translation>Die Prompt-Vorlagen haben ungespeicherte Änderungen.</translation>
    </message>
    <message>
        <source>Save them, discard them, or go on editing?</source>
        <translation>Speichern, verwerfen oder weiter bearbeiten?</translation>
    </message>
    <message>
        <source>Keep Editing</source>
        <translation>Weiter bearbeiten</translation>
    </message>
    <message>
        <source>Template text</source>
        <translation>Vorlagentext</translation>
    </message>
    <message>
        <source>Template file</source>
        <translation>Vorlagendatei</translation>
    </message>
</context>
<context>
    <name>Lectern::PromptExamples</name>
    <message>
        <source>Cannot read starred and dismissed papers for the prompt&apos;s examples: %1</source>
        <translation>Markierte und verworfene Artikel für die Beispiele im Prompt lassen sich nicht lesen: %1</translation>
    </message>
</context>
<context>
    <name>Lectern::PromptTemplate</name>
    <message>
        <source>Cannot read the prompt file %1: %2</source>
        <translation>Die Prompt-Datei %1 lässt sich nicht lesen: %2</translation>
    </message>
    <message>
        <source>Cannot write the prompt file %1: %2</source>
        <translation>Die Prompt-Datei %1 lässt sich nicht schreiben: %2</translation>
    </message>
    <message>
        <source>No prompts folder given.</source>
        <translation>Kein Prompt-Ordner angegeben.</translation>
    </message>
    <message>
        <source>Cannot create the prompts folder %1 (check permissions).</source>
        <translation>Der Prompt-Ordner %1 lässt sich nicht anlegen (prüfen Sie die Rechte).</translation>
    </message>
    <message>
        <source>Unknown prompt file &quot;%1&quot; (expected one of %2).</source>
        <translation>Unbekannte Prompt-Datei „%1“ (erwartet wird eine von %2).</translation>
    </message>
    <message>
        <source>This prompt has no folder to reset.</source>
        <translation>Dieser Prompt hat keinen Ordner zum Zurücksetzen.</translation>
    </message>
</context>
<context>
    <name>Lectern::ProviderBatchController</name>
    <message>
        <source>Score as Provider &amp;Batch (half price)</source>
        <translation>Als Anbieter-Stapel bewerten (&amp;halber Preis)</translation>
    </message>
    <message>
        <source>Provider Ba&amp;tches…</source>
        <translation>Anbieter-S&amp;tapel…</translation>
    </message>
    <message>
        <source>The built-in scorer is free and scores at once: it has no batch API. Provider batches need OpenAI or Anthropic as the scorer (Preferences ▸ Scoring).</source>
        <translation>Der eingebaute Bewerter ist kostenlos und bewertet sofort: Er hat keine Stapel-API. Anbieter-Stapel brauchen OpenAI oder Anthropic als Bewerter (Einstellungen ▸ Bewertung).</translation>
    </message>
    <message>
        <source>A local server has no batch API. Provider batches need OpenAI or Anthropic as the scorer (Preferences ▸ Scoring).</source>
        <translation>Ein lokaler Server hat keine Stapel-API. Anbieter-Stapel brauchen OpenAI oder Anthropic als Bewerter (Einstellungen ▸ Bewertung).</translation>
    </message>
    <message>
        <source>Submit the shown day&apos;s papers as one %1 batch: half the price, results within 24 hours (Provider Batches… collects them)</source>
        <translation>Die Artikel des angezeigten Tages als einen %1-Stapel einreichen: halber Preis, Ergebnisse binnen 24 Stunden (Anbieter-Stapel… holt sie ab)</translation>
    </message>
    <message>
        <source>The provider batches waiting for collection (%1)</source>
        <translation>Die Anbieter-Stapel, die auf Abholung warten (%1)</translation>
    </message>
    <message>
        <source>Provider batch of %1</source>
        <translation>Anbieter-Stapel vom %1</translation>
    </message>
    <message>
        <source>Nothing to score yet: fetch today&apos;s papers first.</source>
        <translation>Noch nichts zu bewerten: Rufen Sie zuerst die heutigen Artikel ab.</translation>
    </message>
    <message>
        <source>Submitting %1 as a provider batch…</source>
        <translation>%1 wird als Anbieter-Stapel eingereicht…</translation>
    </message>
    <message>
        <source>Collecting batch %1</source>
        <translation>Abholung von Stapel %1</translation>
    </message>
    <message>
        <source>Checking batch %1</source>
        <translation>Prüfung von Stapel %1</translation>
    </message>
    <message>
        <source>No provider batch &quot;%1&quot; is recorded in this profile.</source>
        <translation>In diesem Profil ist kein Anbieter-Stapel „%1“ verzeichnet.</translation>
    </message>
    <message>
        <source>Batch %1 names an unknown provider &quot;%2&quot;.</source>
        <translation>Stapel %1 nennt einen unbekannten Anbieter „%2“.</translation>
    </message>
    <message>
        <source>Collecting batch %1…</source>
        <translation>Stapel %1 wird abgeholt…</translation>
    </message>
    <message>
        <source>Asking about batch %1…</source>
        <translation>Stapel %1 wird abgefragt…</translation>
    </message>
    <message>
        <source>Cancelling batch %1</source>
        <translation>Abbruch von Stapel %1</translation>
    </message>
    <message>
        <source>Asking the provider to cancel batch %1…</source>
        <translation>Der Anbieter wird gebeten, Stapel %1 abzubrechen…</translation>
    </message>
</context>
<context>
    <name>Lectern::ProviderBatchJob</name>
    <message>
        <source>Unknown provider batch action.</source>
        <translation>Unbekannte Aktion für einen Anbieter-Stapel.</translation>
    </message>
    <message>
        <source>Provider batch %1 of %2 is waiting already: check or collect it (Score ▸ Provider Batches…) before submitting another.</source>
        <translation>Der Anbieter-Stapel %1 von %2 wartet bereits: Prüfen oder holen Sie ihn ab (Anbieter-Stapel…), bevor Sie einen weiteren einreichen.</translation>
    </message>
    <message>
        <source>Submitting %1 as a %2 batch…</source>
        <translation>Reiche %1 als %2-Stapel ein…</translation>
    </message>
    <message>
        <source>%1: nothing submitted; the daily budget holds back %2 papers</source>
        <translation>%1: nichts eingereicht; das Tagesbudget hält %2 Artikel zurück</translation>
    </message>
    <message>
        <source>%1: nothing to submit (%2 from the cache)</source>
        <translation>%1: nichts einzureichen (%2 aus dem Cache)</translation>
    </message>
    <message>
        <source>%1: batch %2 submitted, %3 papers at half price; results within 24 hours</source>
        <translation>%1: Stapel %2 eingereicht, %3 Artikel zum halben Preis; Ergebnisse binnen 24 Stunden</translation>
    </message>
    <message>
        <source> (title filter: %1 kept, %2 dropped)</source>
        <translation> (Titelfilter: %1 behalten, %2 aussortiert)</translation>
    </message>
    <message>
        <source>; daily budget reached, %1 papers held back</source>
        <translation>; Tagesbudget erreicht, %1 Artikel zurückgehalten</translation>
    </message>
    <message>
        <source>No provider batch &quot;%1&quot; is recorded in this profile.</source>
        <translation>In diesem Profil ist kein Anbieter-Stapel „%1“ verzeichnet.</translation>
    </message>
    <message>
        <source>Batch %1 is %2 already.</source>
        <translation>Der Stapel %1 ist bereits %2.</translation>
    </message>
    <message>
        <source>Asking %1 about batch %2…</source>
        <translation>Frage %1 nach Stapel %2…</translation>
    </message>
    <message>
        <source>Batch %1 has ended (%2): Collect stores its scores</source>
        <translation>Der Stapel %1 ist beendet (%2): Abholen speichert seine Bewertungen</translation>
    </message>
    <message>
        <source>Batch %1: %2, not ended yet</source>
        <translation>Stapel %1: %2, noch nicht beendet</translation>
    </message>
    <message>
        <source>Batch %1 failed (%2): %3 papers stored unscored; score the day again</source>
        <translation>Der Stapel %1 ist fehlgeschlagen (%2): %3 Artikel unbewertet gespeichert; bewerten Sie den Tag erneut</translation>
    </message>
    <message>
        <source>Batch %1 collected: %2 scored, %3 unscored, %4 relevant</source>
        <translation>Stapel %1 abgeholt: %2 bewertet, %3 unbewertet, %4 relevant</translation>
    </message>
    <message>
        <source>Cancelling batch %1 failed: %2</source>
        <translation>Abbrechen des Stapels %1 fehlgeschlagen: %2</translation>
    </message>
    <message>
        <source>Asked %1 to cancel batch %2; Collect stores what it finished once it has ended</source>
        <translation>%1 wurde gebeten, den Stapel %2 abzubrechen; Abholen speichert, was er fertiggestellt hat, sobald er beendet ist</translation>
    </message>
</context>
<context>
    <name>Lectern::ProviderBatchResults</name>
    <message>
        <source>Request %1 of batch %2 failed: %3</source>
        <translation>Anfrage %1 von Stapel %2 schlug fehl: %3</translation>
    </message>
</context>
<context>
    <name>Lectern::ProviderBatchStore</name>
    <message>
        <source>The provider batch was collected or ended already</source>
        <translation>Der Anbieter-Stapel wurde schon abgeholt oder beendet</translation>
    </message>
</context>
<context>
    <name>Lectern::ProviderBatchesDialog</name>
    <message>
        <source>No provider batches are waiting.</source>
        <translation>Keine Anbieter-Stapel warten.</translation>
    </message>
    <message>
        <source>Check &amp;now</source>
        <translation>&amp;Jetzt prüfen</translation>
    </message>
    <message>
        <source>C&amp;ollect</source>
        <translation>&amp;Abholen</translation>
    </message>
    <message>
        <source>Cancel &amp;batch</source>
        <translation>Stapel a&amp;bbrechen</translation>
    </message>
    <message>
        <source>Provider Batches</source>
        <translation>Anbieter-Stapel</translation>
    </message>
    <message>
        <source>Batch</source>
        <translation>Stapel</translation>
    </message>
    <message>
        <source>Day</source>
        <translation>Tag</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>Modell</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Submitted</source>
        <translation>Eingereicht</translation>
    </message>
    <message>
        <source>What the last check, collect or cancel said.</source>
        <translation>Was die letzte Prüfung, Abholung oder der letzte Abbruch meldete.</translation>
    </message>
    <message>
        <source>Ask the provider how far the selected batch is</source>
        <translation>Den Anbieter fragen, wie weit der gewählte Stapel ist</translation>
    </message>
    <message>
        <source>Ask the provider and, once the batch has ended, store its scores</source>
        <translation>Den Anbieter fragen und, sobald der Stapel beendet ist, seine Bewertungen speichern</translation>
    </message>
    <message>
        <source>Ask the provider to cancel the selected batch; collect it afterwards to store what it finished</source>
        <translation>Den Anbieter bitten, den gewählten Stapel abzubrechen; holen Sie ihn danach ab, um das Fertige zu speichern</translation>
    </message>
    <message>
        <source>Waiting provider batches</source>
        <translation>Wartende Anbieter-Stapel</translation>
    </message>
    <message>
        <source>Replies from the provider</source>
        <translation>Antworten des Anbieters</translation>
    </message>
</context>
<context>
    <name>Lectern::ReaderView</name>
    <message>
        <source>The note could not be saved: %1</source>
        <translation>Die Notiz konnte nicht gespeichert werden: %1</translation>
    </message>
    <message>
        <source>Unsaved Notes</source>
        <translation>Ungespeicherte Notizen</translation>
    </message>
    <message numerus="yes">
        <source>%n note(s) could not be saved (is the disk full?). Keep Lectern open, free some space, and they are saved within seconds; closing now loses them.</source>
        <translation>
            <numerusform>%n Notiz konnte nicht gespeichert werden (ist der Datenträger voll?). Lassen Sie Lectern offen und schaffen Sie Platz, dann wird sie binnen Sekunden gespeichert; jetzt zu schließen verwirft sie.</numerusform>
            <numerusform>%n Notizen konnten nicht gespeichert werden (ist der Datenträger voll?). Lassen Sie Lectern offen und schaffen Sie Platz, dann werden sie binnen Sekunden gespeichert; jetzt zu schließen verwirft sie.</numerusform>
        </translation>
    </message>
    <message>
        <source>Keep Open</source>
        <translation>Offen lassen</translation>
    </message>
    <message>
        <source>Close and Lose Them</source>
        <translation>Schließen und verwerfen</translation>
    </message>
    <message>
        <source>Papers</source>
        <translation>Artikel</translation>
    </message>
    <message>
        <source>More Like This</source>
        <translation>Ähnliche Arbeiten</translation>
    </message>
    <message>
        <source>Finding similar papers: the index is still being built.</source>
        <translation>Ähnliche Arbeiten werden gesucht: der Index wird noch aufgebaut.</translation>
    </message>
    <message>
        <source>%1 is not in the table: another day, or hidden by the filters.</source>
        <translation>%1 ist nicht in der Tabelle: ein anderer Tag, oder von den Filtern ausgeblendet.</translation>
    </message>
    <message>
        <source>an earlier import</source>
        <translation>einem früheren Import</translation>
    </message>
    <message>
        <source>The paper&apos;s details could not be read: %1</source>
        <translation>Die Angaben zum Artikel konnten nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>Reading the abstract…</source>
        <translation>Die Zusammenfassung wird gelesen …</translation>
    </message>
</context>
<context>
    <name>Lectern::ReferenceList</name>
    <message>
        <source>Cannot read %1: %2</source>
        <translation>%1 kann nicht gelesen werden: %2</translation>
    </message>
</context>
<context>
    <name>Lectern::ReplyScores</name>
    <message>
        <source>Ignored a verdict for &quot;%1&quot;, which was not in the batch.</source>
        <translation>Ein Urteil für „%1“ wurde ignoriert, das nicht im Stapel war.</translation>
    </message>
</context>
<context>
    <name>Lectern::RssFeedParser</name>
    <message>
        <source>Not an RSS feed: the document is empty.</source>
        <translation>Kein RSS-Feed: Das Dokument ist leer.</translation>
    </message>
    <message>
        <source>Item %1 (&quot;%2&quot;) has no arXiv id in its description, guid or link.</source>
        <translation>Eintrag %1 („%2“) hat keine arXiv-Kennung in Beschreibung, guid oder Link.</translation>
    </message>
    <message>
        <source>Not an RSS feed: the document starts with &lt;%1&gt;.</source>
        <translation>Kein RSS-Feed: Das Dokument beginnt mit &lt;%1&gt;.</translation>
    </message>
    <message>
        <source>Malformed feed (line %1, column %2): %3</source>
        <translation>Fehlerhafter Feed (Zeile %1, Spalte %2): %3</translation>
    </message>
</context>
<context>
    <name>Lectern::RunNotifier</name>
    <message>
        <source>Lectern</source>
        <translation>Lectern</translation>
    </message>
    <message>
        <source>Lectern: a run failed</source>
        <translation>Lectern: Ein Lauf ist fehlgeschlagen</translation>
    </message>
</context>
<context>
    <name>Lectern::ScoreChartDock</name>
    <message>
        <source>Scores</source>
        <translation>Bewertungen</translation>
    </message>
    <message>
        <source>Score C&amp;hart</source>
        <translation>Bewertungs&amp;diagramm</translation>
    </message>
    <message>
        <source>Relevance × novelty of the day&apos;s papers; click a point to select the paper (Ctrl+G)</source>
        <translation>Relevanz × Neuheit der Artikel des Tages; ein Klick auf einen Punkt wählt den Artikel (Strg+G)</translation>
    </message>
</context>
<context>
    <name>Lectern::ScoreChartView</name>
    <message>
        <source>Papers</source>
        <translation>Artikel</translation>
    </message>
    <message>
        <source>Starred</source>
        <translation>Markiert</translation>
    </message>
    <message>
        <source>Relevance</source>
        <translation>Relevanz</translation>
    </message>
    <message>
        <source>Novelty</source>
        <translation>Neuheit</translation>
    </message>
    <message>
        <source>Digest (relevance ≥ %1, novelty ≥ %2)</source>
        <translation>Digest (Relevanz ≥ %1, Neuheit ≥ %2)</translation>
    </message>
</context>
<context>
    <name>Lectern::ScoreCommands</name>
    <message>
        <source>the daily budget (scoring/dailyBudget) stopped the run; %1 papers are not scored yet.</source>
        <translation>das Tagesbudget (scoring/dailyBudget) hat den Lauf angehalten; %1 Artikel sind noch nicht bewertet.</translation>
    </message>
</context>
<context>
    <name>Lectern::ScoreComments</name>
    <message>
        <source>Not scored: the request failed twice (%1).</source>
        <translation>Nicht bewertet: Die Anfrage schlug zweimal fehl (%1).</translation>
    </message>
    <message>
        <source>Not scored: the reply was cut off twice before this paper.</source>
        <translation>Nicht bewertet: Die Antwort brach zweimal vor diesem Artikel ab.</translation>
    </message>
    <message>
        <source>Not scored: the model&apos;s reply left this paper out twice.</source>
        <translation>Nicht bewertet: Die Antwort des Modells ließ diesen Artikel zweimal aus.</translation>
    </message>
    <message>
        <source>Not scored: the model gave two different verdicts, also when asked again.</source>
        <translation>Nicht bewertet: Das Modell gab zwei verschiedene Urteile, auch auf erneute Anfrage.</translation>
    </message>
    <message>
        <source>Not scored: the provider batch failed (%1).</source>
        <translation>Nicht bewertet: Der Anbieter-Stapel schlug fehl (%1).</translation>
    </message>
    <message>
        <source>Not scored: the provider batch returned no result for this request.</source>
        <translation>Nicht bewertet: Der Anbieter-Stapel lieferte kein Ergebnis für diese Anfrage.</translation>
    </message>
    <message>
        <source>Not scored: the batch request failed (%1).</source>
        <translation>Nicht bewertet: Die Anfrage im Stapel schlug fehl (%1).</translation>
    </message>
    <message>
        <source>Not scored: the model&apos;s reply left this paper out.</source>
        <translation>Nicht bewertet: Die Antwort des Modells ließ diesen Artikel aus.</translation>
    </message>
    <message>
        <source>Not scored: the model gave two different verdicts.</source>
        <translation>Nicht bewertet: Das Modell gab zwei verschiedene Urteile.</translation>
    </message>
    <message>
        <source>Not sent to the LLM: the hybrid gate ranked it %1 of %2. %3</source>
        <translation>Nicht an das LLM gesendet: Die hybride Vorauswahl setzte ihn auf Platz %1 von %2. %3</translation>
    </message>
    <message>
        <source>topic &quot;%1&quot;: %2</source>
        <translation>Thema „%1“: %2</translation>
    </message>
    <message>
        <source>against: %1</source>
        <translation>dagegen: %1</translation>
    </message>
    <message>
        <source>no topic keyword found</source>
        <translation>kein Schlagwort eines Themas gefunden</translation>
    </message>
    <message>
        <source>cross-listed from %1</source>
        <translation>querverwiesen aus %1</translation>
    </message>
    <message>
        <source>like papers you starred</source>
        <translation>wie Artikel, die Sie markiert haben</translation>
    </message>
    <message>
        <source>like papers you starred (%1)</source>
        <translation>wie Artikel, die Sie markiert haben (%1)</translation>
    </message>
    <message>
        <source>like papers you dismissed</source>
        <translation>wie Artikel, die Sie verworfen haben</translation>
    </message>
    <message>
        <source>already known: in your library (imported from %1)</source>
        <translation>schon bekannt: in Ihrer Bibliothek (importiert aus %1)</translation>
    </message>
    <message>
        <source>closest paper in your library: %1 (similarity %2)</source>
        <translation>nächster Artikel in Ihrer Bibliothek: %1 (Ähnlichkeit %2)</translation>
    </message>
    <message>
        <source>closest other paper: %1 (similarity %2)</source>
        <translation>nächster anderer Artikel: %1 (Ähnlichkeit %2)</translation>
    </message>
    <message>
        <source>Built-in scorer (no LLM): </source>
        <translation>Eingebauter Bewerter (kein LLM): </translation>
    </message>
    <message>
        <source> (title)</source>
        <translation> (Titel)</translation>
    </message>
    <message>
        <source>another archive</source>
        <translation>einem anderen Archiv</translation>
    </message>
</context>
<context>
    <name>Lectern::ScoreComparison</name>
    <message>
        <source>not scored</source>
        <translation>nicht bewertet</translation>
    </message>
    <message>
        <source>author match, no marks</source>
        <translation>gefolgter Autor, keine Noten</translation>
    </message>
    <message>
        <source>no marks (%1)</source>
        <translation>keine Noten (%1)</translation>
    </message>
    <message>
        <source>no usable score</source>
        <translation>keine brauchbare Bewertung</translation>
    </message>
    <message>
        <source> (relevance %1, novelty %2)</source>
        <translation> (Relevanz %1, Neuheit %2)</translation>
    </message>
    <message>
        <source> [author match: %1]</source>
        <translation> [gefolgter Autor: %1]</translation>
    </message>
    <message>
        <source>%1, prompt %2, %3 papers (%4 with marks), latest %5</source>
        <translation>%1, Prompt %2, %3 Artikel (%4 mit Noten), zuletzt %5</translation>
    </message>
    <message>
        <source>(no model)</source>
        <translation>(kein Modell)</translation>
    </message>
    <message>
        <source>Day %1: what moved between two scoring runs</source>
        <translation>Tag %1: was sich zwischen zwei Bewertungsläufen bewegt hat</translation>
    </message>
    <message>
        <source>From: </source>
        <translation>Von: </translation>
    </message>
    <message>
        <source>To:   </source>
        <translation>Nach: </translation>
    </message>
    <message>
        <source>Thresholds: relevance &gt;= %1, novelty &gt;= %2; followed authors always relevant</source>
        <translation>Schwellen: Relevanz &gt;= %1, Neuheit &gt;= %2; gefolgte Autoren immer relevant</translation>
    </message>
    <message>
        <source>Papers considered: %1; scored by both runs: %2</source>
        <translation>Betrachtete Artikel: %1; von beiden Läufen bewertet: %2</translation>
    </message>
    <message>
        <source>Relevant: %1 -&gt; %2 (%3 entered, %4 left)</source>
        <translation>Relevant: %1 -&gt; %2 (%3 aufgenommen, %4 herausgefallen)</translation>
    </message>
    <message>
        <source>Marks: %1 unchanged, %2 raised, %3 lowered, %4 shifted with the same sum</source>
        <translation>Noten: %1 unverändert, %2 angehoben, %3 gesenkt, %4 mit gleicher Summe verschoben</translation>
    </message>
    <message>
        <source>Mean absolute change: relevance %1, novelty %2</source>
        <translation>Mittlere absolute Änderung: Relevanz %1, Neuheit %2</translation>
    </message>
    <message>
        <source>Marks from one run only: %1 from the first, %2 from the second</source>
        <translation>Noten nur aus einem Lauf: %1 aus dem ersten, %2 aus dem zweiten</translation>
    </message>
    <message>
        <source>  none</source>
        <translation>  keine</translation>
    </message>
    <message>
        <source>  ... and %1 more</source>
        <translation>  ... und %1 weitere</translation>
    </message>
    <message>
        <source>Entered the relevant set</source>
        <translation>In die relevante Menge aufgenommen</translation>
    </message>
    <message>
        <source>Left the relevant set</source>
        <translation>Aus der relevanten Menge herausgefallen</translation>
    </message>
    <message>
        <source>Biggest score changes</source>
        <translation>Größte Änderungen der Noten</translation>
    </message>
</context>
<context>
    <name>Lectern::ScoreComparisonModel</name>
    <message>
        <source>not scored</source>
        <translation>nicht bewertet</translation>
    </message>
    <message>
        <source>no marks</source>
        <translation>keine Noten</translation>
    </message>
    <message>
        <source>entered</source>
        <translation>aufgenommen</translation>
    </message>
    <message>
        <source>left</source>
        <translation>herausgefallen</translation>
    </message>
    <message>
        <source>changed</source>
        <translation>geändert</translation>
    </message>
    <message>
        <source>one run only</source>
        <translation>nur ein Lauf</translation>
    </message>
    <message>
        <source>same</source>
        <translation>gleich</translation>
    </message>
    <message>
        <source>Old run: %1
New run: %2</source>
        <translation>Alter Lauf: %1
Neuer Lauf: %2</translation>
    </message>
    <message>
        <source>
Followed author: %1</source>
        <translation>
Gefolgter Autor: %1</translation>
    </message>
    <message>
        <source>arXiv id</source>
        <translation>arXiv-ID</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Titel</translation>
    </message>
    <message>
        <source>Old rel.</source>
        <translation>Alt Rel.</translation>
    </message>
    <message>
        <source>Old nov.</source>
        <translation>Alt Neuh.</translation>
    </message>
    <message>
        <source>New rel.</source>
        <translation>Neu Rel.</translation>
    </message>
    <message>
        <source>New nov.</source>
        <translation>Neu Neuh.</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>Änderung</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>The marks of the old (&quot;from&quot;) run; – when it gave none</source>
        <translation>Die Noten des alten („von“) Laufs; – wenn er keine gab</translation>
    </message>
    <message>
        <source>The marks of the new (&quot;to&quot;) run; – when it gave none</source>
        <translation>Die Noten des neuen („zu“) Laufs; – wenn er keine gab</translation>
    </message>
    <message>
        <source>Relevance / novelty change from the old run to the new; sorts by the size of the change</source>
        <translation>Änderung von Relevanz / Neuheit vom alten zum neuen Lauf; sortiert nach der Größe der Änderung</translation>
    </message>
    <message>
        <source>Entered or left the digest&apos;s relevant set, changed marks, marks from one run only, or the same</source>
        <translation>In die relevanten Artikel des Digests aufgenommen oder herausgefallen, geänderte Noten, Noten nur aus einem Lauf, oder gleich</translation>
    </message>
</context>
<context>
    <name>Lectern::ScoreReplyParser</name>
    <message>
        <source>Ignored a score for %1, which is not a paper of this batch</source>
        <translation>Eine Bewertung für %1 wurde ignoriert, da es kein Artikel dieses Stapels ist</translation>
    </message>
    <message>
        <source>Relevance of %1 is %2, not a whole number from 1 to 10; left unscored</source>
        <translation>Die Relevanz von %1 ist %2, keine ganze Zahl von 1 bis 10; unbewertet gelassen</translation>
    </message>
    <message>
        <source>Novelty of %1 is %2, not a whole number from 1 to 10; left unscored</source>
        <translation>Die Neuheit von %1 ist %2, keine ganze Zahl von 1 bis 10; unbewertet gelassen</translation>
    </message>
    <message>
        <source>Ignored %1 entries without an arXiv id</source>
        <translation>%1 Einträge ohne arXiv-ID ignoriert</translation>
    </message>
    <message>
        <source>%1 got two different verdicts; it is asked again on its own</source>
        <translation>%1 bekam zwei verschiedene Urteile; der Artikel wird noch einmal allein angefragt</translation>
    </message>
    <message>
        <source>%1 was scored more than once; the first complete answer was kept</source>
        <translation>%1 wurde mehrfach bewertet; die erste vollständige Antwort wurde behalten</translation>
    </message>
    <message>
        <source>%1 was scored more than once; the first answer was kept</source>
        <translation>%1 wurde mehrfach bewertet; die erste Antwort wurde behalten</translation>
    </message>
</context>
<context>
    <name>Lectern::ScoringJob</name>
    <message>
        <source>No day to score.</source>
        <translation>Kein Tag zum Bewerten.</translation>
    </message>
    <message>
        <source>No scoring provider was given.</source>
        <translation>Es wurde kein Bewertungsanbieter angegeben.</translation>
    </message>
    <message>
        <source>%1 (%2 papers scored and kept; %3 not sent)</source>
        <translation>%1 (%2 Artikel bewertet und behalten; %3 nicht gesendet)</translation>
    </message>
    <message>
        <source>Cancelled: %1 papers scored and kept, %2 not sent; run again to finish.</source>
        <translation>Abgebrochen: %1 Artikel bewertet und behalten, %2 nicht gesendet; starten Sie erneut, um fertig zu werden.</translation>
    </message>
    <message>
        <source>Waiting for another client scoring %1…</source>
        <translation>Warte auf einen anderen Client, der %1 bewertet…</translation>
    </message>
    <message>
        <source>The scoring provider could not be created.</source>
        <translation>Der Bewertungsanbieter konnte nicht angelegt werden.</translation>
    </message>
    <message>
        <source>The scoring provider did not name its model.</source>
        <translation>Der Bewertungsanbieter hat sein Modell nicht genannt.</translation>
    </message>
    <message>
        <source>%1 has no title pre-filter</source>
        <translation>%1 hat keinen Titel-Vorfilter</translation>
    </message>
    <message>
        <source>Scoring %1 papers of %2 with %3 (%4 from the cache, %5 by followed authors)</source>
        <translation>Bewerte %1 Artikel vom %2 mit %3 (%4 aus dem Cache, %5 von gefolgten Autoren)</translation>
    </message>
    <message>
        <source>Storing scores failed: %1</source>
        <translation>Speichern der Bewertungen fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>A batch of %1 papers failed: %2</source>
        <translation>Ein Stapel von %1 Artikeln ist fehlgeschlagen: %2</translation>
    </message>
    <message>
        <source>A reply was cut off at the output limit; the papers it lacks are sent again.</source>
        <translation>Eine Antwort wurde an der Ausgabegrenze abgeschnitten; die fehlenden Artikel werden erneut gesendet.</translation>
    </message>
    <message>
        <source>%1 of %2 papers scored (%3 tokens, %4)</source>
        <translation>%1 von %2 Artikeln bewertet (%3 Tokens, %4)</translation>
    </message>
    <message>
        <source>The scoring provider could not be created%1.</source>
        <translation>Der Bewertungsanbieter ließ sich nicht anlegen%1.</translation>
    </message>
    <message>
        <source>The scoring provider failed: %1</source>
        <translation>Der Bewertungsanbieter ist fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>The scoring provider stopped the run.</source>
        <translation>Der Bewertungsanbieter hat den Lauf angehalten.</translation>
    </message>
    <message>
        <source>Title pre-filter: %1 kept of %2 so far</source>
        <translation>Titel-Vorfilter: bisher %1 von %2 behalten</translation>
    </message>
</context>
<context>
    <name>Lectern::ScoringPipeline</name>
    <message>
        <source>This database role is not the lab&apos;s account (the owner of the lab&apos;s database): the prompt is recorded as its own, and the other members keep seeing the lab&apos;s scores.</source>
        <translation>Diese Datenbankrolle ist nicht das Konto des Labors (der Eigentümer der Labordatenbank): Der Prompt wird als ihr eigener vermerkt, und die anderen Mitglieder sehen weiter die Bewertungen des Labors.</translation>
    </message>
</context>
<context>
    <name>Lectern::ScoringSummary</name>
    <message>
        <source>unknown cost</source>
        <translation>unbekannte Kosten</translation>
    </message>
    <message>
        <source>%1: dry run, %2 papers would be sent (about %3)</source>
        <translation>%1: Probelauf, %2 Artikel würden gesendet (etwa %3)</translation>
    </message>
    <message>
        <source>%1: %2 scored, %3 from the cache, %4 unscored, %5 relevant; %6 with %7</source>
        <translation>%1: %2 bewertet, %3 aus dem Cache, %4 unbewertet, %5 relevant; %6 mit %7</translation>
    </message>
    <message>
        <source>; title filter: %1 kept of %2</source>
        <translation>; Titelfilter: %1 von %2 behalten</translation>
    </message>
    <message>
        <source>; daily budget reached, %1 papers not sent</source>
        <translation>; Tagesbudget erreicht, %1 Artikel nicht gesendet</translation>
    </message>
    <message>
        <source>; hybrid: the LLM saw %1 of %2 papers, estimated recall of the gate %3</source>
        <translation>; hybrid: Das LLM sah %1 von %2 Artikeln, geschätzter Recall der Vorauswahl %3</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>unbekannt</translation>
    </message>
    <message>
        <source> (the model expected %1)</source>
        <translation> (vom Modell erwartet: %1)</translation>
    </message>
    <message>
        <source>h-index filter (min %1): not applied in a dry run</source>
        <translation>h-Index-Filter (min. %1): im Probelauf nicht angewandt</translation>
    </message>
    <message>
        <source>Listed papers: %1 (%2 of the scored announce types)</source>
        <translation>Gelistete Artikel: %1 (%2 der bewerteten Ankündigungsarten)</translation>
    </message>
    <message>
        <source>Followed authors: %1 matched (kept whatever their score; not sent)</source>
        <translation>Gefolgte Autoren: %1 Treffer (behalten, wie immer sie bewertet werden; nicht gesendet)</translation>
    </message>
    <message>
        <source>h-index filter: off</source>
        <translation>h-Index-Filter: aus</translation>
    </message>
    <message>
        <source>Examples in the prompt: %1 starred and %2 dismissed papers&apos; titles</source>
        <translation>Beispiele im Prompt: die Titel von %1 markierten und %2 verworfenen Artikeln</translation>
    </message>
    <message>
        <source>%1: %2 kept of %3 (%4 dropped now, %5 by earlier runs; %6 kept because a reply was unusable; %7 %8, %9 tokens, %10)</source>
        <translation>%1: %2 von %3 behalten (%4 jetzt aussortiert, %5 von früheren Läufen; %6 behalten, weil eine Antwort unbrauchbar war; %7 %8, %9 Tokens, %10)</translation>
    </message>
    <message>
        <source>request</source>
        <translation>Anfrage</translation>
    </message>
    <message>
        <source>requests</source>
        <translation>Anfragen</translation>
    </message>
    <message>
        <source>Day %1, model %2, prompt %3</source>
        <translation>Tag %1, Modell %2, Prompt %3</translation>
    </message>
    <message>
        <source>Hybrid gate: %1; of %2 papers to send, %3 go to %4 and %5 keep the built-in scorer&apos;s marks (lectern-local)</source>
        <translation>Hybride Vorauswahl: %1; von %2 zu sendenden Artikeln gehen %3 an %4, %5 behalten die Noten des eingebauten Bewerters (lectern-local)</translation>
    </message>
    <message>
        <source>Title pre-filter: off%1</source>
        <translation>Titel-Vorfilter: aus%1</translation>
    </message>
    <message>
        <source>Title pre-filter (dry run): %1 titles to send, %2 dropped by earlier runs; the estimate below assumes every title is kept</source>
        <translation>Titel-Vorfilter (Probelauf): %1 Titel zu senden, %2 von früheren Läufen aussortiert; die Schätzung unten nimmt an, dass jeder Titel behalten wird</translation>
    </message>
    <message>
        <source>Title pre-filter</source>
        <translation>Titel-Vorfilter</translation>
    </message>
    <message>
        <source>Abstract scoring (dry run, nothing sent): %1 papers to send, %2 from the cache</source>
        <translation>Abstract-Bewertung (Probelauf, nichts gesendet): %1 Artikel zu senden, %2 aus dem Cache</translation>
    </message>
    <message>
        <source>Estimate: about %1 prompt and %2 completion tokens, about %3</source>
        <translation>Schätzung: etwa %1 Prompt- und %2 Antwort-Tokens, etwa %3</translation>
    </message>
    <message>
        <source>an unknown cost (no price for </source>
        <translation>unbekannte Kosten (kein Preis für </translation>
    </message>
    <message>
        <source>Without the hybrid gate (all %1 papers to the LLM): about %2 prompt and %3 completion tokens, about %4</source>
        <translation>Ohne hybride Vorauswahl (alle %1 Artikel an das LLM): etwa %2 Prompt- und %3 Antwort-Tokens, etwa %4</translation>
    </message>
    <message>
        <source>an unknown cost</source>
        <translation>unbekannte Kosten</translation>
    </message>
    <message>
        <source>Abstract scoring: %1 to send, %2 from the cache; %3 scored, %4 retried, %5 unscored, %6 not sent (%7 %8)</source>
        <translation>Abstract-Bewertung: %1 zu senden, %2 aus dem Cache; %3 bewertet, %4 erneut gesendet, %5 unbewertet, %6 nicht gesendet (%7 %8)</translation>
    </message>
    <message>
        <source>Provider batch: %1 papers wait in one (`lectern batch collect`); not sent</source>
        <translation>Anbieter-Stapel: %1 Artikel warten in einem (`lectern batch collect`); nicht gesendet</translation>
    </message>
    <message>
        <source>Pace: slowed down %1 times for the provider&apos;s rate limits (down to %2 of %3 batches in flight; new batches held %4 s in all)</source>
        <translation>Tempo: %1-mal für die Ratenlimits des Anbieters gedrosselt (bis auf %2 von %3 Stapeln gleichzeitig; neue Stapel insgesamt %4 s zurückgehalten)</translation>
    </message>
    <message>
        <source>Pace: up to %1 batches in flight; no rate limit reached</source>
        <translation>Tempo: bis zu %1 Stapel gleichzeitig; kein Ratenlimit erreicht</translation>
    </message>
    <message>
        <source>Budget: stopped before the day&apos;s cost would pass %1; %2 papers wait for a later run</source>
        <translation>Budget: angehalten, bevor die Kosten des Tages %1 überschritten hätten; %2 Artikel warten auf einen späteren Lauf</translation>
    </message>
    <message>
        <source>Thresholds (relevance &gt;= %1, novelty &gt;= %2): %3 papers pass</source>
        <translation>Schwellen (Relevanz &gt;= %1, Neuheit &gt;= %2): %3 Artikel kommen durch</translation>
    </message>
    <message>
        <source>Ranking: %1 relevant papers (author matches first, then relevance + novelty)</source>
        <translation>Rangfolge: %1 relevante Artikel (Autorentreffer zuerst, dann Relevanz + Neuheit)</translation>
    </message>
    <message>
        <source>Tokens: %1 prompt (%2 cached), %3 completion (%4 reasoning)</source>
        <translation>Tokens: %1 Prompt (%2 aus dem Cache), %3 Antwort (%4 Reasoning)</translation>
    </message>
    <message>
        <source>Cost: %1 this run (%2 per paper sent), %3 for the day</source>
        <translation>Kosten: %1 in diesem Lauf (%2 je gesendetem Artikel), %3 für den Tag</translation>
    </message>
    <message>
        <source>Cost: unknown, no price for %1 in the price table (prices.json)</source>
        <translation>Kosten: unbekannt, kein Preis für %1 in der Preistabelle (prices.json)</translation>
    </message>
    <message>
        <source>%1: dry run, hybrid: %2 of %3 papers would be sent (about %4; all of them: about %5)</source>
        <translation>%1: Probelauf, hybrid: %2 von %3 Artikeln würden gesendet (etwa %4; alle: etwa %5)</translation>
    </message>
</context>
<context>
    <name>Lectern::SemanticScholarClient</name>
    <message>
        <source>Semantic Scholar: the base URL %1 is not https, so the API key would travel unencrypted; use https</source>
        <translation>Semantic Scholar: Die Basis-URL %1 ist nicht https, der API-Schlüssel ginge also unverschlüsselt über das Netz; nutzen Sie https</translation>
    </message>
    <message>
        <source>Semantic Scholar: %1</source>
        <translation>Semantic Scholar: %1</translation>
    </message>
    <message>
        <source>Semantic Scholar&apos;s reply is not a JSON array (%1)</source>
        <translation>Die Antwort von Semantic Scholar ist kein JSON-Array (%1)</translation>
    </message>
    <message>
        <source>Semantic Scholar answered %1 papers for %2 asked</source>
        <translation>Semantic Scholar antwortete mit %1 Artikeln auf %2 erfragte</translation>
    </message>
</context>
<context>
    <name>Lectern::Settings</name>
    <message>
        <source>e-mail</source>
        <translation>E-Mail</translation>
    </message>
    <message>
        <source>the JSON webhook</source>
        <translation>den JSON-Webhook</translation>
    </message>
    <message>
        <source>send the digest by %1 after each run</source>
        <translation>den Digest nach jedem Lauf per %1 senden</translation>
    </message>
    <message>
        <source>%1: minimum relevance of the papers sent (0: scoring/relevanceThreshold)</source>
        <translation>%1: Mindestrelevanz der gesendeten Artikel (0: scoring/relevanceThreshold)</translation>
    </message>
    <message>
        <source>%1: minimum novelty of the papers sent (0: scoring/noveltyThreshold)</source>
        <translation>%1: Mindestneuheit der gesendeten Artikel (0: scoring/noveltyThreshold)</translation>
    </message>
    <message>
        <source>%1: most papers sent, the best first (0: all)</source>
        <translation>%1: höchstens so viele Artikel senden, die besten zuerst (0: alle)</translation>
    </message>
    <message>
        <source>%1: send nothing on a day without a paper over the thresholds</source>
        <translation>%1: an einem Tag ohne Artikel über den Schwellen nichts senden</translation>
    </message>
    <message>
        <source>arXiv categories fetched every morning, one feed each</source>
        <translation>arXiv-Kategorien, die jeden Morgen abgerufen werden, je ein Feed</translation>
    </message>
    <message>
        <source>announce types kept for scoring (new, cross, replace, replace-cross)</source>
        <translation>Ankündigungsarten, die zur Bewertung behalten werden (new, cross, replace, replace-cross)</translation>
    </message>
    <message>
        <source>arXiv RSS feed base; the category is appended</source>
        <translation>Basisadresse der arXiv-RSS-Feeds; die Kategorie wird angehängt</translation>
    </message>
    <message>
        <source>arXiv API query endpoint (look-ups by id)</source>
        <translation>Abfrage-Endpunkt der arXiv-API (Nachschlagen nach Kennung)</translation>
    </message>
    <message>
        <source>arXiv OAI-PMH endpoint (back-fill of past days)</source>
        <translation>OAI-PMH-Endpunkt von arXiv (Nachladen vergangener Tage)</translation>
    </message>
    <message>
        <source>contact e-mail sent in the User-Agent to arXiv</source>
        <translation>Kontakt-E-Mail, die arXiv im User-Agent mitgeteilt wird</translation>
    </message>
    <message>
        <source>minimum milliseconds between two requests to arXiv</source>
        <translation>Mindestabstand zwischen zwei Anfragen an arXiv in Millisekunden</translation>
    </message>
    <message>
        <source>milliseconds to wait before retrying a failed arXiv request (doubled each retry)</source>
        <translation>Wartezeit in Millisekunden vor dem erneuten Versuch einer fehlgeschlagenen arXiv-Anfrage (bei jedem Versuch verdoppelt)</translation>
    </message>
    <message>
        <source>who scores papers: builtin (no key needed), openai, anthropic, or local (OpenAI-compatible server)</source>
        <translation>wer die Artikel bewertet: builtin (kein Schlüssel nötig), openai, anthropic oder local (OpenAI-kompatibler Server)</translation>
    </message>
    <message>
        <source>llm: the provider scores every paper; hybrid: the built-in scorer ranks the day and the provider scores only the papers it cannot rule out (plus a small daily sample); builtin: lectern-local scores every paper. With scoring/provider builtin every mode is builtin</source>
        <translation>llm: Der Anbieter bewertet jeden Artikel; hybrid: Der eingebaute Bewerter ordnet den Tag, und der Anbieter bewertet nur die Artikel, die er nicht ausschließen kann (plus eine kleine tägliche Stichprobe); builtin: lectern-local bewertet jeden Artikel. Mit scoring/provider builtin ist jeder Modus builtin</translation>
    </message>
    <message>
        <source>hybrid: share of the papers the LLM would select that the gate should hold, by the built-in scorer&apos;s calibrated probabilities (by held-out labels without them)</source>
        <translation>hybrid: Anteil der Artikel, die das LLM auswählen würde, den die Vorauswahl enthalten soll, nach den kalibrierten Wahrscheinlichkeiten des eingebauten Bewerters (ohne sie nach zurückgehaltenen Bewertungen)</translation>
    </message>
    <message>
        <source>hybrid: most percent of the day the gate sends to the LLM (the random sample comes on top)</source>
        <translation>hybrid: höchstens so viel Prozent des Tages schickt die Vorauswahl an das LLM (die Zufallsstichprobe kommt hinzu)</translation>
    </message>
    <message>
        <source>hybrid: percent of the papers outside the gate sent as a random sample to measure what the gate misses (at least 5 papers)</source>
        <translation>hybrid: Prozent der Artikel außerhalb der Vorauswahl, die als Zufallsstichprobe gesendet werden, um zu messen, was die Vorauswahl verpasst (mindestens 5 Artikel)</translation>
    </message>
    <message>
        <source>minimum relevance for the digest</source>
        <translation>Mindestrelevanz für den Digest</translation>
    </message>
    <message>
        <source>minimum novelty for the digest</source>
        <translation>Mindestneuheit für den Digest</translation>
    </message>
    <message>
        <source>papers per scoring request</source>
        <translation>Artikel pro Bewertungsanfrage</translation>
    </message>
    <message>
        <source>scoring requests in flight at once</source>
        <translation>gleichzeitig laufende Bewertungsanfragen</translation>
    </message>
    <message>
        <source>most USD spent on scoring per day (0: no limit)</source>
        <translation>höchstens so viele USD pro Tag für die Bewertung (0: keine Grenze)</translation>
    </message>
    <message>
        <source>reasoning effort asked of reasoning models</source>
        <translation>Denkaufwand, der von Reasoning-Modellen verlangt wird</translation>
    </message>
    <message>
        <source>ask the provider for schema-constrained JSON (turn off for servers that lack it)</source>
        <translation>beim Anbieter schemagebundenes JSON anfordern (für Server ohne diese Möglichkeit abschalten)</translation>
    </message>
    <message>
        <source>send only papers with an author of at least this h-index (Semantic Scholar; 0: off)</source>
        <translation>nur Artikel senden, die einen Autor mit mindestens diesem h-Index haben (Semantic Scholar; 0: aus)</translation>
    </message>
    <message>
        <source>before abstract scoring, let the model drop papers whose titles are clearly off topic (LLM providers only)</source>
        <translation>vor der Bewertung der Zusammenfassungen das Modell Artikel aussortieren lassen, deren Titel klar am Thema vorbeigehen (nur LLM-Anbieter)</translation>
    </message>
    <message>
        <source>titles per title pre-filter request</source>
        <translation>Titel pro Anfrage des Titel-Vorfilters</translation>
    </message>
    <message>
        <source>add the titles of recently starred and dismissed papers to the prompt as examples</source>
        <translation>die Titel kürzlich markierter und verworfener Artikel als Beispiele in den Prompt aufnehmen</translation>
    </message>
    <message>
        <source>starred and dismissed papers each, as prompt examples</source>
        <translation>je so viele markierte und verworfene Artikel als Beispiele im Prompt</translation>
    </message>
    <message>
        <source>authors whose papers always come first in the digest</source>
        <translation>Autoren, deren Artikel im Digest immer vorn stehen</translation>
    </message>
    <message>
        <source>OpenAI API base URL</source>
        <translation>Basis-URL der OpenAI-API</translation>
    </message>
    <message>
        <source>OpenAI model</source>
        <translation>OpenAI-Modell</translation>
    </message>
    <message>
        <source>Anthropic API base URL</source>
        <translation>Basis-URL der Anthropic-API</translation>
    </message>
    <message>
        <source>Anthropic model</source>
        <translation>Anthropic-Modell</translation>
    </message>
    <message>
        <source>OpenAI-compatible local server (Ollama, llama.cpp, vLLM)</source>
        <translation>OpenAI-kompatibler lokaler Server (Ollama, llama.cpp, vLLM)</translation>
    </message>
    <message>
        <source>model name on the local server</source>
        <translation>Modellname auf dem lokalen Server</translation>
    </message>
    <message>
        <source>Semantic Scholar Graph API base (author h-index)</source>
        <translation>Basisadresse der Semantic-Scholar-Graph-API (h-Index der Autoren)</translation>
    </message>
    <message>
        <source>page size of PDF digests</source>
        <translation>Seitengröße von PDF-Digests</translation>
    </message>
    <message>
        <source>author named in exported digests (PDF and HTML metadata); empty: the login name</source>
        <translation>in exportierten Digests genannter Autor (PDF- und HTML-Metadaten); leer: der Anmeldename</translation>
    </message>
    <message>
        <source>mark a paper read after showing it this long (0: never)</source>
        <translation>einen Artikel als gelesen markieren, nachdem er so lange angezeigt wurde (0: nie)</translation>
    </message>
    <message>
        <source>fetch and score at start-up when today&apos;s run is missing</source>
        <translation>beim Start abrufen und bewerten, wenn der heutige Lauf fehlt</translation>
    </message>
    <message>
        <source>notify (tray message) when a background run finishes</source>
        <translation>benachrichtigen (Meldung im Systembereich), wenn ein Lauf im Hintergrund endet</translation>
    </message>
    <message>
        <source>the first-run assistant has been completed or skipped</source>
        <translation>der Einrichtungsassistent wurde abgeschlossen oder übersprungen</translation>
    </message>
    <message>
        <source>folder the export dialog proposes (the last one used; empty: Documents)</source>
        <translation>Ordner, den der Exportdialog vorschlägt (der zuletzt benutzte; leer: Dokumente)</translation>
    </message>
    <message>
        <source>where papers, scores and your state are kept: sqlite (a file in the profile) or postgres (a PostgreSQL server, e.g. the lab&apos;s)</source>
        <translation>wo Artikel, Bewertungen und Ihr Stand gespeichert werden: sqlite (eine Datei im Profil) oder postgres (ein PostgreSQL-Server, z. B. der der Arbeitsgruppe)</translation>
    </message>
    <message>
        <source>PostgreSQL server host (empty: PGHOST or the local socket)</source>
        <translation>Rechner des PostgreSQL-Servers (leer: PGHOST oder der lokale Socket)</translation>
    </message>
    <message>
        <source>PostgreSQL server port (0: PGPORT or 5432)</source>
        <translation>Port des PostgreSQL-Servers (0: PGPORT oder 5432)</translation>
    </message>
    <message>
        <source>PostgreSQL database (empty: PGDATABASE or the user name)</source>
        <translation>PostgreSQL-Datenbank (leer: PGDATABASE oder der Benutzername)</translation>
    </message>
    <message>
        <source>PostgreSQL user (empty: PGUSER or the login name)</source>
        <translation>PostgreSQL-Benutzer (leer: PGUSER oder der Anmeldename)</translation>
    </message>
    <message>
        <source>TLS to the PostgreSQL server, as libpq&apos;s sslmode (empty: PGSSLMODE or prefer)</source>
        <translation>TLS zum PostgreSQL-Server, wie sslmode von libpq (leer: PGSSLMODE oder prefer)</translation>
    </message>
    <message>
        <source>file with the delivery secrets (smtp-password, matrix-token, slack-webhook-url, webhook-url; readable by you only); empty: delivery-secrets beside the settings file</source>
        <translation>Datei mit den Geheimnissen für den Versand (smtp-password, matrix-token, slack-webhook-url, webhook-url; nur für Sie lesbar); leer: delivery-secrets neben der Einstellungsdatei</translation>
    </message>
    <message>
        <source>e-mail: addresses the digest goes to</source>
        <translation>E-Mail: Adressen, an die der Digest geht</translation>
    </message>
    <message>
        <source>e-mail: sender address</source>
        <translation>E-Mail: Absenderadresse</translation>
    </message>
    <message>
        <source>e-mail: SMTP server, smtp://host:587 (STARTTLS) or smtps://host:465 (TLS)</source>
        <translation>E-Mail: SMTP-Server, smtp://host:587 (STARTTLS) oder smtps://host:465 (TLS)</translation>
    </message>
    <message>
        <source>e-mail: SMTP user name (empty: no authentication); the password is a secret</source>
        <translation>E-Mail: SMTP-Benutzername (leer: keine Anmeldung); das Passwort ist ein Geheimnis</translation>
    </message>
    <message>
        <source>e-mail: require TLS (off is allowed for a server on this machine only)</source>
        <translation>E-Mail: TLS verlangen (aus ist nur für einen Server auf diesem Rechner erlaubt)</translation>
    </message>
    <message>
        <source>e-mail: CA certificate file for a server with its own certificate (empty: the system&apos;s)</source>
        <translation>E-Mail: CA-Zertifikatsdatei für einen Server mit eigenem Zertifikat (leer: die des Systems)</translation>
    </message>
    <message>
        <source>Matrix: homeserver base URL</source>
        <translation>Matrix: Basis-URL des Homeservers</translation>
    </message>
    <message>
        <source>Matrix: room id (!abc:example.org)</source>
        <translation>Matrix: Raumkennung (!abc:example.org)</translation>
    </message>
    <message>
        <source>Invalid value &quot;%1&quot; for %2: %3</source>
        <translation>Ungültiger Wert „%1“ für %2: %3</translation>
    </message>
    <message>
        <source>expected a whole number</source>
        <translation>erwartet wird eine ganze Zahl</translation>
    </message>
    <message>
        <source>expected %1 to %2</source>
        <translation>erwartet wird %1 bis %2</translation>
    </message>
    <message>
        <source>expected a number</source>
        <translation>erwartet wird eine Zahl</translation>
    </message>
    <message>
        <source>expected true or false</source>
        <translation>erwartet wird true oder false</translation>
    </message>
    <message>
        <source>expected an http:// or https:// URL</source>
        <translation>erwartet wird eine http://- oder https://-URL</translation>
    </message>
    <message>
        <source>expected one of: %1</source>
        <translation>erwartet wird eines von: %1</translation>
    </message>
    <message>
        <source>unknown type</source>
        <translation>unbekannter Typ</translation>
    </message>
    <message>
        <source>Unknown setting &quot;%1&quot;. `lectern config list` shows them all.</source>
        <translation>Unbekannte Einstellung „%1“. `lectern config list` zeigt alle.</translation>
    </message>
    <message>
        <source>Unknown setting &quot;%1&quot;.</source>
        <translation>Unbekannte Einstellung „%1“.</translation>
    </message>
    <message>
        <source>The settings file %1 could not be read; it was left as it is. Fix or remove it.</source>
        <translation>Die Einstellungsdatei %1 konnte nicht gelesen werden; sie wurde so belassen. Korrigieren oder entfernen Sie sie.</translation>
    </message>
    <message>
        <source>Cannot write the settings file %1 (check permissions and free space).</source>
        <translation>Die Einstellungsdatei %1 kann nicht geschrieben werden (prüfen Sie Berechtigungen und freien Speicherplatz).</translation>
    </message>
    <message>
        <source>The settings file %1 could not be read; defaults are used.</source>
        <translation>Die Einstellungsdatei %1 konnte nicht gelesen werden; es gelten die Voreinstellungen.</translation>
    </message>
    <message>
        <source>The settings file %1 is not readable; defaults are used.</source>
        <translation>Die Einstellungsdatei %1 ist nicht lesbar; es gelten die Voreinstellungen.</translation>
    </message>
    <message>
        <source>Unknown setting &quot;%1&quot; in %2 is ignored.</source>
        <translation>Die unbekannte Einstellung „%1“ in %2 wird ignoriert.</translation>
    </message>
    <message>
        <source> (in %1; the default, %2, is used)</source>
        <translation> (in %1; es gilt die Voreinstellung %2)</translation>
    </message>
    <message>
        <source>Cannot keep a copy of the settings file %1 as %2 before changing it (check permissions and free space); nothing was changed.</source>
        <translation>Von der Einstellungsdatei %1 lässt sich vor der Änderung keine Kopie %2 anlegen (prüfen Sie Rechte und freien Platz); nichts wurde geändert.</translation>
    </message>
</context>
<context>
    <name>Lectern::SettingsDialog</name>
    <message>
        <source>OpenAI</source>
        <translation>OpenAI</translation>
    </message>
    <message>
        <source>Anthropic</source>
        <translation>Anthropic</translation>
    </message>
    <message>
        <source>Local server (OpenAI-compatible)</source>
        <translation>Lokaler Server (OpenAI-kompatibel)</translation>
    </message>
    <message>
        <source>Categories:</source>
        <translation>Kategorien:</translation>
    </message>
    <message>
        <source>Announcement types:</source>
        <translation>Ankündigungsarten:</translation>
    </message>
    <message>
        <source>RSS feed address:</source>
        <translation>Adresse des RSS-Feeds:</translation>
    </message>
    <message>
        <source>API address:</source>
        <translation>API-Adresse:</translation>
    </message>
    <message>
        <source>OAI-PMH address:</source>
        <translation>OAI-PMH-Adresse:</translation>
    </message>
    <message>
        <source>Contact e-mail:</source>
        <translation>Kontakt-E-Mail:</translation>
    </message>
    <message>
        <source>Pause between requests (ms):</source>
        <translation>Pause zwischen Anfragen (ms):</translation>
    </message>
    <message>
        <source>First retry after (ms):</source>
        <translation>Erster neuer Versuch nach (ms):</translation>
    </message>
    <message>
        <source>Scorer:</source>
        <translation>Bewerter:</translation>
    </message>
    <message>
        <source>Digest: minimum relevance:</source>
        <translation>Digest: Mindestrelevanz:</translation>
    </message>
    <message>
        <source>Digest: minimum novelty:</source>
        <translation>Digest: Mindestneuheit:</translation>
    </message>
    <message>
        <source>Papers per request:</source>
        <translation>Artikel pro Anfrage:</translation>
    </message>
    <message>
        <source>Requests at once:</source>
        <translation>Gleichzeitige Anfragen:</translation>
    </message>
    <message>
        <source>Daily budget (USD):</source>
        <translation>Tagesbudget (USD):</translation>
    </message>
    <message>
        <source>Reasoning effort:</source>
        <translation>Reasoning-Aufwand:</translation>
    </message>
    <message>
        <source>Structured output:</source>
        <translation>Strukturierte Ausgabe:</translation>
    </message>
    <message>
        <source>Minimum author h-index:</source>
        <translation>Mindest-h-Index der Autoren:</translation>
    </message>
    <message>
        <source>Title pre-filter:</source>
        <translation>Titel-Vorfilter:</translation>
    </message>
    <message>
        <source>Titles per request:</source>
        <translation>Titel pro Anfrage:</translation>
    </message>
    <message>
        <source>Prompt examples:</source>
        <translation>Beispiele im Prompt:</translation>
    </message>
    <message>
        <source>Examples of each kind:</source>
        <translation>Beispiele jeder Art:</translation>
    </message>
    <message>
        <source>Followed authors:</source>
        <translation>Gefolgte Autoren:</translation>
    </message>
    <message>
        <source>Base URL:</source>
        <translation>Basis-URL:</translation>
    </message>
    <message>
        <source>Model:</source>
        <translation>Modell:</translation>
    </message>
    <message>
        <source>Semantic Scholar address:</source>
        <translation>Semantic-Scholar-Adresse:</translation>
    </message>
    <message>
        <source>PDF page size:</source>
        <translation>PDF-Seitengröße:</translation>
    </message>
    <message>
        <source>Author in exports:</source>
        <translation>Autor in Exporten:</translation>
    </message>
    <message>
        <source>Mark read after (ms):</source>
        <translation>Als gelesen markieren nach (ms):</translation>
    </message>
    <message>
        <source>At start-up:</source>
        <translation>Beim Start:</translation>
    </message>
    <message>
        <source>Notifications:</source>
        <translation>Benachrichtigungen:</translation>
    </message>
    <message>
        <source>Add recently starred and dismissed titles to the prompt</source>
        <translation>Kürzlich markierte und verworfene Titel in den Prompt aufnehmen</translation>
    </message>
    <message>
        <source>Fetch and score when today&apos;s run is missing</source>
        <translation>Abrufen und bewerten, wenn der heutige Lauf fehlt</translation>
    </message>
    <message>
        <source>Notify when a background run finishes</source>
        <translation>Benachrichtigen, wenn ein Lauf im Hintergrund endet</translation>
    </message>
    <message>
        <source>Lectern Settings</source>
        <translation>Lectern-Einstellungen</translation>
    </message>
    <message>
        <source>arXiv</source>
        <translation>arXiv</translation>
    </message>
    <message>
        <source>Scoring</source>
        <translation>Bewertung</translation>
    </message>
    <message>
        <source>Topics</source>
        <translation>Themen</translation>
    </message>
    <message>
        <source>Reading</source>
        <translation>Lesen</translation>
    </message>
    <message>
        <source>kept in the system keyring; leave empty to keep the stored key</source>
        <translation>im Schlüsselbund des Systems verwahrt; leer lassen, um den gespeicherten Schlüssel zu behalten</translation>
    </message>
    <message>
        <source>No system keyring is available on this desktop, so an API key cannot be stored here. Set OPENAI_API_KEY, ANTHROPIC_API_KEY or LECTERN_API_KEY in the environment instead. The built-in scorer needs no key.</source>
        <translation>Auf diesem Desktop gibt es keinen Schlüsselbund, daher kann hier kein API-Schlüssel gespeichert werden. Setzen Sie stattdessen OPENAI_API_KEY, ANTHROPIC_API_KEY oder LECTERN_API_KEY in der Umgebung. Der eingebaute Bewerter braucht keinen Schlüssel.</translation>
    </message>
    <message>
        <source>The key is stored in the system keyring, never in Lectern&apos;s files.</source>
        <translation>Der Schlüssel wird im Schlüsselbund des Systems gespeichert, nie in den Dateien von Lectern.</translation>
    </message>
    <message>
        <source>API key:</source>
        <translation>API-Schlüssel:</translation>
    </message>
    <message>
        <source>Connection:</source>
        <translation>Verbindung:</translation>
    </message>
    <message>
        <source>Prices</source>
        <translation>Preise</translation>
    </message>
    <message>
        <source>The built-in scorer runs on this computer: there is nothing to connect to.</source>
        <translation>Der eingebaute Bewerter läuft auf diesem Rechner: Es gibt nichts, womit man sich verbinden müsste.</translation>
    </message>
    <message>
        <source>No API key for %1: enter one above or set %2 in the environment.</source>
        <translation>Kein API-Schlüssel für %1: Geben Sie oben einen ein oder setzen Sie %2 in der Umgebung.</translation>
    </message>
    <message>
        <source> or </source>
        <translation> oder </translation>
    </message>
    <message>
        <source>Choose at least one arXiv category.</source>
        <translation>Wählen Sie mindestens eine arXiv-Kategorie.</translation>
    </message>
    <message>
        <source>Scoring mode:</source>
        <translation>Bewertungsmodus:</translation>
    </message>
    <message>
        <source>Hybrid: recall the gate aims at:</source>
        <translation>Hybrid: angestrebte Trefferquote der Vorauswahl:</translation>
    </message>
    <message>
        <source>Hybrid: most of the day to the LLM (%):</source>
        <translation>Hybrid: höchstens dieser Anteil des Tages an das LLM (%):</translation>
    </message>
    <message>
        <source>Hybrid: random sample of the rest (%):</source>
        <translation>Hybrid: Zufallsstichprobe aus dem Rest (%):</translation>
    </message>
    <message>
        <source>Settings sections</source>
        <translation>Bereiche der Einstellungen</translation>
    </message>
    <message>
        <source>Backend:</source>
        <translation>Backend:</translation>
    </message>
    <message>
        <source>Server host:</source>
        <translation>Server-Host:</translation>
    </message>
    <message>
        <source>Port:</source>
        <translation>Port:</translation>
    </message>
    <message>
        <source>Database:</source>
        <translation>Datenbank:</translation>
    </message>
    <message>
        <source>User:</source>
        <translation>Benutzer:</translation>
    </message>
    <message>
        <source>TLS mode:</source>
        <translation>TLS-Modus:</translation>
    </message>
    <message>
        <source>Store</source>
        <translation>Datenspeicher</translation>
    </message>
    <message>
        <source>The PostgreSQL password is never kept in Lectern&apos;s settings: Password… puts it in the system keyring, or the server&apos;s client library reads it from ~/.pgpass (or the file PGPASSFILE names). Empty fields and port 0 leave the value to PGHOST, PGPORT, PGDATABASE, PGUSER, PGSERVICE and PGSSLMODE. A changed store is opened at the next start.</source>
        <translation>Das PostgreSQL-Passwort wird nie in Lecterns Einstellungen gespeichert: „Passwort…“ legt es im Schlüsselbund des Systems ab, oder die Client-Bibliothek des Servers liest es aus ~/.pgpass (oder der Datei, die PGPASSFILE nennt). Leere Felder und Port 0 überlassen den Wert PGHOST, PGPORT, PGDATABASE, PGUSER, PGSERVICE und PGSSLMODE. Ein geänderter Datenspeicher wird beim nächsten Start geöffnet.</translation>
    </message>
    <message>
        <source>Password…</source>
        <translation>Passwort…</translation>
    </message>
    <message>
        <source>Store the server&apos;s password in the system keyring</source>
        <translation>Das Passwort des Servers im Schlüsselbund des Systems ablegen</translation>
    </message>
    <message>
        <source>No system keyring is available on this desktop: put the password in ~/.pgpass (host:port:database:user:password, chmod 600).</source>
        <translation>Auf diesem Desktop ist kein Schlüsselbund verfügbar: Legen Sie das Passwort in ~/.pgpass ab (host:port:datenbank:benutzer:passwort, chmod 600).</translation>
    </message>
    <message>
        <source>Password:</source>
        <translation>Passwort:</translation>
    </message>
    <message>
        <source>PostgreSQL Password</source>
        <translation>PostgreSQL-Passwort</translation>
    </message>
    <message>
        <source>Password for %1 (kept in the system keyring; empty removes it):</source>
        <translation>Passwort für %1 (im Schlüsselbund des Systems abgelegt; leer entfernt es):</translation>
    </message>
    <message>
        <source>No password kept for %1.</source>
        <translation>Für %1 ist kein Passwort abgelegt.</translation>
    </message>
    <message>
        <source>The password for %1 is in the system keyring.</source>
        <translation>Das Passwort für %1 liegt im Schlüsselbund des Systems.</translation>
    </message>
    <message>
        <source>Key file:</source>
        <translation>Schlüsseldatei:</translation>
    </message>
    <message>
        <source>E-mail: to:</source>
        <translation>E-Mail: an:</translation>
    </message>
    <message>
        <source>E-mail: from:</source>
        <translation>E-Mail: von:</translation>
    </message>
    <message>
        <source>E-mail: SMTP server:</source>
        <translation>E-Mail: SMTP-Server:</translation>
    </message>
    <message>
        <source>E-mail: SMTP user:</source>
        <translation>E-Mail: SMTP-Benutzer:</translation>
    </message>
    <message>
        <source>E-mail: TLS:</source>
        <translation>E-Mail: TLS:</translation>
    </message>
    <message>
        <source>E-mail: CA file:</source>
        <translation>E-Mail: CA-Datei:</translation>
    </message>
    <message>
        <source>Matrix: homeserver:</source>
        <translation>Matrix: Homeserver:</translation>
    </message>
    <message>
        <source>Matrix: room:</source>
        <translation>Matrix: Raum:</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>E-Mail</translation>
    </message>
    <message>
        <source>Slack</source>
        <translation>Slack</translation>
    </message>
    <message>
        <source>Matrix</source>
        <translation>Matrix</translation>
    </message>
    <message>
        <source>JSON webhook</source>
        <translation>JSON-Webhook</translation>
    </message>
    <message>
        <source>%1: after each run:</source>
        <translation>%1: nach jedem Lauf:</translation>
    </message>
    <message>
        <source>%1: minimum relevance (0: the digest&apos;s):</source>
        <translation>%1: Mindestrelevanz (0: die des Digests):</translation>
    </message>
    <message>
        <source>%1: minimum novelty (0: the digest&apos;s):</source>
        <translation>%1: Mindestneuheit (0: die des Digests):</translation>
    </message>
    <message>
        <source>%1: most papers (0: all):</source>
        <translation>%1: höchstens so viele Artikel (0: alle):</translation>
    </message>
    <message>
        <source>%1: days without papers:</source>
        <translation>%1: Tage ohne Artikel:</translation>
    </message>
    <message>
        <source>Require TLS (off only for a server on this computer)</source>
        <translation>TLS verlangen (aus nur für einen Server auf diesem Rechner)</translation>
    </message>
    <message>
        <source>Send the digest after each run</source>
        <translation>Den Digest nach jedem Lauf senden</translation>
    </message>
    <message>
        <source>Send nothing when no paper is over the thresholds</source>
        <translation>Nichts senden, wenn kein Artikel über den Schwellen liegt</translation>
    </message>
    <message>
        <source>Delivery</source>
        <translation>Zustellung</translation>
    </message>
    <message>
        <source>Test:</source>
        <translation>Test:</translation>
    </message>
    <message>
        <source>No database is open to take a day from.</source>
        <translation>Es ist keine Datenbank geöffnet, aus der ein Tag genommen werden könnte.</translation>
    </message>
    <message>
        <source>SMTP password:</source>
        <translation>SMTP-Passwort:</translation>
    </message>
    <message>
        <source>Webhook URL:</source>
        <translation>Webhook-URL:</translation>
    </message>
    <message>
        <source>Access token:</source>
        <translation>Zugriffstoken:</translation>
    </message>
    <message>
        <source>kept in the system keyring; leave empty to keep the stored one</source>
        <translation>im Systemschlüsselbund verwahrt; leer lassen, um das gespeicherte zu behalten</translation>
    </message>
    <message>
        <source>no system keyring: use the key file or the environment</source>
        <translation>kein Systemschlüsselbund: Schlüsseldatei oder Umgebung verwenden</translation>
    </message>
    <message>
        <source>Passwords, tokens and webhook addresses are never kept in Lectern&apos;s settings: enter them above (they go to the system keyring), or put them in the key file (smtp-password, matrix-token, slack-webhook-url, webhook-url; readable by you only) or in the environment (LECTERN_SMTP_PASSWORD, LECTERN_MATRIX_TOKEN, LECTERN_SLACK_WEBHOOK_URL, LECTERN_WEBHOOK_URL), which come first. The command line (lectern run, lectern deliver) sends the digest after each run.</source>
        <translation>Passwörter, Tokens und Webhook-Adressen stehen nie in Lecterns Einstellungen: Geben Sie sie oben ein (sie kommen in den Systemschlüsselbund), oder legen Sie sie in die Schlüsseldatei (smtp-password, matrix-token, slack-webhook-url, webhook-url; nur für Sie lesbar) oder in die Umgebung (LECTERN_SMTP_PASSWORD, LECTERN_MATRIX_TOKEN, LECTERN_SLACK_WEBHOOK_URL, LECTERN_WEBHOOK_URL), die Vorrang haben. Die Kommandozeile (lectern run, lectern deliver) sendet den Digest nach jedem Lauf.</translation>
    </message>
    <message>
        <source>Built-in scorer (no key needed)</source>
        <translation>Eingebauter Bewerter (kein Schlüssel nötig)</translation>
    </message>
    <message>
        <source>The language model scores every paper</source>
        <translation>Das Sprachmodell bewertet jeden Artikel</translation>
    </message>
    <message>
        <source>The built-in scorer scores every paper</source>
        <translation>Der eingebaute Bewerter bewertet jeden Artikel</translation>
    </message>
    <message>
        <source>Minimal</source>
        <translation>Minimal</translation>
    </message>
    <message>
        <source>Low</source>
        <translation>Niedrig</translation>
    </message>
    <message>
        <source>Medium</source>
        <translation>Mittel</translation>
    </message>
    <message>
        <source>High</source>
        <translation>Hoch</translation>
    </message>
    <message>
        <source>A file on this computer (SQLite)</source>
        <translation>Eine Datei auf diesem Computer (SQLite)</translation>
    </message>
    <message>
        <source>A PostgreSQL server (a lab&apos;s)</source>
        <translation>Ein PostgreSQL-Server (etwa der des Labors)</translation>
    </message>
    <message>
        <source>Default (PGSSLMODE, or prefer)</source>
        <translation>Standard (PGSSLMODE oder prefer)</translation>
    </message>
    <message>
        <source>Hybrid: the built-in ranks, the language model checks</source>
        <translation>Hybrid: Der eingebaute Bewerter ordnet, das Sprachmodell prüft</translation>
    </message>
    <message>
        <source>Ask for schema-constrained JSON (off for servers without it)</source>
        <translation>Schema-gebundenes JSON anfordern (aus für Server ohne diese Funktion)</translation>
    </message>
    <message>
        <source>Drop clearly off-topic titles before scoring abstracts</source>
        <translation>Eindeutig themenfremde Titel vor der Bewertung der Zusammenfassungen aussortieren</translation>
    </message>
</context>
<context>
    <name>Lectern::SharedNoteDialog</name>
    <message>
        <source>Edit Shared Note</source>
        <translation>Geteilte Notiz bearbeiten</translation>
    </message>
    <message>
        <source>%1 shared this note on %2 with the group. Your changes are saved as theirs, with your name as the last editor.</source>
        <translation>%1 hat diese Notiz zu %2 mit der Gruppe geteilt. Ihre Änderungen werden als deren Notiz gespeichert, mit Ihrem Namen als letzter Bearbeitung.</translation>
    </message>
    <message>
        <source>Shared note</source>
        <translation>Geteilte Notiz</translation>
    </message>
</context>
<context>
    <name>Lectern::StoreChangeBatcher</name>
    <message>
        <source>Lost the connection to the database server (%1); reconnecting…</source>
        <translation>Die Verbindung zum Datenbankserver ist verloren (%1); es wird neu verbunden…</translation>
    </message>
    <message>
        <source>Other clients&apos; changes show after a restart only: %1</source>
        <translation>Änderungen anderer Clients erscheinen erst nach einem Neustart: %1</translation>
    </message>
    <message>
        <source>Connected to the database server again.</source>
        <translation>Wieder mit dem Datenbankserver verbunden.</translation>
    </message>
</context>
<context>
    <name>Lectern::StoreCopy</name>
    <message>
        <source>day runs copied</source>
        <translation>Tagesläufe kopiert</translation>
    </message>
    <message>
        <source>papers copied up to %1</source>
        <translation>Artikel kopiert bis %1</translation>
    </message>
    <message>
        <source>provider batches copied</source>
        <translation>Anbieter-Stapel kopiert</translation>
    </message>
    <message>
        <source>%1 Nothing of papers %2 to %3 was written; what was copied before stays, and running the copy again goes on from there.</source>
        <translation>%1 Von den Artikeln %2 bis %3 wurde nichts geschrieben; was vorher kopiert wurde, bleibt, und eine erneute Kopie macht dort weiter.</translation>
    </message>
    <message>
        <source>library items copied up to %1</source>
        <translation>Bibliothekseinträge kopiert bis %1</translation>
    </message>
</context>
<context>
    <name>Lectern::StoreCopyJob</name>
    <message>
        <source>Nothing to copy: %1 is both the source and the target.</source>
        <translation>Nichts zu kopieren: %1 ist zugleich Quelle und Ziel.</translation>
    </message>
    <message>
        <source>There is no library at %1 to copy from.</source>
        <translation>Unter %1 gibt es keine Bibliothek, aus der kopiert werden könnte.</translation>
    </message>
    <message>
        <source>Opening %1 and %2</source>
        <translation>%1 und %2 werden geöffnet</translation>
    </message>
</context>
<context>
    <name>Lectern::StoreCopySummary</name>
    <message>
        <source>papers</source>
        <translation>Artikel</translation>
    </message>
    <message>
        <source>earlier versions</source>
        <translation>frühere Versionen</translation>
    </message>
    <message>
        <source>day listings</source>
        <translation>Tageslistungen</translation>
    </message>
    <message>
        <source>day runs</source>
        <translation>Tagesläufe</translation>
    </message>
    <message>
        <source>scores</source>
        <translation>Bewertungen</translation>
    </message>
    <message>
        <source>hybrid gate reports</source>
        <translation>Berichte der Vorauswahl</translation>
    </message>
    <message>
        <source>hybrid gate papers</source>
        <translation>Artikel der Vorauswahl</translation>
    </message>
    <message>
        <source>provider batches</source>
        <translation>Anbieter-Stapel</translation>
    </message>
    <message>
        <source>library items</source>
        <translation>Bibliothekseinträge</translation>
    </message>
    <message>
        <source>stars</source>
        <translation>Markierungen</translation>
    </message>
    <message>
        <source>read marks</source>
        <translation>Gelesen-Vermerke</translation>
    </message>
    <message>
        <source>dismissals</source>
        <translation>Verworfene</translation>
    </message>
    <message>
        <source>tags</source>
        <translation>Schlagwörter</translation>
    </message>
    <message>
        <source>notes</source>
        <translation>Notizen</translation>
    </message>
    <message>
        <source>shared notes</source>
        <translation>geteilte Notizen</translation>
    </message>
    <message>
        <source>%1 %2 to %3:
</source>
        <translation>%1: %2 nach %3
</translation>
    </message>
    <message>
        <source>Copied</source>
        <translation>Kopiert</translation>
    </message>
    <message>
        <source>Stopped while copying</source>
        <translation>Beim Kopieren angehalten</translation>
    </message>
    <message>
        <source>  %1 %2 copied, %3 already there</source>
        <translation>  %1 %2 kopiert, %3 schon vorhanden</translation>
    </message>
    <message>
        <source> (%1 of the copied replaced an older version)</source>
        <translation> (%1 der kopierten ersetzten eine ältere Version)</translation>
    </message>
    <message>
        <source>Notes that differed on both sides were joined, the newer first, nothing dropped (%1): %2
</source>
        <translation>Notizen, die auf beiden Seiten verschieden waren, wurden zusammengeführt, die neuere zuerst, nichts verworfen (%1): %2
</translation>
    </message>
    <message>
        <source>Provider batches still waiting were not copied (%1): collect them first (lectern batch collect), then copy again.
</source>
        <translation>Noch wartende Anbieter-Stapel wurden nicht kopiert (%1): Holen Sie sie zuerst ab (lectern batch collect) und kopieren Sie dann erneut.
</translation>
    </message>
    <message>
        <source>What is listed was written whole; run the same copy again to go on.
</source>
        <translation>Was aufgeführt ist, wurde vollständig geschrieben; starten Sie dieselbe Kopie erneut, um fortzufahren.
</translation>
    </message>
</context>
<context>
    <name>Lectern::StoreLocation</name>
    <message>
        <source>A store is a file or a postgresql:// URI; none was given.</source>
        <translation>Eine Datenbank ist eine Datei oder eine postgresql://-URI; es wurde keine angegeben.</translation>
    </message>
    <message>
        <source>A store location takes no password; put it in ~/.pgpass or the file PGPASSFILE names.</source>
        <translation>Ein Datenbankort nimmt kein Passwort; legen Sie es in ~/.pgpass ab oder in der Datei, die PGPASSFILE nennt.</translation>
    </message>
</context>
<context>
    <name>Lectern::TitleReplyParser</name>
    <message>
        <source>The title pre-filter kept &quot;%1&quot;, which was not in the batch.</source>
        <translation>Der Titel-Vorfilter behielt „%1“, das nicht im Stapel war.</translation>
    </message>
    <message>
        <source>a non-id</source>
        <translation>keine Kennung</translation>
    </message>
</context>
<context>
    <name>Lectern::TitleVerdict</name>
    <message>
        <source>The title pre-filter&apos;s reply for %1 papers was unusable (%2); they all go on to abstract scoring.</source>
        <translation>Die Antwort des Titel-Vorfilters für %1 Artikel war unbrauchbar (%2); sie gehen alle weiter zur Abstract-Bewertung.</translation>
    </message>
</context>
<context>
    <name>Lectern::TriageController</name>
    <message>
        <source>Next Paper</source>
        <translation>Nächster Artikel</translation>
    </message>
    <message>
        <source>Select the next paper (J)</source>
        <translation>Den nächsten Artikel wählen (J)</translation>
    </message>
    <message>
        <source>Previous Paper</source>
        <translation>Vorheriger Artikel</translation>
    </message>
    <message>
        <source>Select the previous paper (K)</source>
        <translation>Den vorherigen Artikel wählen (K)</translation>
    </message>
    <message>
        <source>Star</source>
        <translation>Markieren</translation>
    </message>
    <message>
        <source>Star or unstar the paper (S)</source>
        <translation>Artikel markieren oder Markierung aufheben (S)</translation>
    </message>
    <message>
        <source>Dismiss</source>
        <translation>Verwerfen</translation>
    </message>
    <message>
        <source>Dismiss or restore the paper (X)</source>
        <translation>Artikel verwerfen oder wiederherstellen (X)</translation>
    </message>
    <message>
        <source>Toggle Read</source>
        <translation>Gelesen umschalten</translation>
    </message>
    <message>
        <source>Mark read or unread (U)</source>
        <translation>Als gelesen oder ungelesen markieren (U)</translation>
    </message>
    <message>
        <source>Open in Browser</source>
        <translation>Im Browser öffnen</translation>
    </message>
    <message>
        <source>Open the abstract page on arXiv (O)</source>
        <translation>Die Abstract-Seite auf arXiv öffnen (O)</translation>
    </message>
    <message>
        <source>Edit Tags</source>
        <translation>Schlagwörter bearbeiten</translation>
    </message>
    <message>
        <source>Edit the paper&apos;s tags (T)</source>
        <translation>Die Schlagwörter des Artikels bearbeiten (T)</translation>
    </message>
    <message>
        <source>Edit Note</source>
        <translation>Notiz bearbeiten</translation>
    </message>
    <message>
        <source>Write a note on the paper (N)</source>
        <translation>Eine Notiz zum Artikel schreiben (N)</translation>
    </message>
    <message>
        <source>Page Abstract</source>
        <translation>Zusammenfassung blättern</translation>
    </message>
    <message>
        <source>Undo Triage</source>
        <translation>Triage rückgängig machen</translation>
    </message>
    <message>
        <source>Undo the last star, dismissal or read change (Ctrl+Z)</source>
        <translation>Die letzte Markierung, das letzte Verwerfen oder die letzte Gelesen-Änderung rückgängig machen (Strg+Z)</translation>
    </message>
    <message>
        <source>Scroll the abstract; at its end, the next paper (Space)</source>
        <translation>Die Zusammenfassung blättern, an ihrem Ende zum nächsten Artikel (Leertaste)</translation>
    </message>
</context>
<context>
    <name>Lectern::WebhookSender</name>
    <message>
        <source>the Slack webhook %1</source>
        <translation>der Slack-Webhook %1</translation>
    </message>
    <message>
        <source>the JSON webhook %1</source>
        <translation>der JSON-Webhook %1</translation>
    </message>
    <message>
        <source>No Matrix room is set (delivery/matrix/room, e.g. !abc:example.org)</source>
        <translation>Kein Matrix-Raum ist eingestellt (delivery/matrix/room, z. B. !abc:example.org)</translation>
    </message>
    <message>
        <source>the Matrix room %1 on %2</source>
        <translation>der Matrix-Raum %1 auf %2</translation>
    </message>
    <message>
        <source>%1 is not a valid http(s) URL</source>
        <translation>%1 ist keine gültige http(s)-URL</translation>
    </message>
    <message>
        <source>Refusing to send a token to %1 over plain http; use https</source>
        <translation>Ein Token wird nicht über unverschlüsseltes http an %1 gesendet; verwenden Sie https</translation>
    </message>
    <message>
        <source>Cancelled: %1</source>
        <translation>Abgebrochen: %1</translation>
    </message>
    <message>
        <source>%1 answered HTTP %2%3</source>
        <translation>%1 antwortete mit HTTP %2%3</translation>
    </message>
    <message>
        <source>%1 (after %2 attempts)</source>
        <translation>%1 (nach %2 Versuchen)</translation>
    </message>
    <message>
        <source>%1; it asks to wait %2 s, longer than Lectern waits</source>
        <translation>%1; er bittet, %2 s zu warten, länger als Lectern wartet</translation>
    </message>
</context>
<context>
    <name>Lectern::ZoteroLibrary</name>
    <message>
        <source>Cannot read the Zotero library %1 (%2): %3</source>
        <translation>Die Zotero-Bibliothek %1 kann nicht gelesen werden (%2): %3</translation>
    </message>
    <message>
        <source>%1 is a SQLite database but not a Zotero library (it has no items and itemData tables).</source>
        <translation>%1 ist eine SQLite-Datenbank, aber keine Zotero-Bibliothek (ihr fehlen die Tabellen items und itemData).</translation>
    </message>
    <message>
        <source>Cannot read %1: no such file</source>
        <translation>%1 kann nicht gelesen werden: Die Datei gibt es nicht</translation>
    </message>
    <message>
        <source>Cannot copy the Zotero library: no temporary folder (%1)</source>
        <translation>Die Zotero-Bibliothek kann nicht kopiert werden: kein temporärer Ordner (%1)</translation>
    </message>
    <message>
        <source>Cannot copy the Zotero library %1 to read it</source>
        <translation>Die Zotero-Bibliothek %1 kann zum Lesen nicht kopiert werden</translation>
    </message>
    <message>
        <source>Cannot copy the Zotero library&apos;s %1 to read it</source>
        <translation>Die Datei %1 der Zotero-Bibliothek kann zum Lesen nicht kopiert werden</translation>
    </message>
    <message>
        <source>Cannot open the Zotero library %1: %2</source>
        <translation>Die Zotero-Bibliothek %1 kann nicht geöffnet werden: %2</translation>
    </message>
</context>
<context>
    <name>QObject</name>
    <message>
        <source>arXiv</source>
        <translation>arXiv</translation>
    </message>
    <message>
        <source>Topics</source>
        <translation>Themen</translation>
    </message>
    <message>
        <source>Reading</source>
        <translation>Lesen</translation>
    </message>
    <message>
        <source>Scoring</source>
        <translation>Bewertung</translation>
    </message>
    <message>
        <source>Store</source>
        <translation>Datenspeicher</translation>
    </message>
    <message>
        <source>Delivery</source>
        <translation>Zustellung</translation>
    </message>
</context>
<context>
    <name>ScoreStatus</name>
    <message>
        <source>Not scored yet</source>
        <translation>Noch nicht bewertet</translation>
    </message>
    <message>
        <source>By a followed author: in the digest without marks</source>
        <translation>Von einem gefolgten Autor: im Digest ohne Noten</translation>
    </message>
    <message>
        <source>Dropped by the title pre-filter (%1): the abstract was not scored</source>
        <translation>Vom Titel-Vorfilter aussortiert (%1): Die Zusammenfassung wurde nicht bewertet</translation>
    </message>
    <message>
        <source>Not sent for scoring: no author reaches the h-index threshold</source>
        <translation>Nicht zur Bewertung gesendet: Kein Autor erreicht die h-Index-Schwelle</translation>
    </message>
    <message>
        <source>Not scored (%1 gave no usable score)</source>
        <translation>Nicht bewertet (%1 lieferte keine verwertbare Bewertung)</translation>
    </message>
</context>
</TS>
