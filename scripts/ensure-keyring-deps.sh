#!/usr/bin/env bash
# Makes sure the programs the keyring tests need are installed: a real Secret Service
# (gnome-keyring-daemon) on a private D-Bus session bus (dbus-daemon), and secret-tool. On Debian and
# Ubuntu, as root or with passwordless sudo, the missing packages are installed with apt-get;
# elsewhere it says what to install and exits 1. Off Linux (Keychain, Credential Manager) it does nothing.
set -u
[ "$(uname -s)" = "Linux" ] || exit 0

missing=()
command -v gnome-keyring-daemon >/dev/null 2>&1 || missing+=(gnome-keyring)
command -v dbus-daemon >/dev/null 2>&1 || missing+=(dbus-daemon)
command -v secret-tool >/dev/null 2>&1 || missing+=(libsecret-tools)
[ ${#missing[@]} -eq 0 ] && exit 0

exec bash "$(dirname "$0")/apt-install.sh" "The keyring tests need a Secret Service" "${missing[@]}"
