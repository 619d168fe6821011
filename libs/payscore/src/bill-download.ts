/**
 * Downloading bill files and complaint images (wechatpay-bills-sharing-complaints.md §1.3, §3.1 #9, §4.5): the request
 * is signed like every APIv3 request, the answer is an **unsigned** byte stream. A bill is gunzipped when it is gzip
 * (detected by its magic bytes, whatever `tar_type` was asked), hashed with SHA1 while it streams and compared with the
 * application's `hash_value` (the SHA1 of the uncompressed file).
 */
import { createHash } from 'node:crypto';
import { Readable, pipeline } from 'node:stream';
import { createGunzip } from 'node:zlib';
import { PayScoreError, errorFromWechatResponse } from './errors.js';
import type { HttpRequest } from './transport.js';
export type { HttpRequest };

export interface StreamResponse {
  status: number;
  headers: Record<string, string>;
  /** The body as it arrives. */
  body: AsyncIterable<Uint8Array>;
}

/** A request of the stream transport: like {@link HttpRequest}, with a binary body (a multipart image upload). */
export interface StreamRequest extends Omit<HttpRequest, 'body'> {
  body?: Uint8Array;
}

/** Like {@link Transport}, but the answer body streams (bills can be large; images are binary) and the request body may be binary. */
export type StreamTransport = (request: StreamRequest) => Promise<StreamResponse>;

/** The default: global `fetch`, `timeoutMs` for the whole exchange (default 60 s). */
export function createFetchStreamTransport(options: { timeoutMs?: number; fetch?: typeof fetch } = {}): StreamTransport {
  const timeoutMs = options.timeoutMs ?? 60_000;
  const doFetch = options.fetch ?? fetch;
  return async (request) => {
    const signal = AbortSignal.timeout(timeoutMs);
    let res: Response;
    try {
      const init: RequestInit = { method: request.method, headers: request.headers, signal, redirect: 'manual' };
      if (request.body !== undefined) init.body = request.body;
      res = await doFetch(request.url, init);
    } catch (cause) {
      throw new PayScoreError(signal.aborted ? 'PAYSCORE_TIMEOUT' : 'PAYSCORE_NETWORK_ERROR', { retryable: true, cause, message: `download failed: ${request.url}: ${String(cause)}` });
    }
    const headers: Record<string, string> = {};
    res.headers.forEach((value, name) => {
      headers[name] = value;
    });
    const body: AsyncIterable<Uint8Array> = res.body ? Readable.fromWeb(res.body as Parameters<typeof Readable.fromWeb>[0]) : Readable.from([]);
    return { status: res.status, headers, body };
  };
}

export interface DownloadedBill {
  /** The uncompressed file (UTF-8 CSV): store it as is. */
  bytes: Buffer;
  /** SHA1 (lower-case hex) of {@link bytes}: equal to the application's `hash_value`. */
  sha1: string;
  /** Whether the stream was gzip. */
  gzip: boolean;
  /** Bytes received on the wire. */
  wireBytes: number;
}

/** `url` minus scheme and host, character for character: what the signature covers (never re-encode it). */
export function pathAndQueryExactly(url: string): string {
  const m = /^[a-z][a-z0-9+.-]*:\/\/[^/?#]*/i.exec(url);
  if (!m) throw new PayScoreError('PAYSCORE_INVALID_ARGUMENT', { message: `not an absolute URL: ${url}`, detail: { field: 'url' } });
  const rest = url.slice(m[0].length);
  return rest === '' ? '/' : rest.startsWith('/') ? rest : `/${rest}`;
}

async function drain(body: AsyncIterable<Uint8Array>): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const c of body) chunks.push(Buffer.from(c));
  return Buffer.concat(chunks);
}

/**
 * A non-2xx download answer as a typed error. A bill token that expired or is unknown (400 INVALID_REQUEST) becomes
 * `PAYSCORE_BILL_DOWNLOAD_EXPIRED`: apply again.
 */
export async function downloadError(response: StreamResponse, kind: 'bill' | 'media'): Promise<PayScoreError> {
  const text = (await drain(response.body)).toString('utf8');
  const e = errorFromWechatResponse(response.status, text, { verified: false });
  if (kind === 'bill' && response.status === 400 && e.wechatCode === 'INVALID_REQUEST') {
    return new PayScoreError('PAYSCORE_BILL_DOWNLOAD_EXPIRED', { httpStatus: 400, wechatCode: e.wechatCode, wechatMessage: e.wechatMessage, verified: false, message: e.message });
  }
  if (kind === 'media' && (e.code === 'PAYSCORE_ORDER_NOT_FOUND')) {
    return new PayScoreError('PAYSCORE_COMPLAINT_NOT_FOUND', { httpStatus: e.httpStatus, wechatCode: e.wechatCode, wechatMessage: e.wechatMessage, verified: false, message: e.message });
  }
  return e;
}

/**
 * Reads a bill body: gunzips it when it starts with the gzip magic bytes, hashes the uncompressed bytes as they
 * stream and compares with `expectedSha1` (case-insensitive). Throws `PAYSCORE_BILL_CORRUPT` (bad / truncated gzip) or
 * `PAYSCORE_BILL_HASH_MISMATCH` (`detail: { expected, actual }`).
 */
export async function readVerifiedBill(body: AsyncIterable<Uint8Array>, expectedSha1: string): Promise<DownloadedBill> {
  const it = body[Symbol.asyncIterator]();
  const head = await it.next();
  const first = head.done ? Buffer.alloc(0) : Buffer.from(head.value);
  let wireBytes = first.length;
  async function* raw(): AsyncGenerator<Buffer> {
    if (first.length > 0) yield first;
    for (;;) {
      const n = await it.next();
      if (n.done) return;
      wireBytes += n.value.length;
      yield Buffer.from(n.value);
    }
  }
  const gzip = first.length >= 2 && first[0] === 0x1f && first[1] === 0x8b;
  let plain: AsyncIterable<Buffer> = raw();
  if (gzip) {
    const gunzip = createGunzip();
    pipeline(Readable.from(raw()), gunzip, () => undefined);
    plain = gunzip;
  }
  const hash = createHash('sha1');
  const chunks: Buffer[] = [];
  try {
    for await (const c of plain) {
      const b = Buffer.from(c);
      hash.update(b);
      chunks.push(b);
    }
  } catch (cause) {
    if (gzip) throw new PayScoreError('PAYSCORE_BILL_CORRUPT', { cause, message: `the gzip bill could not be decompressed: ${String(cause)}` });
    throw new PayScoreError('PAYSCORE_NETWORK_ERROR', { retryable: true, cause, message: `the bill download broke off: ${String(cause)}` });
  }
  const sha1 = hash.digest('hex');
  if (sha1 !== expectedSha1.toLowerCase()) {
    throw new PayScoreError('PAYSCORE_BILL_HASH_MISMATCH', { message: `bill SHA1 ${sha1} ≠ hash_value ${expectedSha1}`, detail: { expected: expectedSha1, actual: sha1 } });
  }
  return { bytes: Buffer.concat(chunks), sha1, gzip, wireBytes };
}

/** Reads a whole non-bill download (a complaint image) into memory. */
export async function readAll(body: AsyncIterable<Uint8Array>): Promise<Buffer> {
  return drain(body);
}
