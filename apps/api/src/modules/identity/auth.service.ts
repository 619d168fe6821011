import { randomUUID } from 'node:crypto';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { IsNull } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '../../config/app-config.js';
import { authErrors } from '../../platform/auth/auth.errors.js';
import { TokenService } from '../../platform/auth/token.service.js';
import { Transactions } from '../../platform/database/transactions.js';
import type { DomainError } from '../../platform/errors/domain-error.js';
import { LoginLimiter } from './login-limiter.js';
import { passwordHasher } from './password-hasher.js';
import { RefreshTokenEntity } from './refresh-token.entity.js';
import { UserEntity } from './user.entity.js';

export interface Tokens {
  accessToken: string;
  refreshToken: string;
  expiresIn: number;
}

/** Normalises a login: emails are case-insensitive, phone numbers lose spaces and dashes. */
export function normaliseLogin(login: string): { email: string } | { phone: string } {
  const trimmed = login.trim();
  return trimmed.includes('@') ? { email: trimmed.toLowerCase() } : { phone: trimmed.replace(/[\s-]/g, '') };
}

/**
 * Sign-in, refresh-token rotation and sign-out. These run before there is a tenant, so they use the
 * system transaction, and touch only the login tables.
 */
@Injectable()
export class AuthService {
  private readonly logger = new Logger('Auth');

  constructor(
    private readonly transactions: Transactions,
    private readonly tokens: TokenService,
    private readonly limiter: LoginLimiter,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async login(login: string, password: string, address: string): Promise<Tokens> {
    const key = normaliseLogin(login);
    const loginKey = 'email' in key ? key.email : key.phone;
    // 1. the limiter admits the attempt (counting it as a failure until the password proves otherwise) or says when to retry
    const gate = await this.transactions.asSystem(async (m) => {
      const attempt = await this.limiter.admit(m, loginKey, address);
      if (!attempt.admitted) return attempt;
      const user = await m.createQueryBuilder(UserEntity, 'u').addSelect('u.passwordHash').where(key).andWhere('u.disabled_at IS NULL').getOne();
      return { ...attempt, user };
    });
    if (!gate.admitted) {
      throw authErrors.AUTH_RATE_LIMITED(`Too many failed sign-ins for this login from your address. Try again in ${gate.retryAfterSeconds} s.`, {
        retryAfterSeconds: gate.retryAfterSeconds,
      });
    }

    // 2. the slow part (argon2id) holds no connection
    const user = gate.user;
    if (!(await passwordHasher.verify(user?.passwordHash ?? null, password)) || !user) {
      this.logger.warn({ login: loginKey, address }, 'failed sign-in');
      throw authErrors.AUTH_INVALID_CREDENTIALS();
    }
    return this.transactions.asSystem(async (m) => {
      await this.limiter.succeeded(m, loginKey, address, gate);
      return this.issue(m, user, randomUUID());
    });
  }

  async refresh(refreshToken: string): Promise<Tokens> {
    const outcome = await this.transactions.asSystem(async (m): Promise<Tokens | DomainError> => {
      const stored = await m
        .createQueryBuilder(RefreshTokenEntity, 't')
        .setLock('pessimistic_write')
        .where('t.token_hash = :hash', { hash: TokenService.hashRefresh(refreshToken) })
        .getOne();
      if (!stored || stored.revokedAt || stored.expiresAt.getTime() <= Date.now()) return authErrors.AUTH_REFRESH_INVALID();
      if (stored.rotatedAt) {
        // a rotated token presented again: it was stolen or replayed, so end the whole family
        await m.update(RefreshTokenEntity, { familyId: stored.familyId, revokedAt: IsNull() }, { revokedAt: new Date() });
        this.logger.warn({ userId: stored.userId, familyId: stored.familyId }, 'refresh token reuse: family revoked');
        return authErrors.AUTH_REFRESH_REUSED();
      }
      const user = await m.findOne(UserEntity, { where: { id: stored.userId, disabledAt: IsNull() } });
      if (!user) return authErrors.AUTH_REFRESH_INVALID();
      await m.update(RefreshTokenEntity, { id: stored.id }, { rotatedAt: new Date() });
      return this.issue(m, user, stored.familyId);
    });
    if (outcome instanceof Error) throw outcome;
    return outcome;
  }

  /**
   * Revokes the session: the refresh token's family, and with it every access token issued in that session
   * (they carry the family as `sid`; the next request refuses them). Other sessions of the user stay signed in.
   * Unknown tokens are accepted silently.
   */
  async logout(refreshToken: string): Promise<void> {
    await this.transactions.asSystem(async (m) => {
      const stored = await m.findOne(RefreshTokenEntity, { where: { tokenHash: TokenService.hashRefresh(refreshToken) } });
      if (stored) await m.update(RefreshTokenEntity, { familyId: stored.familyId, revokedAt: IsNull() }, { revokedAt: new Date() });
    });
  }

  private async issue(m: import('typeorm').EntityManager, user: UserEntity, familyId: string): Promise<Tokens> {
    const refresh = this.tokens.newRefreshToken();
    await m.insert(RefreshTokenEntity, {
      tenantId: user.tenantId,
      userId: user.id,
      familyId,
      tokenHash: refresh.hash,
      expiresAt: new Date(Date.now() + this.config.refreshTokenTtlDays * 86_400_000),
    });
    return {
      accessToken: this.tokens.signAccess({ userId: user.id, tenantId: user.tenantId, role: user.role, session: { id: familyId, tokenVersion: user.tokenVersion } }),
      refreshToken: refresh.token,
      expiresIn: this.tokens.accessTokenTtlSeconds,
    };
  }
}
