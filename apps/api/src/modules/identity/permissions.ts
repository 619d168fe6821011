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
  /**
   * Consumer complaints on the sessions the caller may see, and those of merchant accounts it sees that match no
   * session (a hardware reseller sees none of its customers').
   */
  'complaints.read',
  /**
   * Reply, complete, report refund progress, approve or reject a refund, upload reply images, read the payer's phone:
   * the admins of a merchant of record, where the data allows (only the organisation whose account received the
   * complaint acts on it: a franchisee acts on the complaints to its own merchant account when it collects, and only reads
   * those its brand received about its sessions).
   */
  'complaints.act',
  /** Receivables and earnings. */
  'money.read',
  'merchantAccounts.read',
  'merchantAccounts.write',
  /** Reconciliation runs with WeChat's bills and their differences, of the merchant accounts the caller sees. */
  'reconciliations.read',
  /**
   * Reconcile a day, resolve a difference: the admins, where the data allows (an account of their own: an operator,
   * a reseller's customer, a franchisee that collects).
   */
  'reconciliations.write',
  /** The alert inbox (what the caller may see: a reseller only its customers' device-health alerts) and the rules in force. */
  'alerts.read',
  /** Acknowledge alerts, change the organisation's alert rules and its webhook. */
  'alerts.write',
  /** Agreements, statements and earnings of what the caller may see (a reseller: its customers' fee statements only). */
  'settlement.read',
  /** Set a franchisee's or customer's agreement, close its statements: a franchise brand or hardware reseller. */
  'settlement.write',
  /**
   * Retry a failed profit-sharing split, set a franchisee's payout payee: an operator's or a franchisee's admin, where
   * the data allows (a brand for its franchisees, a franchisee for itself).
   */
  'profitSharing.write',
  /**
   * The Pay Score onboarding of a merchant account (issue 14): its tracker, application pack and scenario compliance. The
   * admins of the account's organisation, the franchise brand's OPERATOR_ADMIN for a franchisee's own account, the
   * platform admin (the onboarding module's readers; an account the login does not administer answers 404).
   */
  'onboarding.read',
  /** Record a step, the subject type, the pack's own rows: the same admins. */
  'onboarding.write',
  /**
   * Customer-service lookup (`GET /v1/support/lookup`): sessions by transaction_id, out_order_no, refund number, openid or
   * device and time, with their charges, refunds, complaints and device reports. Whoever reads sessions (staff too); a
   * hardware reseller finds none of its customers' (row-level security). Searches by an end user's identifiers are audited.
   */
  'support.search',
  /** Fridge planograms, stock, restocks and counts (issue 16): where the data is seen (a hardware reseller never sees its customers' stock). */
  'stock.read',
  /** Edit a planogram, record a restock or a stock count: the admins, where the data is seen. */
  'stock.write',
  /**
   * The organisation's API keys and business-event webhook endpoints (issue 16): the admins of their organisation. An
   * API key never manages these (keys are made and revoked by a login); a key's scopes are at most its creator's codes.
   */
  'integrations.manage',
  /** Maintenance tickets of the devices the caller sees (issue 16). */
  'maintenance.read',
  /** Open, assign, note, photograph, move and close tickets: the admins and technicians of the organisations that operate the device. */
  'maintenance.write',
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
  // a technician (issue 16) sees the fleet and works its tickets, never money, prices, logins or settings
  if (role === 'TECHNICIAN') return PERMISSIONS.filter((p) => ['sites.read', 'devices.read', 'maintenance.read', 'maintenance.write'].includes(p));
  const admin = ADMINS.includes(role);
  // a hardware reseller sees its customers' fleet for support, never their orders, money or prices (RLS: data tenants = itself)
  const reseller = kind === 'OPERATOR' && model === 'HARDWARE_SALE';
  const granted = new Set<Permission>([
    'organizations.read',
    'users.read',
    'sites.read',
    'devices.read',
    'plans.read',
    'merchantAccounts.read',
    'reconciliations.read',
    'alerts.read',
    'settlement.read',
    'maintenance.read',
  ]);
  if (!reseller) granted.add('sessions.read').add('complaints.read').add('money.read').add('support.search').add('stock.read');
  if (admin) {
    granted.add('organizations.write').add('users.write').add('audit.read').add('sites.write').add('devices.write').add('plans.write').add('alerts.write');
    granted.add('reconciliations.write').add('maintenance.write');
    // the onboarding module's readers and writers are the admins (of the account's organisation or its franchise brand)
    granted.add('onboarding.read').add('onboarding.write');
    granted.add('integrations.manage');
    if (!reseller) granted.add('sessions.act').add('stock.write');
  }
  // the complaints controller's MERCHANT_ADMINS (a franchisee for its own merchant account's complaints); a reseller sees
  // no complaint of its customers to act on
  if (admin && !reseller) granted.add('complaints.act');
  // the profit-sharing and payout-payee controllers' roles (a brand for its franchisees, a franchisee for itself)
  if (role === 'OPERATOR_ADMIN' || role === 'FRANCHISEE_ADMIN') granted.add('profitSharing.write');
  if (role === 'OPERATOR_ADMIN' && (model === 'FRANCHISE' || model === 'HARDWARE_SALE')) granted.add('organizations.create').add('settlement.write');
  if (role === 'OPERATOR_ADMIN' && reseller) granted.add('devices.transfer');
  // merchants of record: an operator (a reseller for its own inventory) or a reseller's customer; a franchisee charges
  // through its brand unless its agreement says FRANCHISEE_COLLECTS, for which it manages a merchant account of its own (issue 12)
  if (role === 'OPERATOR_ADMIN' || role === 'CUSTOMER_ADMIN' || role === 'FRANCHISEE_ADMIN') granted.add('merchantAccounts.write');
  return PERMISSIONS.filter((p) => granted.has(p));
}
