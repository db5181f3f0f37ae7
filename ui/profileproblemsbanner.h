// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QLabel>

namespace Lectern {

class Profile;
class Settings;

/// Names the files of a profile the user broke by hand (settings values, prices.json): the defaults are
/// used and the files are left as they are, so the user knows which one to fix. Hidden when all is well.
class ProfileProblemsBanner final : public QLabel
{
    Q_OBJECT
public:
    ProfileProblemsBanner(const Profile &profile, const Settings &settings, QWidget *parent = nullptr);
};

} // namespace Lectern
