import { createHash, createSecretKey, randomBytes } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { isUUID } from 'class-validator';
import { APP_CONFIG, type AppConfig } from '../../config/app-config.js';
import { ROLES, type Role } from '../../modules/identity/user.entity.js';
import type { Principal } from '../tenancy/request-context.js';
import { authErrors } from './auth.errors.js';

export const JWT_SECRET = Symbol('JWT_SECRET');

interface AccessClaims {
  sub: string;
  org: string;
  role: Role;
  /** The sign-in session: the refresh-token family. */
  sid: string;
  /** The user's token version when it was issued. */
  ver: number;
  aud?: unknown;
}

/** An end user of a mini-program, as proved by a consumer token. */
export interface ConsumerPrincipal {
  readonly appid: string;
  readonly openid: string;
}

interface ConsumerClaims {
  typ: 'consumer';
  appid: string;
  openid: string;
}

/** Consumer tokens carry this audience; operator tokens carry none, so neither is accepted for the other. */
export const CONSUMER_AUDIENCE = 'zizhu:consumer';
export const CONSUMER_TOKEN_TTL_SECONDS = 2 * 60 * 60;

/** How many verified access tokens a process remembers (the oldest is forgotten first). */
const VERIFIED_TOKENS = 10_000;

/** Short-lived HS256 access tokens and opaque refresh tokens (only their SHA-256 is stored). */
@Injectable()
export class TokenService {
  private readonly jwt: JwtService;
  /**
   * Access tokens already verified, with the principal they prove and their expiry (ms): a token seen again is
   * not decoded, HMAC-checked or validated again, only its expiry is (the same `now >= exp` refusal jsonwebtoken
   * applies). The key is the whole token, signature included: only a string this process verified hits. Revocation
   * is not affected — it is checked by the database on every request (zizhu_enter_session).
   */
  private readonly verified = new Map<string, { principal: Principal; expiresAtMs: number }>();

  constructor(@Inject(JWT_SECRET) secret: string, @Inject(APP_CONFIG) private readonly config: AppConfig) {
    // one KeyObject for the process: jsonwebtoken otherwise builds one from the string on every verify (~0.5 ms)
    const key = createSecretKey(Buffer.from(secret, 'utf8'));
    this.jwt = new JwtService({ secretOrKeyProvider: () => key as never, signOptions: { algorithm: 'HS256', issuer: 'zizhu' }, verifyOptions: { algorithms: ['HS256'], issuer: 'zizhu' } });
  }

  get accessTokenTtlSeconds(): number {
    return this.config.accessTokenTtlSeconds;
  }

  /** An operator's access token, tied to its sign-in session (revocable, see Transactions.asTenant). */
  signAccess(principal: Principal & { session: NonNullable<Principal['session']> }): string {
    const claims: AccessClaims = { sub: principal.userId, org: principal.tenantId, role: principal.role, sid: principal.session.id, ver: principal.session.tokenVersion };
    return this.jwt.sign(claims, { expiresIn: this.config.accessTokenTtlSeconds });
  }

  verifyAccess(token: string): Principal {
    const known = this.verified.get(token);
    if (known) {
      if (Math.floor(Date.now() / 1000) * 1000 < known.expiresAtMs) return known.principal;
      this.verified.delete(token);
      throw authErrors.AUTH_TOKEN_INVALID();
    }
    const verified = this.verifyAccessClaims(token);
    if (this.verified.size >= VERIFIED_TOKENS) this.verified.delete(this.verified.keys().next().value!);
    this.verified.set(token, verified);
    return verified.principal;
  }

  private verifyAccessClaims(token: string): { principal: Principal; expiresAtMs: number } {
    let claims: AccessClaims & { exp?: unknown };
    try {
      claims = this.jwt.verify<AccessClaims & { exp?: unknown }>(token);
    } catch {
      throw authErrors.AUTH_TOKEN_INVALID();
    }
    // every access token is signed with an expiry; one without cannot be remembered (and is not one of ours)
    if (typeof claims.exp !== 'number') throw authErrors.AUTH_TOKEN_INVALID();
    if (claims.aud !== undefined) throw authErrors.AUTH_TOKEN_INVALID(); // a consumer token (or any other audience) is not an operator's
    if (!isUUID(claims.sub) || !isUUID(claims.org) || !ROLES.includes(claims.role)) throw authErrors.AUTH_TOKEN_INVALID();
    // tokens from before sessions were revocable carry neither: they are refused, and the client refreshes
    if (!isUUID(claims.sid) || !Number.isInteger(claims.ver) || claims.ver < 0 || claims.ver > 2_147_483_647) throw authErrors.AUTH_TOKEN_INVALID();
    const principal: Principal = Object.freeze({ userId: claims.sub, tenantId: claims.org, role: claims.role, session: Object.freeze({ id: claims.sid, tokenVersion: claims.ver }) });
    return { principal, expiresAtMs: claims.exp * 1000 };
  }

  /** A mini-program end user's token: same key, its own audience, never valid on operator routes. */
  signConsumer(consumer: ConsumerPrincipal): string {
    const claims: ConsumerClaims = { typ: 'consumer', appid: consumer.appid, openid: consumer.openid };
    return this.jwt.sign(claims, { expiresIn: CONSUMER_TOKEN_TTL_SECONDS, audience: CONSUMER_AUDIENCE });
  }

  verifyConsumer(token: string): ConsumerPrincipal {
    let claims: ConsumerClaims;
    try {
      claims = this.jwt.verify<ConsumerClaims>(token, { audience: CONSUMER_AUDIENCE });
    } catch {
      throw authErrors.AUTH_TOKEN_INVALID();
    }
    if (claims.typ !== 'consumer' || typeof claims.appid !== 'string' || typeof claims.openid !== 'string') throw authErrors.AUTH_TOKEN_INVALID();
    return { appid: claims.appid, openid: claims.openid };
  }

  newRefreshToken(): { token: string; hash: string } {
    const token = randomBytes(32).toString('base64url');
    return { token, hash: TokenService.hashRefresh(token) };
  }

  static hashRefresh(token: string): string {
    return createHash('sha256').update(token).digest('hex');
  }
}
