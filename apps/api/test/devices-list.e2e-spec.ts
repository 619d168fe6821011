import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { APP_CONFIG, type AppConfig } from '../src/config/app-config.js';
import { DEMO_DEVICES, DEMO_ORGS, DEMO_SITES } from '../src/modules/demo/demo-data.js';
import { systemQuery } from './fleet-support.js';
import { createTestApp, type TestApp } from './support/test-app.js';

const O = DEMO_ORGS;
const S = DEMO_SITES;
const deviceId = (code: string) => DEMO_DEVICES.find((d) => d.code === code)!.id;

interface Row {
  id: string;
  code: string;
  type: string;
  status: 'ONLINE' | 'OFFLINE' | 'FAULTED';
  siteName: string;
  planName: string | null;
  lastSeenAt: string | null;
  qrUrl: string;
}
interface Page<T> {
  items: T[];
  total: number;
}

describe('devices and sites for the console: list with status, telemetry, commands, import preview, site counts', () => {
  let t: TestApp;
  const tokens: Record<string, string> = {};
  const as = (login: string) => ({ token: tokens[login]! });
  const list = async (login: string, query = '') => {
    const response = await t.http('GET', `/v1/devices${query}`, as(login));
    expect(response.statusCode).toBe(200);
    return response.json() as Page<Row>;
  };
  const codes = async (login: string, query = '') => (await list(login, query)).items.map((i) => i.code).sort();

  beforeAll(async () => {
    t = await createTestApp();
    for (const login of ['admin@zizhu.demo', 'ops@powerbank.demo', 'ops@fridge.demo', 'f1@fridge.demo', 'f2@fridge.demo', 'ops@vendor.demo', 'c1@vendor.demo']) {
      tokens[login] = await t.login(login);
    }
    // FR-0001 heartbeats normally, FR-0002 heartbeats with a fault, EV-0001 was last heard 10 minutes ago
    // (3 intervals of 60 s have passed), PB-0001 and WV-0001 never heartbeated
    await systemQuery(t, `UPDATE devices SET last_seen_at = now() - interval '5 seconds', online = true, telemetry = '{"temperatureC": 4}' WHERE id = $1`, [deviceId('FR-0001')]);
    await systemQuery(t, `UPDATE devices SET last_seen_at = now() - interval '5 seconds', online = true, telemetry = '{"fault": "COMPRESSOR"}' WHERE id = $1`, [deviceId('FR-0002')]);
    await systemQuery(t, `UPDATE devices SET last_seen_at = now() - interval '10 minutes', online = true WHERE id = $1`, [deviceId('EV-0001')]);
  });
  afterAll(() => t.close());

  it('computes each device’s status at read time and filters by it, with the site and plan names', async () => {
    const all = await list('admin@zizhu.demo', '?limit=1000');
    const byCode = Object.fromEntries(all.items.map((i) => [i.code, i]));
    expect(byCode['FR-0001']).toMatchObject({ status: 'ONLINE', siteName: S.fridgeWestLake.name, planName: 'FR-0001 价格', lastSeenAt: expect.any(String) });
    expect(byCode['FR-0002']).toMatchObject({ status: 'FAULTED', siteName: S.fridgeBinjiang.name });
    // the stored flag still says online (the sweep has not run): the status does not wait for it
    expect(byCode['EV-0001']).toMatchObject({ status: 'OFFLINE' });
    expect(byCode['PB-0001']).toMatchObject({ status: 'OFFLINE', lastSeenAt: null });
    expect(await codes('admin@zizhu.demo', '?status=ONLINE')).toEqual(['FR-0001']);
    expect(await codes('admin@zizhu.demo', '?status=FAULTED')).toEqual(['FR-0002']);
    expect(await codes('ops@fridge.demo', '?status=OFFLINE')).toEqual([]);
    expect(await codes('ops@vendor.demo', '?status=OFFLINE')).toEqual(['EV-0001', 'WV-0001']);
    // a revoked device is offline whatever it last said
    await systemQuery(t, `UPDATE devices SET revoked_at = now() WHERE id = $1`, [deviceId('FR-0001')]);
    expect(await codes('ops@fridge.demo', '?status=OFFLINE')).toEqual(['FR-0001']);
    await systemQuery(t, `UPDATE devices SET revoked_at = NULL WHERE id = $1`, [deviceId('FR-0001')]);
  });

  it('searches by code prefix, case-insensitively, with LIKE’s wildcards taken literally, and pages with a total', async () => {
    expect(await codes('admin@zizhu.demo', '?code=fr-')).toEqual(['FR-0001', 'FR-0002']);
    expect(await codes('admin@zizhu.demo', '?code=FR-0002')).toEqual(['FR-0002']);
    expect(await codes('admin@zizhu.demo', '?code=%25')).toEqual([]);
    expect(await codes('admin@zizhu.demo', '?code=FR_')).toEqual([]);
    expect(await codes('ops@fridge.demo', `?code=FR&siteId=${S.fridgeBinjiang.id}&type=FRIDGE&status=FAULTED`)).toEqual(['FR-0002']);
    const page = await list('ops@fridge.demo', '?limit=1&offset=1');
    expect(page.total).toBe(2);
    expect(page.items.map((i) => i.code)).toEqual(['FR-0002']);
    const bad = await t.http('GET', '/v1/devices?status=BROKEN', as('ops@fridge.demo'));
    expect(bad.json()).toMatchObject({ status: 400, code: 'VALIDATION_FAILED', errors: [{ field: 'status' }] });
  });

  it('never shows a franchisee its sibling’s devices, and answers 404 for another tenant’s device on every read', async () => {
    expect(await codes('f1@fridge.demo')).toEqual(['FR-0001']);
    expect(await codes('f1@fridge.demo', `?organizationId=${O.fridgeF2.id}`)).toEqual([]);
    expect(await codes('f1@fridge.demo', '?code=FR-0002')).toEqual([]);
    for (const [login, code] of [
      ['f1@fridge.demo', 'FR-0002'],
      ['f2@fridge.demo', 'FR-0001'],
      ['ops@powerbank.demo', 'FR-0001'],
      ['c1@vendor.demo', 'WV-0001'],
    ] as const) {
      for (const path of ['', '/telemetry', '/commands']) {
        const response = await t.http('GET', `/v1/devices/${deviceId(code)}${path}`, as(login));
        expect([login, code, path, response.statusCode, (response.json() as { code: string }).code]).toEqual([login, code, path, 404, 'DEVICE_NOT_FOUND']);
      }
    }
  });

  it('gives the detail its status and the QR link of contracts.md §4', async () => {
    const detail = (await t.http('GET', `/v1/devices/${deviceId('FR-0002')}`, as('f2@fridge.demo'))).json() as { status: string; qrUrl: string };
    expect(detail.status).toBe('FAULTED');
    expect(detail.qrUrl).toBe(`${t.app.get<AppConfig>(APP_CONFIG).payscore.publicBaseUrl}/d/FR-0002`);
    expect(detail.qrUrl).toMatch(/^https?:\/\/[^/]+\/d\/FR-0002$/);
    expect((await list('f2@fridge.demo', '?code=FR-0002')).items[0]).toMatchObject({ qrUrl: detail.qrUrl });
  });

  it('averages telemetry into buckets in the database, over the range asked', async () => {
    const id = deviceId('FR-0001');
    const base = Date.parse('2026-03-01T00:00:00.000Z');
    // 120 samples, one a minute over two hours: temperature = minute % 10, door open every other sample
    await systemQuery(
      t,
      `INSERT INTO device_telemetry (tenant_id, device_id, recorded_at, firmware, telemetry)
       SELECT $1, $2, $3::timestamptz + make_interval(mins => g), 'fw', jsonb_build_object('temperatureC', g % 10, 'doorClosed', g % 2 = 0, 'note', 'x')
       FROM generate_series(0, 119) g`,
      [O.fridgeF1.id, id, new Date(base).toISOString()],
    );
    const from = new Date(base).toISOString();
    const to = new Date(base + 2 * 3600_000).toISOString();
    const response = await t.http('GET', `/v1/devices/${id}/telemetry?from=${from}&to=${to}&maxPoints=12`, as('f1@fridge.demo'));
    expect(response.statusCode).toBe(200);
    const series = response.json() as { bucketSeconds: number; metrics: string[]; points: { at: string; samples: number; values: Record<string, number> }[] };
    expect(series.bucketSeconds).toBe(600);
    expect(series.metrics).toEqual(['temperatureC']);
    expect(series.points).toHaveLength(12);
    expect(series.points[0]).toEqual({ at: from, samples: 10, values: { temperatureC: 4.5 } });
    expect(series.points[11]!.at).toBe(new Date(base + 110 * 60_000).toISOString());
    // a narrower range: only its samples, finer buckets
    const narrow = (await t.http('GET', `/v1/devices/${id}/telemetry?from=${from}&to=${new Date(base + 5 * 60_000).toISOString()}&maxPoints=10`, as('ops@fridge.demo'))).json() as typeof series;
    expect(narrow.bucketSeconds).toBe(30);
    expect(narrow.points.map((p) => p.values.temperatureC)).toEqual([0, 1, 2, 3, 4]);
    const backwards = await t.http('GET', `/v1/devices/${id}/telemetry?from=${to}&to=${from}`, as('f1@fridge.demo'));
    expect(backwards.json()).toMatchObject({ status: 400, code: 'VALIDATION_FAILED', errors: [{ field: 'from' }] });
    const malformed = await t.http('GET', `/v1/devices/${id}/telemetry?from=yesterday`, as('f1@fridge.demo'));
    expect(malformed.json()).toMatchObject({ status: 400, errors: [{ field: 'from' }] });
  });

  it('lets a reseller watch its customer’s device (list, telemetry, maintenance commands) without plan, session commands or writes', async () => {
    const ev = deviceId('EV-0001');
    const watched = await list('ops@vendor.demo', '?code=EV');
    expect(watched.items).toEqual([expect.objectContaining({ code: 'EV-0001', planName: null, siteName: S.chargingEast.name })]);
    expect((await list('c1@vendor.demo', '?code=EV')).items[0]!.planName).toBe('EV-0001 价格');
    expect((await t.http('GET', `/v1/devices/${ev}/telemetry`, as('ops@vendor.demo'))).statusCode).toBe(200);
    // the detail says who operates it, so the console shows the reseller no write buttons
    expect((await t.http('GET', `/v1/devices/${ev}`, as('ops@vendor.demo'))).json()).toMatchObject({ operable: false, plan: null });
    expect((await t.http('GET', `/v1/devices/${ev}`, as('c1@vendor.demo'))).json()).toMatchObject({ operable: true });
    expect((await t.http('GET', `/v1/devices/${deviceId('FR-0002')}`, as('ops@fridge.demo'))).json()).toMatchObject({ operable: true });

    const reboot = await t.http('POST', `/v1/devices/${ev}/commands`, { ...as('c1@vendor.demo'), body: { type: 'REBOOT' } });
    expect(reboot.statusCode).toBe(201);
    await systemQuery(
      t,
      `INSERT INTO device_commands (tenant_id, device_id, type, session_id, params, state, expires_at, delivery_attempts)
       VALUES ($1, $2, 'START_CHARGING', 'sess-private', '{"connector": 1}', 'SUCCEEDED', now() + interval '1 minute', 1)`,
      [O.vendorC1.id, ev],
    );
    const own = (await t.http('GET', `/v1/devices/${ev}/commands`, as('c1@vendor.demo'))).json() as Page<{ type: string; state: string; sessionId: string | null }>;
    expect(own.total).toBe(2);
    expect(own.items.map((c) => c.type).sort()).toEqual(['REBOOT', 'START_CHARGING']);
    const seen = (await t.http('GET', `/v1/devices/${ev}/commands`, as('ops@vendor.demo'))).json() as typeof own;
    expect(seen).toEqual({ total: 1, items: [expect.objectContaining({ type: 'REBOOT', state: 'QUEUED', sessionId: null })] });
    const succeeded = (await t.http('GET', `/v1/devices/${ev}/commands?state=SUCCEEDED&limit=5`, as('c1@vendor.demo'))).json() as typeof own;
    expect(succeeded.items.map((c) => c.type)).toEqual(['START_CHARGING']);

    const write = await t.http('POST', `/v1/devices/${ev}/commands`, { ...as('ops@vendor.demo'), body: { type: 'REBOOT' } });
    expect(write.json()).toMatchObject({ status: 404, code: 'DEVICE_NOT_FOUND' });
    const rotate = await t.http('POST', `/v1/devices/${ev}/secret/rotate`, as('ops@vendor.demo'));
    expect(rotate.json()).toMatchObject({ status: 404, code: 'DEVICE_NOT_FOUND' });
  });

  it('previews an import with every row’s problems and stores nothing; the real import of the same CSV answers 422 with the same rows', async () => {
    const csv = [
      'code,type,siteId,name,slots',
      `FR-0500,FRIDGE,${S.fridgeWestLake.id},好柜,`,
      `FR-0501,FRIDGE,${S.fridgeWestLake.id},,3`,
      `PB-0001,FRIDGE,${S.fridgeBinjiang.id},,`,
      `FR-0502,FRIDGE,${S.powerbankStation.id},,`,
      `x,TOASTER,not-a-site,,`,
      `FR-0500,FRIDGE,${S.fridgeBinjiang.id},,`,
    ].join('\n');
    const count = async () => (await systemQuery<{ n: number }>(t, `SELECT count(*)::int AS n FROM devices`))[0]!.n;
    const before = await count();
    const preview = await t.http('POST', '/v1/devices/import?dryRun=true', { ...as('ops@fridge.demo'), body: { csv } });
    expect(preview.statusCode).toBe(200);
    const body = preview.json() as {
      valid: boolean;
      rows: { row: number; code: string; siteName: string | null; organizationId: string | null; errors: unknown[] }[];
      errors: { row: number; field: string; message: string }[];
    };
    expect(body.valid).toBe(false);
    expect(body.rows[0]).toEqual(expect.objectContaining({ row: 2, code: 'FR-0500', siteName: S.fridgeWestLake.name, organizationId: O.fridgeF1.id, errors: [] }));
    const expected = [
      { row: 3, field: 'slots', message: 'is only for a POWERBANK_CABINET' },
      // PB-0001 belongs to another brand: hidden from this caller, but its code is taken
      { row: 4, field: 'code', message: 'already registered' },
      { row: 5, field: 'siteId', message: 'no such site' },
      { row: 6, field: 'code', message: 'must be 3–64 letters, digits, - or _' },
      { row: 6, field: 'type', message: expect.stringContaining('must be one of FRIDGE') },
      { row: 6, field: 'siteId', message: 'must be a UUID' },
      { row: 7, field: 'code', message: 'repeated in the file (first on line 2)' },
    ];
    expect(body.errors).toEqual(expected);
    expect(await count()).toBe(before);

    const real = await t.http('POST', '/v1/devices/import', { ...as('ops@fridge.demo'), body: { csv } });
    expect(real.statusCode).toBe(422);
    expect(real.json()).toMatchObject({ code: 'DEVICE_IMPORT_INVALID', rows: expected });
    expect(await count()).toBe(before);

    // a clean preview stores nothing either; then the import stores exactly those rows
    const clean = [`code,type,siteId`, `FR-0510,FRIDGE,${S.fridgeBinjiang.id}`].join('\n');
    const ok = (await t.http('POST', '/v1/devices/import?dryRun=true', { ...as('f2@fridge.demo'), body: { csv: clean } })).json() as typeof body;
    expect(ok).toMatchObject({ valid: true, errors: [], rows: [{ row: 2, code: 'FR-0510', organizationId: O.fridgeF2.id, errors: [] }] });
    expect(await count()).toBe(before);
    expect((await t.http('POST', '/v1/devices/import', { ...as('f2@fridge.demo'), body: { csv: clean } })).statusCode).toBe(201);
    expect(await count()).toBe(before + 1);

    // the header's problems are rows too; a franchisee's preview never resolves its sibling's site
    const header = (await t.http('POST', '/v1/devices/import?dryRun=true', { ...as('f2@fridge.demo'), body: { csv: 'code,kind\nA-1,FRIDGE' } })).json() as typeof body;
    expect(header.errors).toEqual([
      { row: 1, field: 'header', message: 'unknown columns: kind' },
      { row: 1, field: 'header', message: 'missing columns: type, siteId' },
    ]);
    const sibling = (await t.http('POST', '/v1/devices/import?dryRun=true', {
      ...as('f2@fridge.demo'),
      body: { csv: `code,type,siteId\nFR-0520,FRIDGE,${S.fridgeWestLake.id}` },
    })).json() as typeof body;
    expect(sibling.rows[0]).toMatchObject({ siteName: null, errors: [{ row: 2, field: 'siteId', message: 'no such site' }] });
    // the reseller's preview of its customer's site: not a site it operates
    const resold = (await t.http('POST', '/v1/devices/import?dryRun=true', {
      ...as('ops@vendor.demo'),
      body: { csv: `code,type,siteId,connectors\nEV-0600,EV_CHARGER,${S.chargingEast.id},1` },
    })).json() as typeof body;
    expect(resold.errors).toEqual([{ row: 2, field: 'siteId', message: 'no such site' }]);
  });

  it('lists sites with their device counts by status, paged, each caller its own', async () => {
    const response = await t.http('GET', '/v1/sites', as('ops@fridge.demo'));
    expect(response.statusCode).toBe(200);
    const sites = response.json() as Page<{ id: string; name: string; address: string; city: string; deviceCount: number; onlineCount: number; faultedCount: number }>;
    expect(sites.total).toBe(2);
    const byId = Object.fromEntries(sites.items.map((s) => [s.id, s]));
    expect(byId[S.fridgeWestLake.id]).toMatchObject({ address: S.fridgeWestLake.address, city: '杭州', deviceCount: 1, onlineCount: 1, faultedCount: 0 });
    // FR-0002 (faulted) and FR-0510 (imported above, never heard from)
    expect(byId[S.fridgeBinjiang.id]).toMatchObject({ deviceCount: 2, onlineCount: 0, faultedCount: 1 });
    const f1 = (await t.http('GET', '/v1/sites', as('f1@fridge.demo'))).json() as typeof sites;
    expect(f1.items.map((s) => s.id)).toEqual([S.fridgeWestLake.id]);
    const paged = (await t.http('GET', '/v1/sites?limit=1&offset=1', as('ops@fridge.demo'))).json() as typeof sites;
    expect(paged.total).toBe(2);
    expect(paged.items).toHaveLength(1);
    expect(paged.items[0]!.id).toBe(sites.items[1]!.id);
    const named = (await t.http('GET', `/v1/sites?q=${encodeURIComponent('健身')}`, as('ops@fridge.demo'))).json() as typeof sites;
    expect(named.items.map((s) => s.id)).toEqual([S.fridgeBinjiang.id]);
    // the reseller sees its customers' sites with their counts
    const vendor = (await t.http('GET', '/v1/sites', as('ops@vendor.demo'))).json() as typeof sites;
    expect(vendor.items.map((s) => [s.id, s.deviceCount]).sort()).toEqual([[S.chargingEast.id, 1], [S.waterCampus.id, 1]].sort());
    const tooMany = await t.http('GET', '/v1/sites?limit=100000', as('ops@fridge.demo'));
    expect(tooMany.json()).toMatchObject({ status: 400, errors: [{ field: 'limit' }] });
  });
});
