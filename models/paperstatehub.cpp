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

Result<void> PaperStateHub::save(const PaperState &state)
{
    if (!m_store)
        return Error {tr("No database is open.")};
    if (auto saved = m_store->saveState(state); !saved)
        return saved;
    Q_EMIT changed(state);
    return {};
}

Result<PaperState> PaperStateHub::update(
    const QString &arxivId, const std::function<void(PaperState &)> &edit)
{
    auto current = state(arxivId);
    if (!current)
        return current;
    PaperState s = *current;
    edit(s);
    if (auto saved = save(s); !saved)
        return Error {saved.error()};
    return s;
}

} // namespace Lectern
