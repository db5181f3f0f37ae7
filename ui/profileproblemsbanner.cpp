// SPDX-License-Identifier: GPL-3.0-or-later
#include "profileproblemsbanner.h"

#include "config/profile.h"
#include "config/settings.h"
#include "scoring/pricetable.h"

#include <QFileInfo>

namespace Lectern {

ProfileProblemsBanner::ProfileProblemsBanner(
    const Profile &profile, const Settings &settings, QWidget *parent)
    : QLabel(parent)
{
    setObjectName(QStringLiteral("profileProblems"));
    setWordWrap(true);
    setTextFormat(Qt::PlainText); // file contents and paths, never markup
    setTextInteractionFlags(Qt::TextSelectableByMouse);
    setFrameShape(QFrame::StyledPanel);
    QStringList problems = settings.problems();
    const QString pricesPath = PriceTable::pathFor(profile);
    if (QFileInfo::exists(pricesPath)) {
        if (auto prices = PriceTable::loadOrCreate(pricesPath); !prices)
            problems << prices.error();
    }
    setText(tr("Problems in your profile (defaults are used, the files are unchanged):\n%1")
                .arg(problems.join(u'\n')));
    setVisible(!problems.isEmpty());
}

} // namespace Lectern
