// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QObject>

namespace Lectern {

class Settings;

/// "Follow this author" (the detail pane's author menu): adds the name to topics/followedAuthors unless the
/// same person is already followed under another spelling, and says what it did.
class AuthorFollower final : public QObject
{
    Q_OBJECT
public:
    explicit AuthorFollower(Settings &settings, QObject *parent = nullptr);

    void follow(const QString &name);

Q_SIGNALS:
    /// For the status bar; @p timeoutMs 0 keeps it until the next message.
    void message(const QString &text, int timeoutMs);
    /// The followed authors after one was added.
    void followedChanged(const QStringList &names);

private:
    Settings &m_settings;
};

} // namespace Lectern
