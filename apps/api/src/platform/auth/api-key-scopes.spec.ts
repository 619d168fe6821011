import { describe, expect, it } from '@jest/globals';
import { scopeFor } from './api-key-scopes.js';

describe('API key scopes: the code a call needs', () => {
  it('reads need the area’s read code, other methods its write code; the most specific route wins', () => {
    expect(scopeFor('GET', '/v1/devices')).toBe('devices.read');
    expect(scopeFor('GET', '/v1/devices/:id/telemetry')).toBe('devices.read');
    expect(scopeFor('POST', '/v1/devices/:id/commands')).toBe('devices.write');
    expect(scopeFor('POST', '/v1/devices/:id/transfer')).toBe('devices.transfer');
    expect(scopeFor('POST', '/v1/sessions/:id/refunds')).toBe('sessions.act');
    expect(scopeFor('PUT', '/v1/organizations/:id/agreement')).toBe('settlement.write');
    expect(scopeFor('POST', '/v1/organizations')).toBe('organizations.create');
    expect(scopeFor('PATCH', '/v1/organizations/:id')).toBe('organizations.write');
    expect(scopeFor('GET', '/v1/merchant-accounts/:id/onboarding')).toBe('onboarding.read');
  });

  it('opens the fridge stock, power-bank, support and maintenance routes to their own codes, not to devices.write', () => {
    expect(scopeFor('GET', '/v1/devices/:id/planogram')).toBe('stock.read');
    expect(scopeFor('PUT', '/v1/devices/:id/planogram')).toBe('stock.write');
    expect(scopeFor('GET', '/v1/devices/:id/stock')).toBe('stock.read');
    expect(scopeFor('GET', '/v1/devices/:id/stock/movements')).toBe('stock.read');
    expect(scopeFor('POST', '/v1/devices/:id/restocks')).toBe('stock.write');
    expect(scopeFor('GET', '/v1/devices/:id/restocks')).toBe('stock.read');
    expect(scopeFor('POST', '/v1/devices/:id/stock-counts')).toBe('stock.write');
    expect(scopeFor('GET', '/v1/devices/:id/stock-counts')).toBe('stock.read');
    expect(scopeFor('GET', '/v1/stock/below-par')).toBe('stock.read');
    expect(scopeFor('GET', '/v1/devices/:id/inventory')).toBe('devices.read');
    expect(scopeFor('POST', '/v1/devices/:id/inventory')).toBeNull();
    expect(scopeFor('GET', '/v1/power-banks')).toBe('devices.read');
    expect(scopeFor('POST', '/v1/power-banks/:id/clear-flag')).toBe('devices.write');
    expect(scopeFor('GET', '/v1/support/lookup')).toBe('support.search');
    expect(scopeFor('POST', '/v1/support/lookup')).toBeNull();
    expect(scopeFor('GET', '/v1/maintenance/tickets')).toBe('maintenance.read');
    expect(scopeFor('POST', '/v1/maintenance/tickets/:id/transitions')).toBe('maintenance.write');
    expect(scopeFor('PATCH', '/v1/maintenance/tickets/:id')).toBe('maintenance.write');
    expect(scopeFor('GET', '/v1/maintenance/settings')).toBe('maintenance.read');
    expect(scopeFor('PUT', '/v1/maintenance/settings')).toBe('alerts.write');
    // the other device routes keep their codes
    expect(scopeFor('PATCH', '/v1/devices/:id')).toBe('devices.write');
    expect(scopeFor('GET', '/v1/devices/:id/stockx')).toBe('devices.read');
  });

  it('is closed for what a key may never call, and for routes that only share a prefix', () => {
    for (const route of ['/v1/me', '/v1/auth/login', '/v1/api-keys', '/v1/api-keys/:id', '/v1/webhook-endpoints', '/v1/webhook-deliveries', '/v1/alert-webhooks', '/v1/unknown']) {
      expect([route, scopeFor('GET', route)]).toEqual([route, null]);
    }
    expect(scopeFor('GET', '/v1/devicesx')).toBeNull();
    expect(scopeFor('DELETE', '/v1/audit-log')).toBeNull();
  });
});
