import { createHash, createSecretKey, randomBytes } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { APP_CONFIG, type AppConfig } from '../../config/app-config.js';
import { ROLES, type Role } from '../../modules/identity/user.entity.js';
import type { Principal } from '../tenancy/request-context.js';
import { authErrors } from './auth.errors.js';

export const JWT_SECRET = Symbol('JWT_SECRET');

interface AccessClaims {
  sub: string;
  org: string;
  role: Role;
}

/** Short-lived HS256 access tokens and opaque refresh tokens (only their SHA-256 is stored). */
@Injectable()
export class TokenService {
  private readonly jwt: JwtService;

  constructor(@Inject(JWT_SECRET) secret: string, @Inject(APP_CONFIG) private readonly config: AppConfig) {
    // one KeyObject for the process: jsonwebtoken otherwise builds one from the string on every verify (~0.5 ms)
    const key = createSecretKey(Buffer.from(secret, 'utf8'));
    this.jwt = new JwtService({ secretOrKeyProvider: () => key as never, signOptions: { algorithm: 'HS256', issuer: 'zizhu' }, verifyOptions: { algorithms: ['HS256'], issuer: 'zizhu' } });
  }

  get accessTokenTtlSeconds(): number {
    return this.config.accessTokenTtlSeconds;
  }

  signAccess(principal: Principal): string {
    const claims: AccessClaims = { sub: principal.userId, org: principal.tenantId, role: principal.role };
    return this.jwt.sign(claims, { expiresIn: this.config.accessTokenTtlSeconds });
  }

  verifyAccess(token: string): Principal {
    let claims: AccessClaims;
    try {
      claims = this.jwt.verify<AccessClaims>(token);
    } catch {
      throw authErrors.AUTH_TOKEN_INVALID();
    }
    if (typeof claims.sub !== 'string' || typeof claims.org !== 'string' || !ROLES.includes(claims.role)) throw authErrors.AUTH_TOKEN_INVALID();
    return { userId: claims.sub, tenantId: claims.org, role: claims.role };
  }

  newRefreshToken(): { token: string; hash: string } {
    const token = randomBytes(32).toString('base64url');
    return { token, hash: TokenService.hashRefresh(token) };
  }

  static hashRefresh(token: string): string {
    return createHash('sha256').update(token).digest('hex');
  }
}
