// The operator's session list with 100,000 sessions on the PostgreSQL server (issue 11: "lists of 100,000
// sessions page in ≤ 200 ms server time"). Run alone:
//   node --import ./tools/register.mjs tools/bench/sessions.bench.ts
import { randomBytes } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import pg from 'pg';
import { serverDatabase, start, stop } from './support.js';

const SESSIONS = 100_000;
const ROUNDS = 15;

// the demo's fridge brand: its two franchisees' fridges, its merchant account and Pay Score service (demo-data.ts)
const BRAND = '00000000-0000-4000-8000-000000000020';
const F1 = '00000000-0000-4000-8000-000000000021';
const F2 = '00000000-0000-4000-8000-000000000022';
const FR1 = '00000000-0000-4000-8000-000000000221';
const FR2 = '00000000-0000-4000-8000-000000000222';
const ACCOUNT = '00000000-0000-4000-8000-000000000320';
const SERVICE = '00000000-0000-4000-8000-000000000420';

/** 100,000 finished fridge sessions over 90 days, split between the two franchisees; 1 in 50 flagged. */
export async function seedSessions(url: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ id: string }>(`INSERT INTO end_users (tenant_id, appid, openid) VALUES ($1, 'wxd0000000000demo', 'bench') RETURNING id`, [BRAND]);
    await client.query(
      `INSERT INTO service_sessions (tenant_id, merchant_tenant_id, merchant_account_id, payscore_service_id, service_id, scenario, service_mode, end_user_id, appid,
         device_id, device_type, device_code, plan_id, plan_version, plan, risk_fund_fen, notify_url, out_order_no, state, total_fen, paid_fen, anomaly,
         created_at, order_completed_at, paid_at, cancelled_at, transaction_id)
       SELECT CASE WHEN g % 2 = 0 THEN $1::uuid ELSE $2::uuid END, $3, $4, $5, '2002000000000000000000000000020', 'VENDING', 'USE_FIRST', $6, 'wxd0000000000demo',
         CASE WHEN g % 2 = 0 THEN $7::uuid ELSE $8::uuid END, 'FRIDGE', CASE WHEN g % 2 = 0 THEN 'FR-0001' ELSE 'FR-0002' END, gen_random_uuid(), 1,
         '{"timezone":"Asia/Shanghai","items":{"cola-330":{"unitFen":350}},"minimumFen":0,"totalCapFen":20000}', 20000, 'https://bench.invalid/notify',
         'B' || lpad(g::text, 12, '0'),
         s.state, CASE WHEN s.state = 'CANCELLED' THEN NULL ELSE 350 * (1 + g % 5) END, CASE WHEN s.state = 'PAID' THEN 350 * (1 + g % 5) END,
         CASE WHEN g % 50 = 0 THEN 'USAGE_INVALID bench' END,
         c.at, CASE WHEN s.state <> 'CANCELLED' THEN c.at + interval '2 minutes' END, CASE WHEN s.state = 'PAID' THEN c.at + interval '3 minutes' END,
         CASE WHEN s.state = 'CANCELLED' THEN c.at + interval '5 minutes' END, CASE WHEN s.state = 'PAID' THEN 'T' || g END
       FROM generate_series(1, $9) g
       CROSS JOIN LATERAL (SELECT CASE WHEN g % 10 < 7 THEN 'PAID' WHEN g % 10 < 9 THEN 'CANCELLED' ELSE 'AWAITING_PAYMENT' END AS state) s
       CROSS JOIN LATERAL (SELECT now() - (g::double precision / $9) * interval '90 days' AS at) c`,
      [F1, F2, BRAND, ACCOUNT, SERVICE, rows[0]!.id, FR1, FR2, SESSIONS],
    );
    await client.query(`ANALYZE service_sessions`);
  } finally {
    await client.end();
  }
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

export async function runSessionsBench(): Promise<string> {
  const server = await serverDatabase('zizhu_bench_sessions_');
  if (!server) return '## Session list\n\nNo PostgreSQL server answered; not measured.';
  try {
    const env = { DATABASE_URL: server.url, JWT_SECRET: randomBytes(32).toString('hex'), MASTER_KEY: randomBytes(32).toString('hex') };
    const { child, port } = await start(['--import', './tools/register.mjs', 'apps/api/src/main.ts'], { PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'warn', SEED_DEMO: 'true', ...env }, /ready on http:\/\/localhost:(\d+)/);
    try {
      await seedSessions(server.url);
      const base = `http://127.0.0.1:${port}`;
      const token = async (login: string) =>
        (
          (await (
            await fetch(`${base}/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ login, password: 'zizhu-demo' }) })
          ).json()) as { accessToken: string }
        ).accessToken;
      const brand = await token('ops@fridge.demo');
      const franchisee = await token('f1@fridge.demo');
      const time = async (auth: string, path: string): Promise<{ ms: number; total: number; nextCursor: string | null }> => {
        const began = performance.now();
        const response = await fetch(`${base}${path}`, { headers: { authorization: `Bearer ${auth}` } });
        const body = (await response.json()) as { total: number; nextCursor: string | null };
        const ms = performance.now() - began;
        if (response.status !== 200) throw new Error(`${path}: ${response.status} ${JSON.stringify(body)}`);
        return { ms, total: body.total, nextCursor: body.nextCursor };
      };
      // a cursor deep in the list: page 1,000 of 50
      let deep = '';
      {
        const response = await fetch(`${base}/v1/sessions?limit=200&offset=49800`, { headers: { authorization: `Bearer ${brand}` } });
        deep = ((await response.json()) as { nextCursor: string }).nextCursor;
      }
      const cases: [string, string, string][] = [
        ['brand (100,000 visible), first page', brand, '/v1/sessions?limit=50'],
        ['brand, page 1,000 by cursor', brand, `/v1/sessions?limit=50&cursor=${deep}`],
        ['brand, page 1,000 by offset', brand, '/v1/sessions?limit=50&offset=49950'],
        ['brand, state=AWAITING_PAYMENT,CANCELLED', brand, '/v1/sessions?limit=50&state=AWAITING_PAYMENT,CANCELLED'],
        ['brand, anomaly=true', brand, '/v1/sessions?limit=50&anomaly=true'],
        ['brand, one franchisee, one week', brand, `/v1/sessions?limit=50&organizationId=${F2}&from=${day(-14)}&to=${day(-7)}`],
        ['brand, search by out_order_no', brand, '/v1/sessions?limit=50&q=B000000054321'],
        ['franchisee (50,000 visible), first page', franchisee, '/v1/sessions?limit=50'],
        ['brand, receivables (10,000 owed)', brand, '/v1/receivables?limit=50'],
      ];
      const rows: string[] = [];
      for (const [label, auth, path] of cases) {
        await time(auth, path); // warm-up
        const runs: number[] = [];
        let total = 0;
        for (let i = 0; i < ROUNDS; i++) {
          const r = await time(auth, path);
          runs.push(r.ms);
          total = r.total;
        }
        rows.push(`| ${label} | ${total.toLocaleString('en-US')} | ${median(runs).toFixed(1)} | ${Math.max(...runs).toFixed(1)} |`);
      }
      const exportStart = performance.now();
      const csv = await (await fetch(`${base}/v1/sessions/export.csv?organizationId=${F1}`, { headers: { authorization: `Bearer ${brand}` } })).arrayBuffer();
      const exportMs = performance.now() - exportStart;
      return [
        '## Session list: 100,000 sessions (PostgreSQL server)',
        '',
        `${SESSIONS.toLocaleString('en-US')} finished fridge sessions over 90 days, half per franchisee of the demo fridge brand, seeded in SQL; one request at a time over loopback, ` +
          `median and worst of ${ROUNDS} after a warm-up; each answer is one tenant transaction with the page query and the count of all that match (\`total\`). Target: ≤ 200 ms.`,
        '',
        '| request | total | median ms | max ms |',
        '|---|---:|---:|---:|',
        ...rows,
        '',
        `CSV export of one franchisee (50,000 rows, ${(csv.byteLength / 1_048_576).toFixed(1)} MiB, streamed in batches of 1,000): ${(exportMs / 1000).toFixed(1)} s.`,
      ].join('\n');
    } finally {
      await stop(child);
    }
  } finally {
    await server.drop();
  }
}

/** An Asia/Shanghai day, `offset` days from today. */
function day(offset: number): string {
  return new Date(Date.now() + 8 * 3600_000 + offset * 86_400_000).toISOString().slice(0, 10);
}

const invokedDirectly = process.argv[1] !== undefined && import.meta.url.endsWith(process.argv[1].replace(/\\/g, '/'));
if (invokedDirectly) process.stdout.write(`${await runSessionsBench()}\n`);
