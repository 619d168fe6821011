import { randomBytes } from 'node:crypto';
import { DeviceClient } from '@zizhu/device-sdk';
import { baseUrl } from './fixtures';

type DeviceType = 'FRIDGE' | 'POWERBANK_CABINET' | 'EV_CHARGER' | 'WATER_VALVE';

/** The demo sites (apps/api/src/modules/demo/demo-data.ts) new devices are registered at. */
export const DEMO_SITES = {
  powerbankStation: '00000000-0000-4000-8000-000000000101',
  /** franchisee 1's site (FR-0001's) */
  fridgeWestLake: '00000000-0000-4000-8000-000000000121',
} as const;

/** The demo devices' fixed ids. */
export const DEMO_DEVICE_IDS = {
  'FR-0001': '00000000-0000-4000-8000-000000000221',
} as const;

export interface OwnDevice {
  readonly deviceId: string;
  readonly code: string;
  /** Signed device API calls as this device (contracts.md §4), through @zizhu/device-sdk. */
  readonly client: DeviceClient;
}

/**
 * A device of the test's own, registered through the operator API's CSV import (as fleet-sim registers its extra
 * devices), and NOT played by the fleet-sim global-setup started: the test is the device, so what it reports is the
 * only thing the API hears from it. A power-bank cabinet gets 8 slots.
 */
export async function registerDevice(token: string, type: DeviceType, siteId: string): Promise<OwnDevice> {
  const code = `E2E-${type.slice(0, 2)}-${randomBytes(3).toString('hex')}`;
  const csv = `code,type,siteId,slots\n${code},${type},${siteId},${type === 'POWERBANK_CABINET' ? '8' : ''}`;
  const response = await fetch(`${baseUrl()}/v1/devices/import`, { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: JSON.stringify({ csv }) });
  if (!response.ok) throw new Error(`import of ${code}: HTTP ${response.status} ${await response.text()}`);
  const [device] = ((await response.json()) as { devices: { device: { id: string; code: string }; secret: string }[] }).devices;
  if (!device) throw new Error(`no ${type} registered`);
  return { deviceId: device.device.id, code: device.device.code, client: new DeviceClient({ baseUrl: baseUrl(), deviceId: device.device.id, secret: device.secret }) };
}

/** Gives `toDeviceId` the current plan of `fromDeviceId` (a new plan version), through the operator API. */
export async function copyPlan(token: string, fromDeviceId: string, toDeviceId: string): Promise<void> {
  const headers = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
  const from = (await (await fetch(`${baseUrl()}/v1/devices/${fromDeviceId}`, { headers })).json()) as { plan: { plan: unknown } | null };
  if (!from.plan) throw new Error(`${fromDeviceId} has no plan`);
  const put = await fetch(`${baseUrl()}/v1/devices/${toDeviceId}/plan`, { method: 'PUT', headers, body: JSON.stringify({ plan: from.plan.plan }) });
  if (!put.ok) throw new Error(`plan of ${toDeviceId}: HTTP ${put.status} ${await put.text()}`);
}
