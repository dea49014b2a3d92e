import { createPrivateKey, createPublicKey, type KeyObject, randomUUID, verify } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { blake2b } from '@noble/hashes/blake2.js';
import nacl from 'tweetnacl';
import { x25519PublicOfEd25519 } from './montgomery.js';

const RFC3339_SECONDS = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/;
const ASSERTION_KEYS = ['agent_runtime_id', 'signature', 'task_id', 'timestamp'];

/** `crypto_box_seal`: an ephemeral key, the nonce BLAKE2b-192(ephemeral pk || recipient pk), then a box. */
export function sealTo(recipient: Uint8Array, message: string): string {
  const ephemeral = nacl.box.keyPair();
  const nonceInput = new Uint8Array(64);
  nonceInput.set(ephemeral.publicKey, 0);
  nonceInput.set(recipient, 32);
  const boxed = nacl.box(
    Buffer.from(message),
    blake2b(nonceInput, { dkLen: 24 }),
    recipient,
    ephemeral.secretKey,
  );
  return Buffer.concat([ephemeral.publicKey, boxed]).toString('base64');
}

export interface AuthapiServer {
  /** Base URL, as `CODEX_AGENT_IDENTITY_AUTHAPI_BASE_URL` takes it. */
  url: string;
  /** Registrations that verified and got a task id. */
  registrations: number;
  /** Every registration request received, failed ones included. */
  registrationRequests: number;
  /** API requests whose assertion verified, with the headers they carried. */
  accepted: Array<Record<string, string | string[] | undefined>>;
  /** Why API requests were refused, in order. */
  refused: string[];
  /** Task ids issued, in order. */
  issued: string[];
  /** Knows this identity (runtime id and base64 PKCS#8 key) from now on. */
  trust(runtimeId: string, privateKeyBase64: string): void;
  /** How the next task ids are sent (default plain `task_id`). */
  sendAs: 'task_id' | 'taskId' | 'encrypted_task_id' | 'encryptedTaskId';
  /** Answers for the next registrations, in order, before registering normally. */
  failNext: Array<{ status: number; body: string }>;
  /** API requests made with this task id are answered 401. */
  revoked: Set<string>;
  close(): Promise<void>;
}

/**
 * A loopback authapi and API in one: `POST /v1/agent/{runtime}/task/register` checks the RFC 3339
 * timestamp and the Ed25519 signature with the public key of the trusted identity, then issues a
 * task id (plain or sealed to the identity's X25519 key); any other path is the API, which accepts
 * a request only with a valid `AgentAssertion` (keys in sorted order, signature, an issued task
 * that is not revoked, timestamp within five minutes) and the identity's account id.
 */
export async function startAuthapiServer(): Promise<AuthapiServer> {
  const identities = new Map<string, { publicKey: KeyObject; x25519: Uint8Array }>();
  const tasks = new Map<string, string>();
  const send = (res: ServerResponse, status: number, body: unknown): void => {
    res
      .writeHead(status, { 'content-type': 'application/json' })
      .end(typeof body === 'string' ? body : JSON.stringify(body));
  };
  const register = (state: AuthapiServer, runtime: string, raw: string, res: ServerResponse) => {
    state.registrationRequests += 1;
    const failure = state.failNext.shift();
    if (failure) return send(res, failure.status, failure.body);
    const identity = identities.get(runtime);
    const body = JSON.parse(raw || '{}') as { timestamp?: string; signature?: string };
    if (!identity || !RFC3339_SECONDS.test(String(body.timestamp)))
      return send(res, 400, { error: 'bad request' });
    const signed = Buffer.from(`${runtime}:${body.timestamp}`);
    if (!verify(null, signed, identity.publicKey, Buffer.from(String(body.signature), 'base64'))) {
      return send(res, 401, { error: 'bad signature' });
    }
    const taskId = `task-${randomUUID()}`;
    tasks.set(taskId, runtime);
    state.issued.push(taskId);
    state.registrations += 1;
    const encrypted = state.sendAs.startsWith('encrypted');
    send(res, 200, { [state.sendAs]: encrypted ? sealTo(identity.x25519, taskId) : taskId });
  };
  const api = (state: AuthapiServer, req: IncomingMessage, res: ServerResponse) => {
    const refuse = (reason: string) => {
      state.refused.push(reason);
      send(res, 401, { error: reason });
    };
    const match = /^AgentAssertion ([A-Za-z0-9_-]+)$/.exec(String(req.headers.authorization));
    if (!match) return refuse('no assertion');
    const claims = JSON.parse(Buffer.from(match[1] as string, 'base64url').toString()) as Record<
      string,
      string
    >;
    if (JSON.stringify(Object.keys(claims)) !== JSON.stringify(ASSERTION_KEYS))
      return refuse('keys not sorted');
    const identity = identities.get(claims.agent_runtime_id as string);
    if (!identity || tasks.get(claims.task_id as string) !== claims.agent_runtime_id)
      return refuse('unknown task');
    const message = Buffer.from(`${claims.agent_runtime_id}:${claims.task_id}:${claims.timestamp}`);
    if (!verify(null, message, identity.publicKey, Buffer.from(claims.signature as string, 'base64'))) {
      return refuse('bad signature');
    }
    const age = Math.abs(Date.now() - Date.parse(claims.timestamp as string));
    if (!RFC3339_SECONDS.test(claims.timestamp as string) || age > 300_000) return refuse('stale timestamp');
    if (state.revoked.has(claims.task_id as string)) return refuse('revoked task');
    state.accepted.push({ ...req.headers });
    send(res, 200, { ok: true });
  };
  const server = createServer((req, res) => {
    let raw = '';
    req.on('data', (chunk: Buffer) => {
      raw += chunk.toString();
    });
    req.on('end', () => {
      const route = /^\/v1\/agent\/([^/]+)\/task\/register$/.exec(req.url ?? '');
      if (req.method === 'POST' && route) register(state, decodeURIComponent(route[1] as string), raw, res);
      else api(state, req, res);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const state: AuthapiServer = {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    registrations: 0,
    registrationRequests: 0,
    accepted: [],
    refused: [],
    issued: [],
    trust(runtimeId, privateKeyBase64) {
      const der = Buffer.from(privateKeyBase64, 'base64');
      const publicKey = createPublicKey(createPrivateKey({ key: der, format: 'der', type: 'pkcs8' }));
      identities.set(runtimeId, { publicKey, x25519: x25519PublicOfEd25519(privateKeyBase64) });
    },
    sendAs: 'task_id',
    failNext: [],
    revoked: new Set(),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
  return state;
}
