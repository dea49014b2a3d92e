/** What a keyring test says when one of the programs it starts is not installed. */
export const MISSING_KEYRING_PROGRAM =
  'is not installed: the keyring tests need the Debian packages gnome-keyring, dbus-daemon and libsecret-tools (scripts/ensure-keyring-deps.sh installs them)';
