import { SetMetadata } from '@nestjs/common';
import type { Role } from '../../modules/identity/user.entity.js';

export type AccessPolicy =
  | { readonly kind: 'public' }
  | { readonly kind: 'tenant'; readonly roles?: readonly Role[] }
  | { readonly kind: 'platform-admin' }
  | { readonly kind: 'device' }
  | { readonly kind: 'consumer' };

export const ACCESS_POLICY = 'zizhu:access-policy';

/** Anyone may call it (login, health). */
export const Public = () => SetMetadata(ACCESS_POLICY, { kind: 'public' } satisfies AccessPolicy);

/** A logged-in user, inside a tenant transaction limited to what the user's organisation may see. */
export const TenantScoped = (...roles: Role[]) =>
  SetMetadata(ACCESS_POLICY, (roles.length ? { kind: 'tenant', roles } : { kind: 'tenant' }) satisfies AccessPolicy);

/**
 * Every role of an organisation, the TECHNICIAN included: a `@TenantScoped()` without roles admits every role but
 * TECHNICIAN (a technician reaches only the routes that name it: the fleet's reads, maintenance, `/v1/me`), so money
 * routes refuse it without naming it.
 */
export const WITH_TECHNICIANS: readonly Role[] = ['OPERATOR_ADMIN', 'OPERATOR_STAFF', 'FRANCHISEE_ADMIN', 'CUSTOMER_ADMIN', 'TECHNICIAN'];

/** Platform administrators only. */
export const PlatformAdmin = () => SetMetadata(ACCESS_POLICY, { kind: 'platform-admin' } satisfies AccessPolicy);

/** A device with a signed request (device API). */
export const DeviceAuth = () => SetMetadata(ACCESS_POLICY, { kind: 'device' } satisfies AccessPolicy);

/**
 * A mini-program end user with a consumer token (`POST /v1/consumer/login`). No tenant transaction:
 * the handler opens a named system transaction itself. Read the caller with `@CurrentConsumer()`.
 */
export const ConsumerAuth = () => SetMetadata(ACCESS_POLICY, { kind: 'consumer' } satisfies AccessPolicy);

/** Methods that change state; operator staff are read-only. */
export const MUTATING_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
