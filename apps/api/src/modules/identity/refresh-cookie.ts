import { Inject, Injectable } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { APP_CONFIG, type AppConfig } from '../../config/app-config.js';
import { authErrors } from '../../platform/auth/auth.errors.js';
import { readCookie, serializeCookie } from '../../platform/auth/cookies.js';

/** The console's refresh token: HttpOnly, so no script (and no XSS) reads it; sent only to /v1/auth/*. */
export const REFRESH_COOKIE = 'zizhu_refresh';
export const REFRESH_COOKIE_PATH = '/v1/auth';
/** A token taken from the cookie counts only with this header: a cross-site page cannot add it without a CORS preflight the API never grants. */
export const CONSOLE_HEADER = 'x-zizhu-console';

const isLoopbackHost = (host: string) => {
  const h = host.replace(/^\[|\]$/g, '').toLowerCase();
  return h === 'localhost' || h.endsWith('.localhost') || h === '::1' || /^127\.\d+\.\d+\.\d+$/.test(h);
};

/**
 * Where the refresh token comes from, and the cookie that carries it for the console.
 *
 * `Secure` rule: the cookie is Secure unless all of these hold — PUBLIC_BASE_URL is not https, the request
 * arrived over plain http (as Fastify sees it: `X-Forwarded-Proto` counts only from a TRUST_PROXY hop), and
 * its host (Host, or `X-Forwarded-Host` from a trusted hop) is loopback (localhost, 127.0.0.0/8, ::1). So
 * `npm start` and the Vite dev proxy on http://localhost work, and anything else — a public host, or any
 * deployment whose PUBLIC_BASE_URL is https, even behind a proxy that rewrites Host to 127.0.0.1 —
 * only ever sends it over TLS.
 */
@Injectable()
export class RefreshCookie {
  private readonly maxAgeSeconds: number;
  private readonly publicHttps: boolean;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    this.maxAgeSeconds = config.refreshTokenTtlDays * 86_400;
    this.publicHttps = config.payscore.publicBaseUrl.startsWith('https://');
  }

  secure(request: FastifyRequest): boolean {
    return this.publicHttps || request.protocol !== 'http' || !isLoopbackHost(request.hostname);
  }

  set(request: FastifyRequest, reply: FastifyReply, token: string): void {
    void reply.header('set-cookie', this.serialize(request, token, this.maxAgeSeconds));
    void reply.header('cache-control', 'no-store');
  }

  clear(request: FastifyRequest, reply: FastifyReply): void {
    void reply.header('set-cookie', this.serialize(request, '', 0));
  }

  /**
   * The refresh token of a refresh or logout: the body's (API clients) wins; else the cookie's, which
   * counts only with `X-Zizhu-Console: 1` (cross-site request forgery: SameSite=Strict already keeps the
   * cookie off other sites' requests, the header also stops a same-site page on another port or subdomain
   * from spending it with a plain form). Neither: 401 AUTH_REFRESH_MISSING.
   */
  tokenOf(request: FastifyRequest, bodyToken: string | undefined): { token: string; from: 'body' | 'cookie' } {
    if (bodyToken !== undefined) return { token: bodyToken, from: 'body' };
    const cookie = readCookie(request.headers.cookie, REFRESH_COOKIE);
    if (!cookie) throw authErrors.AUTH_REFRESH_MISSING();
    if (request.headers[CONSOLE_HEADER] !== '1') throw authErrors.AUTH_CONSOLE_HEADER_REQUIRED();
    return { token: cookie, from: 'cookie' };
  }

  private serialize(request: FastifyRequest, value: string, maxAgeSeconds: number): string {
    return serializeCookie(REFRESH_COOKIE, value, { path: REFRESH_COOKIE_PATH, maxAgeSeconds, httpOnly: true, secure: this.secure(request), sameSite: 'Strict' });
  }
}
