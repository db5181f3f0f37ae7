// SPDX-License-Identifier: GPL-3.0-or-later
// Finding and clicking links in a QTextBrowser the way a user does (header-only: the kit's library does
// not link QtWidgets; the window tests that include this do).
#pragma once

#include <QTest>
#include <QTextBlock>
#include <QTextBrowser>
#include <QTextCursor>
#include <QTextDocument>

#include <optional>

namespace Lectern::Test {

/// The first fragment of @p browser's document whose link target is @p href, as a cursor on its middle.
inline std::optional<QTextCursor> linkCursor(QTextBrowser *browser, const QString &href)
{
    QTextDocument *doc = browser->document();
    for (QTextBlock b = doc->begin(); b.isValid(); b = b.next()) {
        for (auto it = b.begin(); !it.atEnd(); ++it) {
            const QTextFragment f = it.fragment();
            if (f.isValid() && f.charFormat().anchorHref() == href) {
                QTextCursor c(doc);
                c.setPosition(f.position() + f.length() / 2);
                return c;
            }
        }
    }
    return std::nullopt;
}

/// Scrolls the link into view and clicks it with the mouse, as a user would; false when there is none.
inline bool clickLink(QTextBrowser *browser, const QString &href)
{
    auto cursor = linkCursor(browser, href);
    if (!cursor)
        return false;
    browser->setTextCursor(*cursor);
    browser->ensureCursorVisible();
    QTest::mouseClick(browser->viewport(), Qt::LeftButton, {}, browser->cursorRect(*cursor).center());
    return true;
}

} // namespace Lectern::Test
