// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "digest/digest.h"
#include "domain/dayrun.h"
#include "domain/paperrecord.h"
#include "util/result.h"

#include <QDate>
#include <QList>
#include <QStringList>

namespace Lectern {

class AuthorMatcher;
class PaperStore;

/// Builds the daily digest and writes it as Markdown in the structure of the reference pipeline's pages
/// ("Personalized Daily ArXiv Papers"), so that a reader of those pages, or a script, finds every part
/// where it expects it.
class DigestBuilder final
{
public:
    DigestBuilder() = delete;

    /// The announce types a digest considers: new papers and cross-lists, as the reference pipeline's
    /// "scanned" set. Replacements would bring back a paper's old score on the day of its new version.
    [[nodiscard]] static QStringList defaultAnnounceTypes();

    /// Selects the digest's papers from a day's records.
    ///  - Papers by a followed author are kept whatever their score, come first (by arXiv id) and show
    ///    "Author match" instead of scores.
    ///  - Other papers are kept when scored with relevance >= @p minRelevance and novelty >= @p minNovelty,
    ///    ordered by relevance + novelty descending, then relevance descending, then arXiv id ascending.
    ///  - Records listed with an announce type outside @p announceTypes are left out (an empty list keeps
    ///    all; a record without a type is kept). The user's state (read, dismissed) does not filter.
    /// @p run is kept as given; the digest's relevant count is entries.size().
    [[nodiscard]] static Digest select(const DayRun &run, const QList<PaperRecord> &records,
        const AuthorMatcher &authors, int minRelevance, int minNovelty,
        const QStringList &announceTypes = defaultAnnounceTypes());

    /// select() over the store's records of @p day; a day without a run gets a DayRun with only its date.
    [[nodiscard]] static Result<Digest> fromStore(PaperStore &store, const QDate &day,
        const AuthorMatcher &authors, int minRelevance, int minNovelty,
        const QStringList &announceTypes = defaultAnnounceTypes());

    /// Gives each entry the notes other members shared on its paper (PostgreSQL; an SQLite file has one
    /// member, whose shared note is their own note).
    [[nodiscard]] static Result<void> attachSharedNotes(PaperStore &store, const QDate &day, Digest &digest);

    /// Fills the digest's cost split from the run's token counts and the model's prices (USD per million
    /// tokens; reasoning tokens are billed, and counted, as completion).
    static void applyPrices(Digest &digest, double promptUsdPerMillion, double completionUsdPerMillion);

    /// The digest as GitHub Markdown, ending with one newline. The structure, line by line:
    /// heading, token/cost table, the three totals, table of contents, "---", one section per paper
    /// separated by "---", "---", and the prompt appendix (DayRun::promptText, see StoredPrompt) with each
    /// line quoted by "> ". Starred/Tags/Note lines follow a paper's scores only when the user set them.
    [[nodiscard]] static QString markdown(const Digest &digest);

    /// A cost as the reference prints it: rounded to cents, trailing zeros dropped but one decimal kept
    /// ("1.1", "0.12", "0.0", "2.0"), without the "$"; a cost under a cent keeps two significant digits
    /// ("0.0076", "0.004") instead of reading "0.0".
    [[nodiscard]] static QString formatCost(double usd);
};

} // namespace Lectern
