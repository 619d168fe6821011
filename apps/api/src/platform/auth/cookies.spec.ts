import { describe, expect, it } from '@jest/globals';
import { readCookie, serializeCookie } from './cookies.js';

describe('readCookie', () => {
  it('finds the named cookie among others, trimming the spaces around pairs', () => {
    expect(readCookie('a=1; zizhu_refresh=abc-DEF_123;b=2', 'zizhu_refresh')).toBe('abc-DEF_123');
    expect(readCookie('  zizhu_refresh = tok ', 'zizhu_refresh')).toBe('tok');
  });

  it('answers undefined for no header, no such cookie, or a name that only starts the same', () => {
    expect(readCookie(undefined, 'x')).toBeUndefined();
    expect(readCookie('', 'x')).toBeUndefined();
    expect(readCookie('xy=1; y=2', 'x')).toBeUndefined();
    expect(readCookie('flag; x', 'x')).toBeUndefined();
  });

  it('takes the first pair of a repeated name and unwraps a quoted value', () => {
    expect(readCookie('x=first; x=second', 'x')).toBe('first');
    expect(readCookie('x="quoted"', 'x')).toBe('quoted');
  });

  it('refuses a value with characters no cookie may hold', () => {
    expect(readCookie('x=a b', 'x')).toBeUndefined();
    expect(readCookie('x=a\\b', 'x')).toBeUndefined();
  });

  it('reads joined header arrays and keeps an empty value empty', () => {
    expect(readCookie(['a=1', 'x=2'], 'x')).toBe('2');
    expect(readCookie('x=', 'x')).toBe('');
  });
});

describe('serializeCookie', () => {
  const base = { path: '/v1/auth', maxAgeSeconds: 2_592_000, httpOnly: true, secure: true, sameSite: 'Strict' } as const;

  it('writes every attribute asked for', () => {
    expect(serializeCookie('zizhu_refresh', 'tok', base)).toBe('zizhu_refresh=tok; Path=/v1/auth; Max-Age=2592000; HttpOnly; Secure; SameSite=Strict');
    expect(serializeCookie('x', 'v', { ...base, httpOnly: false, secure: false, sameSite: 'Lax' })).toBe('x=v; Path=/v1/auth; Max-Age=2592000; SameSite=Lax');
  });

  it('deletes with Max-Age=0 and an Expires in the past', () => {
    expect(serializeCookie('x', '', { ...base, maxAgeSeconds: 0 })).toBe('x=; Path=/v1/auth; Max-Age=0; Expires=Thu, 01 Jan 1970 00:00:00 GMT; HttpOnly; Secure; SameSite=Strict');
  });

  it('refuses what would need escaping instead of writing a header an attacker could extend', () => {
    expect(() => serializeCookie('x', 'a;Domain=evil', base)).toThrow(/invalid value/);
    expect(() => serializeCookie('x y', 'v', base)).toThrow(/invalid cookie name/);
    expect(() => serializeCookie('x', 'v', { ...base, path: '/a;b' })).toThrow(/invalid cookie path/);
    expect(() => serializeCookie('x', 'v', { ...base, maxAgeSeconds: -1 })).toThrow(/Max-Age/);
  });
});
