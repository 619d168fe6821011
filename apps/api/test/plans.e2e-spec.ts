// Issue 11: pricing plans as a resource of their own (/v1/plans), over loopback with the Pay Score simulator and
// fleet-sim, so a session can prove it keeps the plan version it started with.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Fleet } from '@zizhu/fleet-sim';
import { DEMO_DEVICES, DEMO_ORGS, DEMO_PLANS, DEMO_SITES } from '../src/modules/demo/demo-data.js';
import { systemQuery } from './fleet-support.js';
import { LoopHarness, type JsonAnswer } from './support/loop-harness.js';

const O = DEMO_ORGS;
const S = DEMO_SITES;
const device = (code: string) => DEMO_DEVICES.find((d) => d.code === code)!;

interface Summary { id: string; name: string; organizationId: string; currentVersion: number; type: string; deviceCount: number }
interface Detail extends Summary {
  plan: Record<string, unknown>;
  versions: { version: number; plan: Record<string, unknown>; type: string; createdBy: { userId: string; displayName: string | null } | null }[];
  devices: { id: string; code: string }[];
}
interface Problem { status: number; code: string; errors?: { field: string; messages: string[] }[] }

const RENTAL = { timezone: 'Asia/Shanghai', rental: { unitFen: 300, unitMinutes: 60, freeMinutes: 5, freeMode: 'grace', dailyCapFen: 3000, dayBoundary: 'rolling-24h' }, totalCapFen: 9900 };
const ITEMS = (colaFen: number) => ({ timezone: 'Asia/Shanghai', items: { catalog: [{ sku: 'cola-330', name: '可乐 330ml', priceFen: colaFen }, { sku: 'water-550', name: '矿泉水 550ml', priceFen: 200 }] }, totalCapFen: 20000 });

let loop: LoopHarness;
let fleet: Fleet;
const stop = new AbortController();
let running: Promise<void> = Promise.resolve();
const tokens: Record<string, string> = {};
const as = (login: string) => tokens[login]!;
const req = <T = Record<string, unknown>>(login: string, method: string, path: string, body?: unknown): Promise<JsonAnswer<T>> =>
  loop.request<T>(method, path, { token: as(login), ...(body !== undefined ? { body } : {}) });

beforeAll(async () => {
  loop = await LoopHarness.start();
  for (const login of ['admin@zizhu.demo', 'ops@powerbank.demo', 'ops@fridge.demo', 'f1@fridge.demo', 'f2@fridge.demo', 'ops@vendor.demo', 'c1@vendor.demo', 'c2@vendor.demo']) {
    tokens[login] = await loop.operator(login);
  }
});

afterAll(async () => {
  stop.abort();
  await running;
  await loop.close();
});

describe('/v1/plans: list, create, versions', () => {
  it('lists the plans of the fleet the caller operates with type, current version and device count; filters, searches and pages in SQL', async () => {
    const brand = (await req<{ items: Summary[]; total: number }>('ops@fridge.demo', 'GET', '/v1/plans')).body;
    // the demo seeds one plan per device: a franchise brand operates its franchisees' fleets
    expect(brand.items.map((p) => p.name).sort()).toEqual(['FR-0001 价格', 'FR-0002 价格']);
    expect(brand.total).toBe(2);
    expect(brand.items.find((p) => p.name === 'FR-0001 价格')).toMatchObject({ organizationId: O.fridgeF1.id, currentVersion: 1, type: 'ITEMS', deviceCount: 1 });

    const f1 = (await req<{ items: Summary[] }>('f1@fridge.demo', 'GET', '/v1/plans')).body.items.map((p) => p.name);
    expect(f1).toEqual(['FR-0001 价格']);
    // a hardware reseller sees its customers' devices, never their prices
    const reseller = (await req<{ items: Summary[] }>('ops@vendor.demo', 'GET', '/v1/plans')).body.items;
    expect(reseller.map((p) => p.organizationId)).not.toContain(O.vendorC1.id);

    const admin = async (query: string) => (await req<{ items: Summary[]; total: number }>('admin@zizhu.demo', 'GET', `/v1/plans${query}`)).body;
    expect((await admin('?type=ENERGY')).items.map((p) => p.name)).toEqual(['EV-0001 价格']);
    expect((await admin('?deviceType=WATER_VALVE')).items.map((p) => p.name)).toEqual(['WV-0001 价格']);
    expect((await admin('?q=fr-000')).items.map((p) => p.name).sort()).toEqual(['FR-0001 价格', 'FR-0002 价格']);
    expect((await admin('?q=%25')).items).toEqual([]); // a % in the search is literal
    const page = await admin('?type=ITEMS&limit=1&offset=1');
    expect(page.items).toHaveLength(1);
    expect(page.total).toBe(2);
    expect(await admin('?type=ITEMS&limit=1&offset=5')).toEqual({ items: [], total: 2 });
    const bad = await req<Problem>('admin@zizhu.demo', 'GET', '/v1/plans?type=HOURLY&limit=0');
    expect(bad.status).toBe(400);
    expect(bad.body.errors!.map((e) => e.field).sort()).toEqual(['limit', 'type']);
  });

  it('creates a plan at version 1, naming every invalid field by its path; only writers and only for organisations whose fleet they operate', async () => {
    const invalid = await req<Problem>('ops@powerbank.demo', 'POST', '/v1/plans', { name: 'bad', plan: { rental: { unitFen: 2.5, unitMinutes: 0 } } });
    expect(invalid.status).toBe(400);
    expect(invalid.body.code).toBe('DEVICE_PLAN_INVALID');
    expect(invalid.body.errors!.map((e) => e.field)).toEqual(expect.arrayContaining(['plan.rental.unitFen', 'plan.rental.unitMinutes']));
    expect((await req<Problem>('ops@powerbank.demo', 'POST', '/v1/plans', { plan: RENTAL })).body.errors!.map((e) => e.field)).toEqual(['name']);

    const created = await req<Detail>('ops@powerbank.demo', 'POST', '/v1/plans', { name: '机场 3元/小时', plan: RENTAL });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ name: '机场 3元/小时', organizationId: O.powerbank.id, currentVersion: 1, type: 'RENTAL', deviceCount: 0, plan: RENTAL, devices: [] });
    expect(created.body.versions).toEqual([expect.objectContaining({ version: 1, type: 'RENTAL', createdBy: { userId: expect.any(String), displayName: '充电宝运营' } })]);

    // a franchise brand creates for its franchisee; a reseller not for its customer; a franchisee not for its sibling
    expect((await req<Detail>('ops@fridge.demo', 'POST', '/v1/plans', { name: 'f1 饮料', plan: ITEMS(350), organizationId: O.fridgeF1.id })).body.organizationId).toBe(O.fridgeF1.id);
    for (const [login, org] of [['ops@vendor.demo', O.vendorC1.id], ['f1@fridge.demo', O.fridgeF2.id]] as const) {
      const refused = await req<Problem>(login, 'POST', '/v1/plans', { name: 'x', plan: RENTAL, organizationId: org });
      expect(refused.body).toMatchObject({ status: 404, code: 'PLAN_ORGANIZATION_NOT_FOUND' });
    }
    const [audit] = await systemQuery<{ action: string; actor_user_id: string }>(loop.zizhu, `SELECT action, actor_user_id FROM audit_log WHERE resource_id = $1`, [created.body.id]);
    expect(audit).toMatchObject({ action: 'plan.create', actor_user_id: created.body.versions[0]!.createdBy!.userId });
  });

  it('previews the devices a new version reprices without storing it, then publishes the version; a stale expectedVersion stores nothing', async () => {
    const login = 'ops@fridge.demo';
    const plan = (await req<Detail>(login, 'POST', '/v1/plans', { name: '共享 饮料', plan: ITEMS(350), organizationId: O.fridgeF1.id })).body;
    // a device of the plan's organisation uses it by id
    expect((await req(login, 'PUT', `/v1/devices/${device('FR-0001').id}/plan`, { planId: plan.id })).body).toMatchObject({ id: plan.id, version: 1 });
    // FR-0002 belongs to the other franchisee: a plan of another organisation is not its to use
    expect((await req<Problem>(login, 'PUT', `/v1/devices/${device('FR-0002').id}/plan`, { planId: plan.id })).body).toMatchObject({ status: 404, code: 'DEVICE_PLAN_NOT_FOUND' });

    const preview = await req(login, 'POST', `/v1/plans/${plan.id}/preview`, { plan: ITEMS(500) });
    expect(preview.status).toBe(200);
    expect(preview.body).toEqual({ planId: plan.id, currentVersion: 1, nextVersion: 2, changed: true, deviceCount: 1, devices: [expect.objectContaining({ code: 'FR-0001', siteId: S.fridgeWestLake.id })] });
    expect((await req(login, 'POST', `/v1/plans/${plan.id}/preview`, { plan: ITEMS(350) })).body).toMatchObject({ changed: false });
    expect((await req<Problem>(login, 'POST', `/v1/plans/${plan.id}/preview`, { plan: ITEMS(-1) })).body.errors![0]!.field).toBe('plan.items.catalog[0].priceFen');
    expect((await req<Detail>(login, 'GET', `/v1/plans/${plan.id}`)).body.currentVersion).toBe(1); // nothing stored

    const published = await req<Detail>('f1@fridge.demo', 'PUT', `/v1/plans/${plan.id}`, { plan: ITEMS(500), name: '共享 饮料 5元', expectedVersion: 1 });
    expect(published.status).toBe(200);
    expect(published.body).toMatchObject({ currentVersion: 2, name: '共享 饮料 5元', plan: ITEMS(500), deviceCount: 1, devices: [expect.objectContaining({ code: 'FR-0001' })] });
    // who published each version: a franchisee does not see its brand's users by name, the brand sees both
    expect(published.body.versions.map((v) => [v.version, v.createdBy?.displayName])).toEqual([[2, '西湖店长'], [1, null]]);
    expect(published.body.versions[1]!.createdBy!.userId).toEqual(plan.versions[0]!.createdBy!.userId);
    expect((await req<Detail>(login, 'GET', `/v1/plans/${plan.id}`)).body.versions.map((v) => v.createdBy?.displayName)).toEqual(['西湖店长', '冰柜品牌运营']);
    expect(published.body.versions[1]!.plan).toEqual(ITEMS(350)); // versions are kept as they were
    expect((await req(login, 'GET', `/v1/devices/${device('FR-0001').id}`)).body['plan']).toMatchObject({ id: plan.id, version: 2 });

    const stale = await req<Problem>(login, 'PUT', `/v1/plans/${plan.id}`, { plan: ITEMS(900), expectedVersion: 1 });
    expect(stale.body).toMatchObject({ status: 409, code: 'PLAN_VERSION_CONFLICT' });
    expect((await req<Detail>(login, 'GET', `/v1/plans/${plan.id}`)).body.currentVersion).toBe(2);
    const bad = await req<Problem>(login, 'PUT', `/v1/plans/${plan.id}`, { plan: { timezone: 'Mars/Base' } });
    expect(bad.status).toBe(400);
    expect(bad.body.errors!.length).toBeGreaterThan(0);

    const audit = await systemQuery<{ before: { version: number }; after: { version: number; repricedDevices: number } }>(
      loop.zizhu,
      `SELECT before, after FROM audit_log WHERE action = 'plan.version.create' AND resource_id = $1`,
      [plan.id],
    );
    expect(audit).toEqual([expect.objectContaining({ before: expect.objectContaining({ version: 1 }), after: expect.objectContaining({ version: 2, repricedDevices: 1 }) })]);
  });

  it('answers 404 for another tenant’s plan on every route; a reseller neither reads nor writes its customer’s plans', async () => {
    const c1 = (await req<{ items: Summary[] }>('c1@vendor.demo', 'GET', '/v1/plans')).body.items[0]!;
    const f2 = (await req<{ items: Summary[] }>('f2@fridge.demo', 'GET', '/v1/plans')).body.items[0]!;
    for (const [login, id] of [
      ['ops@vendor.demo', c1.id],
      ['c2@vendor.demo', c1.id],
      ['f1@fridge.demo', f2.id],
      ['ops@powerbank.demo', f2.id],
    ] as const) {
      const results = [
        await req<Problem>(login, 'GET', `/v1/plans/${id}`),
        await req<Problem>(login, 'PUT', `/v1/plans/${id}`, { plan: RENTAL }),
        await req<Problem>(login, 'POST', `/v1/plans/${id}/preview`, { plan: RENTAL }),
      ].map((r) => `${r.status} ${r.body.code}`);
      expect({ login, results }).toEqual({ login, results: Array(3).fill('404 PLAN_NOT_FOUND') });
    }
    const [row] = await systemQuery<{ current_version: number }>(loop.zizhu, `SELECT current_version FROM pricing_plans WHERE id = $1`, [c1.id]);
    expect(row!.current_version).toBe(c1.currentVersion);
    expect((await req<Problem>('f1@fridge.demo', 'GET', '/v1/plans/not-a-uuid')).status).toBe(400);
  });
});

describe('PUT /v1/devices/{id}/plan and import keep working with shared plans', () => {
  it('appends a version to a plan the device alone uses; gives a device sharing its plan one of its own; refuses neither/both', async () => {
    const login = 'ops@powerbank.demo';
    const pb = device('PB-0001').id;
    const before = (await req<{ plan: { id: string; version: number } }>(login, 'GET', `/v1/devices/${pb}`)).body.plan;
    const set = await req(login, 'PUT', `/v1/devices/${pb}/plan`, { plan: { ...RENTAL, totalCapFen: 5000 } });
    expect(set.status).toBe(200);
    expect(set.body).toMatchObject({ id: before.id, version: before.version + 1, plan: { totalCapFen: 5000 } });

    // an import shares one plan per organisation
    const csv = `code,type,siteId,slots\nPB-PL-1,POWERBANK_CABINET,${S.powerbankStation.id},4\nPB-PL-2,POWERBANK_CABINET,${S.powerbankStation.id},4`;
    const imported = await req<{ devices: { device: { id: string; planId: string } }[] }>(login, 'POST', '/v1/devices/import', { csv, plan: RENTAL });
    expect(imported.status).toBe(201);
    const [a, b] = imported.body.devices.map((d) => d.device);
    expect(a!.planId).toBe(b!.planId);
    expect((await req<Detail>(login, 'GET', `/v1/plans/${a!.planId}`)).body).toMatchObject({ deviceCount: 2, currentVersion: 1 });

    // the device route changes that device only: the sibling keeps the shared plan at its version
    const own = await req<{ id: string; name: string; version: number }>(login, 'PUT', `/v1/devices/${a!.id}/plan`, { plan: { ...RENTAL, totalCapFen: 1000 } });
    expect(own.body).toMatchObject({ name: 'PB-PL-1', version: 1 });
    expect(own.body.id).not.toBe(a!.planId);
    expect((await req<Detail>(login, 'GET', `/v1/plans/${a!.planId}`)).body).toMatchObject({ deviceCount: 1, currentVersion: 1, devices: [expect.objectContaining({ code: 'PB-PL-2' })] });
    // and back onto the shared plan by id
    expect((await req(login, 'PUT', `/v1/devices/${a!.id}/plan`, { planId: a!.planId })).body).toMatchObject({ id: a!.planId, version: 1 });
    expect((await req<Detail>(login, 'GET', `/v1/plans/${a!.planId}`)).body.deviceCount).toBe(2);

    for (const body of [{}, { plan: RENTAL, planId: a!.planId }]) {
      const refused = await req<Problem>(login, 'PUT', `/v1/devices/${a!.id}/plan`, body);
      expect(refused.body).toMatchObject({ status: 400, code: 'VALIDATION_FAILED', errors: [{ field: 'plan' }] });
    }
    // the reseller still cannot price its customer's device
    expect((await req<Problem>('ops@vendor.demo', 'PUT', `/v1/devices/${device('EV-0001').id}/plan`, { plan: RENTAL })).body.code).toBe('DEVICE_NOT_FOUND');
  });
});

describe('a session keeps the plan version it started with', () => {
  it('a fridge session started under version 1 is charged by version 1 after version 2 is published; the next session uses version 2', async () => {
    const ops = as('ops@fridge.demo');
    const fridge = await loop.demoDevice('FR-0001', ops);
    fleet = new Fleet([{ ...fridge, skus: DEMO_PLANS.fridge.items.catalog.map((i) => i.sku) }], {
      baseUrl: loop.apiUrl,
      heartbeatSeconds: 2,
      waitSeconds: 2,
      loss: 0,
      driftSeconds: 0,
      failRate: 0,
      sessionScript: () => ({ endAfterMs: null }), // the test ends each session itself
    });
    running = fleet.start(stop.signal);
    const plan = (await req<Detail>('ops@fridge.demo', 'POST', '/v1/plans', { name: '快照', plan: ITEMS(350), organizationId: O.fridgeF1.id })).body;
    expect((await req('ops@fridge.demo', 'PUT', `/v1/devices/${fridge.deviceId}/plan`, { planId: plan.id })).status).toBe(200);

    const run = async (openid: string, between: () => Promise<void>) => {
      const token = await loop.consumer(openid);
      const scan = await loop.request<{ sessionId: string; outOrderNo: string }>('POST', '/v1/consumer/sessions', { token, body: { deviceCode: 'FR-0001' } });
      expect({ status: scan.status, body: scan.status === 201 ? null : scan.body }).toEqual({ status: 201, body: null });
      expect((await loop.decide(scan.body.outOrderNo, openid, 'confirm')).status).toBe(200);
      expect(await loop.waitFor(scan.body.sessionId, token, (s) => s['state'] === 'IN_USE')).toMatchObject({ state: 'IN_USE' });
      await between();
      await fleet.device('FR-0001').waitForSession(scan.body.sessionId);
      expect(fleet.device('FR-0001').endSession(scan.body.sessionId, { items: [{ sku: 'cola-330', count: 2 }] })).toBe(true);
      await loop.waitFor(scan.body.sessionId, token, (s) => s['state'] === 'PAID' || s['state'] === 'CANCELLED');
      return (await req(`ops@fridge.demo`, 'GET', `/v1/sessions/${scan.body.sessionId}`)).body;
    };

    const first = await run('snap-1', async () => {
      expect((await req<Detail>('ops@fridge.demo', 'PUT', `/v1/plans/${plan.id}`, { plan: ITEMS(500), expectedVersion: 1 })).body.currentVersion).toBe(2);
    });
    expect(first).toMatchObject({ state: 'PAID', totalFen: 700, planVersion: 1 });
    const second = await run('snap-2', async () => undefined);
    expect(second).toMatchObject({ state: 'PAID', totalFen: 1000, planVersion: 2 });
  });
});
