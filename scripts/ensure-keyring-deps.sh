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

if ! command -v apt-get >/dev/null 2>&1; then
  echo "The keyring tests need a Secret Service: install ${missing[*]} (Debian package names) and run the tests again." >&2
  exit 1
fi
sudo=""
if [ "$(id -u)" -ne 0 ]; then
  if command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
    sudo="sudo"
  else
    echo "The keyring tests need a Secret Service: run 'sudo apt-get install ${missing[*]}' and run the tests again." >&2
    exit 1
  fi
fi
echo "Installing Debian packages for the keyring tests: ${missing[*]}"
$sudo apt-get update -qq >/dev/null &&
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
