#!/usr/bin/env bash
# Makes sure the browser test of @x/aws-auth can run: it drives Debian's Chromium (/usr/bin/chromium)
# headless through playwright-core, which downloads no browser of its own. On Debian and Ubuntu, as
# root or with passwordless sudo, the missing package is installed with apt-get; elsewhere it says what
# to install and exits 1 (the test then skips, naming the same package). Off Linux it does nothing.
set -u
[ "$(uname -s)" = "Linux" ] || exit 0
[ -x /usr/bin/chromium ] && exit 0

if ! command -v apt-get >/dev/null 2>&1; then
  echo "The browser test needs Chromium at /usr/bin/chromium: install chromium (Debian package name) and run the tests again." >&2
  exit 1
fi
sudo=""
if [ "$(id -u)" -ne 0 ]; then
  if command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
    sudo="sudo"
  else
    echo "The browser test needs Chromium: run 'sudo apt-get install chromium' and run the tests again." >&2
    exit 1
  fi
fi
echo "Installing Debian packages for the browser test: chromium"
$sudo apt-get update -qq >/dev/null &&
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends chromium >/dev/null
