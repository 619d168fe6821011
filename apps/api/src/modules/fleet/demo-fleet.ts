import { chmodSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { EntityManager } from 'typeorm';
import type { AppConfig } from '../../config/app-config.js';
import { DEMO_APPID, DEMO_DEVICES, DEMO_ORGS, DEMO_PLANS, DEMO_SITES } from '../demo/demo-data.js';
import type { DeviceSecretBox } from './device-secrets.js';
import { insertDevices } from './devices.service.js';
import { SiteEntity } from './fleet.entities.js';
import { checkPlan, createPlan } from './pricing-plans.js';

/** One entry of DATA_DIR/demo-devices.json (contracts.md §1). */
export interface DemoDeviceEntry {
  deviceId: string;
  code: string;
  secret: string;
  type: string;
  organization: string;
  appid: string;
  plan: Record<string, unknown>;
}

/** Seeds the demo sites, plans and devices (fixed ids and codes, fresh secrets) in the seed's transaction. */
export async function seedDemoFleet(m: EntityManager, box: DeviceSecretBox): Promise<DemoDeviceEntry[]> {
  for (const site of Object.values(DEMO_SITES)) {
    const { org, ...fields } = site;
    await m.insert(SiteEntity, { ...fields, tenantId: DEMO_ORGS[org].id });
  }
  const entries: DemoDeviceEntry[] = [];
  for (const spec of DEMO_DEVICES) {
    const tenantId = DEMO_ORGS[DEMO_SITES[spec.site].org].id;
    const plan = checkPlan(structuredClone(DEMO_PLANS[spec.plan]) as unknown as Record<string, unknown>);
    const created = await createPlan(m, tenantId, `${spec.code} 价格`, plan);
    const [device] = await insertDevices(m, box, [
      {
        id: spec.id,
        tenantId,
        siteId: DEMO_SITES[spec.site].id,
        code: spec.code,
        type: spec.type,
        name: spec.name,
        slots: 'slots' in spec ? spec.slots : undefined,
        connectors: 'connectors' in spec ? spec.connectors : undefined,
        planId: created.id,
        payscoreServiceId: spec.payscoreServiceId,
      },
    ]);
    entries.push({ deviceId: spec.id, code: spec.code, secret: device!.secret, type: spec.type, organization: tenantId, appid: DEMO_APPID, plan });
  }
  return entries;
}

/**
 * Where demo-devices.json goes: the embedded database's DATA_DIR, or DATA_DIR beside a server database.
 * Never for an in-memory database, nor for a test run against a server (it would overwrite a developer's file).
 */
export function demoDevicesFile(config: AppConfig): string | null {
  if (config.database.kind === 'embedded') return config.database.dataDir ? join(config.database.dataDir, 'demo-devices.json') : null;
  return config.env === 'test' ? null : join(config.dataDir, 'demo-devices.json');
}

export function writeDemoDevicesFile(file: string, entries: readonly DemoDeviceEntry[]): void {
  mkdirSync(join(file, '..'), { recursive: true, mode: 0o700 }); // beside a server database DATA_DIR may not exist yet
  writeFileSync(file, `${JSON.stringify(entries, null, 2)}\n`, { mode: 0o600 });
  chmodSync(file, 0o600); // (the mode above applies only to a new file; this one holds device secrets)
}
