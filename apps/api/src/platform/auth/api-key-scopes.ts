import type { Permission } from '../../modules/identity/permissions.js';

/**
 * What an API key's scopes open: the operator routes (as Fastify's route templates) and the permission code a call
 * needs — the first code for GET, the second for any other method (null: no writes through a key). First match
 * wins; a route under none of these (sign-in, `/v1/me`, API keys, webhook endpoints, the alert webhook, platform
 * routes) is never open to a key. A scope only narrows: the key's role, the route's roles and row-level security
 * still apply as for a login of the key's organisation.
 */
const RULES: readonly (readonly [prefix: string, read: Permission, write: Permission | null, exactPost?: Permission])[] = [
  ['/v1/overview', 'money.read', null],
  ['/v1/receivables', 'money.read', null],
  ['/v1/earnings', 'money.read', null],
  ['/v1/users', 'users.read', 'users.write'],
  ['/v1/audit-log', 'audit.read', null],
  ['/v1/organizations/:id/agreement', 'settlement.read', 'settlement.write'],
  ['/v1/organizations/:id/agreements', 'settlement.read', null],
  ['/v1/organizations/:id/payout-payee', 'settlement.read', 'profitSharing.write'],
  ['/v1/organizations/:id/adjustments', 'settlement.read', 'settlement.write'],
  ['/v1/organizations/:id/branding', 'organizations.read', 'organizations.write'],
  ['/v1/organizations', 'organizations.read', 'organizations.write', 'organizations.create'],
  ['/v1/sites', 'sites.read', 'sites.write'],
  ['/v1/devices/:id/transfer', 'devices.read', 'devices.transfer'],
  ['/v1/devices/:id/planogram', 'stock.read', 'stock.write'],
  ['/v1/devices/:id/stock', 'stock.read', 'stock.write'],
  ['/v1/devices/:id/restocks', 'stock.read', 'stock.write'],
  ['/v1/devices/:id/stock-counts', 'stock.read', 'stock.write'],
  ['/v1/devices/:id/inventory', 'devices.read', null],
  ['/v1/devices', 'devices.read', 'devices.write'],
  ['/v1/plans', 'plans.read', 'plans.write'],
  ['/v1/power-banks', 'devices.read', 'devices.write'],
  ['/v1/stock', 'stock.read', null],
  ['/v1/support', 'support.search', null],
  ['/v1/maintenance/settings', 'maintenance.read', 'alerts.write'],
  ['/v1/maintenance', 'maintenance.read', 'maintenance.write'],
  ['/v1/merchant-accounts/:id/application-pack', 'onboarding.read', 'onboarding.write'],
  ['/v1/merchant-accounts/:id/compliance', 'onboarding.read', null],
  ['/v1/merchant-accounts/:id/onboarding', 'onboarding.read', 'onboarding.write'],
  ['/v1/merchant-accounts/:id/evidence', 'onboarding.read', 'onboarding.write'],
  ['/v1/merchant-accounts/:id/acceptance-runs', 'onboarding.read', 'onboarding.write'],
  ['/v1/merchant-accounts', 'merchantAccounts.read', 'merchantAccounts.write'],
  ['/v1/payscore-services', 'merchantAccounts.read', null],
  ['/v1/sessions', 'sessions.read', 'sessions.act'],
  ['/v1/complaints', 'complaints.read', 'complaints.act'],
  ['/v1/alerts', 'alerts.read', 'alerts.write'],
  ['/v1/alert-rules', 'alerts.read', 'alerts.write'],
  ['/v1/agreements', 'settlement.read', null],
  ['/v1/statements', 'settlement.read', 'settlement.write'],
  ['/v1/payouts', 'settlement.read', 'settlement.write'],
  ['/v1/ledger', 'settlement.read', null],
  ['/v1/profit-sharing-orders', 'settlement.read', 'profitSharing.write'],
  ['/v1/reconciliations', 'reconciliations.read', 'reconciliations.write'],
];

/** The permission code an API key needs for this call, or null when no key may make it. */
export function scopeFor(method: string, routeTemplate: string): Permission | null {
  for (const [prefix, read, write, exactPost] of RULES) {
    if (routeTemplate !== prefix && !routeTemplate.startsWith(`${prefix}/`)) continue;
    if (method === 'GET' || method === 'HEAD') return read;
    if (exactPost && method === 'POST' && routeTemplate === prefix) return exactPost;
    return write;
  }
  return null;
}
