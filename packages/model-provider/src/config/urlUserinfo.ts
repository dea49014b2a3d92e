/** Whether `url` carries a user name or password (`https://user:pass@host`). */
export function hasUserinfo(url: string): boolean {
  if (!URL.canParse(url)) return false;
  const parsed = new URL(url);
  return parsed.username !== '' || parsed.password !== '';
}

/** `url` with any user name and password removed, for display. */
export function withoutUserinfo(url: string): string {
  if (!hasUserinfo(url)) return url;
  const parsed = new URL(url);
  parsed.username = '';
  parsed.password = '';
  return parsed.toString();
}
