import type { OperatingModel, OrganizationKind } from '../organizations/organization.entity.js';
import type { Role } from './user.entity.js';

/**
 * What a login may do, as codes the console's access map reads from `GET /v1/me` (default deny: a code
 * that is not listed is not allowed). This is the one place that derives them; it mirrors the role lists
 * of the controllers' `@TenantScoped(...)` and the organisation-kind rules the services and row-level
 * security enforce. `apps/api/test/permissions.e2e-spec.ts` calls the API as every demo login and fails
 * when a code here and what the API does drift apart.
 */
export const PERMISSIONS = [
  'organizations.read',
  /** Add a child organisation: the platform (operators), a franchise brand (franchisees), a reseller (customers). */
  'organizations.create',
  /** Rename its own organisation or a child. */
  'organizations.write',
  'users.read',
  'users.write',
  'audit.read',
  'sites.read',
  'sites.write',
  'devices.read',
  /** Register, import, rotate secrets, bind Pay Score services, command: the devices the caller operates. */
  'devices.write',
  /** Sell a device of its own inventory to a customer (a hardware reseller). */
  'devices.transfer',
  /** Pricing plans: only where the caller operates the fleet (a reseller never sees its customers' prices). */
  'plans.read',
  'plans.write',
  'sessions.read',
  /** End, modify, collect, refund. */
  'sessions.act',
  /** Receivables and earnings. */
  'money.read',
  'merchantAccounts.read',
  'merchantAccounts.write',
  /** The alert inbox (what the caller may see: a reseller only its customers' device-health alerts) and the rules in force. */
  'alerts.read',
  /** Acknowledge alerts, change the organisation's alert rules and its webhook. */
  'alerts.write',
  /** Agreements, statements and earnings of what the caller may see (a reseller: its customers' fee statements only). */
  'settlement.read',
  /** Set a franchisee's or customer's agreement, close its statements: a franchise brand or hardware reseller. */
  'settlement.write',
] as const;
export type Permission = (typeof PERMISSIONS)[number];

/** The admins of their organisation (the writers of `@TenantScoped(...WRITERS)`); OPERATOR_STAFF is read-only. */
const ADMINS: readonly Role[] = ['OPERATOR_ADMIN', 'FRANCHISEE_ADMIN', 'CUSTOMER_ADMIN'];

export interface PermissionSubject {
  readonly role: Role;
  readonly organizationKind: OrganizationKind;
  readonly operatingModel: OperatingModel | null;
}

/** The codes of a login, sorted as PERMISSIONS lists them. */
export function permissionsOf(subject: PermissionSubject): Permission[] {
  const { role, organizationKind: kind, operatingModel: model } = subject;
  if (role === 'PLATFORM_ADMIN') return [...PERMISSIONS];
  const admin = ADMINS.includes(role);
  // a hardware reseller sees its customers' fleet for support, never their orders, money or prices (RLS: data tenants = itself)
  const reseller = kind === 'OPERATOR' && model === 'HARDWARE_SALE';
  const granted = new Set<Permission>(['organizations.read', 'users.read', 'sites.read', 'devices.read', 'plans.read', 'merchantAccounts.read', 'alerts.read', 'settlement.read']);
  if (!reseller) granted.add('sessions.read').add('money.read');
  if (admin) {
    granted.add('organizations.write').add('users.write').add('audit.read').add('sites.write').add('devices.write').add('plans.write').add('alerts.write');
    if (!reseller) granted.add('sessions.act');
  }
  if (role === 'OPERATOR_ADMIN' && (model === 'FRANCHISE' || model === 'HARDWARE_SALE')) granted.add('organizations.create').add('settlement.write');
  if (role === 'OPERATOR_ADMIN' && reseller) granted.add('devices.transfer');
  // merchants of record: an operator (a reseller for its own inventory) or a reseller's customer; a franchisee charges
  // through its brand unless its agreement says FRANCHISEE_COLLECTS, for which it manages a merchant account of its own (issue 12)
  if (role === 'OPERATOR_ADMIN' || role === 'CUSTOMER_ADMIN' || role === 'FRANCHISEE_ADMIN') granted.add('merchantAccounts.write');
  return PERMISSIONS.filter((p) => granted.has(p));
}
