// SPDX-License-Identifier: GPL-3.0-or-later
#include "storechangebatcher.h"

#include "store/paperstore.h"
#include "store/storechangelistener.h"

#include <utility>

namespace Lectern {

StoreChangeBatcher::StoreChangeBatcher(PaperStore *store, QObject *parent)
    : QObject(parent)
    , m_store(store)
    , m_listener(new StoreChangeListener(this))
{
    setObjectName(QStringLiteral("storeChangeBatcher"));
    m_quiet.setSingleShot(true);
    m_quiet.setInterval(150);
    connect(&m_quiet, &QTimer::timeout, this, [this] { Q_EMIT batchReady(std::exchange(m_pending, {})); });
    connect(m_listener, &StoreChangeListener::changed, this, &StoreChangeBatcher::changed);
    connect(m_listener, &StoreChangeListener::connectionLost, this, [this](const QString &reason) {
        Q_EMIT message(tr("Lost the connection to the database server (%1); reconnecting…").arg(reason), 0);
    });
    connect(m_listener, &StoreChangeListener::reconnected, this, &StoreChangeBatcher::reconnected);
    connect(m_listener, &StoreChangeListener::cannotListen, this, [this](const QString &reason) {
        Q_EMIT message(tr("Other clients' changes show after a restart only: %1").arg(reason), 0);
    });
    if (m_store)
        m_listener->listen(m_store->database().location());
}

void StoreChangeBatcher::changed(const StoreChange &change)
{
    if (change.kind == StoreChange::Kind::SharedNote)
        m_pending.sharedNotes.insert(change.arxivId);
    else if (change.kind == StoreChange::Kind::MemberState)
        m_pending.memberStates.insert(change.arxivId);
    else if (change.day.isValid())
        m_pending.days.insert(change.day);
    else
        m_pending.undatedDays = true;
    m_quiet.start();
}

void StoreChangeBatcher::reconnected()
{
    // The server restarted: the window's session ended too, and what others did meanwhile was not heard.
    if (!m_store)
        return;
    if (auto reopened = m_store->reopen(); !reopened) {
        Q_EMIT message(reopened.error(), 0);
        return;
    }
    Q_EMIT message(tr("Connected to the database server again."), 5000);
    m_pending.reconnected = true;
    m_quiet.start();
}

} // namespace Lectern
