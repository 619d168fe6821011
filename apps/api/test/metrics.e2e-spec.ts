import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { DEMO_DEVICES, DEMO_MERCHANTS, DEMO_SITES } from '../src/modules/demo/demo-data.js';
import { MetricsService } from '../src/platform/observability/metrics.service.js';
import { deviceRequest, systemQuery, type TestDevice } from './fleet-support.js';
import { createTestApp, testConfig, type TestApp } from './support/test-app.js';

const TOKEN = 'metrics-token-for-the-test-0123456789';

/** The value of one sample line of the exposition (`name{labels} value`), undefined when absent. */
function sample(text: string, series: string): number | undefined {
  const line = text.split('\n').find((l) => l.startsWith(`${series} `));
  return line === undefined ? undefined : Number(line.slice(series.length + 1));
}

describe('Prometheus metrics at /metrics (issue 15)', () => {
  let off: TestApp;
  let t: TestApp;
  let ops: string;
  let device: TestDevice;

  beforeAll(async () => {
    off = await createTestApp({ seedDemo: false });
    const base = testConfig({ kind: 'embedded', dataDir: null });
    // the reconciler does not run during the test: the session it should reconcile stays overdue
    t = await createTestApp({ metrics: { token: TOKEN, port: 0, host: '127.0.0.1' }, sessions: { ...base.sessions, reconcileIntervalSeconds: 3600 } });
    ops = await t.login('ops@powerbank.demo');
    const created = await t.http('POST', '/v1/devices', {
      token: ops,
      body: { siteId: DEMO_SITES.powerbankStation.id, code: 'T-PB-METRICS', type: 'POWERBANK_CABINET', slots: 6 },
    });
    expect(created.statusCode).toBe(201);
    const { device: d, secret } = created.json() as { device: { id: string }; secret: string };
    device = { id: d.id, secret };
    expect((await t.http('POST', `/v1/devices/${device.id}/commands`, { token: ops, body: { type: 'REBOOT' } })).statusCode).toBe(201);
    // sessions written behind the API: one an hour old still awaiting confirmation (overdue for the reconciler), one paid
    await systemQuery(t, `INSERT INTO end_users (tenant_id, appid, openid) SELECT DISTINCT tenant_id, 'wxd0000000000demo', 'metrics-' || tenant_id FROM merchant_accounts ON CONFLICT DO NOTHING`);
    for (const [state, hoursAgo] of [['AWAITING_CONFIRMATION', 1], ['PAID', 0], ['PAID', 0]] as const) {
      await systemQuery(
        t,
        `INSERT INTO service_sessions (tenant_id, merchant_tenant_id, merchant_account_id, payscore_service_id, service_id, scenario, service_mode, end_user_id, appid,
                                       device_id, device_type, device_code, slot, plan_id, plan_version, plan, risk_fund_fen, notify_url, out_order_no, state,
                                       created_at, updated_at)
         SELECT d.tenant_id, ps.tenant_id, ps.merchant_account_id, ps.id, ps.service_id, ps.scenario, ps.mode, eu.id, eu.appid,
                d.id, d.type, d.code, 1, p.id, p.current_version, v.plan, 10000, 'https://example.test/notify', 'MT' || substr(md5(random()::text), 1, 20), $2,
                now() - make_interval(hours => $3), now() - make_interval(hours => $3)
           FROM devices d
           JOIN payscore_services ps ON ps.service_id = d.payscore_service_id
           JOIN pricing_plans p ON p.id = d.plan_id
           JOIN pricing_plan_versions v ON v.plan_id = p.id AND v.version = p.current_version
           JOIN LATERAL (SELECT id, appid FROM end_users WHERE tenant_id = ps.tenant_id LIMIT 1) eu ON true
          WHERE d.code = $1`,
        [DEMO_DEVICES[0].code, state, hoursAgo],
      );
    }
  });
  afterAll(async () => {
    await off?.close();
    await t?.close();
  });

  const scrape = () => t.http('GET', '/metrics', { token: TOKEN });

  it('is not there without METRICS_TOKEN, and opens no internal listener without METRICS_PORT', async () => {
    const response = await off.http('GET', '/metrics');
    expect(response.statusCode).toBe(404);
    expect(response.json()).toMatchObject({ code: 'ROUTE_NOT_FOUND' });
    expect((await off.http('GET', '/metrics', { token: TOKEN })).statusCode).toBe(404);
    expect(off.app.get(MetricsService).internalPort).toBeNull();
  });

  it('refuses a missing or wrong token with 401', async () => {
    for (const token of [undefined, 'wrong-token', `${TOKEN}x`, TOKEN.slice(0, -1)]) {
      const response = await t.http('GET', '/metrics', token === undefined ? {} : { token });
      expect(response.statusCode).toBe(401);
      expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(response.json()).toMatchObject({ code: 'METRICS_TOKEN_INVALID' });
    }
  });

  it('exposes request latency by route pattern (never the raw URL), heartbeats, WeChat calls, callbacks and the process', async () => {
    const demo = DEMO_DEVICES[0].id;
    expect((await t.http('GET', `/v1/devices/${demo}`, { token: ops })).statusCode).toBe(200);
    expect((await t.http('GET', `/v1/devices/${demo}`, { token: ops })).statusCode).toBe(200);
    expect((await t.http('GET', '/v1/nothing-here/12345')).statusCode).toBe(404);
    expect((await deviceRequest(t, device, 'POST', '/device/v1/heartbeat', {})).statusCode).toBe(200);
    expect((await deviceRequest(t, device, 'POST', '/device/v1/heartbeat', {}, { secret: 'not-the-secret' })).statusCode).toBe(401);
    // a callback that does not verify
    const callback = await t.http('POST', `/v1/payscore/notify/${DEMO_MERCHANTS.powerbank.id}`, { body: { id: 'x', resource: {} } });
    expect(callback.statusCode).toBe(401);

    const response = await scrape();
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toMatch(/^text\/plain; version=0\.0\.4/);
    const text = response.body;
    expect(sample(text, 'zizhu_http_request_duration_seconds_count{route="/v1/devices/:id",method="GET",status_class="2xx"}')).toBe(2);
    expect(sample(text, 'zizhu_http_request_duration_seconds_count{route="unmatched",method="GET",status_class="4xx"}')).toBe(1);
    expect(text).not.toContain(demo);
    expect(text).not.toContain('nothing-here');
    expect(sample(text, 'zizhu_device_heartbeats_total{result="accepted"}')).toBe(1);
    expect(sample(text, 'zizhu_device_heartbeats_total{result="refused"}')).toBe(1);
    expect(text).toMatch(/^zizhu_callback_verification_failures_total\{kind="payscore",reason="[A-Z_]+"\} 1$/m);
    for (const name of [
      'zizhu_wechat_call_duration_seconds histogram',
      'zizhu_job_queue_depth gauge',
      'zizhu_job_queue_oldest_seconds gauge',
      'zizhu_reconciler_lag_seconds gauge',
      'zizhu_sessions gauge',
      'zizhu_device_commands gauge',
      'zizhu_process_cpu_user_seconds_total counter',
      'zizhu_process_resident_memory_bytes gauge',
      'zizhu_nodejs_eventloop_lag_seconds gauge',
    ]) {
      expect(text).toContain(`# TYPE ${name}\n`);
    }
  });

  it('reads sessions by state and vertical, commands by state and the reconciler lag from the database', async () => {
    const text = (await scrape()).body;
    const sessions = await systemQuery<{ scenario: string; state: string; count: number }>(t, `SELECT scenario, state, count(*)::int AS count FROM service_sessions GROUP BY 1, 2`);
    expect(sessions.length).toBeGreaterThanOrEqual(2);
    for (const row of sessions) expect(sample(text, `zizhu_sessions{state="${row.state}",vertical="${row.scenario}"}`)).toBe(row.count);
    expect(sample(text, 'zizhu_sessions{state="PAID",vertical="POWERBANK_RENTAL"}')).toBeGreaterThanOrEqual(2);
    const commands = await systemQuery<{ state: string; count: number }>(t, `SELECT state, count(*)::int AS count FROM device_commands GROUP BY 1`);
    for (const row of commands) expect(sample(text, `zizhu_device_commands{state="${row.state}"}`)).toBe(row.count);
    expect(sample(text, 'zizhu_device_commands{state="QUEUED"}')).toBeGreaterThanOrEqual(1);
    // an hour unchanged, due after max(120 s, a tenth of its age = 6 min): 54 minutes overdue
    const lag = sample(text, 'zizhu_reconciler_lag_seconds')!;
    expect(lag).toBeGreaterThan(3200);
    expect(lag).toBeLessThan(3600);
  });

  it('has every metric the Grafana dashboard (docker/grafana) queries', async () => {
    const dashboard = readFileSync(new URL('../../../docker/grafana/zizhu-dashboard.json', import.meta.url), 'utf8');
    const used = new Set([...dashboard.matchAll(/\bzizhu_[a-z0-9_]+/g)].map((m) => m[0].replace(/_(bucket|count|sum)$/, '')));
    used.delete('zizhu_api'); // the dashboard's uid
    expect(used.size).toBeGreaterThanOrEqual(12);
    const exposed = new Set([...(await scrape()).body.matchAll(/^# TYPE (\S+) /gm)].map((m) => m[1]));
    expect([...used].filter((name) => !exposed.has(name))).toEqual([]);
  });

  it('serves the same on the internal port (METRICS_PORT), with the token when one is set', async () => {
    const port = t.app.get(MetricsService).internalPort!;
    expect(port).toBeGreaterThan(0);
    const url = `http://127.0.0.1:${port}`;
    const ok = await fetch(`${url}/metrics`, { headers: { authorization: `Bearer ${TOKEN}` } });
    expect(ok.status).toBe(200);
    expect(await ok.text()).toContain('# TYPE zizhu_http_request_duration_seconds histogram');
    expect((await fetch(`${url}/metrics`)).status).toBe(401);
    expect((await fetch(`${url}/other`, { headers: { authorization: `Bearer ${TOKEN}` } })).status).toBe(404);
  });
});
