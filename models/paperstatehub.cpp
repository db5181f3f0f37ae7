// SPDX-License-Identifier: GPL-3.0-or-later
#include "paperstatehub.h"

#include "store/paperstore.h"

namespace Lectern {

PaperStateHub::PaperStateHub(PaperStore *store, QObject *parent)
    : QObject(parent)
    , m_store(store)
{ }

Result<PaperState> PaperStateHub::state(const QString &arxivId) const
{
    if (!m_store)
        return Error {tr("No database is open.")};
    return m_store->state(arxivId);
}

Result<StateSaved> PaperStateHub::store(PaperState state)
{
    if (!m_store)
        return Error {tr("No database is open.")};
    auto saved = m_store->saveState(state);
    if (!saved || saved->conflict)
        return saved;
    state.noteShared = state.noteShared && !state.note.isEmpty();
    state.noteVersion = state.noteShared ? saved->noteVersion : 0;
    Q_EMIT changed(state);
    return saved;
}

Result<void> PaperStateHub::save(const PaperState &state)
{
    auto saved = store(state);
    if (!saved)
        return Error {saved.error()};
    if (saved->conflict)
        return Error {tr("The shared note on %1 was changed in another window meanwhile; nothing was saved.")
                          .arg(state.arxivId)};
    return {};
}

Result<StateSaved> PaperStateHub::saveNote(const PaperState &edit)
{
    auto current = state(edit.arxivId);
    if (!current)
        return Error {current.error()};
    PaperState s = *current;
    s.note = edit.note;
    s.tags = edit.tags;
    s.noteShared = edit.noteShared;
    s.noteVersion = edit.noteVersion;
    return store(s);
}

Result<PaperState> PaperStateHub::update(
    const QString &arxivId, const std::function<void(PaperState &)> &edit)
{
    auto current = state(arxivId);
    if (!current)
        return current;
    PaperState s = *current;
    edit(s);
    auto saved = store(s);
    if (!saved)
        return Error {saved.error()};
    if (saved->conflict)
        return Error {tr("The shared note on %1 was changed in another window meanwhile; nothing was saved.")
                          .arg(arxivId)};
    s.noteShared = s.noteShared && !s.note.isEmpty();
    s.noteVersion = s.noteShared ? saved->noteVersion : 0;
    return s;
}

} // namespace Lectern
