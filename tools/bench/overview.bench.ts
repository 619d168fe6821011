// The console's overview (`GET /v1/overview`) on a PostgreSQL server with 5,000 devices and 100,000 sessions:
// the API in its own process, the data written behind it in SQL, the route timed one request after another.
//   node --import ./tools/register.mjs tools/bench/overview.bench.ts
import { randomBytes } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import pg from 'pg';
import { serverDatabase, start, stop } from './support.js';

const DEVICES = 5_000;
const SESSIONS = 100_000;
const ROUNDS = Number(process.env.BENCH_OVERVIEW_ROUNDS ?? 50);

const F1 = '00000000-0000-4000-8000-000000000021';

/** 5,000 fridges split between the demo brand's two franchisees; 100,000 sessions over 60 days (1,000 in use, 1,000 unpaid, the rest paid or cancelled), 2% of the paid ones partly refunded, 300 devices with a fault today. */
export async function seedOverviewData(url: string): Promise<void> {
  const db = new pg.Client({ connectionString: url });
  await db.connect();
  try {
    await db.query(`INSERT INTO end_users (tenant_id, appid, openid) SELECT tenant_id, 'wxd0000000000demo', 'bench-user' FROM merchant_accounts WHERE tenant_id = '00000000-0000-4000-8000-000000000020'`);
    await db.query(
      `INSERT INTO devices (tenant_id, site_id, code, type, plan_id, payscore_service_id, secret_ciphertext, online, last_seen_at)
       SELECT d.tenant_id, d.site_id, 'BENCH-' || lpad(i::text, 5, '0'), 'FRIDGE', d.plan_id, d.payscore_service_id, d.secret_ciphertext, i % 10 <> 0, now()
         FROM generate_series(1, $1) i
         JOIN devices d ON d.code = CASE WHEN i % 2 = 0 THEN 'FR-0001' ELSE 'FR-0002' END`,
      [DEVICES],
    );
    await db.query(
      `INSERT INTO service_sessions (tenant_id, merchant_tenant_id, merchant_account_id, payscore_service_id, service_id, scenario, service_mode, end_user_id, appid,
                                     device_id, device_type, device_code, plan_id, plan_version, plan, risk_fund_fen, notify_url, out_order_no, state,
                                     total_fen, paid_fen, paid_at, order_completed_at, anomaly, created_at)
       SELECT d.tenant_id, ps.tenant_id, ps.merchant_account_id, ps.id, ps.service_id, ps.scenario, ps.mode, eu.id, eu.appid,
              d.id, d.type, d.code, d.plan_id, 1, v.plan, 20000, 'https://bench.test/notify', 'BENCH' || s.i, st.state,
              CASE WHEN st.state IN ('PAID', 'AWAITING_PAYMENT') THEN 100 + s.i % 900 END,
              CASE WHEN st.state = 'PAID' THEN 100 + s.i % 900 END,
              CASE WHEN st.state = 'PAID' THEN s.at + interval '10 minutes' END,
              CASE WHEN st.state IN ('PAID', 'AWAITING_PAYMENT') THEN s.at + interval '9 minutes' END,
              CASE WHEN s.i % 500 = 0 THEN 'BENCH_ANOMALY' END, s.at
         FROM (SELECT i, now() - (i % 60) * interval '1 day' - (i % 1440) * interval '1 minute' AS at FROM generate_series(0, $1 - 1) i) s
         JOIN LATERAL (SELECT CASE WHEN s.i < 1000 THEN 'IN_USE' WHEN s.i < 2000 THEN 'AWAITING_PAYMENT' WHEN s.i % 7 = 0 THEN 'CANCELLED' ELSE 'PAID' END AS state) st ON true
         JOIN devices d ON d.code = 'BENCH-' || lpad((s.i % $2 + 1)::text, 5, '0')
         JOIN payscore_services ps ON ps.service_id = d.payscore_service_id
         JOIN pricing_plan_versions v ON v.plan_id = d.plan_id AND v.version = 1
         JOIN end_users eu ON eu.tenant_id = ps.tenant_id AND eu.openid = 'bench-user'`,
      [SESSIONS, DEVICES],
    );
    await db.query(
      `INSERT INTO session_actions (tenant_id, session_id, kind, state, amount_fen, reason, finished_at)
       SELECT tenant_id, id, 'REFUND', 'SUCCEEDED', 50, 'bench', paid_at + interval '1 hour' FROM service_sessions WHERE state = 'PAID' AND out_order_no ~ '^BENCH[0-9]*[05]0$'`,
    );
    await db.query(
      `INSERT INTO device_events (tenant_id, device_id, event_id, type, source, occurred_at)
       SELECT tenant_id, id, 'bench-fault', 'device.fault', 'DEVICE', now() - interval '1 hour' FROM devices WHERE code LIKE 'BENCH-%' ORDER BY code LIMIT 300`,
    );
    await db.query('VACUUM ANALYZE'); // what autovacuum does after a bulk load: index-only scans need the visibility map
  } finally {
    await db.end();
  }
}

const pct = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;

export async function runOverviewBench(): Promise<string> {
  const server = await serverDatabase('zizhu_bench_overview_');
  if (!server) return '## Overview (`GET /v1/overview`)\n\nNo PostgreSQL server answered; not measured.\n';
  try {
    const { child, port } = await start(
      ['--import', './tools/register.mjs', 'apps/api/src/main.ts'],
      { PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'warn', SEED_DEMO: 'true', DATABASE_URL: server.url, JWT_SECRET: randomBytes(32).toString('hex'), MASTER_KEY: randomBytes(32).toString('hex') },
      /ready on http:\/\/localhost:(\d+)/,
    );
    try {
      const seeding = performance.now();
      await seedOverviewData(server.url);
      const seededMs = performance.now() - seeding;
      const base = `http://127.0.0.1:${port}`;
      const token = async (login: string) => {
        const r = await fetch(`${base}/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ login, password: 'zizhu-demo' }) });
        return ((await r.json()) as { accessToken: string }).accessToken;
      };
      const rows: string[] = [];
      for (const [label, login, query] of [
        ['franchise brand admin (all 5,000 devices, 100,000 sessions)', 'ops@fridge.demo', ''],
        ['franchise brand admin, `organizationId` = one franchisee', 'ops@fridge.demo', `?organizationId=${F1}`],
        ['franchisee admin (its own half)', 'f2@fridge.demo', ''],
        ['platform admin (everything)', 'admin@zizhu.demo', ''],
        ['hardware reseller (fleet only)', 'ops@vendor.demo', ''],
      ] as const) {
        const headers = { authorization: `Bearer ${await token(login)}` };
        for (let i = 0; i < 5; i++) await (await fetch(`${base}/v1/overview${query}`, { headers })).json(); // warm-up
        const times: number[] = [];
        for (let i = 0; i < ROUNDS; i++) {
          const began = performance.now();
          const r = await fetch(`${base}/v1/overview${query}`, { headers });
          if (r.status !== 200) throw new Error(`overview answered ${r.status}: ${await r.text()}`);
          await r.json();
          times.push(performance.now() - began);
        }
        times.sort((a, b) => a - b);
        rows.push(`| ${label} | ${pct(times, 50).toFixed(1)} | ${pct(times, 99).toFixed(1)} |`);
      }
      return [
        '## Overview (`GET /v1/overview`) on the PostgreSQL server',
        '',
        `${DEVICES.toLocaleString('en')} fridges of the demo franchise brand (split between its two franchisees) and ${SESSIONS.toLocaleString('en')} sessions over 60 days ` +
          `(1,000 in use, 1,000 unpaid, the rest paid or cancelled; 2% of the paid ones partly refunded; 300 devices with a fault today), written in SQL in ${(seededMs / 1000).toFixed(1)} s. ` +
          `Each row: ${ROUNDS} requests one after another after 5 warm-ups, API and client on the same machine, times from sending to the parsed answer. ` +
          'Every figure is an aggregate query under row-level security (revenue by Shanghai day, sessions by state, device health, anomalies, receivables).',
        '',
        '| caller | p50 ms | p99 ms |',
        '|---|---:|---:|',
        ...rows,
        '',
      ].join('\n');
    } finally {
      await stop(child);
    }
  } finally {
    if (process.env.BENCH_OVERVIEW_KEEP) process.stderr.write(`kept ${server.url}\n`);
    else await server.drop();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) process.stdout.write(await runOverviewBench());
