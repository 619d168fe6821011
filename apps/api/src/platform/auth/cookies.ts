/**
 * The few lines of RFC 6265 the API needs (no cookie plugin is installed): read one cookie from a
 * `Cookie` request header, and write one `Set-Cookie` value. Names are fixed by the API; values are
 * base64url tokens, so neither needs encoding, and anything else is refused rather than escaped.
 */

const TOKEN = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/; // RFC 7230 token: a cookie name
const COOKIE_OCTETS = /^[\x21\x23-\x2B\x2D-\x3A\x3C-\x5B\x5D-\x7E]*$/; // RFC 6265 cookie-octet
const PATH = /^\/[\x20-\x3A\x3C-\x7E]*$/; // av-octet: no ';' or control characters

/**
 * The value of cookie `name` in a `Cookie` header, or undefined. Pairs are split on `;`; a value may be
 * wrapped in double quotes; the first pair with the name wins (the most specific path, as browsers send them).
 */
export function readCookie(header: string | string[] | undefined, name: string): string | undefined {
  if (header === undefined) return undefined;
  const text = Array.isArray(header) ? header.join('; ') : header;
  for (const pair of text.split(';')) {
    const eq = pair.indexOf('=');
    if (eq < 0) continue;
    if (pair.slice(0, eq).trim() !== name) continue;
    let value = pair.slice(eq + 1).trim();
    if (value.length >= 2 && value.startsWith('"') && value.endsWith('"')) value = value.slice(1, -1);
    return COOKIE_OCTETS.test(value) ? value : undefined;
  }
  return undefined;
}

export interface CookieOptions {
  readonly path: string;
  /** Seconds; 0 deletes the cookie (also sent as an Expires in the past for old clients). */
  readonly maxAgeSeconds: number;
  readonly httpOnly: boolean;
  readonly secure: boolean;
  readonly sameSite: 'Strict' | 'Lax';
}

/** One `Set-Cookie` header value. Throws on a name, value or path that would need escaping. */
export function serializeCookie(name: string, value: string, options: CookieOptions): string {
  if (!TOKEN.test(name)) throw new Error(`invalid cookie name ${JSON.stringify(name)}`);
  if (!COOKIE_OCTETS.test(value)) throw new Error(`invalid value for cookie ${name}`);
  if (!PATH.test(options.path)) throw new Error(`invalid cookie path ${JSON.stringify(options.path)}`);
  if (!Number.isInteger(options.maxAgeSeconds) || options.maxAgeSeconds < 0) throw new Error(`invalid Max-Age ${options.maxAgeSeconds}`);
  const parts = [`${name}=${value}`, `Path=${options.path}`, `Max-Age=${options.maxAgeSeconds}`];
  if (options.maxAgeSeconds === 0) parts.push('Expires=Thu, 01 Jan 1970 00:00:00 GMT');
  if (options.httpOnly) parts.push('HttpOnly');
  if (options.secure) parts.push('Secure');
  parts.push(`SameSite=${options.sameSite}`);
  return parts.join('; ');
}
