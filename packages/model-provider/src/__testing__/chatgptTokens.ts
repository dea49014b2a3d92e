const b64 = (value: string): string => Buffer.from(value).toString('base64url');

/** An unsigned JWT with these claims (the auth store reads claims, never verifies signatures). */
export function fakeJwt(claims: object): string {
  return `${b64('{"alg":"none"}')}.${b64(JSON.stringify(claims))}.sig`;
}

/** Tokens for `loginWithChatgptTokens`: an hour-long access token and an id token for `workspace`. */
export function chatgptTokens(workspace: string): {
  idToken: string;
  accessToken: string;
  refreshToken: string;
  accountId: string;
} {
  return {
    idToken: fakeJwt({
      email: 'user@example.com',
      'https://api.openai.com/auth': { chatgpt_account_id: workspace, chatgpt_plan_type: 'pro' },
    }),
    accessToken: fakeJwt({ exp: Math.floor(Date.now() / 1000) + 3600, workspace }),
    refreshToken: `rt-${workspace}`,
    accountId: workspace,
  };
}
