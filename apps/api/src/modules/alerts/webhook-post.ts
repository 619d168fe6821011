import { promises as dns } from 'node:dns';
import { type ClientRequest, type IncomingMessage, request as httpRequest, type RequestOptions } from 'node:http';
import { request as httpsRequest } from 'node:https';
import type { LookupFunction } from 'node:net';
import { checkUrlSyntax, isPrivateAddress, type UrlRefusal } from './webhook-url.js';

/** How much of a receiver's answer is read (then the stream is cancelled): enough for WeCom's `{"errcode"…}` and a short error. */
export const RESPONSE_READ_BYTES = 1024;
/** How much of a 4xx answer is kept in an attempt's error (sanitised); other answers keep none. */
export const ERROR_ECHO_CHARS = 100;

export interface ResolvedAddress {
  address: string;
  family: number;
}
/** Resolves a host name to its addresses (the system resolver; a test passes its own). */
export type Resolver = (host: string) => Promise<ResolvedAddress[]>;
const systemResolver: Resolver = (host) => dns.lookup(host, { all: true });

export type WebhookPostResult =
  | { kind: 'refused'; refusal: UrlRefusal }
  | { kind: 'answered'; status: number; /** at most RESPONSE_READ_BYTES of the answer, decoded */ body: string }
  | { kind: 'failed'; error: string };

export interface WebhookPost {
  headers: Record<string, string>;
  body: string;
  timeoutMs: number;
  /** ALERT_WEBHOOK_ALLOW_PRIVATE: private addresses allowed (never in production). */
  allowPrivate: boolean;
  resolve?: Resolver;
}

class Refused extends Error {
  constructor(readonly refusal: UrlRefusal) {
    super(refusal);
  }
}

/**
 * The connection's own name lookup: resolves once and refuses a private address there, so the address connected to is
 * the one checked (a second resolution, as fetch() made after a separate check, could be rebound to an internal host).
 */
function pinnedLookup(resolve: Resolver, allowPrivate: boolean): LookupFunction {
  return (hostname, options, callback) => {
    resolve(hostname).then(
      (addresses) => {
        const family = options.family === 4 || options.family === 6 ? options.family : 0;
        const usable = family ? addresses.filter((a) => a.family === family) : addresses;
        if (usable.length === 0) return callback(new Refused('INVALID'), '', 0);
        if (!allowPrivate && usable.some((a) => isPrivateAddress(a.address))) return callback(new Refused('PRIVATE_ADDRESS'), '', 0);
        if (options.all) return (callback as unknown as (e: null, a: ResolvedAddress[]) => void)(null, usable);
        callback(null, usable[0]!.address, usable[0]!.family);
      },
      () => callback(new Refused('INVALID'), '', 0),
    );
  };
}

/**
 * POSTs a webhook: the URL rules of webhook-url.ts, the host resolved once by the connection itself (pinned: private
 * addresses refused unless allowed), no redirects, a fresh connection, one timeout over connect, answer and body, and
 * at most RESPONSE_READ_BYTES of the answer read before the stream is cancelled (an endless answer costs nothing).
 * Shared by the alert webhooks and the business-event webhooks.
 */
export function postWebhook(url: string, post: WebhookPost): Promise<WebhookPostResult> {
  const syntax = checkUrlSyntax(url, post.allowPrivate);
  if (syntax) return Promise.resolve({ kind: 'refused', refusal: syntax });
  const target = new URL(url);
  const options: RequestOptions = {
    method: 'POST',
    agent: false,
    headers: { ...post.headers, 'content-length': String(Buffer.byteLength(post.body)) },
    lookup: pinnedLookup(post.resolve ?? systemResolver, post.allowPrivate),
  };
  return new Promise<WebhookPostResult>((settle) => {
    let done = false;
    let req: ClientRequest | undefined;
    const finish = (result: WebhookPostResult) => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      settle(result);
      req?.destroy();
    };
    const timer = setTimeout(() => finish({ kind: 'failed', error: `no answer within ${post.timeoutMs} ms` }), post.timeoutMs);
    const onResponse = (res: IncomingMessage) => {
      const chunks: Buffer[] = [];
      let size = 0;
      const answered = () =>
        finish({ kind: 'answered', status: res.statusCode ?? 0, body: new TextDecoder().decode(Buffer.concat(chunks).subarray(0, RESPONSE_READ_BYTES)) });
      res.on('data', (chunk: Buffer) => {
        chunks.push(chunk);
        size += chunk.length;
        if (size >= RESPONSE_READ_BYTES) answered(); // enough: cancel the rest (finish destroys the request and its socket)
      });
      res.on('end', answered);
      res.on('error', answered);
      res.on('aborted', answered);
    };
    try {
      req = (target.protocol === 'https:' ? httpsRequest : httpRequest)(target, options, onResponse);
    } catch (error) {
      finish({ kind: 'failed', error: error instanceof Error ? error.message : String(error) });
      return;
    }
    req.on('error', (error) => {
      const refused = error instanceof Refused ? error : (error as { cause?: unknown }).cause instanceof Refused ? ((error as { cause: Refused }).cause) : null;
      finish(refused ? { kind: 'refused', refusal: refused.refusal } : { kind: 'failed', error: error.message });
    });
    req.end(post.body);
  });
}

/** A receiver's answer made safe to store and show: control characters out, whitespace folded, cut short. */
export function sanitiseEcho(text: string, max = ERROR_ECHO_CHARS): string {
  return text
    .replace(/[\u0000-\u001f\u007f-\u009f\ufffd]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, max);
}

/**
 * The error stored for a non-2xx answer: the status, and for a 4xx (the receiver refusing our request: bad signature,
 * unknown path) a short sanitised prefix of its body. A 3xx, 5xx or other answer's body is never kept: a receiver's
 * body is not ours to store or show back (it could be anything the receiver reaches).
 */
export function answerError(status: number, body: string): string {
  const echo = status >= 400 && status < 500 ? sanitiseEcho(body) : '';
  return echo ? `HTTP ${status}: ${echo}` : `HTTP ${status}`;
}
