// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "domain/paperstate.h"
#include "domain/sharednote.h"
#include "util/result.h"

#include <QObject>

#include <functional>

namespace Lectern {

class PaperStore;

/// The one way the window changes a paper's stars, read state, dismissal, tags or note, and the one signal
/// every view follows. The reader's table, its detail pane and note editor, the digest and the chart all
/// listen to changed(): whichever of them made the change, all of them then show what the store holds,
/// so none can show a stale state and act on it.
class PaperStateHub final : public QObject
{
    Q_OBJECT
public:
    explicit PaperStateHub(PaperStore *store, QObject *parent = nullptr);

    [[nodiscard]] PaperStore *store() const { return m_store; }
    /// The stored state of @p arxivId (the default state when the user never touched it).
    [[nodiscard]] Result<PaperState> state(const QString &arxivId) const;
    /// Stores @p state whole and announces it. A shared note changed elsewhere since @p state was read is
    /// an error here (nothing is stored); the note editors use saveNote(), which hands the conflict back.
    Result<void> save(const PaperState &state);
    /// Stores the note, tags and sharing of @p edit on the stored state (a star made meanwhile is kept). A
    /// shared note is written only over edit.noteVersion, the version the editing started from: when it
    /// changed meanwhile (another window of the same member), nothing is stored and the result holds
    /// the conflict with both texts, to merge and save again over its version.
    Result<StateSaved> saveNote(const PaperState &edit);
    /// Reads the stored state of @p arxivId, applies @p edit and stores the result: a change made meanwhile
    /// by another view (a note, a star) is kept. Returns the state as stored.
    Result<PaperState> update(const QString &arxivId, const std::function<void(PaperState &)> &edit);

    /// @p state was stored by another client of the same member (a window on another machine): every view
    /// shows it, as if this window had stored it.
    void announce(const PaperState &state) { Q_EMIT changed(state); }

Q_SIGNALS:
    /// @p state is what the store now holds for its paper.
    void changed(const Lectern::PaperState &state);

private:
    /// Stores @p state and announces it as stored (with the shared note's new version).
    Result<StateSaved> store(PaperState state);

    PaperStore *m_store;
};

} // namespace Lectern
