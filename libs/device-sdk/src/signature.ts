import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/** The four headers every device request carries (contracts.md §4). */
export interface DeviceAuthHeaders {
  'x-device-id': string;
  'x-timestamp': string;
  'x-nonce': string;
  'x-signature': string;
}

export interface SignInput {
  readonly method: string;
  /** The path with its query string exactly as sent, e.g. `/device/v1/commands?waitSeconds=20`. */
  readonly pathWithQuery: string;
  /** Unix seconds. */
  readonly timestamp: number;
  readonly nonce: string;
  /** The exact body bytes (a GET signs the empty string). */
  readonly body: string | Uint8Array;
}

/** The signature window: a timestamp further than this from the server's clock is refused. */
export const SIGNATURE_WINDOW_SECONDS = 300;
export const NONCE_PATTERN = /^[\x21-\x7e]{16,32}$/;

/** METHOD \n PATH_WITH_QUERY \n TIMESTAMP \n NONCE \n BODY \n */
export function canonicalRequest(input: SignInput): Buffer {
  const head = `${input.method.toUpperCase()}\n${input.pathWithQuery}\n${input.timestamp}\n${input.nonce}\n`;
  const body = typeof input.body === 'string' ? Buffer.from(input.body, 'utf8') : Buffer.from(input.body);
  return Buffer.concat([Buffer.from(head, 'utf8'), body, Buffer.from('\n', 'utf8')]);
}

function hmacOf(secret: string, input: SignInput) {
  // the canonical request fed in pieces (same bytes as canonicalRequest, without copying the body)
  return createHmac('sha256', secret)
    .update(`${input.method.toUpperCase()}\n${input.pathWithQuery}\n${input.timestamp}\n${input.nonce}\n`, 'utf8')
    .update(typeof input.body === 'string' ? Buffer.from(input.body, 'utf8') : input.body)
    .update('\n', 'utf8');
}

/** hex(HMAC-SHA256(secret, canonical request)). */
export function signRequest(secret: string, input: SignInput): string {
  return hmacOf(secret, input).digest('hex');
}

/** Constant-time check of a hex signature. */
export function signatureMatches(secret: string, input: SignInput, signatureHex: string): boolean {
  if (!/^[0-9a-f]{64}$/i.test(signatureHex)) return false;
  return timingSafeEqual(hmacOf(secret, input).digest(), Buffer.from(signatureHex, 'hex'));
}

/** 24 random url-safe characters. */
export function newNonce(): string {
  return randomBytes(18).toString('base64url');
}

/** The headers of one signed request. `now` is the device's clock in milliseconds (inject it to simulate drift). */
export function deviceAuthHeaders(
  deviceId: string,
  secret: string,
  request: { method: string; pathWithQuery: string; body?: string },
  options: { now?: number; nonce?: string } = {},
): DeviceAuthHeaders {
  const timestamp = Math.floor((options.now ?? Date.now()) / 1000);
  const nonce = options.nonce ?? newNonce();
  const signature = signRequest(secret, { method: request.method, pathWithQuery: request.pathWithQuery, timestamp, nonce, body: request.body ?? '' });
  return { 'x-device-id': deviceId, 'x-timestamp': String(timestamp), 'x-nonce': nonce, 'x-signature': signature };
}
