import type { HttpResponse, Transport } from '@zizhu/payscore';
import type { MetricsService } from './metrics.service.js';

/** A path segment that is a word of WeChat's API (`serviceorder`, `out-bill-no`, `v3`), not an order number or id. */
const WORD = /^(?:v\d+|[a-z]+(?:[-_][a-z0-9]+)*)$/;

/**
 * The API a WeChat Pay request calls, as a label: the method and the path with every identifier replaced by
 * `:id` and the query dropped (`POST /v3/payscore/serviceorder/:id/complete`), so the label set stays small.
 */
export function wechatApiOf(method: string, url: string): string {
  let path: string;
  try {
    path = new URL(url).pathname;
  } catch {
    path = url.split('?')[0] ?? '';
  }
  const segments = path.split('/').map((s) => (s === '' || (WORD.test(s) && s.length <= 32) ? s : ':id'));
  return `${method} ${segments.join('/')}`;
}

/** The result code of an answer: OK for 2xx, else WeChat's error `code` from the body, else `HTTP_<status>`. */
function codeOf(response: HttpResponse): string {
  if (response.status >= 200 && response.status < 300) return 'OK';
  try {
    const code = (JSON.parse(response.body) as { code?: unknown }).code;
    if (typeof code === 'string' && /^[A-Z0-9_]{1,64}$/.test(code)) return code;
  } catch {
    // not JSON: the status says enough
  }
  return `HTTP_${response.status}`;
}

/** Wraps the transport every merchant's Pay Score client sends through: one observation per attempt. */
export function observedTransport(inner: Transport, metrics: MetricsService): Transport {
  return async (request) => {
    const started = process.hrtime.bigint();
    const api = wechatApiOf(request.method, request.url);
    const seconds = () => Number(process.hrtime.bigint() - started) / 1e9;
    try {
      const response = await inner(request);
      metrics.wechatDuration.observe({ api, code: codeOf(response) }, seconds());
      return response;
    } catch (error) {
      const code = (error as { code?: unknown } | null)?.code;
      metrics.wechatDuration.observe({ api, code: typeof code === 'string' ? code : 'TRANSPORT_ERROR' }, seconds());
      throw error;
    }
  };
}
