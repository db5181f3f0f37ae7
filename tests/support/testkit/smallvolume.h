// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>
#include <QTemporaryDir>

namespace Lectern::Test {

/// A real, tiny file system (ext2 in a loop-mounted image) that a test can fill up, so that SQLite and
/// QSettings meet a genuine "No space left on device" from the kernel. Needs root and loop devices:
/// where these are missing, isMounted() is false and whyNot() says why (the test skips).
class SmallVolume final
{
public:
    explicit SmallVolume(int sizeKiB = 4096);
    ~SmallVolume();
    Q_DISABLE_COPY_MOVE(SmallVolume)

    [[nodiscard]] bool isMounted() const { return m_mounted; }
    [[nodiscard]] const QString &whyNot() const { return m_whyNot; }
    /// The mount point.
    [[nodiscard]] QString path() const { return m_mountPoint; }

    /// Fills the free space with a filler file, then gives back @p keepBytes of it. True when the
    /// disk was really filled (a write failed with ENOSPC).
    bool fill(qint64 keepBytes = 0);
    /// Deletes the filler: the space is free again.
    void release();

private:
    QTemporaryDir m_dir;
    QString m_image;
    QString m_mountPoint;
    QString m_whyNot;
    bool m_mounted = false;
};

} // namespace Lectern::Test
