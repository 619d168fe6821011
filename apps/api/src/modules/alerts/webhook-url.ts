import { isIP } from 'node:net';

/** Why an outbound webhook URL is refused, or null when it may be called. */
export type UrlRefusal = 'NOT_HTTP' | 'INVALID' | 'PRIVATE_ADDRESS' | 'CREDENTIALS';

/** What a refused webhook URL is told, naming the field (the alert webhooks' and the business-event endpoints'). */
export const URL_REFUSALS: Record<UrlRefusal, string> = {
  NOT_HTTP: 'url must be an http:// or https:// URL',
  INVALID: 'url is not a valid URL (or its host does not resolve)',
  PRIVATE_ADDRESS: 'url must not point at a loopback, private or link-local address',
  CREDENTIALS: 'url must not carry a user name or password',
};

/** True for loopback, private, link-local, CGNAT, unspecified and other non-public addresses (IPv4 and IPv6). */
export function isPrivateAddress(address: string): boolean {
  const a = address.replace(/^\[|\]$/g, '').toLowerCase();
  const v4mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/.exec(a);
  if (v4mapped) return isPrivateAddress(v4mapped[1]!);
  const v4hex = /^::ffff:([0-9a-f]{1,4}):([0-9a-f]{1,4})$/.exec(a);
  if (v4hex) {
    const hi = parseInt(v4hex[1]!, 16);
    const lo = parseInt(v4hex[2]!, 16);
    return isPrivateAddress(`${hi >> 8}.${hi & 255}.${lo >> 8}.${lo & 255}`);
  }
  if (isIP(a) === 4) {
    const [x = 0, y = 0] = a.split('.').map(Number);
    return x === 0 || x === 10 || x === 127 || (x === 100 && y >= 64 && y <= 127) || (x === 169 && y === 254) || (x === 172 && y >= 16 && y <= 31) || (x === 192 && y === 168) || x >= 224;
  }
  if (isIP(a) === 6) return a === '::' || a === '::1' || /^f[cd]/.test(a) || /^fe[89ab]/.test(a) || /^ff/.test(a);
  return false;
}

/** The syntactic check (at save time and before each call): http(s) only, no credentials in the URL, no literal private address unless allowed. */
export function checkUrlSyntax(url: string, allowPrivate: boolean): UrlRefusal | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return 'INVALID';
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return 'NOT_HTTP';
  if (parsed.username || parsed.password) return 'CREDENTIALS';
  if (allowPrivate) return null;
  const host = parsed.hostname.replace(/^\[|\]$/g, '').toLowerCase();
  if (host === 'localhost' || host.endsWith('.localhost') || host.endsWith('.local') || host.endsWith('.internal') || isPrivateAddress(host)) return 'PRIVATE_ADDRESS';
  return null;
}
