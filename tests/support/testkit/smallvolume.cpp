// SPDX-License-Identifier: GPL-3.0-or-later
#include "smallvolume.h"

#include <QDir>
#include <QFile>
#include <QProcess>

#include <cerrno>
#include <fcntl.h>
#include <unistd.h>

namespace Lectern::Test {

namespace {

bool runTool(const QString &program, const QStringList &args, QString *why)
{
    QProcess p;
    p.setProcessChannelMode(QProcess::MergedChannels);
    p.start(program, args);
    if (!p.waitForStarted(10000)) {
        *why = QStringLiteral("%1 is not available").arg(program);
        return false;
    }
    if (!p.waitForFinished(30000) || p.exitStatus() != QProcess::NormalExit || p.exitCode() != 0) {
        *why = QStringLiteral("%1 %2 failed: %3")
                   .arg(program, args.join(u' '), QString::fromLocal8Bit(p.readAll()).trimmed());
        return false;
    }
    return true;
}

QString fillerPath(const QString &mountPoint)
{
    return mountPoint + QStringLiteral("/.filler");
}

} // namespace

SmallVolume::SmallVolume(int sizeKiB)
{
    if (::geteuid() != 0) {
        m_whyNot = QStringLiteral("mounting a small file system needs root");
        return;
    }
    if (!m_dir.isValid()) {
        m_whyNot = QStringLiteral("no temporary folder");
        return;
    }
    m_image = m_dir.filePath(QStringLiteral("volume.img"));
    m_mountPoint = m_dir.filePath(QStringLiteral("mnt"));
    QDir().mkpath(m_mountPoint);
    {
        QFile image(m_image);
        if (!image.open(QIODevice::WriteOnly) || !image.resize(qint64(sizeKiB) * 1024)) {
            m_whyNot = QStringLiteral("cannot create the image file");
            return;
        }
    }
    // No blocks reserved for root: the test runs as root and must really reach ENOSPC.
    if (!runTool(QStringLiteral("mkfs.ext2"),
            {QStringLiteral("-q"), QStringLiteral("-F"), QStringLiteral("-m"), QStringLiteral("0"), m_image},
            &m_whyNot))
        return;
    if (!runTool(QStringLiteral("mount"),
            {QStringLiteral("-o"), QStringLiteral("loop"), m_image, m_mountPoint}, &m_whyNot))
        return;
    m_mounted = true;
}

SmallVolume::~SmallVolume()
{
    if (!m_mounted)
        return;
    QString why;
    if (!runTool(QStringLiteral("umount"), {m_mountPoint}, &why))
        runTool(QStringLiteral("umount"), {QStringLiteral("-l"), m_mountPoint}, &why);
}

bool SmallVolume::fill(qint64 keepBytes)
{
    if (!m_mounted)
        return false;
    const QByteArray name = QFile::encodeName(fillerPath(m_mountPoint));
    const int fd = ::open(name.constData(), O_WRONLY | O_CREAT | O_APPEND, 0600);
    if (fd < 0)
        return false;
    const QByteArray block(4096, 'x');
    bool full = false;
    qint64 size = ::lseek(fd, 0, SEEK_END);
    for (;;) {
        const ssize_t n = ::write(fd, block.constData(), size_t(block.size()));
        if (n < 0) {
            full = errno == ENOSPC;
            break;
        }
        size += n;
    }
    // Smaller writes use up the last partial block.
    for (;;) {
        const ssize_t n = ::write(fd, block.constData(), 512);
        if (n <= 0)
            break;
        size += n;
    }
    ::fsync(fd);
    if (keepBytes > 0 && ::ftruncate(fd, qMax<qint64>(0, size - keepBytes)) != 0)
        full = false;
    ::fsync(fd);
    ::close(fd);
    return full;
}

void SmallVolume::release()
{
    QFile::remove(fillerPath(m_mountPoint));
    ::sync();
}

} // namespace Lectern::Test
