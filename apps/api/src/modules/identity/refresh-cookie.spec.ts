import { describe, expect, it } from '@jest/globals';
import type { FastifyRequest } from 'fastify';
import { parseConfig } from '../../config/app-config.js';
import { RefreshCookie } from './refresh-cookie.js';

const request = (protocol: 'http' | 'https', hostname: string, headers: Record<string, string> = {}) => ({ protocol, hostname, headers }) as unknown as FastifyRequest;

describe('RefreshCookie', () => {
  const local = new RefreshCookie(parseConfig({}));

  it('is Secure except over plain http to a loopback host', () => {
    expect(local.secure(request('http', 'localhost'))).toBe(false);
    expect(local.secure(request('http', 'app.localhost'))).toBe(false);
    expect(local.secure(request('http', '127.0.0.1'))).toBe(false);
    expect(local.secure(request('http', '[::1]'))).toBe(false);
    expect(local.secure(request('https', 'localhost'))).toBe(true);
    expect(local.secure(request('http', 'console.example.com'))).toBe(true);
    expect(local.secure(request('http', '192.168.1.5'))).toBe(true);
    expect(local.secure(request('http', 'localhost.example.com'))).toBe(true);
  });

  it('is always Secure when PUBLIC_BASE_URL is https, even when a proxy rewrote Host to loopback', () => {
    const deployed = new RefreshCookie(parseConfig({ PUBLIC_BASE_URL: 'https://pay.example.com' }));
    expect(deployed.secure(request('http', '127.0.0.1'))).toBe(true);
  });

  it('lives as long as a refresh token (REFRESH_TOKEN_TTL_DAYS)', () => {
    const headers: Record<string, string> = {};
    const reply = { header: (name: string, value: string) => (headers[name] = value) } as never;
    new RefreshCookie(parseConfig({ REFRESH_TOKEN_TTL_DAYS: '7' })).set(request('http', 'localhost'), reply, 'tok');
    expect(headers['set-cookie']).toBe(`zizhu_refresh=tok; Path=/v1/auth; Max-Age=${7 * 86_400}; HttpOnly; SameSite=Strict`);
  });
});
