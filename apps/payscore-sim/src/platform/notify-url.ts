// WeChat's rules for a notify_url (payscore-protocol.md §1.1, §3.2, §7.5; launch checklist 21): https, a registered
// public domain (no localhost, no internal address), no query string. The simulator's one explicit allowance: a
// loopback host (127.0.0.0/8, ::1, localhost) may be http, because the simulator runs next to the platform and that is
// the only place it can deliver to. Anything else non-https, or an internal address, is refused — unless the
// simulator is lenient (createSimulator({ lenient: true }), PAYSCORE_SIM_LENIENT=true, POST /sim/settings {"lenient": true}).
import { paramError } from './wx-error.js';

/** localhost, *.localhost, 127.0.0.0/8, ::1. */
export function isLoopbackHost(hostname: string): boolean {
  const h = hostname.toLowerCase().replace(/^\[|\]$/g, '');
  if (h === 'localhost' || h.endsWith('.localhost') || h === '::1') return true;
  return /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(h);
}

/** Private, link-local, CGNAT, unspecified addresses and single-label names: never a registered public domain. */
export function isInternalHost(hostname: string): boolean {
  const h = hostname.toLowerCase().replace(/^\[|\]$/g, '');
  const v4 = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(h);
  if (v4) {
    const [a, b] = [Number(v4[1]), Number(v4[2])];
    return a === 0 || a === 10 || a === 127 || (a === 100 && b >= 64 && b <= 127) || (a === 169 && b === 254) || (a === 172 && b >= 16 && b <= 31) || (a === 192 && b === 168);
  }
  if (h.includes(':')) return h === '::' || h === '::1' || /^f[cd]/.test(h) || /^fe[89ab]/.test(h);
  return !h.includes('.') || h.endsWith('.local') || h.endsWith('.internal');
}

/** Validates a notify_url as WeChat does (strict) or only its shape (lenient); answers it unchanged. */
export function checkNotifyUrl(url: string, field: string, lenient: boolean): string {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw paramError(`${field}格式错误`, field);
  }
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') throw paramError(`${field}必须是https地址`, field);
  if (parsed.search !== '' || url.includes('?')) throw paramError(`${field}不能携带参数`, field);
  if (lenient || isLoopbackHost(parsed.hostname)) return url;
  if (parsed.protocol !== 'https:') throw paramError(`${field}必须是https地址（模拟器只对本机回环地址放宽为http）`, field);
  if (isInternalHost(parsed.hostname)) throw paramError(`${field}必须是已备案的公网域名，不能是内网地址或localhost`, field);
  return url;
}
