// The operator's session list, its CSV export, the receivables by age and the session detail the console
// shows (issue 11): filters, keyset and offset pages, tenancy (a franchisee never sees a sibling's sessions,
// a hardware reseller sees none), and operator actions that never act twice under one Idempotency-Key.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Transactions } from '../src/platform/database/transactions.js';
import { DEMO_APPID, DEMO_DEVICES, DEMO_MERCHANTS, DEMO_ORGS as O, DEMO_SITES } from '../src/modules/demo/demo-data.js';
import { createTestApp, type TestApp } from './support/test-app.js';

interface Listed {
  id: string;
  state: string;
  organizationId: string;
  deviceType: string;
  anomalyKind: string | null;
  outOrderNo: string;
}
interface Page {
  items: Listed[];
  total: number;
  nextCursor: string | null;
}

const FR1 = DEMO_DEVICES.find((d) => d.code === 'FR-0001')!; // franchisee 1 (西湖)
const FR2 = DEMO_DEVICES.find((d) => d.code === 'FR-0002')!; // franchisee 2 (滨江)
const DAY = 86_400_000;

interface Seed {
  device: typeof FR1 | typeof FR2;
  state: 'PAID' | 'CANCELLED' | 'AWAITING_PAYMENT';
  createdAt: Date;
  totalFen?: number;
  paidFen?: number;
  refundedFen?: number;
  anomaly?: string;
  completedAt?: Date;
  cancelReason?: string;
}

describe('sessions list, export, receivables and detail (issue 11)', () => {
  let t: TestApp;
  const tokens: Record<string, string> = {};
  const as = (login: string) => ({ token: tokens[login]! });
  const byId = new Map<string, Seed & { id: string; outOrderNo: string }>();
  const now = Date.now();

  const seed = async (rows: Seed[]): Promise<string[]> =>
    t.app.get(Transactions).asSystem(async (m) => {
      const [user] = (await m.query(`INSERT INTO end_users (tenant_id, appid, openid) VALUES ($1, $2, $3) RETURNING id`, [O.fridge.id, DEMO_APPID, `list-${randomUUID()}`])) as [
        { id: string },
      ];
      const ids: string[] = [];
      for (const r of rows) {
        const outOrderNo = `L${randomUUID().replace(/-/g, '').slice(0, 20)}`;
        const tenant = r.device.id === FR1.id ? O.fridgeF1.id : O.fridgeF2.id;
        const total = r.totalFen ?? (r.state === 'CANCELLED' ? null : 1200);
        const [row] = (await m.query(
          `INSERT INTO service_sessions (tenant_id, merchant_tenant_id, merchant_account_id, payscore_service_id, service_id, scenario, service_mode, end_user_id, appid,
             device_id, device_type, device_code, plan_id, plan_version, plan, risk_fund_fen, notify_url, out_order_no, state, total_fen, paid_fen, refunded_fen, anomaly,
             created_at, order_completed_at, paid_at, cancelled_at, cancel_reason, transaction_id)
           VALUES ($1, $2, $3, $4, $5, 'VENDING', 'USE_FIRST', $6, $7, $8, 'FRIDGE', $9, gen_random_uuid(), 1, '{}', 20000, 'https://x', $10, $11, $12, $13, $14, $15,
             $16, $17, CASE WHEN $11 = 'PAID' THEN $16::timestamptz END, CASE WHEN $11 = 'CANCELLED' THEN $16::timestamptz END, $18, CASE WHEN $11 = 'PAID' THEN 'T' || $10 END)
           RETURNING id`,
          [
            tenant,
            O.fridge.id,
            DEMO_MERCHANTS.fridge.id,
            DEMO_MERCHANTS.fridge.services[0].id,
            DEMO_MERCHANTS.fridge.services[0].serviceId,
            user.id,
            DEMO_APPID,
            r.device.id,
            r.device.code,
            outOrderNo,
            r.state,
            total,
            r.state === 'PAID' ? (r.paidFen ?? total) : null,
            r.refundedFen ?? 0,
            r.anomaly ?? null,
            r.createdAt,
            r.completedAt ?? (r.state === 'CANCELLED' ? null : r.createdAt),
            r.cancelReason ?? null,
          ],
        )) as [{ id: string }];
        await m.query(
          `INSERT INTO session_order_attempts (tenant_id, merchant_tenant_id, session_id, attempt, out_order_no, state) VALUES ($1, $2, $3, 1, $4, 'CURRENT')`,
          [tenant, O.fridge.id, row.id, outOrderNo],
        );
        byId.set(row.id, { ...r, id: row.id, outOrderNo });
        ids.push(row.id);
      }
      return ids;
    });

  const list = async (login: string, query: string): Promise<Page> => {
    const response = await t.http('GET', `/v1/sessions?${query}`, as(login));
    expect({ query, status: response.statusCode }).toEqual({ query, status: 200 });
    return response.json() as Page;
  };
  /** Every page through the cursor. */
  const walk = async (login: string, query: string, limit: number): Promise<string[]> => {
    const ids: string[] = [];
    let cursor: string | null = null;
    do {
      const page: Page = await list(login, `${query}&limit=${limit}${cursor ? `&cursor=${cursor}` : ''}`);
      expect(page.items.length).toBeLessThanOrEqual(limit);
      ids.push(...page.items.map((i) => i.id));
      cursor = page.nextCursor;
    } while (cursor);
    return ids;
  };
  const csv = async (login: string, query = '') => t.http('GET', `/v1/sessions/export.csv?${query}`, as(login));
  const expected = (pick: (s: Seed & { id: string }) => boolean) =>
    [...byId.values()]
      .filter(pick)
      .sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime() || (a.id < b.id ? 1 : -1))
      .map((s) => s.id);

  beforeAll(async () => {
    t = await createTestApp();
    for (const login of ['ops@fridge.demo', 'f1@fridge.demo', 'f2@fridge.demo', 'ops@vendor.demo', 'ops@powerbank.demo']) tokens[login] = await t.login(login);
    const rows: Seed[] = [];
    for (let i = 0; i < 24; i++) {
      const device = i % 3 === 0 ? FR2 : FR1;
      const state = (['PAID', 'CANCELLED', 'AWAITING_PAYMENT'] as const)[i % 3]!;
      rows.push({
        device,
        state,
        // several share one instant: the id breaks the tie in the order and the cursor
        createdAt: new Date(now - Math.floor(i / 2) * 3 * 3600_000),
        ...(state === 'CANCELLED' ? { cancelReason: '用户取消, "超时"' } : {}),
        ...(i % 5 === 0 ? { anomaly: i % 10 === 0 ? 'USAGE_INVALID items: cola-330 unknown' : 'ORDER_VANISHED: WeChat does not know an order it created' } : {}),
      });
    }
    // Asia/Shanghai day edges: 2026-01-01 23:59:59 and 2026-01-02 00:00:00 (UTC+8)
    rows.push({ device: FR1, state: 'PAID', createdAt: new Date('2026-01-01T15:59:59.000Z'), totalFen: 1234 });
    rows.push({ device: FR1, state: 'PAID', createdAt: new Date('2026-01-01T16:00:00.000Z'), totalFen: 5 });
    await seed(rows);
  }, 120_000);

  afterAll(async () => {
    await t?.close();
  });

  it('pages newest first by cursor and by offset, with the total of all that match', async () => {
    const all = expected(() => true);
    const first = await list('ops@fridge.demo', 'limit=5');
    expect(first.total).toBe(all.length);
    expect(first.items.map((i) => i.id)).toEqual(all.slice(0, 5));
    expect(first.nextCursor).toEqual(expect.any(String));
    expect(await walk('ops@fridge.demo', '', 4)).toEqual(all);
    const third = await list('ops@fridge.demo', 'limit=5&offset=10');
    expect(third.items.map((i) => i.id)).toEqual(all.slice(10, 15));
    const last = await list('ops@fridge.demo', `limit=5&offset=${all.length - 2}`);
    expect(last).toMatchObject({ total: all.length, nextCursor: null });
    expect(last.items).toHaveLength(2);
  });

  it('filters by state (one or several), vertical, device, site, organisation, anomaly and its kind, Shanghai days and search', async () => {
    const ops = 'ops@fridge.demo';
    const ids = async (query: string) => (await walk(ops, query, 50)).sort();
    const sorted = (pick: (s: Seed & { id: string }) => boolean) => expected(pick).sort();
    expect(await ids('state=PAID')).toEqual(sorted((s) => s.state === 'PAID'));
    expect(await ids('state=PAID&state=CANCELLED')).toEqual(sorted((s) => s.state !== 'AWAITING_PAYMENT'));
    expect(await ids('state=PAID,CANCELLED')).toEqual(sorted((s) => s.state !== 'AWAITING_PAYMENT'));
    expect(await ids('vertical=FRIDGE')).toEqual(sorted(() => true));
    expect(await ids('vertical=EV_CHARGER')).toEqual([]);
    expect(await ids(`deviceId=${FR2.id}`)).toEqual(sorted((s) => s.device === FR2));
    expect(await ids(`siteId=${DEMO_SITES.fridgeWestLake.id}`)).toEqual(sorted((s) => s.device === FR1));
    expect(await ids(`organizationId=${O.fridgeF2.id}`)).toEqual(sorted((s) => s.device === FR2));
    expect(await ids('anomaly=true')).toEqual(sorted((s) => s.anomaly !== undefined));
    expect(await ids('anomaly=false')).toEqual(sorted((s) => s.anomaly === undefined));
    expect(await ids('anomalyKind=USAGE_INVALID')).toEqual(sorted((s) => s.anomaly?.startsWith('USAGE_INVALID') === true));
    expect(await ids('anomalyKind=ORDER_VANISHED')).toEqual(sorted((s) => s.anomaly?.startsWith('ORDER_VANISHED') === true));
    expect(await ids('anomalyKind=ORDER_VANISHED')).not.toEqual([]);
    const flagged = await list(ops, 'anomalyKind=USAGE_INVALID&limit=1');
    expect(flagged.items[0]).toMatchObject({ anomalyKind: 'USAGE_INVALID', deviceType: 'FRIDGE' });
    // Shanghai days: 2026-01-01 ends at 16:00 UTC
    const jan1 = sorted((s) => s.totalFen === 1234);
    const jan2 = sorted((s) => s.totalFen === 5);
    expect(await ids('from=2026-01-01&to=2026-01-01')).toEqual(jan1);
    expect(await ids('from=2026-01-02&to=2026-01-02')).toEqual(jan2);
    expect(await ids('from=2025-12-31&to=2026-01-02')).toEqual([...jan1, ...jan2].sort());
    expect(await ids('to=2026-01-01')).toEqual(jan1);
    // search: a session id or an out_order_no
    const target = [...byId.values()][7]!;
    expect(await ids(`q=${target.id}`)).toEqual([target.id]);
    expect(await ids(`q=${target.outOrderNo}`)).toEqual([target.id]);
    expect(await ids('q=NOSUCHORDER')).toEqual([]);
    // filters combine, and the count follows them
    const combined = await list(ops, `state=AWAITING_PAYMENT&organizationId=${O.fridgeF1.id}&limit=1`);
    expect(combined.total).toBe(expected((s) => s.state === 'AWAITING_PAYMENT' && s.device === FR1).length);
  });

  it('names the field of a filter it refuses', async () => {
    const field = async (query: string) => {
      const response = await t.http('GET', `/v1/sessions?${query}`, as('ops@fridge.demo'));
      expect(response.statusCode).toBe(400);
      return (response.json() as { code: string; errors: { field: string }[] }).errors.map((e) => e.field);
    };
    expect(await field('state=PAID,BOGUS')).toEqual(['state']);
    expect(await field('vertical=TOASTER')).toEqual(['vertical']);
    expect(await field('from=2026-13-01')).toEqual(['from']);
    expect(await field('from=2026-02-02&to=2026-02-01')).toEqual(['to']);
    expect(await field('cursor=bm90LWEtY3Vyc29y')).toEqual(['cursor']);
    expect(await field('siteId=nope')).toEqual(['siteId']);
    expect(await field('anomalyKind=NOPE')).toEqual(['anomalyKind']);
  });

  it('a franchisee sees only its own sessions, in the list and in the export; the reseller sees none', async () => {
    const own = expected((s) => s.device === FR1);
    const sibling = expected((s) => s.device === FR2);
    expect(await walk('f1@fridge.demo', '', 50)).toEqual(own);
    expect((await list('f1@fridge.demo', 'limit=1')).total).toBe(own.length);
    // naming the sibling as the organisation finds nothing, as does searching for a sibling's session
    expect(await list('f1@fridge.demo', `organizationId=${O.fridgeF2.id}`)).toMatchObject({ total: 0, items: [] });
    expect(await list('f1@fridge.demo', `q=${sibling[0]}`)).toMatchObject({ total: 0, items: [] });
    expect((await t.http('GET', `/v1/sessions/${sibling[0]}`, as('f1@fridge.demo'))).statusCode).toBe(404);
    const exported = (await csv('f1@fridge.demo')).body;
    for (const id of own) expect(exported).toContain(id);
    for (const id of sibling) expect(exported).not.toContain(id);
    expect(await walk('f2@fridge.demo', '', 50)).toEqual(sibling);
    // the hardware reseller and another brand: nothing
    for (const login of ['ops@vendor.demo', 'ops@powerbank.demo']) {
      expect(await list(login, '')).toMatchObject({ total: 0, items: [], nextCursor: null });
      const lines = (await csv(login)).body.replace(/^\uFEFF/, '').trim().split('\r\n');
      expect(lines).toHaveLength(1);
      expect((await t.http('GET', `/v1/sessions/${own[0]}`, as(login))).statusCode).toBe(404);
    }
  });

  it('exports the filtered sessions as CSV: BOM, yuan and fen, Shanghai times, quoted text', async () => {
    const response = await csv('ops@fridge.demo', 'state=PAID,CANCELLED');
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(response.headers['content-disposition']).toMatch(/^attachment; filename="sessions-\d{4}-\d{2}-\d{2}\.csv"$/);
    expect(response.rawPayload.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    const [header, ...rows] = response.body.replace(/^\uFEFF/, '').trimEnd().split('\r\n');
    const columns = header!.split(',');
    expect(columns).toEqual(expect.arrayContaining(['session_id', 'out_order_no', 'state', 'created_at', 'total_yuan', 'total_fen', 'paid_yuan', 'paid_fen', 'refunded_yuan']));
    expect(rows.map((r) => r.split(',')[0])).toEqual(expected((s) => s.state !== 'AWAITING_PAYMENT'));
    const cell = (row: string, name: string) => row.split(',')[columns.indexOf(name)];
    const jan1 = rows.find((r) => cell(r, 'total_fen') === '1234')!;
    expect(cell(jan1, 'total_yuan')).toBe('12.34');
    expect(cell(jan1, 'paid_yuan')).toBe('12.34');
    expect(cell(jan1, 'created_at')).toBe('2026-01-01 23:59:59');
    const jan2 = rows.find((r) => cell(r, 'total_fen') === '5')!;
    expect(cell(jan2, 'total_yuan')).toBe('0.05');
    expect(cell(jan2, 'created_at')).toBe('2026-01-02 00:00:00');
    // text with a comma and quotes stays one cell, Chinese intact
    expect(response.body).toContain('"用户取消, ""超时"""');
    // the same refusal as the list
    expect((await csv('ops@fridge.demo', 'state=NOPE')).statusCode).toBe(400);
  });

  it('counts and sums what users owe by age in SQL, and pages the oldest first (one bucket too)', async () => {
    const ages = [0.5, 2, 2.5, 5, 10, 40, 45];
    const owedIds = await seed(ages.map((d, i) => ({ device: i === 6 ? FR2 : FR1, state: 'AWAITING_PAYMENT', createdAt: new Date(now - d * DAY - 3600_000), completedAt: new Date(now - d * DAY), totalFen: 100 * (i + 1) })));
    interface Receivables {
      count: number;
      owedFen: number;
      total: number;
      aging: { bucket: string; count: number; owedFen: number; minDays: number; maxDays: number | null }[];
      items: { id: string; bucket: string }[];
    }
    const get = async (login: string, query = '') => {
      const response = await t.http('GET', `/v1/receivables?${query}`, as(login));
      expect(response.statusCode).toBe(200);
      return response.json() as Receivables;
    };
    // the rows seeded earlier owe 1200 each and are 0–1.5 days old
    const earlier = [...byId.values()].filter((s) => s.state === 'AWAITING_PAYMENT' && !owedIds.includes(s.id));
    const earlierIn = (lo: number, hi: number) => earlier.filter((s) => now - s.createdAt.getTime() >= lo * DAY && now - s.createdAt.getTime() < hi * DAY);
    const brand = await get('ops@fridge.demo', 'limit=200');
    expect(brand.aging).toEqual([
      { bucket: '0-1d', minDays: 0, maxDays: 1, count: 1 + earlierIn(0, 1).length, owedFen: 100 + 1200 * earlierIn(0, 1).length },
      { bucket: '1-3d', minDays: 1, maxDays: 3, count: 2 + earlierIn(1, 3).length, owedFen: 200 + 300 + 1200 * earlierIn(1, 3).length },
      { bucket: '3-7d', minDays: 3, maxDays: 7, count: 1, owedFen: 400 },
      { bucket: '7-30d', minDays: 7, maxDays: 30, count: 1, owedFen: 500 },
      { bucket: '>30d', minDays: 30, maxDays: null, count: 2, owedFen: 600 + 700 },
    ]);
    expect(brand.count).toBe(7 + earlier.length);
    expect(brand.owedFen).toBe(2800 + 1200 * earlier.length);
    expect(brand.total).toBe(brand.count);
    expect(brand.items.slice(0, 3).map((i) => [i.id, i.bucket])).toEqual([
      [owedIds[6], '>30d'],
      [owedIds[5], '>30d'],
      [owedIds[4], '7-30d'],
    ]);
    const old = await get('ops@fridge.demo', 'bucket=%3E30d&limit=1');
    expect(old).toMatchObject({ total: 2, items: [{ id: owedIds[6], bucket: '>30d' }] });
    expect((await get('ops@fridge.demo', 'bucket=%3E30d&limit=1&offset=1')).items.map((i) => i.id)).toEqual([owedIds[5]]);
    expect((await get('ops@fridge.demo', 'bucket=1-3d')).items.map((i) => i.id).sort()).toEqual([owedIds[1], owedIds[2], ...earlierIn(1, 3).map((s) => s.id)].sort());
    // franchisee 1 does not see franchisee 2's debt (the 45-day one), nor its count
    const f1 = await get('f1@fridge.demo', 'bucket=%3E30d');
    expect(f1).toMatchObject({ total: 1, items: [{ id: owedIds[5] }] });
    expect(f1.aging.find((a) => a.bucket === '>30d')).toMatchObject({ count: 1, owedFen: 600 });
    expect((await get('ops@vendor.demo')).count).toBe(0);
    expect((await t.http('GET', '/v1/receivables?bucket=old', as('ops@fridge.demo'))).json()).toMatchObject({ status: 400, errors: [{ field: 'bucket' }] });
  });

  it('the detail names the item catalog of the plan version the session started with (what an operator may end it with)', async () => {
    const [open] = await seed([{ device: FR1, state: 'PAID', createdAt: new Date(now - 30_000), totalFen: 350, paidFen: 350 }]);
    const plan = { timezone: 'Asia/Shanghai', items: { catalog: [{ sku: 'cola-330', name: '可乐 330ml', priceFen: 350 }, { sku: 'water-550', priceFen: 200 }] } };
    await t.app.get(Transactions).asSystem((m) => m.query(`UPDATE service_sessions SET plan = $2 WHERE id = $1`, [open, JSON.stringify(plan)]));
    const detail = (await t.http('GET', `/v1/sessions/${open}`, as('ops@fridge.demo'))).json() as Record<string, unknown>;
    expect(detail['itemCatalog']).toEqual([
      { sku: 'cola-330', name: '可乐 330ml', priceFen: 350 },
      { sku: 'water-550', name: 'water-550', priceFen: 200 },
    ]);
  });

  it('the detail carries the timeline, the refunds and what can still be refunded', async () => {
    const [paid] = await seed([{ device: FR1, state: 'PAID', createdAt: new Date(now - 60_000), totalFen: 900, paidFen: 900 }]);
    const detail = (await t.http('GET', `/v1/sessions/${paid}`, as('f1@fridge.demo'))).json() as Record<string, unknown>;
    expect(detail).toMatchObject({ id: paid, state: 'PAID', refunds: [], refundableFen: 900, runningQuote: null, deviceType: 'FRIDGE', itemCatalog: null });
    expect(Object.keys(detail['times'] as object)).toEqual(expect.arrayContaining(['createdAt', 'awaitingConfirmationAt', 'inUseAt', 'awaitingPaymentAt', 'paidAt', 'cancelledAt']));
    expect((detail['times'] as Record<string, string | null>)['paidAt']).toBe(new Date(now - 60_000).toISOString());
    const refund = await t.http('POST', `/v1/sessions/${paid}/refunds`, { ...as('f1@fridge.demo'), headers: { 'idempotency-key': randomUUID() }, body: { amountFen: 300, reason: '少了一瓶' } });
    expect(refund.statusCode).toBe(202);
    const after = (await t.http('GET', `/v1/sessions/${paid}`, as('f1@fridge.demo'))).json() as { refunds: { kind: string; amountFen: number; reason: string }[]; refundableFen: number };
    expect(after.refunds).toMatchObject([{ kind: 'REFUND', amountFen: 300, reason: '少了一瓶' }]);
    expect(after.refundableFen).toBe(600);
  });

  it('an operator action repeated with the same Idempotency-Key acts once', async () => {
    const [owed] = await seed([{ device: FR2, state: 'AWAITING_PAYMENT', createdAt: new Date(now - 2 * DAY), totalFen: 800 }]);
    const actions = () =>
      t.app
        .get(Transactions)
        .asSystem(async (m) => (await m.query(`SELECT kind, amount_fen FROM session_actions WHERE session_id = $1 ORDER BY created_at`, [owed])) as { kind: string; amount_fen: number | null }[]);
    const post = (path: string, key: string, body?: unknown) =>
      t.http('POST', `/v1/sessions/${owed}/${path}`, { ...as('f2@fridge.demo'), headers: { 'idempotency-key': key }, ...(body === undefined ? {} : { body }) });
    const collectKey = randomUUID();
    const first = await post('collect', collectKey);
    const second = await post('collect', collectKey);
    expect([first.statusCode, second.statusCode]).toEqual([202, 202]);
    expect(second.headers['idempotent-replayed']).toBe('true');
    expect(second.json()).toEqual(first.json());
    const modifyKey = randomUUID();
    expect((await post('modify', modifyKey, { totalFen: 500, reason: '减免' })).statusCode).toBe(202);
    expect((await post('modify', modifyKey, { totalFen: 500, reason: '减免' })).headers['idempotent-replayed']).toBe('true');
    expect((await post('modify', modifyKey, { totalFen: 400, reason: '减免' })).statusCode).toBe(422);
    expect(await actions()).toEqual([
      { kind: 'COLLECT', amount_fen: null },
      { kind: 'MODIFY', amount_fen: 500 },
    ]);
    // without a key, nothing happens
    expect((await t.http('POST', `/v1/sessions/${owed}/collect`, as('f2@fridge.demo'))).statusCode).toBe(400);
    expect(await actions()).toHaveLength(2);
    // the sibling franchisee cannot act on it: 404
    expect((await t.http('POST', `/v1/sessions/${owed}/collect`, { ...as('f1@fridge.demo'), headers: { 'idempotency-key': randomUUID() } })).statusCode).toBe(404);
  });
});
