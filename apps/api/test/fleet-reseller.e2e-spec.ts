import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { DEMO_DEVICES, DEMO_MERCHANTS, DEMO_ORGS, DEMO_SITES } from '../src/modules/demo/demo-data.js';
import { HeartbeatBuffer } from '../src/modules/device-api/heartbeat-buffer.service.js';
import { deviceRequest, systemQuery } from './fleet-support.js';
import { createTestApp, type TestApp } from './support/test-app.js';

const O = DEMO_ORGS;
const S = DEMO_SITES;
const deviceId = (code: string) => DEMO_DEVICES.find((d) => d.code === code)!.id;
const C1_SERVICE = DEMO_MERCHANTS.vendorC1.services[0].serviceId;
const zone = 'Asia/Shanghai';
/** The price a reseller set on its customer's charger in the attack: 5,000 fen per kWh. */
const RAISED = { timezone: zone, energy: { bands: [{ from: '00:00', to: '24:00', energyFenPerKwh: 5000, serviceFenPerKwh: 0 }] }, totalCapFen: 30000 };
const SITE = { name: '仓库', address: '浙江省杭州市余杭区', city: '杭州' };

interface Detail {
  organizationId: string;
  firmware: string | null;
  online: boolean;
  telemetry: Record<string, unknown> | null;
  plan: unknown;
  commands: { id: string; type: string; sessionId: string | null }[];
  events: { type: string; sessionId: string | null }[];
  timeline: { type: string }[];
}

const statusAndCode = (r: { statusCode: number; json(): unknown }) => `${r.statusCode} ${(r.json() as { code?: string }).code ?? ''}`.trim();

describe('a hardware reseller watches its customers’ fleet but operates only its own inventory (issue 10, security 1 and 2)', () => {
  let t: TestApp;
  const tokens: Record<string, string> = {};
  const as = (login: string) => ({ token: tokens[login]! });

  beforeAll(async () => {
    t = await createTestApp();
    for (const login of ['ops@vendor.demo', 'c1@vendor.demo', 'c2@vendor.demo', 'ops@fridge.demo', 'f1@fridge.demo']) tokens[login] = await t.login(login);
  });
  afterAll(() => t.close());

  /** Everything a write to the fleet could change, read behind the API. */
  const fleetState = async () => ({
    devices: await systemQuery(
      t,
      `SELECT d.code, d.tenant_id, d.site_id, d.plan_id, d.payscore_service_id, d.secret_ciphertext, d.secret_version, d.revoked_at, p.current_version
         FROM devices d LEFT JOIN pricing_plans p ON p.id = d.plan_id ORDER BY d.code`,
    ),
    sites: await systemQuery(t, `SELECT id, tenant_id FROM sites ORDER BY id`),
    planVersions: await systemQuery(t, `SELECT plan_id, version FROM pricing_plan_versions ORDER BY plan_id, version`),
    commands: await systemQuery(t, `SELECT id FROM device_commands ORDER BY id`),
  });

  it('refuses every write of the reseller to its customer’s device or site and leaves the database unchanged; the customer’s own writes succeed', async () => {
    const ev = deviceId('EV-0001');
    const before = await fleetState();
    const attacks = {
      plan: await t.http('PUT', `/v1/devices/${ev}/plan`, { ...as('ops@vendor.demo'), body: { plan: RAISED } }),
      rotate: await t.http('POST', `/v1/devices/${ev}/secret/rotate`, as('ops@vendor.demo')),
      revoke: await t.http('POST', `/v1/devices/${ev}/secret/revoke`, as('ops@vendor.demo')),
      command: await t.http('POST', `/v1/devices/${ev}/commands`, { ...as('ops@vendor.demo'), body: { type: 'START_CHARGING', params: { connector: 1 } } }),
      bind: await t.http('POST', `/v1/devices/${ev}/payscore-service`, { ...as('ops@vendor.demo'), body: { serviceId: C1_SERVICE } }),
      register: await t.http('POST', '/v1/devices', {
        ...as('ops@vendor.demo'),
        body: { siteId: S.chargingEast.id, code: 'EV-EVIL', type: 'EV_CHARGER', connectors: 1, payscoreServiceId: C1_SERVICE, plan: RAISED },
      }),
      import: await t.http('POST', '/v1/devices/import', {
        ...as('ops@vendor.demo'),
        body: { csv: `code,type,siteId,connectors,payscoreServiceId\nEV-EVIL2,EV_CHARGER,${S.chargingEast.id},1,${C1_SERVICE}`, plan: RAISED },
      }),
      site: await t.http('POST', '/v1/sites', { ...as('ops@vendor.demo'), body: { organizationId: O.vendorC1.id, ...SITE } }),
    };
    expect(Object.fromEntries(Object.entries(attacks).map(([k, r]) => [k, statusAndCode(r)]))).toEqual({
      plan: '404 DEVICE_NOT_FOUND',
      rotate: '404 DEVICE_NOT_FOUND',
      revoke: '404 DEVICE_NOT_FOUND',
      command: '404 DEVICE_NOT_FOUND',
      bind: '404 DEVICE_NOT_FOUND',
      register: '404 SITE_NOT_FOUND',
      import: '422 DEVICE_IMPORT_INVALID',
      site: '404 SITE_NOT_FOUND',
    });
    expect((attacks.import.json() as { errors: { field: string; messages: string[] }[] }).errors).toEqual([{ field: 'line 2', messages: ['siteId: no such site'] }]);
    expect(await fleetState()).toEqual(before);
    // the reseller still watches the charger
    expect((await t.http('GET', `/v1/devices/${ev}`, as('ops@vendor.demo'))).statusCode).toBe(200);

    // the same operations by the customer, the charger's merchant of record
    const plan = await t.http('PUT', `/v1/devices/${ev}/plan`, { ...as('c1@vendor.demo'), body: { plan: RAISED } });
    expect(plan.json()).toMatchObject({ version: 2, plan: RAISED });
    expect((await t.http('POST', `/v1/devices/${ev}/secret/revoke`, as('c1@vendor.demo'))).json()).toMatchObject({ id: ev, revokedAt: expect.any(String) });
    expect((await t.http('POST', `/v1/devices/${ev}/secret/rotate`, as('c1@vendor.demo'))).json()).toMatchObject({ deviceId: ev, secretVersion: 2 });
    expect((await t.http('POST', `/v1/devices/${ev}/commands`, { ...as('c1@vendor.demo'), body: { type: 'REBOOT' } })).statusCode).toBe(201);
    expect((await t.http('POST', `/v1/devices/${ev}/payscore-service`, { ...as('c1@vendor.demo'), body: { serviceId: C1_SERVICE } })).statusCode).toBe(200);
    const registered = await t.http('POST', '/v1/devices', {
      ...as('c1@vendor.demo'),
      body: { siteId: S.chargingEast.id, code: 'EV-C1-0002', type: 'EV_CHARGER', connectors: 1, payscoreServiceId: C1_SERVICE, plan: RAISED },
    });
    expect(registered.json()).toMatchObject({ device: { organizationId: O.vendorC1.id } });
    const site = await t.http('POST', '/v1/sites', { ...as('c1@vendor.demo'), body: SITE });
    expect(site.json()).toMatchObject({ organizationId: O.vendorC1.id });
    // a franchise brand still operates its franchisees' fleet: that is the brand's network, not a sale
    expect((await t.http('PUT', `/v1/devices/${deviceId('FR-0002')}/plan`, { ...as('ops@fridge.demo'), body: { plan: { timezone: zone, items: { catalog: [{ sku: 'a', name: 'A', priceFen: 100 }] }, totalCapFen: 1000 } } })).statusCode).toBe(200);
    expect((await t.http('POST', '/v1/sites', { ...as('ops@fridge.demo'), body: { organizationId: O.fridgeF2.id, ...SITE } })).statusCode).toBe(201);
  });

  it('shows the reseller a customer device’s health only, never its sessions: not in the detail, the command route, the list or the audit log', async () => {
    const wv = deviceId('WV-0001');
    const sessionId = 'sess-probe-0001';
    const secret = ((await t.http('POST', `/v1/devices/${wv}/secret/rotate`, as('c2@vendor.demo'))).json() as { secret: string }).secret;
    const device = { id: wv, secret };
    const at = new Date().toISOString();
    expect((await deviceRequest(t, device, 'POST', '/device/v1/heartbeat', { firmware: 'wv-2.0.1', flowRate: 0 })).statusCode).toBe(200);
    await t.app.get(HeartbeatBuffer).flush();
    for (const event of [
      { eventId: 'fault-1', type: 'device.fault', occurredAt: at, code: 'E42' },
      { eventId: 'valve-1', type: 'valve.closed', sessionId, occurredAt: at, volumeMillilitres: 1200 },
      { eventId: 'end-1', type: 'session.ended', sessionId, occurredAt: at, usage: { volumeMillilitres: 1200 } },
    ]) {
      expect((await deviceRequest(t, device, 'POST', '/device/v1/events', event)).statusCode).toBe(200);
    }
    const start = (await t.http('POST', `/v1/devices/${wv}/commands`, { ...as('c2@vendor.demo'), body: { type: 'OPEN_VALVE', sessionId } })).json() as { id: string };
    const reboot = (await t.http('POST', `/v1/devices/${wv}/commands`, { ...as('c2@vendor.demo'), body: { type: 'REBOOT' } })).json() as { id: string };

    // the customer sees it all
    const mine = (await t.http('GET', `/v1/devices/${wv}`, as('c2@vendor.demo'))).json() as Detail;
    expect(mine.events.map((e) => e.type)).toEqual(expect.arrayContaining(['session.ended', 'valve.closed', 'device.fault', 'device.online']));
    expect(mine.commands.map((c) => [c.type, c.sessionId])).toEqual(expect.arrayContaining([['OPEN_VALVE', sessionId], ['REBOOT', null]]));
    expect(mine.plan).not.toBeNull();
    expect((await t.http('GET', `/v1/devices/${wv}/commands/${start.id}`, as('c2@vendor.demo'))).statusCode).toBe(200);

    // the reseller: status, heartbeat, firmware, telemetry, faults and maintenance commands
    const watched = await t.http('GET', `/v1/devices/${wv}`, as('ops@vendor.demo'));
    const health = watched.json() as Detail;
    expect(health).toMatchObject({ organizationId: O.vendorC2.id, firmware: 'wv-2.0.1', online: true, telemetry: { flowRate: 0 }, plan: null });
    expect(health.events.map((e) => e.type).sort()).toEqual(['device.fault', 'device.online']);
    expect(health.commands.map((c) => c.id)).toEqual([reboot.id]);
    expect(health.timeline.map((e) => e.type).sort()).toEqual(['REBOOT', 'device.fault', 'device.online']);
    for (const leaked of [sessionId, 'session.ended', 'valve.closed', 'volumeMillilitres', 'OPEN_VALVE']) expect(watched.body).not.toContain(leaked);
    expect(statusAndCode(await t.http('GET', `/v1/devices/${wv}/commands/${start.id}`, as('ops@vendor.demo')))).toBe('404 DEVICE_COMMAND_NOT_FOUND');
    expect((await t.http('GET', `/v1/devices/${wv}/commands/${reboot.id}`, as('ops@vendor.demo'))).statusCode).toBe(200);
    for (const url of ['/v1/devices', '/v1/devices/by-code/WV-0001', '/v1/audit-log', '/v1/sessions']) {
      const response = await t.http('GET', url, as('ops@vendor.demo'));
      expect({ url, status: response.statusCode }).toEqual({ url, status: 200 });
      expect(response.body).not.toContain(sessionId);
    }
  });

  it('sells a device: provisioned into the reseller’s inventory, transferred (audited) to a customer, then only the customer operates it', async () => {
    // the reseller's own inventory: a warehouse site and a device it provisions there with its own plan and service
    const warehouse = (await t.http('POST', '/v1/sites', { ...as('ops@vendor.demo'), body: SITE })).json() as { id: string; organizationId: string };
    expect(warehouse.organizationId).toBe(O.vendor.id);
    // the reseller has no Pay Score service of its own: one it names is refused (the scenario guard, issue 14)
    const unknownService = await t.http('POST', '/v1/devices', {
      ...as('ops@vendor.demo'),
      body: { siteId: warehouse.id, code: 'EV-STOCK-01', type: 'EV_CHARGER', connectors: 2, payscoreServiceId: 'reseller-service', plan: RAISED },
    });
    expect(unknownService.json()).toMatchObject({ status: 404, code: 'PAYSCORE_SERVICE_NOT_FOUND', errors: [{ field: 'payscoreServiceId' }] });
    const provisioned = await t.http('POST', '/v1/devices', {
      ...as('ops@vendor.demo'),
      body: { siteId: warehouse.id, code: 'EV-STOCK-01', type: 'EV_CHARGER', connectors: 2, plan: RAISED },
    });
    expect(provisioned.statusCode).toBe(201);
    const { device, secret: factorySecret } = provisioned.json() as { device: { id: string; planId: string }; secret: string };
    const id = device.id;
    expect((await t.http('PUT', `/v1/devices/${id}/plan`, { ...as('ops@vendor.demo'), body: { plan: RAISED } })).json()).toMatchObject({ version: 2 });
    expect((await deviceRequest(t, { id, secret: factorySecret }, 'POST', '/device/v1/heartbeat', { firmware: 'ev-1.0.0' })).statusCode).toBe(200);
    await t.app.get(HeartbeatBuffer).flush();
    expect(statusAndCode(await t.http('GET', `/v1/devices/${id}`, as('c1@vendor.demo')))).toBe('404 DEVICE_NOT_FOUND');

    // what the transfer refuses
    const transfer = (login: string, body: unknown) => t.http('POST', `/v1/devices/${id}/transfer`, { ...as(login), body });
    expect(statusAndCode(await transfer('ops@vendor.demo', { organizationId: O.vendorC1.id, siteId: S.waterCampus.id }))).toBe('404 SITE_NOT_FOUND');
    expect(statusAndCode(await transfer('ops@vendor.demo', { organizationId: O.fridgeF1.id, siteId: S.fridgeWestLake.id }))).toBe('404 DEVICE_TRANSFER_CUSTOMER_NOT_FOUND');
    expect(statusAndCode(await transfer('ops@vendor.demo', { organizationId: O.vendor.id, siteId: warehouse.id }))).toBe('404 DEVICE_TRANSFER_CUSTOMER_NOT_FOUND');
    expect(statusAndCode(await transfer('c1@vendor.demo', { organizationId: O.vendorC1.id, siteId: S.chargingEast.id }))).toBe('404 DEVICE_NOT_FOUND');
    const missing = await transfer('ops@vendor.demo', { organizationId: O.vendorC1.id });
    expect(missing.json()).toMatchObject({ status: 400, code: 'VALIDATION_FAILED', errors: [{ field: 'siteId' }] });
    expect(statusAndCode(await t.http('POST', `/v1/devices/${deviceId('EV-0001')}/transfer`, { ...as('ops@vendor.demo'), body: { organizationId: O.vendorC2.id, siteId: S.waterCampus.id } }))).toBe(
      '404 DEVICE_NOT_FOUND',
    );

    // the sale
    const sold = await transfer('ops@vendor.demo', { organizationId: O.vendorC1.id, siteId: S.chargingEast.id });
    expect(sold.statusCode).toBe(200);
    expect(sold.json()).toMatchObject({ id, organizationId: O.vendorC1.id, siteId: S.chargingEast.id, planId: null, payscoreServiceId: null, secretVersion: 2, revokedAt: expect.any(String), online: false });
    // the seller's secret no longer signs, and the seller's plan stayed the seller's
    expect((await deviceRequest(t, { id, secret: factorySecret }, 'POST', '/device/v1/heartbeat', { firmware: 'ev-1.0.0' })).statusCode).toBe(401);
    const [plan] = await systemQuery<{ tenant_id: string }>(t, `SELECT tenant_id FROM pricing_plans WHERE id = $1`, [device.planId]);
    expect(plan!.tenant_id).toBe(O.vendor.id);
    const log = (await t.http('GET', '/v1/audit-log', as('c1@vendor.demo'))).json() as { items: { action: string; resourceId: string; before: unknown; after: unknown }[] };
    expect(log.items.find((e) => e.action === 'device.transfer')).toMatchObject({
      resourceId: id,
      before: { organizationId: O.vendor.id, siteId: warehouse.id, planId: device.planId, payscoreServiceId: null, secretVersion: 1, revokedAt: null },
      after: { organizationId: O.vendorC1.id, siteId: S.chargingEast.id, planId: null, payscoreServiceId: null, secretVersion: 2, revokedAt: expect.any(String) },
    });

    // the seller watches it, and writes nothing any more
    const before = await fleetState();
    expect((await t.http('GET', `/v1/devices/${id}`, as('ops@vendor.demo'))).json()).toMatchObject({ id, firmware: 'ev-1.0.0' });
    const attempts = [
      await t.http('PUT', `/v1/devices/${id}/plan`, { ...as('ops@vendor.demo'), body: { plan: RAISED } }),
      await t.http('POST', `/v1/devices/${id}/secret/rotate`, as('ops@vendor.demo')),
      await t.http('POST', `/v1/devices/${id}/secret/revoke`, as('ops@vendor.demo')),
      await t.http('POST', `/v1/devices/${id}/commands`, { ...as('ops@vendor.demo'), body: { type: 'REBOOT' } }),
      await t.http('POST', `/v1/devices/${id}/payscore-service`, { ...as('ops@vendor.demo'), body: { serviceId: C1_SERVICE } }),
      await transfer('ops@vendor.demo', { organizationId: O.vendorC2.id, siteId: S.waterCampus.id }),
    ].map(statusAndCode);
    expect(attempts).toEqual(Array(6).fill('404 DEVICE_NOT_FOUND'));
    expect(await fleetState()).toEqual(before);

    // the customer provisions it with a secret only it knows, prices it and binds its own Pay Score service
    const rotated = (await t.http('POST', `/v1/devices/${id}/secret/rotate`, as('c1@vendor.demo'))).json() as { secret: string; secretVersion: number };
    expect(rotated.secretVersion).toBe(3);
    expect((await deviceRequest(t, { id, secret: rotated.secret }, 'POST', '/device/v1/heartbeat', { firmware: 'ev-1.0.1' })).statusCode).toBe(200);
    expect((await t.http('PUT', `/v1/devices/${id}/plan`, { ...as('c1@vendor.demo'), body: { plan: RAISED } })).json()).toMatchObject({ version: 1 });
    expect((await t.http('POST', `/v1/devices/${id}/payscore-service`, { ...as('c1@vendor.demo'), body: { serviceId: C1_SERVICE } })).json()).toMatchObject({ payscoreServiceId: C1_SERVICE });
    expect((await t.http('GET', `/v1/devices/${id}`, as('c1@vendor.demo'))).json()).toMatchObject({ organizationId: O.vendorC1.id, revokedAt: null, payscoreServiceId: C1_SERVICE });
  });
});
