import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { newApiKey } from '../../platform/auth/api-key.verifier.js';
import { platformErrors } from '../../platform/errors/domain-error.js';
import { RequestContext } from '../../platform/tenancy/request-context.js';
import { AuditService } from '../audit/audit.service.js';
import { returnedRows } from '../device-api/system-db.js';
import { type Permission, permissionsOf } from '../identity/permissions.js';
import type { OperatingModel, OrganizationKind } from '../organizations/organization.entity.js';
import { integrationErrors } from './integrations.errors.js';

export interface ApiKeyView {
  id: string;
  name: string;
  /** The key's visible start and its last 4 characters: enough to recognise it, never to use it. */
  prefix: string;
  hint: string;
  scopes: string[];
  createdAt: string;
  createdBy: string;
  revokedAt: string | null;
  lastUsedAt: string | null;
  /** Only in the answer that created it: shown once, stored as its SHA-256. */
  key?: string;
}

interface KeyRow {
  id: string;
  name: string;
  hint: string;
  scopes: string[];
  created_at: Date;
  created_by: string;
  revoked_at: Date | null;
  last_used_at: Date | null;
}

const iso = (d: Date | string | null) => (d === null ? null : new Date(d).toISOString());
/**
 * What a key can never be given: managing keys and webhooks, and making logins or organisations (a key that could add
 * an admin login could sign in as it, get integrations.manage and outlive its own revocation). Login management also
 * refuses any key outright (USER_API_KEY_REFUSED), for keys stored before this list grew.
 */
export const NEVER_KEY_SCOPES: readonly Permission[] = ['integrations.manage', 'users.write', 'organizations.create'];

const toView = (r: KeyRow, key?: string): ApiKeyView => ({
  id: r.id,
  name: r.name,
  prefix: `zk_live_${r.id.replace(/-/g, '')}`,
  hint: r.hint,
  scopes: r.scopes,
  createdAt: iso(r.created_at)!,
  createdBy: r.created_by,
  revokedAt: iso(r.revoked_at),
  lastUsedAt: iso(r.last_used_at),
  ...(key ? { key } : {}),
});

/** The caller organisation's API keys: made with scopes at most the creator's own codes, revoked, audited. */
@Injectable()
export class ApiKeysService {
  constructor(
    private readonly context: RequestContext,
    private readonly audit: AuditService,
  ) {}

  async list(): Promise<ApiKeyView[]> {
    const rows = (await this.context.manager.query(
      `SELECT id, name, hint, scopes, created_at, created_by, revoked_at, last_used_at FROM api_keys WHERE tenant_id = $1 ORDER BY created_at DESC, id`,
      [this.context.tenantId],
    )) as KeyRow[];
    return rows.map((r) => toView(r));
  }

  /** The scopes the caller may hand to a key: its own codes, but never those of NEVER_KEY_SCOPES (keys, webhooks, logins, organisations). */
  async grantable(): Promise<Permission[]> {
    const { role, tenantId } = this.context.principal;
    const [org] = (await this.context.manager.query(`SELECT kind, operating_model FROM organizations WHERE id = $1`, [tenantId])) as { kind: OrganizationKind; operating_model: OperatingModel | null }[];
    if (!org) return [];
    return permissionsOf({ role, organizationKind: org.kind, operatingModel: org.operating_model }).filter((p) => !NEVER_KEY_SCOPES.includes(p));
  }

  async create(input: { name: string; scopes: string[] }): Promise<ApiKeyView> {
    const principal = this.context.principal;
    if (principal.role === 'PLATFORM_ADMIN') throw integrationErrors.API_KEY_PLATFORM_REFUSED();
    const grantable = await this.grantable();
    const refused = input.scopes.filter((s) => !grantable.includes(s as Permission));
    if (refused.length > 0) {
      throw platformErrors.VALIDATION_FAILED('Invalid fields: scopes', {
        errors: [{ field: 'scopes', messages: [`scopes must be codes the caller has itself (never integrations.manage, users.write or organizations.create): ${refused.join(', ')} refused`] }],
      });
    }
    const scopes = grantable.filter((p) => input.scopes.includes(p));
    const id = randomUUID();
    const made = newApiKey(id);
    const [row] = (await this.context.manager.query(
      `INSERT INTO api_keys (id, tenant_id, name, secret_hash, hint, scopes, role, created_by) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
       RETURNING id, name, hint, scopes, created_at, created_by, revoked_at, last_used_at`,
      [id, principal.tenantId, input.name, made.hash, made.hint, scopes, principal.role, principal.userId],
    )) as [KeyRow];
    await this.audit.record({ action: 'api-key.create', resourceType: 'api-key', resourceId: id, subjectTenantId: null, after: { name: input.name, scopes } });
    return toView(row, made.key);
  }

  async revoke(id: string): Promise<ApiKeyView> {
    const { tenantId, userId } = this.context.principal;
    const [saved] = returnedRows<KeyRow>(await this.context.manager.query(
      `UPDATE api_keys SET revoked_at = coalesce(revoked_at, now()), revoked_by = coalesce(revoked_by, $3) WHERE id = $1 AND tenant_id = $2
       RETURNING id, name, hint, scopes, created_at, created_by, revoked_at, last_used_at`,
      [id, tenantId, userId],
    ));
    if (!saved) throw integrationErrors.API_KEY_NOT_FOUND();
    await this.audit.record({ action: 'api-key.revoke', resourceType: 'api-key', resourceId: id, subjectTenantId: null, before: { name: saved.name, scopes: saved.scopes } });
    return toView(saved);
  }
}
