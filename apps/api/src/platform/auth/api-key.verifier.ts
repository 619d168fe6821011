import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { systemTransaction } from '../database/transactions.js';
import { ROLES, type Role } from '../../modules/identity/user.entity.js';
import type { Principal } from '../tenancy/request-context.js';
import { authErrors } from './auth.errors.js';

/** `zk_live_<key id, 32 hex>_<secret, 32 random bytes base64url>`: the visible prefix names the key, the rest is the secret. */
const KEY_FORMAT = /^zk_live_([0-9a-f]{32})_([A-Za-z0-9_-]{43})$/;
export const API_KEY_PREFIX = 'zk_';

/** How long a verified key is remembered (its revocation is checked by the database on every request anyway). */
const REMEMBER_MS = 60_000;
const REMEMBERED = 10_000;

export function hashApiKey(key: string): string {
  return createHash('sha256').update(key).digest('hex');
}

/** A new key for the given id (a uuid): shown once; only its hash is stored. */
export function newApiKey(id: string): { key: string; hash: string; hint: string } {
  const key = `zk_live_${id.replace(/-/g, '')}_${randomBytes(32).toString('base64url')}`;
  return { key, hash: hashApiKey(key), hint: key.slice(-4) };
}

const uuidOf = (hex: string) => `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;

interface KeyRow {
  tenant_id: string;
  secret_hash: string;
  scopes: string[];
  role: string;
  created_by: string;
  revoked_at: Date | null;
}

/**
 * Checks an organisation's API key (`Authorization: Bearer zk_live_…`): the key's row by its id, the SHA-256 of the
 * presented key compared in constant time with the stored one. Answers the principal of the key's organisation with
 * the key's scopes; a key seen again within a minute is not looked up again (the tenant entry still refuses a
 * revoked key on every request: `zizhu_enter_api_key`).
 */
@Injectable()
export class ApiKeyVerifier {
  private readonly verified = new Map<string, { principal: Principal; untilMs: number }>();

  constructor(private readonly dataSource: DataSource) {}

  async verify(key: string): Promise<Principal> {
    const known = this.verified.get(key);
    if (known && Date.now() < known.untilMs) return known.principal;
    if (known) this.verified.delete(key);
    const match = KEY_FORMAT.exec(key);
    if (!match) throw authErrors.AUTH_TOKEN_INVALID();
    const id = uuidOf(match[1]!);
    const rows = (await systemTransaction(this.dataSource, (m) => m.query(`SELECT tenant_id, secret_hash, scopes, role, created_by, revoked_at FROM api_keys WHERE id = $1`, [id]))) as KeyRow[];
    const row = rows[0];
    const given = Buffer.from(hashApiKey(key), 'hex');
    const stored = Buffer.from(row?.secret_hash ?? '0'.repeat(64), 'hex');
    if (!row || !timingSafeEqual(given, stored)) throw authErrors.AUTH_TOKEN_INVALID();
    if (row.revoked_at) throw authErrors.AUTH_TOKEN_REVOKED();
    if (!ROLES.includes(row.role as Role) || row.role === 'PLATFORM_ADMIN') throw authErrors.AUTH_TOKEN_INVALID();
    const principal: Principal = Object.freeze({
      userId: row.created_by,
      tenantId: row.tenant_id,
      role: row.role as Role,
      apiKey: Object.freeze({ id, scopes: Object.freeze([...row.scopes]) }),
    });
    if (this.verified.size >= REMEMBERED) this.verified.delete(this.verified.keys().next().value!);
    this.verified.set(key, { principal, untilMs: Date.now() + REMEMBER_MS });
    return principal;
  }
}
