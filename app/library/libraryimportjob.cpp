// SPDX-License-Identifier: GPL-3.0-or-later
#include "library/libraryimportjob.h"

#include "arxiv/arxivapiclient.h"
#include "arxiv/fetchjob.h"
#include "config/settings.h"
#include "library/referencelist.h"
#include "store/librarystore.h"
#include "store/paperstore.h"

#include <QCoreApplication>
#include <QFileInfo>

namespace Lectern {

LibraryImportRequest LibraryImportRequest::fromSettings(
    const Settings &settings, const QString &databasePath, const QString &filePath)
{
    LibraryImportRequest r;
    r.databasePath = databasePath;
    r.filePath = filePath;
    r.apiBase = settings.url(Keys::ArxivApiBase);
    // The same politeness as the daily fetch: contact in the User-Agent, the arXiv gate's interval.
    r.http = FetchRequest::fromSettings(settings, databasePath).http;
    return r;
}

QString LibraryImportSummary::describe() const
{
    QString s = QCoreApplication::translate(
        "Lectern::LibraryImportSummary", "%1: %2 arXiv papers added, %3 kept as text, %4 not found")
                    .arg(source)
                    .arg(arxivAdded)
                    .arg(textAdded)
                    .arg(notFound.size());
    if (arxivKnown + textKnown > 0)
        s += QCoreApplication::translate("Lectern::LibraryImportSummary", "; %1 in the library already")
                 .arg(arxivKnown + textKnown);
    if (!unreadable.isEmpty() || !leftOut.isEmpty())
        s += QCoreApplication::translate("Lectern::LibraryImportSummary", "; %1 unreadable")
                 .arg(unreadable.size() + leftOut.size());
    if (handled < references)
        s += QCoreApplication::translate("Lectern::LibraryImportSummary", "; %1 of %2 references not handled")
                 .arg(references - handled)
                 .arg(references);
    return s + u'.';
}

LibraryImportJob::LibraryImportJob(LibraryImportRequest request, QObject *parent)
    : Job(parent)
    , m_request(std::move(request))
{
    qRegisterMetaType<LibraryImportSummary>();
}

Result<QString> LibraryImportJob::run()
{
    LibraryImportSummary summary;
    summary.source = QFileInfo(m_request.filePath).fileName();
    report(0, 0, tr("Reading %1…").arg(summary.source));
    const Result<ReferenceList> list = ReferenceList::read(m_request.filePath);
    if (!list)
        return Error {list.error()};
    summary.unreadable = list->unreadable;
    summary.leftOut = list->leftOut;
    // Duplicates inside the file are counted as handled already: the list keeps each reference once.
    summary.references = int(list->references.size());
    setResult(QVariant::fromValue(summary));
    auto opened = PaperStore::open(m_request.databasePath);
    if (!opened)
        return Error {opened.error()};
    PaperStore &store = *opened.value();
    LibraryStore library(store.database());
    HttpClient http(m_request.http, cancelFlag());
    ArxivApiClient api(http, m_request.apiBase);

    const qsizetype total = list->references.size();
    for (qsizetype i = 0; i < total; ++i) {
        report(
            int(i), int(total), tr("Importing %1 of %2 from %3…").arg(i + 1).arg(total).arg(summary.source));
        if (isCancelled())
            break;
        LibraryReference ref = list->references.at(i);
        if (!ref.arxivId) {
            auto added = library.add(ref, summary.source);
            if (!added)
                return Error {added.error()};
            ++(*added ? summary.textAdded : summary.textKnown);
        } else {
            const QString id = ref.arxivId->id;
            auto known = store.paper(id);
            if (!known)
                return Error {known.error()};
            Paper paper;
            if (known->has_value()) {
                paper = **known;
            } else {
                ++summary.lookedUp;
                Result<Paper> fetched = api.fetchPaper(*ref.arxivId);
                if (isCancelled())
                    break; // the request was cut short: this reference was not handled
                if (!fetched) {
                    summary.notFound << QCoreApplication::translate("Lectern::LibraryImportJob", "%1: %2")
                                            .arg(ref.arxivId->toString(), fetched.error());
                    ++summary.handled;
                    setResult(QVariant::fromValue(summary));
                    continue;
                }
                paper = *fetched;
                if (auto stored = store.upsertPaper(paper); !stored)
                    return Error {stored.error()};
            }
            // The library keeps arXiv's metadata where the reference had none (a plain list of ids).
            if (ref.title.isEmpty())
                ref.title = paper.title;
            if (ref.authors.isEmpty())
                ref.authors = paper.authors;
            if (ref.abstract.isEmpty())
                ref.abstract = paper.abstract;
            auto added = library.add(ref, summary.source);
            if (!added)
                return Error {added.error()};
            ++(*added ? summary.arxivAdded : summary.arxivKnown);
            auto state = store.state(paper.arxivId);
            if (!state)
                return Error {state.error()};
            PaperState s = *state;
            s.arxivId = paper.arxivId;
            if (!s.tags.contains(PaperState::ImportedTag)) {
                s.tags << QString(PaperState::ImportedTag);
                s.tags.sort();
                if (auto saved = store.saveState(s); !saved)
                    return Error {saved.error()};
            }
            summary.importedIds << paper.arxivId;
        }
        ++summary.handled;
        setResult(QVariant::fromValue(summary));
    }
    report(summary.handled, int(total), summary.describe());
    setResult(QVariant::fromValue(summary));
    return summary.describe();
}

} // namespace Lectern
