import { randomBytes } from 'node:crypto';

const b64 = (value: object): string => Buffer.from(JSON.stringify(value)).toString('base64url');

/** An unsigned JWT with the given claims (the store never verifies signatures). */
export function fakeJwt(claims: Record<string, unknown>): string {
  return `${b64({ alg: 'none', typ: 'JWT' })}.${b64(claims)}.${randomBytes(8).toString('base64url')}`;
}

/** An access token expiring `secondsFromNow` from now. */
export function accessToken(secondsFromNow: number, marker = ''): string {
  return fakeJwt({ exp: Math.floor(Date.now() / 1000) + secondsFromNow, marker });
}

/** An id token carrying ChatGPT email, workspace and plan claims. */
export function idToken(accountId = 'ws-123', plan = 'plus', email = 'user@example.com'): string {
  return fakeJwt({
    email,
    'https://api.openai.com/auth': { chatgpt_account_id: accountId, chatgpt_plan_type: plan },
  });
}
