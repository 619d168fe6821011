import { randomUUID } from 'node:crypto';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { IsNull } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '../../config/app-config.js';
import { authErrors } from '../../platform/auth/auth.errors.js';
import { TokenService } from '../../platform/auth/token.service.js';
import { Transactions } from '../../platform/database/transactions.js';
import type { DomainError } from '../../platform/errors/domain-error.js';
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
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async login(login: string, password: string, ip: string): Promise<Tokens> {
    const key = normaliseLogin(login);
    const loginKey = 'email' in key ? key.email : key.phone;
    // 1. serialised per address and per login: check the failure budget and record this attempt as a failure
    //    until the password proves otherwise, so parallel guesses count against the budget as they arrive
    const gate = await this.transactions.asSystem(async (m) => {
      await m.query(`SELECT pg_advisory_xact_lock(hashtext('zizhu:login-ip:' || $1)), pg_advisory_xact_lock(hashtext('zizhu:login:' || $2))`, [ip, loginKey]);
      const retryAfter = await this.rateLimitRetryAfter(m, loginKey, ip);
      if (retryAfter !== null) return { retryAfter };
      const [attempt] = (await m.query(`INSERT INTO login_attempts (login, ip, succeeded) VALUES ($1, $2, false) RETURNING id`, [loginKey, ip])) as [{ id: number }];
      const user = await m.createQueryBuilder(UserEntity, 'u').addSelect('u.passwordHash').where(key).andWhere('u.disabled_at IS NULL').getOne();
      return { attemptId: attempt.id, user };
    });
    if ('retryAfter' in gate) throw authErrors.AUTH_RATE_LIMITED(undefined, { retryAfterSeconds: gate.retryAfter });

    // 2. the slow part (argon2id) holds no connection
    const user = gate.user;
    if (!(await passwordHasher.verify(user?.passwordHash ?? null, password)) || !user) {
      this.logger.warn({ login: loginKey, ip }, 'failed sign-in');
      throw authErrors.AUTH_INVALID_CREDENTIALS();
    }
    return this.transactions.asSystem(async (m) => {
      await m.query(`UPDATE login_attempts SET succeeded = true WHERE id = $1`, [gate.attemptId]);
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

  /** Revokes the session (the refresh token's family). Unknown tokens are accepted silently. */
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
      accessToken: this.tokens.signAccess({ userId: user.id, tenantId: user.tenantId, role: user.role }),
      refreshToken: refresh.token,
      expiresIn: this.tokens.accessTokenTtlSeconds,
    };
  }

  private async rateLimitRetryAfter(m: import('typeorm').EntityManager, login: string, ip: string): Promise<number | null> {
    const window = this.config.login.windowSeconds;
    const [row] = (await m.query(
      `SELECT
         count(*) FILTER (WHERE login = $1) AS by_login,
         min(attempted_at) FILTER (WHERE login = $1) AS first_login,
         count(*) FILTER (WHERE ip = $2) AS by_ip,
         min(attempted_at) FILTER (WHERE ip = $2) AS first_ip
       FROM login_attempts
       WHERE NOT succeeded AND attempted_at > now() - make_interval(secs => $3) AND (login = $1 OR ip = $2)`,
      [login, ip, window],
    )) as { by_login: number; first_login: Date | null; by_ip: number; first_ip: Date | null }[];
    if (!row) return null;
    const max = this.config.login.maxFailures;
    const firsts: Date[] = [];
    if (row.by_login >= max && row.first_login) firsts.push(row.first_login);
    if (row.by_ip >= max * 10 && row.first_ip) firsts.push(row.first_ip);
    if (firsts.length === 0) return null;
    const until = Math.max(...firsts.map((d) => d.getTime())) + window * 1000;
    return Math.max(1, Math.ceil((until - Date.now()) / 1000));
  }
}
