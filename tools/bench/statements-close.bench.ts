// Closing a month's statements for a franchise brand with 100 franchisees and 1,000,000 sessions (issue 12), on the
// PostgreSQL server. Run alone:
//   node --import ./tools/register.mjs tools/bench/statements-close.bench.ts
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import pg from 'pg';
import { rssMiB, serverDatabase, start, stop } from './support.js';

const FRANCHISEES = 100;
const SESSIONS = 1_000_000;

// the demo's fridge brand, its merchant account, Pay Score service and F1's fridge (demo-data.ts), copied per franchisee
const BRAND = '00000000-0000-4000-8000-000000000020';
const FR1 = '00000000-0000-4000-8000-000000000221';
const ACCOUNT = '00000000-0000-4000-8000-000000000320';
const SERVICE = '00000000-0000-4000-8000-000000000420';

/** The previous calendar month in Asia/Shanghai: [first day, last day]. */
function lastMonth(): { start: string; end: string } {
  const now = new Date(Date.now() + 8 * 3600_000);
  const first = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 1, 1));
  const last = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 0));
  return { start: first.toISOString().slice(0, 10), end: last.toISOString().slice(0, 10) };
}

/** 100 franchisees of the brand, each with a site and a fridge; 1,000,000 paid sessions over the month. */
async function seed(url: string, month: { start: string; end: string }): Promise<string[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows: orgs } = await client.query<{ id: string }>(
      `WITH ids AS (SELECT gen_random_uuid() AS id, n FROM generate_series(1, $2) n)
       INSERT INTO organizations (id, parent_id, path, kind, name)
       SELECT ids.id, $1, b.path || ids.id, 'FRANCHISEE', '基准加盟店 ' || lpad(n::text, 3, '0') FROM ids, organizations b WHERE b.id = $1
       RETURNING id`,
      [BRAND, FRANCHISEES],
    );
    await client.query(
      `INSERT INTO sites (tenant_id, name, address, city) SELECT o.id, '基准门店', '基准路 1 号', '杭州' FROM organizations o WHERE o.parent_id = $1 AND o.name LIKE '基准加盟店%'`,
      [BRAND],
    );
    await client.query(
      `INSERT INTO devices SELECT (jsonb_populate_record(d, jsonb_build_object('id', gen_random_uuid(), 'tenant_id', s.tenant_id, 'site_id', s.id,
                                   'code', 'BENCH-' || substr(s.tenant_id::text, 1, 8) || substr(s.id::text, 1, 4), 'created_at', $2::date - 60, 'plan_id', NULL))).*
         FROM devices d, sites s WHERE d.id = $1 AND s.name = '基准门店'`,
      [FR1, month.start],
    );
    const { rows: users } = await client.query<{ id: string }>(`INSERT INTO end_users (tenant_id, appid, openid) VALUES ($1, 'wxd0000000000demo', 'bench-close') RETURNING id`, [BRAND]);
    await client.query(
      `WITH devs AS (SELECT row_number() OVER (ORDER BY d.id) - 1 AS k, d.id, d.tenant_id, d.code FROM devices d WHERE d.code LIKE 'BENCH-%')
       INSERT INTO service_sessions (tenant_id, merchant_tenant_id, merchant_account_id, payscore_service_id, service_id, scenario, service_mode, end_user_id, appid,
         device_id, device_type, device_code, plan_id, plan_version, plan, risk_fund_fen, notify_url, out_order_no, state, total_fen, paid_fen, refunded_fen,
         created_at, order_completed_at, paid_at, transaction_id)
       SELECT devs.tenant_id, $1, $2, $3, '2002000000000000000000000000020', 'VENDING', 'USE_FIRST', $4, 'wxd0000000000demo',
         devs.id, 'FRIDGE', devs.code, gen_random_uuid(), 1,
         '{"timezone":"Asia/Shanghai","items":{"cola-330":{"unitFen":350}},"minimumFen":0,"totalCapFen":20000}', 20000, 'https://bench.invalid/notify',
         'C' || lpad(g::text, 12, '0'), 'PAID', 350 * (1 + g % 5), 350 * (1 + g % 5), 0,
         c.at, c.at + interval '2 minutes', c.at + interval '3 minutes', 'TC' || g
       FROM generate_series(0, $5 - 1) g
       JOIN devs ON devs.k = g % $6
       CROSS JOIN LATERAL (SELECT ($7::date::timestamp AT TIME ZONE 'Asia/Shanghai') + interval '1 minute' + (g::double precision / $5) * ((($8::date + 1) - $7::date) * interval '1 day' - interval '10 minutes') AS at) c`,
      [BRAND, ACCOUNT, SERVICE, users[0]!.id, SESSIONS, FRANCHISEES, month.start, month.end],
    );
    await client.query(`ANALYZE`);
    return orgs.map((o) => o.id);
  } finally {
    await client.end();
  }
}

function peakRssMiB(pid: number): number {
  const line = readFileSync(`/proc/${pid}/status`, 'utf8').split('\n').find((l) => l.startsWith('VmHWM:'));
  return Math.round(Number(line?.replace(/\D+/g, '') ?? 0) / 1024);
}

export async function runStatementsCloseBench(): Promise<string> {
  const server = await serverDatabase('zizhu_bench_close_');
  if (!server) return '## Closing a month of statements\n\nNo PostgreSQL server answered; not measured.';
  try {
    const env = { DATABASE_URL: server.url, JWT_SECRET: randomBytes(32).toString('hex'), MASTER_KEY: randomBytes(32).toString('hex') };
    const { child, port } = await start(['--import', './tools/register.mjs', 'apps/api/src/main.ts'], { PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'warn', SEED_DEMO: 'true', ...env }, /ready on http:\/\/localhost:(\d+)/);
    try {
      const month = lastMonth();
      const seedStart = performance.now();
      const franchisees = await seed(server.url, month);
      const seedSeconds = (performance.now() - seedStart) / 1000;
      const base = `http://127.0.0.1:${port}`;
      const json = async (method: string, path: string, token: string, body?: unknown) => {
        const response = await fetch(`${base}${path}`, {
          method,
          headers: { authorization: `Bearer ${token}`, ...(body !== undefined ? { 'content-type': 'application/json' } : {}), 'idempotency-key': randomBytes(8).toString('hex') },
          ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
        });
        const answer = (await response.json()) as Record<string, unknown>;
        if (response.status >= 300) throw new Error(`${method} ${path}: ${response.status} ${JSON.stringify(answer)}`);
        return answer;
      };
      const login = (await (
        await fetch(`${base}/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ login: 'ops@fridge.demo', password: 'zizhu-demo' }) })
      ).json()) as { accessToken: string };
      const brand = login.accessToken;
      // each franchisee's agreement from the month's first day: the PUT opens its statements at once
      for (const id of franchisees) {
        await json('PUT', `/v1/organizations/${id}/agreement`, brand, { commissionBasisPoints: 1500, fixedFeePerDeviceMonthFen: 5000, minimumMonthFen: 10000, effectiveFrom: month.start });
      }
      const listed = await json('GET', `/v1/statements?status=OPEN&from=${month.start}&to=${month.end}&limit=200`, brand);
      const due = (listed['items'] as { id: string; periodStart: string; organizationId: string }[]).filter((s) => s.periodStart === month.start && franchisees.includes(s.organizationId));
      if (due.length !== FRANCHISEES) throw new Error(`expected ${FRANCHISEES} open statements of ${month.start}, found ${due.length}`);
      const rssBefore = rssMiB(child.pid!);
      let rssMax = rssBefore;
      const sampler = setInterval(() => {
        rssMax = Math.max(rssMax, rssMiB(child.pid!));
      }, 20);
      const began = performance.now();
      const perStatement: number[] = [];
      let sessions = 0;
      let payable = 0;
      for (const s of due) {
        const t0 = performance.now();
        const closed = await json('POST', `/v1/statements/${s.id}/close`, brand);
        perStatement.push(performance.now() - t0);
        sessions += Number(closed['sessions']);
        payable += Number(closed['payableFen']);
      }
      const seconds = (performance.now() - began) / 1000;
      clearInterval(sampler);
      rssMax = Math.max(rssMax, rssMiB(child.pid!));
      const hwm = peakRssMiB(child.pid!);
      if (sessions !== SESSIONS) throw new Error(`the closed statements count ${sessions} sessions, not ${SESSIONS}`);
      const sorted = [...perStatement].sort((a, b) => a - b);
      return [
        '## Closing a month of statements: 100 franchisees, 1,000,000 sessions (PostgreSQL server)',
        '',
        `${FRANCHISEES} franchisees of the demo fridge brand, one fridge each, ${SESSIONS.toLocaleString('en-US')} paid sessions over ${month.start} – ${month.end} seeded in SQL ` +
          `(${seedSeconds.toFixed(0)} s); each franchisee’s agreement (1,500 bp, a fixed fee per device and a minimum) set through the API, which opens its statements. ` +
          `Then the brand closes the ${FRANCHISEES} statements of the month, one \`POST /v1/statements/{id}/close\` after another over loopback: each close aggregates its ` +
          `sessions in SQL (per-order commission floor in the query), stores the lines and totals and posts the fees to the ledger — no session is loaded into the API process.`,
        '',
        '| figure | value |',
        '|---|---:|',
        `| statements closed | ${due.length} |`,
        `| sessions in them | ${sessions.toLocaleString('en-US')} |`,
        `| Σ payableFen | ${payable.toLocaleString('en-US')} |`,
        `| wall time, all closes | ${seconds.toFixed(1)} s |`,
        `| per close: median / max | ${sorted[Math.floor(sorted.length / 2)]!.toFixed(0)} ms / ${sorted[sorted.length - 1]!.toFixed(0)} ms |`,
        `| API RSS before the closes | ${rssBefore} MiB |`,
        `| API RSS peak while closing (sampled every 20 ms) | ${rssMax} MiB |`,
        `| API process peak RSS since start (VmHWM) | ${hwm} MiB |`,
      ].join('\n');
    } finally {
      await stop(child);
    }
  } finally {
    await server.drop();
  }
}

const invokedDirectly = process.argv[1] !== undefined && import.meta.url.endsWith(process.argv[1].replace(/\\/g, '/'));
if (invokedDirectly) process.stdout.write(`${await runStatementsCloseBench()}\n`);
