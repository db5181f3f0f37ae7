#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Installs what Lectern needs to build, test and run.
#   Debian 12 (bookworm): Qt 6.8 + KF6 come from Debian trixie, pinned at priority 100 so that
#                         nothing else on the machine is upgraded by accident.
#   Debian 13 (trixie):   the same packages, plainly.
#   Anything else:        prints what is needed and stops.
# Idempotent: when everything is present it only checks and returns within seconds.
set -euo pipefail

PACKAGES=(
  build-essential cmake ninja-build ccache pkg-config libbenchmark-dev libsqlite3-dev
  # The linker: lld links a test five times faster than GNU ld (CMakeLists.txt).
  lld
  liblinear-dev libstemmer-dev libqpdf-dev libbtparse-dev
  # The built-in scorer's latent semantic index (an SVD): Eigen, headers only.
  libeigen3-dev
  # The digest by e-mail (SMTP with TLS through libcurl).
  libcurl4-openssl-dev
  qt6-base-dev qt6-base-dev-tools qt6-svg-dev qt6-charts-dev qt6-l10n-tools qt6-tools-dev
  libqt6sql6-sqlite libqt6sql6-psql libqt6svg6 qt6-svg-plugins
  libkf6syntaxhighlighting-dev qtkeychain-qt6-dev
  # Qt's own messages in the user's language (qtbase_de.qm: buttons, "Connection refused").
  qt6-translations-l10n
  xvfb xauth poppler-utils
  # The store tests' throwaway PostgreSQL cluster (initdb, pg_ctl; unaccent ships with the server).
  postgresql
  # The change listener's bounded connection check (libpq's asynchronous calls).
  libpq-dev
  # The keyring test's private session bus (a KWallet stand-in on it; tests/ui/test_keyring.cpp).
  dbus-daemon
  # Fuzzing (tests/fuzz, -DLECTERN_FUZZ=ON): clang and its libFuzzer and sanitizer runtimes.
  clang libclang-rt-dev
)
# Packages that must come from trixie on bookworm (bookworm has Qt 6.4 and no KF6).
TRIXIE_PACKAGES=(
  qt6-base-dev qt6-base-dev-tools qt6-svg-dev qt6-charts-dev qt6-l10n-tools qt6-tools-dev
  libqt6sql6-sqlite libqt6sql6-psql libqt6svg6 qt6-svg-plugins
  libkf6syntaxhighlighting-dev qtkeychain-qt6-dev qt6-translations-l10n
)

need_list() {
  cat <<MSG
Lectern needs: a C++20 compiler, CMake >= 3.25, Ninja, Qt >= 6.8 (Core, Gui, Widgets, Network, Sql with
the SQLite driver, Svg, Charts, Test, LinguistTools), KF6 SyntaxHighlighting, qtkeychain for Qt 6, Qt's translations (qtbase_*.qm), liblinear,
Snowball's libstemmer, Eigen (the latent semantic index), qpdf (PDF outline), btparse (BibTeX), libcurl (the digest by e-mail), libpq (the change listener), and for the tests Xvfb (or QT_QPA_PLATFORM=offscreen), poppler-utils (pdftotext) and
PostgreSQL; for fuzzing clang with its libFuzzer runtime.
MSG
}

missing_packages() {
  local p out=()
  for p in "${PACKAGES[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || out+=("$p")
  done
  echo "${out[@]:-}"
}

qt_is_new_enough() {
  local v
  v=$(dpkg-query -W -f='${Version}' qt6-base-dev 2>/dev/null || true)
  [ -n "$v" ] && dpkg --compare-versions "$v" ge 6.8
}

# libcurl's headers come from the release of the installed library: where trixie's libcurl4t64 is in
# already (curl from trixie), bookworm's -dev package would break it, so trixie's is taken.
curl_dev_from_trixie() {
  dpkg-query -W -f='${Status}' libcurl4t64 2>/dev/null | grep -q "install ok installed"
}

# The default release's packages first, then the Qt/KF6 set from trixie.
install_split() {
  local p base=() trixie=("${TRIXIE_PACKAGES[@]}")
  curl_dev_from_trixie && trixie+=(libcurl4-openssl-dev)
  for p in "${PACKAGES[@]}"; do
    [[ " ${trixie[*]} " == *" $p "* ]] || base+=("$p")
  done
  $SUDO apt-get install -y -qq --no-install-recommends "${base[@]}"
  $SUDO apt-get install -y -qq --no-install-recommends -t trixie "${trixie[@]}"
}

if [ ! -r /etc/os-release ]; then
  echo "install-deps: cannot identify this system (no /etc/os-release)." >&2
  need_list >&2
  exit 1
fi
. /etc/os-release

SUDO=""
if [ "$(id -u)" -ne 0 ]; then
  if command -v sudo >/dev/null 2>&1; then SUDO="sudo"; else
    echo "install-deps: run as root or install sudo." >&2; exit 1
  fi
fi
export DEBIAN_FRONTEND=noninteractive

case "${ID:-}:${VERSION_CODENAME:-}" in
  debian:bookworm)
    missing=$(missing_packages)
    if [ -z "$missing" ] && qt_is_new_enough; then
      echo "install-deps: all dependencies present."
      exit 0
    fi
    if [ ! -f /etc/apt/sources.list.d/lectern-trixie.sources ]; then
      # Same mirror and keyring as the system's own bookworm source.
      uri=$(awk '/^URIs:/ {print $2; exit}' /etc/apt/sources.list.d/debian.sources 2>/dev/null || true)
      [ -n "$uri" ] || uri="http://deb.debian.org/debian"
      $SUDO tee /etc/apt/sources.list.d/lectern-trixie.sources >/dev/null <<SRC
Types: deb
URIs: $uri
Suites: trixie
Components: main
Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg
SRC
    fi
    if [ ! -f /etc/apt/preferences.d/lectern-trixie.pref ]; then
      $SUDO tee /etc/apt/preferences.d/lectern-trixie.pref >/dev/null <<PIN
# Lectern: trixie is only used when asked for with -t trixie.
Package: *
Pin: release n=trixie
Pin-Priority: 100
PIN
    fi
    $SUDO apt-get update -qq
    install_split
    ;;
  debian:trixie)
    missing=$(missing_packages)
    if [ -z "$missing" ]; then
      echo "install-deps: all dependencies present."
      exit 0
    fi
    $SUDO apt-get update -qq
    # Split as on bookworm: a bookworm machine whose base-files came from trixie reports trixie but still
    # prefers bookworm's Qt 6.4 (the pin above); on a real trixie, -t trixie changes nothing.
    install_split
    ;;
  *)
    echo "install-deps: ${PRETTY_NAME:-this system} is not supported by this script (Debian 12 or 13 only)." >&2
    need_list >&2
    exit 1
    ;;
esac

if ! qt_is_new_enough; then
  echo "install-deps: Qt 6.8 or newer was not installed; see the messages above." >&2
  exit 1
fi
echo "install-deps: done."
