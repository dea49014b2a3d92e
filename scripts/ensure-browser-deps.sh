#!/usr/bin/env bash
# Makes sure the browser test of @x/aws-auth can run: it drives Debian's Chromium (/usr/bin/chromium)
# headless through playwright-core, which downloads no browser of its own. On Debian and Ubuntu, as
# root or with passwordless sudo, the missing package is installed with apt-get; elsewhere it says what
# to install and exits 1 (the test then skips, naming the same package). Off Linux it does nothing.
set -u
[ "$(uname -s)" = "Linux" ] || exit 0
[ -x /usr/bin/chromium ] && exit 0

exec bash "$(dirname "$0")/apt-install.sh" "The browser test needs Chromium at /usr/bin/chromium" chromium
