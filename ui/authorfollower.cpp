// SPDX-License-Identifier: GPL-3.0-or-later
#include "authorfollower.h"

#include "config/settings.h"
#include "scoring/authormatcher.h"

namespace Lectern {

AuthorFollower::AuthorFollower(Settings &settings, QObject *parent)
    : QObject(parent)
    , m_settings(settings)
{ }

void AuthorFollower::follow(const QString &name)
{
    QStringList followed = m_settings.stringList(Keys::TopicsFollowedAuthors);
    if (name.trimmed().isEmpty())
        return;
    // "Peter Richtárik" is already followed as "P. Richtarik": no second entry for the same person.
    for (const QString &f : std::as_const(followed)) {
        if (AuthorMatcher::sameAuthor(f, name)) {
            Q_EMIT message(tr("You already follow %1 (as %2).").arg(name, f), 5000);
            return;
        }
    }
    followed << name;
    if (auto r = m_settings.setValue(Keys::TopicsFollowedAuthors, followed); !r) {
        Q_EMIT message(r.error(), 0);
        return;
    }
    Q_EMIT followedChanged(followed);
    Q_EMIT message(tr("Following %1: their papers come first in the digest.").arg(name), 5000);
}

} // namespace Lectern
