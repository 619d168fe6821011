// Registering simulated devices through the operator API (CSV import), for the simulator and the bench.
import { randomBytes } from 'node:crypto';
import type { DeviceType, SimDevice } from './sim.js';

/** The demo login (contracts.md §2) that operates each demo vertical. */
export const DEMO_LOGIN_BY_TYPE: Record<DeviceType, string> = {
  POWERBANK_CABINET: 'ops@powerbank.demo',
  FRIDGE: 'ops@fridge.demo',
  EV_CHARGER: 'c1@vendor.demo',
  WATER_VALVE: 'c2@vendor.demo',
};

export async function login(baseUrl: string, user: string, password = 'zizhu-demo'): Promise<string> {
  const response = await fetch(`${baseUrl}/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ login: user, password }) });
  if (!response.ok) throw new Error(`login ${user}: HTTP ${response.status} ${await response.text()}`);
  return ((await response.json()) as { accessToken: string }).accessToken;
}

export async function api<T>(baseUrl: string, token: string, method: string, path: string, body?: unknown): Promise<T> {
  const response = await fetch(`${baseUrl}${path}`, {
    method,
    headers: { authorization: `Bearer ${token}`, ...(body !== undefined ? { 'content-type': 'application/json' } : {}) },
    ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
  });
  const text = await response.text();
  if (!response.ok) throw new Error(`${method} ${path}: HTTP ${response.status} ${text.slice(0, 500)}`);
  return JSON.parse(text) as T;
}

/** Registers `count` devices of a type at a site (5,000 per CSV import) and returns them with their secrets. */
export async function provisionDevices(baseUrl: string, token: string, type: DeviceType, siteId: string, count: number, options: { heartbeatIntervalSeconds?: number } = {}): Promise<SimDevice[]> {
  const run = randomBytes(3).toString('hex');
  const devices: SimDevice[] = [];
  for (let offset = 0; offset < count; offset += 5000) {
    const n = Math.min(5000, count - offset);
    const rows = Array.from({ length: n }, (_, i) => {
      const code = `SIM-${type.slice(0, 2)}-${run}-${offset + i + 1}`;
      const slots = type === 'POWERBANK_CABINET' ? '8' : '';
      const connectors = type === 'EV_CHARGER' ? '2' : '';
      return `${code},${type},${siteId},${slots},${connectors},${options.heartbeatIntervalSeconds ?? ''}`;
    });
    const csv = ['code,type,siteId,slots,connectors,heartbeatIntervalSeconds', ...rows].join('\n');
    const result = await api<{ devices: { device: { id: string; code: string }; secret: string }[] }>(baseUrl, token, 'POST', '/v1/devices/import', { csv });
    devices.push(...result.devices.map((d) => ({ deviceId: d.device.id, code: d.device.code, secret: d.secret, type })));
  }
  return devices;
}

/**
 * Gives devices their current plan with `rental.freeMinutes` set to `minutes` (a new plan version), as the
 * demo login that runs power banks: with 0, a power bank returned after a few hundred milliseconds is
 * charged one started unit instead of nothing (the demo plan has 5 free minutes); 5 puts the demo's back.
 * Devices whose plan has no rental part are left alone. Answers the codes it changed.
 */
export async function setRentalFreeMinutes(baseUrl: string, devices: readonly SimDevice[], minutes: number): Promise<string[]> {
  if (!Number.isInteger(minutes) || minutes < 0) throw new Error(`--free-minutes must be an integer >= 0, got ${minutes}`);
  const cabinets = devices.filter((d) => d.type === 'POWERBANK_CABINET');
  if (cabinets.length === 0) return [];
  const token = await login(baseUrl, DEMO_LOGIN_BY_TYPE.POWERBANK_CABINET);
  const changed: string[] = [];
  for (const cabinet of cabinets) {
    const detail = await api<{ plan: { plan: { rental?: Record<string, unknown> } } | null }>(baseUrl, token, 'GET', `/v1/devices/${cabinet.deviceId}`);
    const plan = detail.plan?.plan;
    if (!plan?.rental) continue;
    if (plan.rental['freeMinutes'] === minutes) {
      changed.push(cabinet.code);
      continue;
    }
    await api(baseUrl, token, 'PUT', `/v1/devices/${cabinet.deviceId}/plan`, { plan: { ...plan, rental: { ...plan.rental, freeMinutes: minutes } } });
    changed.push(cabinet.code);
  }
  return changed;
}
