import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { DEMO_DEVICES, DEMO_MERCHANTS, DEMO_ORGS, DEMO_SITES } from '../src/modules/demo/demo-data.js';
import { systemQuery } from './fleet-support.js';
import { createTestApp, type TestApp } from './support/test-app.js';

const O = DEMO_ORGS;
const S = DEMO_SITES;
const deviceId = (code: string) => DEMO_DEVICES.find((d) => d.code === code)!.id;

interface Listed {
  items: { id: string; code: string; type: string; organizationId: string; siteId: string; online: boolean }[];
  total: number;
}

describe('fleet: sites, devices and provisioning for operators', () => {
  let t: TestApp;
  const tokens: Record<string, string> = {};
  const as = (login: string) => ({ token: tokens[login]! });

  beforeAll(async () => {
    t = await createTestApp();
    for (const login of ['admin@zizhu.demo', 'ops@powerbank.demo', 'ops@fridge.demo', 'f1@fridge.demo', 'f2@fridge.demo', 'ops@vendor.demo', 'c1@vendor.demo', 'c2@vendor.demo']) {
      tokens[login] = await t.login(login);
    }
  });
  afterAll(() => t.close());

  const codesOf = async (login: string, query = '') =>
    ((await t.http('GET', `/v1/devices${query}`, as(login))).json() as Listed).items.map((i) => i.code).sort();

  it('seeds a demo fleet with every device type, each owned by the organisation that runs it', async () => {
    const all = (await t.http('GET', '/v1/devices?limit=1000', as('admin@zizhu.demo'))).json() as Listed;
    const demo = all.items.filter((d) => DEMO_DEVICES.some((x) => x.id === d.id));
    expect(new Set(demo.map((d) => d.type))).toEqual(new Set(['FRIDGE', 'POWERBANK_CABINET', 'EV_CHARGER', 'WATER_VALVE']));
    expect(demo.find((d) => d.code === 'FR-0001')).toMatchObject({ organizationId: O.fridgeF1.id, siteId: S.fridgeWestLake.id });
    expect(demo.find((d) => d.code === 'EV-0001')).toMatchObject({ organizationId: O.vendorC1.id });
    const fridge = (await t.http('GET', `/v1/devices/${deviceId('FR-0001')}`, as('ops@fridge.demo'))).json() as { plan: { version: number; plan: { items: { catalog: unknown[] } } } };
    expect(fridge.plan.version).toBe(1);
    expect(fridge.plan.plan.items.catalog.length).toBeGreaterThanOrEqual(2);
  });

  it('shows each organisation its own fleet: franchise brands their franchisees’, resellers their customers’', async () => {
    expect(await codesOf('ops@powerbank.demo')).toEqual(['PB-0001']);
    expect(await codesOf('ops@fridge.demo')).toEqual(['FR-0001', 'FR-0002']);
    expect(await codesOf('f1@fridge.demo')).toEqual(['FR-0001']);
    expect(await codesOf('ops@vendor.demo')).toEqual(['EV-0001', 'WV-0001']);
    expect(await codesOf('c2@vendor.demo')).toEqual(['WV-0001']);
    expect(await codesOf('ops@fridge.demo', `?siteId=${S.fridgeBinjiang.id}`)).toEqual(['FR-0002']);
    expect(await codesOf('ops@vendor.demo', '?type=EV_CHARGER')).toEqual(['EV-0001']);
    expect(await codesOf('ops@vendor.demo', '?online=true')).toEqual([]);
    expect(await codesOf('ops@fridge.demo', `?organizationId=${O.fridgeF2.id}`)).toEqual(['FR-0002']);
    const sites = ((await t.http('GET', '/v1/sites', as('ops@vendor.demo'))).json() as { items: { id: string }[] }).items;
    expect(sites.map((s) => s.id).sort()).toEqual([S.chargingEast.id, S.waterCampus.id].sort());
  });

  it('answers 404 for another tenant’s device, by id, by code, for commands and secrets', async () => {
    for (const [login, code] of [
      ['f1@fridge.demo', 'FR-0002'],
      ['f2@fridge.demo', 'FR-0001'],
      ['c1@vendor.demo', 'WV-0001'],
      ['ops@powerbank.demo', 'FR-0001'],
      ['ops@fridge.demo', 'EV-0001'],
    ] as const) {
      const id = deviceId(code);
      const results = [
        await t.http('GET', `/v1/devices/${id}`, as(login)),
        await t.http('GET', `/v1/devices/by-code/${code}`, as(login)),
        await t.http('POST', `/v1/devices/${id}/commands`, { ...as(login), body: { type: 'REBOOT' } }),
        await t.http('POST', `/v1/devices/${id}/secret/rotate`, as(login)),
        await t.http('POST', `/v1/devices/${id}/secret/revoke`, as(login)),
      ].map((r) => `${r.statusCode} ${(r.json() as { code: string }).code}`);
      expect({ login, code, results }).toEqual({ login, code, results: Array(5).fill('404 DEVICE_NOT_FOUND') });
    }
    // registering at another tenant's site is as invisible
    const elsewhere = await t.http('POST', '/v1/devices', { ...as('f1@fridge.demo'), body: { siteId: S.fridgeBinjiang.id, code: 'FR-X1', type: 'FRIDGE' } });
    expect(elsewhere.json()).toMatchObject({ status: 404, code: 'SITE_NOT_FOUND' });
    expect((await t.http('GET', `/v1/devices/by-code/FR-0001`, as('f1@fridge.demo'))).json()).toMatchObject({ id: deviceId('FR-0001') });
  });

  it('lets a reseller watch its customers’ devices but not operate them; the customer’s command is audited', async () => {
    const ev = deviceId('EV-0001');
    expect((await t.http('GET', `/v1/devices/${ev}`, as('ops@vendor.demo'))).statusCode).toBe(200);
    // to write, a device the reseller only watches is not found (fleet-reseller.e2e-spec.ts probes every write)
    const reseller = await t.http('POST', `/v1/devices/${ev}/commands`, { ...as('ops@vendor.demo'), body: { type: 'START_CHARGING', params: { connector: 1 } } });
    expect(reseller.json()).toMatchObject({ status: 404, code: 'DEVICE_NOT_FOUND' });
    const customer = await t.http('POST', `/v1/devices/${ev}/commands`, {
      ...as('c1@vendor.demo'),
      body: { type: 'START_CHARGING', params: { connector: 1 } },
      headers: { 'x-request-id': 'cmd-audit-1' },
    });
    expect(customer.statusCode).toBe(201);
    const command = customer.json() as { id: string; state: string };
    expect(command.state).toBe('QUEUED');
    expect((await t.http('GET', `/v1/devices/${ev}/commands/${command.id}`, as('c1@vendor.demo'))).json()).toMatchObject({ id: command.id, type: 'START_CHARGING' });
    const log = (await t.http('GET', '/v1/audit-log', as('c1@vendor.demo'))).json() as { items: Record<string, unknown>[] };
    expect(log.items[0]).toMatchObject({ action: 'device.command', resourceId: ev, requestId: 'cmd-audit-1', after: expect.objectContaining({ commandId: command.id, type: 'START_CHARGING' }) });
    // a franchise brand operates its franchisees' fridges
    expect((await t.http('POST', `/v1/devices/${deviceId('FR-0001')}/commands`, { ...as('ops@fridge.demo'), body: { type: 'UNLOCK' } })).statusCode).toBe(201);
  });

  it('registers a device with its plan and returns the secret once, kept only encrypted', async () => {
    const plan = { rental: { unitFen: 200, unitMinutes: 30, freeMinutes: 0, freeMode: 'grace', dayBoundary: 'rolling-24h' }, totalCapFen: 5000 };
    const response = await t.http('POST', '/v1/devices', {
      ...as('ops@fridge.demo'),
      body: { siteId: S.fridgeWestLake.id, code: 'FR-0100', type: 'FRIDGE', name: '新冰柜', plan: { items: { catalog: [{ sku: 'a', name: 'A', priceFen: 100 }] }, totalCapFen: 1000 }, payscoreServiceId: DEMO_MERCHANTS.fridge.services[0].serviceId },
    });
    expect(response.statusCode).toBe(201);
    const { device, secret } = response.json() as { device: { id: string; organizationId: string; payscoreServiceId: string }; secret: string };
    expect(device).toMatchObject({ organizationId: O.fridgeF1.id, payscoreServiceId: DEMO_MERCHANTS.fridge.services[0].serviceId });
    expect(secret).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const [stored] = await systemQuery<{ secret_ciphertext: string }>(t, `SELECT secret_ciphertext FROM devices WHERE id = $1`, [device.id]);
    expect(stored!.secret_ciphertext).toMatch(/^v1\./);
    expect(stored!.secret_ciphertext).not.toContain(secret);
    const detail = (await t.http('GET', `/v1/devices/${device.id}`, as('f1@fridge.demo'))).json() as Record<string, unknown>;
    expect(JSON.stringify(detail)).not.toContain(secret);
    expect(detail).not.toHaveProperty('secretCiphertext');

    // the plan is versioned: a new plan is the next version, the old one stays as it was
    const v2 = await t.http('PUT', `/v1/devices/${device.id}/plan`, { ...as('f1@fridge.demo'), body: { plan } });
    expect(v2.statusCode).toBe(200);
    expect(v2.json()).toMatchObject({ version: 2, plan });
    const versions = await systemQuery<{ version: number; plan: unknown }>(t, `SELECT v.version, v.plan FROM pricing_plan_versions v JOIN devices d ON d.plan_id = v.plan_id WHERE d.id = $1 ORDER BY v.version`, [device.id]);
    expect(versions.map((v) => v.version)).toEqual([1, 2]);
    expect(versions[0]!.plan).toMatchObject({ totalCapFen: 1000 });
    await expect(systemQuery(t, `UPDATE pricing_plan_versions SET plan = '{}' WHERE version = 1`)).rejects.toThrow(/permission denied|immutable/); // no UPDATE grant, and a trigger for roles that have one

    // input errors name the fields
    const badPlan = await t.http('POST', '/v1/devices', { ...as('ops@fridge.demo'), body: { siteId: S.fridgeWestLake.id, code: 'FR-0101', type: 'FRIDGE', plan: { rental: { unitFen: -1 } } } });
    expect(badPlan.json()).toMatchObject({ status: 400, code: 'DEVICE_PLAN_INVALID' });
    expect((badPlan.json() as { errors: { field: string }[] }).errors.map((e) => e.field)).toContain('plan.rental.unitFen');
    const noSlots = await t.http('POST', '/v1/devices', { ...as('ops@powerbank.demo'), body: { siteId: S.powerbankStation.id, code: 'PB-0101', type: 'POWERBANK_CABINET' } });
    expect(noSlots.json()).toMatchObject({ status: 400, code: 'DEVICE_INVALID' });
    const taken = await t.http('POST', '/v1/devices', { ...as('ops@powerbank.demo'), body: { siteId: S.powerbankStation.id, code: 'FR-0001', type: 'POWERBANK_CABINET', slots: 4 } });
    expect(taken.json()).toMatchObject({ status: 409, code: 'DEVICE_CODE_TAKEN' });
    const badInput = await t.http('POST', '/v1/devices', { ...as('ops@powerbank.demo'), body: { siteId: 'nope', code: '!', type: 'TOASTER', extra: 1 } });
    expect((badInput.json() as { errors: { field: string }[] }).errors.map((e) => e.field).sort()).toEqual(['code', 'extra', 'siteId', 'type']);
    // staff of the franchisee's brand cannot be tricked into a read-only bypass: franchisee admins write only their own
    const site = await t.http('POST', '/v1/sites', { ...as('f2@fridge.demo'), body: { organizationId: O.fridgeF1.id, name: 'x', address: 'y', city: 'z' } });
    expect(site.json()).toMatchObject({ status: 404, code: 'SITE_NOT_FOUND' });
  });

  it('imports a CSV batch all or nothing, listing every bad row', async () => {
    // a franchise brand imports into its franchisees' sites (a reseller only into its own: fleet-reseller.e2e-spec.ts)
    const good = [
      'code,type,siteId,name,slots,connectors,heartbeatIntervalSeconds',
      `FR-0300,FRIDGE,${S.fridgeWestLake.id},冰柜 A,,,30`,
      `FR-0301,FRIDGE,${S.fridgeWestLake.id},冰柜 B,,,30`,
      `FR-0302,FRIDGE,${S.fridgeBinjiang.id},冰柜 C,,,`,
    ].join('\n');
    const plan = { items: { catalog: [{ sku: 'cola-330', name: '可乐 330ml', priceFen: 350 }] }, totalCapFen: 2000 };
    const bad = [
      'code,type,siteId,slots',
      `PB-0200,POWERBANK_CABINET,${S.fridgeWestLake.id},`,
      `PB-0201,TOASTER,${S.fridgeWestLake.id},4`,
      `PB-0202,POWERBANK_CABINET,00000000-0000-4000-8000-00000000beef,4`,
      `PB-0203,POWERBANK_CABINET,${S.fridgeWestLake.id},4`,
      `PB-0203,POWERBANK_CABINET,${S.fridgeWestLake.id},4`,
    ].join('\n');
    const refused = await t.http('POST', '/v1/devices/import', { ...as('ops@fridge.demo'), body: { csv: bad } });
    expect(refused.json()).toMatchObject({ status: 422, code: 'DEVICE_IMPORT_INVALID' });
    expect((refused.json() as { errors: { field: string }[] }).errors.map((e) => e.field)).toEqual(['line 2', 'line 3', 'line 4', 'line 6']);
    expect((refused.json() as { rows: unknown[] }).rows).toEqual([
      { row: 2, field: 'slots', message: 'is required for a POWERBANK_CABINET' },
      { row: 3, field: 'type', message: expect.stringContaining('must be one of') },
      { row: 4, field: 'siteId', message: 'no such site' },
      { row: 6, field: 'code', message: 'repeated in the file (first on line 5)' },
    ]);
    const fleetBefore = await codesOf('ops@fridge.demo');
    expect(fleetBefore).not.toContain('PB-0203');

    const imported = await t.http('POST', '/v1/devices/import', { ...as('ops@fridge.demo'), body: { csv: good, plan } });
    expect(imported.statusCode).toBe(201);
    const devices = (imported.json() as { devices: { device: { code: string; organizationId: string; heartbeatIntervalSeconds: number; planId: string }; secret: string }[] }).devices;
    expect(devices.map((d) => [d.device.code, d.device.organizationId, d.device.heartbeatIntervalSeconds])).toEqual([
      ['FR-0300', O.fridgeF1.id, 30],
      ['FR-0301', O.fridgeF1.id, 30],
      ['FR-0302', O.fridgeF2.id, 60],
    ]);
    expect(new Set(devices.map((d) => d.secret)).size).toBe(3);
    // one plan per owning organisation, never shared across tenants
    expect(devices[0]!.device.planId).toBe(devices[1]!.device.planId);
    expect(devices[2]!.device.planId).not.toBe(devices[0]!.device.planId);
    expect(await codesOf('f2@fridge.demo')).toEqual(['FR-0002', 'FR-0302']);
    expect(await codesOf('ops@fridge.demo')).toEqual([...fleetBefore, 'FR-0300', 'FR-0301', 'FR-0302'].sort());
    const again = await t.http('POST', '/v1/devices/import', { ...as('ops@fridge.demo'), body: { csv: good } });
    expect(again.json()).toMatchObject({ status: 422, code: 'DEVICE_IMPORT_INVALID' });
    expect((again.json() as { rows: { row: number; field: string; message: string }[] }).rows).toEqual(
      [2, 3, 4].map((row) => ({ row, field: 'code', message: 'already registered' })),
    );
  });
});
