/**
 * The HTTP seam. The client never touches the network itself: it hands a fully signed request to a
 * {@link Transport} and gets back the status, the headers and the **raw** body text (needed to verify
 * WeChat's signature). Tests pass a fake WeChat; production uses {@link createFetchTransport}.
 */
import { PayScoreError } from './errors.js';
import type { HttpMethod } from './signature.js';

export interface HttpRequest {
  method: HttpMethod;
  /** Absolute URL: base URL + path + query. */
  url: string;
  headers: Record<string, string>;
  /** Exact body bytes signed; undefined for GET. */
  body?: string;
}

export interface HttpResponse {
  status: number;
  /** Header names in any case (the client matches case-insensitively). */
  headers: Record<string, string>;
  /** The raw body text, exactly as received (`''` when empty). */
  body: string;
}

/**
 * Sends one request. Reject with a `PayScoreError` `PAYSCORE_TIMEOUT` / `PAYSCORE_NETWORK_ERROR` (or any
 * error: the client wraps foreign errors as `PAYSCORE_NETWORK_ERROR`, retryable).
 */
export type Transport = (request: HttpRequest) => Promise<HttpResponse>;

export interface FetchTransportOptions {
  /** Whole-exchange timeout (connect, send, read body). Default 10 000 ms. */
  timeoutMs?: number;
  /** Default: the global `fetch` of Node 20. */
  fetch?: typeof fetch;
}

/** The default transport: global `fetch` with a timeout (AbortSignal). */
export function createFetchTransport(options: FetchTransportOptions = {}): Transport {
  const timeoutMs = options.timeoutMs ?? 10_000;
  const doFetch = options.fetch ?? fetch;
  return async (request) => {
    const signal = AbortSignal.timeout(timeoutMs);
    try {
      const init: RequestInit = { method: request.method, headers: request.headers, signal, redirect: 'manual' };
      if (request.body !== undefined) init.body = request.body;
      const res = await doFetch(request.url, init);
      const body = await res.text();
      const headers: Record<string, string> = {};
      res.headers.forEach((value, name) => {
        headers[name] = value;
      });
      return { status: res.status, headers, body };
    } catch (cause) {
      const name = (cause as { name?: unknown } | null)?.name;
      if (signal.aborted || name === 'TimeoutError' || name === 'AbortError') {
        throw new PayScoreError('PAYSCORE_TIMEOUT', { retryable: true, cause, message: `no answer within ${timeoutMs} ms: ${request.method} ${request.url}` });
      }
      throw new PayScoreError('PAYSCORE_NETWORK_ERROR', { retryable: true, cause, message: `network error: ${request.method} ${request.url}: ${String(cause)}` });
    }
  };
}
