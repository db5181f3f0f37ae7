// SPDX-License-Identifier: GPL-3.0-or-later
// Replays a fuzz target's committed corpus without libFuzzer: every file of the folders named on the command
// line goes through LLVMFuzzerTestOneInput once. This is what the normal test run does (seconds, any
// compiler); finding new inputs needs the clang build (-DLECTERN_FUZZ=ON, see README).
#include "fuzzcheck.h"

#include <QDirIterator>
#include <QFile>

#include <cstdio>

int main(int argc, char **argv)
{
    int inputs = 0;
    for (int a = 1; a < argc; ++a) {
        QDirIterator it(QString::fromLocal8Bit(argv[a]), QDir::Files, QDirIterator::Subdirectories);
        while (it.hasNext()) {
            QFile f(it.next());
            if (!f.open(QIODevice::ReadOnly)) {
                std::fprintf(stderr, "cannot read %s\n", qPrintable(f.fileName()));
                return 1;
            }
            const QByteArray data = f.readAll();
            std::fprintf(stderr, "%s\n", qPrintable(f.fileName()));
            LLVMFuzzerTestOneInput(
                reinterpret_cast<const std::uint8_t *>(data.constData()), std::size_t(data.size()));
            ++inputs;
        }
    }
    std::printf("%d inputs replayed\n", inputs);
    // An empty corpus is a mistake in the build, not a pass.
    return inputs > 0 ? 0 : 1;
}
