import { randomBytes, randomInt } from 'node:crypto';

/** The current time, injected: a function returning a `Date` or epoch milliseconds. */
export type Clock = () => Date | number;

/** A source of random request nonces, injected. */
export type NonceGenerator = () => string;

export const systemClock: Clock = () => Date.now();

export function epochMs(now: Clock | Date | number): number {
  const value = typeof now === 'function' ? now() : now;
  return typeof value === 'number' ? value : value.getTime();
}

/** 32 upper-case hex characters from `crypto.randomBytes` (the request / answer `nonce_str`). */
export const randomNonce: NonceGenerator = () => randomBytes(16).toString('hex').toUpperCase();

const ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

/** `length` characters of `[A-Za-z0-9]` from the CSPRNG (GCM nonces, APIv2 `nonce_str`). */
export function randomAlphanumeric(length: number): string {
  let out = '';
  for (let i = 0; i < length; i++) out += ALNUM[randomInt(ALNUM.length)];
  return out;
}

/** `2015-05-20T13:29:35+08:00`: RFC 3339 in Beijing time, as WeChat writes `create_time`. */
export function rfc3339Beijing(ms: number): string {
  const d = new Date(ms + 8 * 3600_000);
  return `${d.toISOString().slice(0, 19)}+08:00`;
}

/** `yyyyMMddHHmmss` in Beijing time, the format of Pay Score `time_range` and `paid_time`. */
export function payScoreTime(ms: number): string {
  return new Date(ms + 8 * 3600_000).toISOString().slice(0, 19).replace(/[-T:]/g, '');
}
