#!/usr/bin/env bash
# Installs Debian packages a test suite needs: apt-install.sh "<what needs them>" <package>...
# On Debian and Ubuntu, as root or with passwordless sudo, it runs apt-get; elsewhere it says what to
# install and exits 1. The ensure-*-deps.sh scripts decide what is missing and call it.
set -u
purpose=$1
shift
if ! command -v apt-get >/dev/null 2>&1; then
  echo "$purpose: install $* (Debian package names) and run the tests again." >&2
  exit 1
fi
sudo=""
if [ "$(id -u)" -ne 0 ]; then
  if command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
    sudo="sudo"
  else
    echo "$purpose: run 'sudo apt-get install $*' and run the tests again." >&2
    exit 1
  fi
fi
echo "Installing Debian packages: $* ($purpose)"
$sudo apt-get update -qq >/dev/null &&
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "$@" >/dev/null
