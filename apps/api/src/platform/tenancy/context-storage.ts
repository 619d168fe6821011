import { AsyncLocalStorage } from 'node:async_hooks';
import type { EntityManager } from 'typeorm';
import type { Role } from '../../modules/identity/user.entity.js';

/** Who is acting, as proved by the access token. */
export interface Principal {
  readonly userId: string;
  readonly tenantId: string;
  readonly role: Role;
  /**
   * The sign-in session of an operator's access token: the refresh-token family and the user's token version
   * it was issued under. Opening a tenant transaction checks neither was revoked (logout, disabled user).
   * Absent for work that is not a signed-in request (jobs).
   */
  readonly session?: { readonly id: string; readonly tokenVersion: number };
  /**
   * An organisation's API key (server-to-server): its id (opening a tenant transaction checks it was not revoked)
   * and its scopes, the permission codes the calls it makes may need (platform/auth/api-key-scopes.ts).
   * `userId` and `role` are those of the login that created it.
   */
  readonly apiKey?: { readonly id: string; readonly scopes: readonly string[] };
}

export interface ContextStore {
  requestId?: string;
  principal?: Principal;
  manager?: EntityManager;
  /** 'tenant': RLS limits every query to what the principal may see; 'system': explicit cross-tenant work (login, jobs, seed). */
  scope?: 'tenant' | 'system';
  /**
   * A `@TenantRead()` request (TenantReads): no transaction, each read enters the tenant in its own round trip;
   * `entered` once one has (the token's revocation checked).
   */
  tenantRead?: { entered: boolean };
}

/**
 * The async context of one request (or one job). Plain AsyncLocalStorage: nestjs-cls is CommonJS and
 * requires the ESM-only Nest 12, which jest cannot load on Node 20 — this is the part of it we need.
 */
export const contextStorage = new AsyncLocalStorage<ContextStore>();

export function currentRequestId(): string | undefined {
  return contextStorage.getStore()?.requestId;
}
