// SPDX-License-Identifier: GPL-3.0-or-later
// Setting values as typed, read from lectern.ini or given on the command line: the first byte picks the
// setting, the rest is its text.
#include "config/settings.h"
#include "fuzzcheck.h"

using namespace Lectern;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    if (size == 0)
        return 0;
    const QList<SettingSpec> &registry = Settings::registry();
    const SettingSpec &spec = registry.at(data[0] % registry.size());
    const auto value = Settings::parse(spec, Fuzz::text(data + 1, size - 1));
    if (value.ok()) {
        // What is accepted can be written and read again to the same value.
        const QString written = Settings::format(spec, *value);
        const auto again = Settings::parse(spec, written);
        Fuzz::check(again.ok(), "a formatted value does not parse");
        Fuzz::check(Settings::format(spec, *again) == written, "format and parse disagree");
    }
    return 0;
}
