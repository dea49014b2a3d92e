import type { IncomingMessage, ServerResponse } from 'node:http';
import { CONTROL_SECRET_HEADER, controlSecretMatches } from './controlSecret.js';
import { sendError } from './sendError.js';
import { sendJson } from './sendJson.js';
import type { TokenMinter } from './tokenMinter.js';

export type ControlPath = '/demo/mint' | '/demo/expire';

export function isControlPath(path: string): path is ControlPath {
  return path === '/demo/mint' || path === '/demo/expire';
}

/**
 * `POST /demo/mint` (a short-lived token for the token command) and `POST /demo/expire` (expire every
 * minted token), only for a caller holding this run's control secret. Anyone else gets a 401, counted
 * in `rejected`, and nothing is minted or expired.
 */
export function answerControl(
  req: IncomingMessage,
  res: ServerResponse,
  path: ControlPath,
  control: { minter: TokenMinter; secret: string; rejected: Record<string, number> },
): void {
  if (!controlSecretMatches(req.headers[CONTROL_SECRET_HEADER], control.secret)) {
    control.rejected[401] = (control.rejected[401] ?? 0) + 1;
    sendError(res, 401, {
      message: `${path} needs this run's control secret in the ${CONTROL_SECRET_HEADER} header`,
      type: 'invalid_request_error',
      code: 'invalid_control_secret',
    });
  } else if (path === '/demo/expire') {
    sendJson(res, 200, { expired: control.minter.expireAll() });
  } else {
    const { token, expiresAt } = control.minter.mint();
    sendJson(res, 200, { token, expires_at: expiresAt.toISOString() });
  }
}
