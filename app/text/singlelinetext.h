// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

namespace Lectern {

/// Text for a format that ends a value at a line break (a RIS tag, a CSV cell that holds a title or a
/// name): one line, no control characters, runs of spaces collapsed.
class SingleLineText
{
public:
    [[nodiscard]] static QString of(const QString &text);
    /// arXiv's TeX made readable (TexToUnicode), then of().
    [[nodiscard]] static QString fromTex(const QString &tex);
};

} // namespace Lectern
