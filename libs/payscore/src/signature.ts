/**
 * APIv3 signatures (payscore-protocol.md §2.2–2.3).
 *
 * - Requests are signed with wechatpay-node-v3's public `getSignature` / `getAuthorization` helpers, fed a
 *   pre-parsed `KeyObject` and the exact body string that is sent.
 * - Responses and callbacks are verified here (the package cannot: it drops response headers, has no
 *   timestamp window and no `PUB_KEY_ID_…` support): over the **raw body bytes**, with the key selected by
 *   `Wechatpay-Serial`, within a clock-skew window.
 */
import { createPrivateKey, createPublicKey, sign as rsaSign, verify as rsaVerify, X509Certificate, type KeyObject } from 'node:crypto';
import Pay from 'wechatpay-node-v3';
import { PayScoreError } from './errors.js';

export const AUTH_SCHEMA = 'WECHATPAY2-SHA256-RSA2048';
export const DEFAULT_MAX_SKEW_SECONDS = 300;

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'DELETE';

/** Node's `IncomingHttpHeaders`, a plain record, or a fetch `Headers`. Names are matched case-insensitively. */
export type HeaderBag = Readonly<Record<string, string | readonly string[] | undefined>> | { get(name: string): string | null };

export function headerValue(headers: HeaderBag, name: string): string | undefined {
  if (typeof (headers as { get?: unknown }).get === 'function') {
    const v = (headers as { get(name: string): string | null }).get(name);
    return v === null ? undefined : v;
  }
  const lower = name.toLowerCase();
  for (const [k, v] of Object.entries(headers as Record<string, string | readonly string[] | undefined>)) {
    if (k.toLowerCase() !== lower || v === undefined) continue;
    return typeof v === 'string' ? v : v[0];
  }
  return undefined;
}

// ---------------------------------------------------------------- keys

/** A private key: a parsed `KeyObject` (preferred: ~3× faster signing) or a PEM string/Buffer. */
export type PrivateKeyInput = KeyObject | string | Buffer;
/** A public key: `KeyObject`, SPKI/PKCS#1 PEM, or an X.509 certificate PEM (platform certificate). */
export type PublicKeyInput = KeyObject | string | Buffer;

export function toPrivateKey(key: PrivateKeyInput): KeyObject {
  try {
    const k = typeof key === 'string' || Buffer.isBuffer(key) ? createPrivateKey(key) : key;
    if (k.type !== 'private') throw new Error(`expected a private key, got a ${k.type} key`);
    return k;
  } catch (cause) {
    throw new PayScoreError('PAYSCORE_CONFIG_INVALID', { message: 'unusable merchant private key', cause });
  }
}

export function toPublicKey(key: PublicKeyInput): KeyObject {
  try {
    if (typeof key === 'string' || Buffer.isBuffer(key)) {
      const text = key.toString();
      return text.includes('BEGIN CERTIFICATE') ? new X509Certificate(text).publicKey : createPublicKey(text);
    }
    return key.type === 'private' ? createPublicKey(key) : key;
  } catch (cause) {
    throw new PayScoreError('PAYSCORE_CONFIG_INVALID', { message: 'unusable public key / certificate', cause });
  }
}

/**
 * The keys WeChat signs answers and callbacks with, by `Wechatpay-Serial`: a platform-certificate serial
 * (hex) or a WeChat Pay public-key id (`PUB_KEY_ID_…`). Several may be configured during a switch-over.
 */
export type PlatformKeys =
  | ReadonlyMap<string, PublicKeyInput>
  | Readonly<Record<string, PublicKeyInput>>
  | ((serial: string) => KeyObject | undefined);

export type PlatformKeyLookup = (serial: string) => KeyObject | undefined;

/** Normalises {@link PlatformKeys} into a lookup; keys are parsed once. Hex serials match case-insensitively. */
export function platformKeyLookup(keys: PlatformKeys): PlatformKeyLookup {
  if (typeof keys === 'function') return keys;
  const entries: [string, PublicKeyInput][] = keys instanceof Map ? [...keys.entries()] : Object.entries(keys);
  const table = new Map<string, KeyObject>();
  for (const [serial, key] of entries) table.set(normaliseSerial(serial), toPublicKey(key));
  return (serial) => table.get(normaliseSerial(serial));
}

function normaliseSerial(serial: string): string {
  return serial.startsWith('PUB_KEY_ID_') ? serial : serial.toUpperCase();
}

// ---------------------------------------------------------------- requests

export interface MerchantCredentials {
  mchid: string;
  /** Serial of the merchant API certificate (hex; WeChat prints it upper-case). */
  serialNo: string;
  privateKey: PrivateKeyInput;
}

export interface SignRequestInput {
  method: HttpMethod;
  /** Absolute path + `?query` exactly as sent, host removed. */
  pathAndQuery: string;
  /** Exact body bytes as sent; `''`/undefined for GET. */
  body?: string;
  /** Unix seconds. */
  timestamp: number;
  nonce: string;
}

/** The `Authorization` header value for one request. */
export type RequestSigner = (input: SignRequestInput) => string;

/**
 * Builds a request signer on wechatpay-node-v3 (`getSignature` + `getAuthorization`). The package
 * insists on a merchant certificate (`publicKey`) only to derive the serial; we pass the serial
 * explicitly, so a placeholder is enough. Its `Math.random` nonce and `Date` clock are not used: the
 * nonce and timestamp come in.
 */
export function createRequestSigner(credentials: MerchantCredentials): RequestSigner {
  if (!/^\d{1,32}$/.test(credentials.mchid)) {
    throw new PayScoreError('PAYSCORE_CONFIG_INVALID', { message: `mchid must be digits, got ${JSON.stringify(credentials.mchid)}` });
  }
  if (!/^[0-9A-Za-z_]{1,64}$/.test(credentials.serialNo)) {
    throw new PayScoreError('PAYSCORE_CONFIG_INVALID', { message: 'serialNo must be the merchant certificate serial (hex)' });
  }
  const key = toPrivateKey(credentials.privateKey);
  const pay = new Pay({
    appid: '',
    mchid: credentials.mchid,
    serial_no: credentials.serialNo,
    publicKey: Buffer.from('unused: serial_no is given'),
    // crypto.sign accepts a KeyObject; the package's typing says Buffer.
    privateKey: key as unknown as Buffer,
  });
  return ({ method, pathAndQuery, body, timestamp, nonce }) => {
    if (method === 'POST' && !body) {
      // The package drops the body line for an empty body; every Pay Score POST carries JSON.
      throw new PayScoreError('PAYSCORE_INVALID_ARGUMENT', { message: 'a POST must carry a JSON body' });
    }
    const ts = String(timestamp);
    // The package drops the (empty) body line of a body-less DELETE; build the documented message itself then.
    const signature =
      method === 'DELETE' && !body
        ? (pay as unknown as { sha256WithRsa(data: string): string }).sha256WithRsa(`${method}\n${pathAndQuery}\n${ts}\n${nonce}\n\n`)
        : pay.getSignature(method, nonce, ts, pathAndQuery, method === 'GET' ? undefined : body);
    return pay.getAuthorization(nonce, ts, signature);
  };
}

export interface ParsedAuthorization {
  mchid: string;
  nonce_str: string;
  timestamp: string;
  serial_no: string;
  signature: string;
}

/** Parses `WECHATPAY2-SHA256-RSA2048 k="v",…` (items in any order); undefined when malformed. */
export function parseAuthorization(header: string | undefined): ParsedAuthorization | undefined {
  if (!header) return undefined;
  const m = /^WECHATPAY2-SHA256-RSA2048\s+(.+)$/.exec(header.trim());
  if (!m || m[1] === undefined) return undefined;
  const fields = new Map<string, string>();
  const re = /\s*([a-z_]+)="([^"]*)"\s*(?:,|$)/gy;
  let part: RegExpExecArray | null;
  let consumed = 0;
  while ((part = re.exec(m[1])) !== null && part[0] !== '') {
    if (part[1] !== undefined && part[2] !== undefined) fields.set(part[1], part[2]);
    consumed = re.lastIndex;
  }
  if (consumed !== m[1].length) return undefined;
  const mchid = fields.get('mchid');
  const nonce_str = fields.get('nonce_str');
  const timestamp = fields.get('timestamp');
  const serial_no = fields.get('serial_no');
  const signature = fields.get('signature');
  if (!mchid || !nonce_str || !timestamp || !serial_no || !signature) return undefined;
  return { mchid, nonce_str, timestamp, serial_no, signature };
}

/** The 5-line message a request signature covers (§2.2). */
export function requestSignatureMessage(method: string, pathAndQuery: string, timestamp: string, nonce: string, body: string): string {
  return `${method}\n${pathAndQuery}\n${timestamp}\n${nonce}\n${body}\n`;
}

/**
 * Verifies a request's `Authorization` against the merchant public key (the simulator's side; tests).
 * `pathAndQuery` must be the raw request-target as received, `body` the raw body (`''` for GET).
 */
export function verifyRequestAuthorization(
  input: { method: string; pathAndQuery: string; body: string | Buffer; authorization: string | undefined },
  merchantPublicKey: PublicKeyInput,
): ParsedAuthorization | undefined {
  const parsed = parseAuthorization(input.authorization);
  if (!parsed) return undefined;
  const message = Buffer.concat([
    Buffer.from(`${input.method}\n${input.pathAndQuery}\n${parsed.timestamp}\n${parsed.nonce_str}\n`, 'utf8'),
    typeof input.body === 'string' ? Buffer.from(input.body, 'utf8') : input.body,
    Buffer.from('\n'),
  ]);
  return rsaVerifySafe(message, toPublicKey(merchantPublicKey), parsed.signature) ? parsed : undefined;
}

// ---------------------------------------------------------------- responses and callbacks

export type WechatpaySignatureHeaders = {
  'Wechatpay-Timestamp': string;
  'Wechatpay-Nonce': string;
  'Wechatpay-Signature': string;
  'Wechatpay-Serial': string;
  'Wechatpay-Signature-Type': typeof AUTH_SCHEMA;
};

function responseMessage(timestamp: string, nonce: string, body: string | Buffer): Buffer {
  return Buffer.concat([
    Buffer.from(`${timestamp}\n${nonce}\n`, 'utf8'),
    typeof body === 'string' ? Buffer.from(body, 'utf8') : body,
    Buffer.from('\n'),
  ]);
}

/**
 * Signs an answer or a callback body as WeChat does (`TIMESTAMP\nNONCE\nBODY\n`, SHA256withRSA).
 * For the simulator and for tests.
 */
export function signWechatpayMessage(input: {
  body: string | Buffer;
  privateKey: PrivateKeyInput;
  /** Platform certificate serial or `PUB_KEY_ID_…`. */
  serial: string;
  /** Unix seconds. */
  timestamp: number;
  nonce: string;
}): WechatpaySignatureHeaders {
  const ts = String(input.timestamp);
  const signature = rsaSign('sha256', responseMessage(ts, input.nonce, input.body), toPrivateKey(input.privateKey)).toString('base64');
  return {
    'Wechatpay-Timestamp': ts,
    'Wechatpay-Nonce': input.nonce,
    'Wechatpay-Signature': signature,
    'Wechatpay-Serial': input.serial,
    'Wechatpay-Signature-Type': AUTH_SCHEMA,
  };
}

export type SignatureFailure = 'missing-headers' | 'unknown-serial' | 'stale' | 'bad-signature' | 'reserialised';

export type SignatureCheck = { ok: true; serial: string; timestamp: number } | { ok: false; reason: SignatureFailure; serial?: string };

/**
 * Verifies WeChat's signature over the raw body. Order: headers present → key known for
 * `Wechatpay-Serial` → timestamp within `maxSkewSeconds` → RSA signature. A `WECHATPAY/SIGNTEST/…`
 * probe is not special-cased: it fails as `bad-signature`. When the signature fails over the bytes given
 * but holds over their compact JSON re-serialisation, the failure is reported as `reserialised`.
 */
export function checkWechatpaySignature(
  input: { headers: HeaderBag; body: string | Buffer },
  options: { platformKeys: PlatformKeyLookup; nowMs: number; maxSkewSeconds?: number },
): SignatureCheck {
  const timestamp = headerValue(input.headers, 'Wechatpay-Timestamp');
  const nonce = headerValue(input.headers, 'Wechatpay-Nonce');
  const signature = headerValue(input.headers, 'Wechatpay-Signature');
  const serial = headerValue(input.headers, 'Wechatpay-Serial');
  if (!timestamp || !nonce || !signature || !serial) return { ok: false, reason: 'missing-headers' };
  const key = options.platformKeys(serial);
  if (!key) return { ok: false, reason: 'unknown-serial', serial };
  const ts = /^\d{1,12}$/.test(timestamp) ? Number(timestamp) : Number.NaN;
  const skew = options.maxSkewSeconds ?? DEFAULT_MAX_SKEW_SECONDS;
  if (!Number.isFinite(ts) || Math.abs(options.nowMs / 1000 - ts) > skew) return { ok: false, reason: 'stale', serial };
  if (rsaVerifySafe(responseMessage(timestamp, nonce, input.body), key, signature)) return { ok: true, serial, timestamp: ts };
  const compact = compactJson(input.body);
  if (compact !== undefined && rsaVerifySafe(responseMessage(timestamp, nonce, compact), key, signature)) {
    return { ok: false, reason: 'reserialised', serial };
  }
  return { ok: false, reason: 'bad-signature', serial };
}

function compactJson(body: string | Buffer): string | undefined {
  const text = typeof body === 'string' ? body : body.toString('utf8');
  try {
    const compact = JSON.stringify(JSON.parse(text));
    return compact === text ? undefined : compact;
  } catch {
    return undefined;
  }
}

function rsaVerifySafe(message: Buffer, key: KeyObject, signatureBase64: string): boolean {
  try {
    return rsaVerify('sha256', message, key, Buffer.from(signatureBase64, 'base64'));
  } catch {
    return false;
  }
}
