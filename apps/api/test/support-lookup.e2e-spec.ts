// Customer-service lookup (issue 16): GET /v1/support/lookup finds a session by each identifier a user quotes, with its
// charges, refunds, complaints and device reports; user identifiers are audited; tenancy decides what is found.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { DEMO_MERCHANTS } from '../src/modules/demo/demo-data.js';
import { systemQuery } from './fleet-support.js';
import { createTestApp, type TestApp } from './support/test-app.js';

interface Seeded {
  id: string;
  outOrderNo: string;
  firstOutOrderNo: string;
  transactionId: string;
  outRefundNo: string;
  refundId: string;
  openid: string;
  complaintId: string;
  createdAt: string;
}

interface Merchant {
  id: string;
  orgId: string;
  services: readonly { id: string; serviceId: string; scenario: string; mode: string }[];
}

interface LookupBody {
  audited: boolean;
  truncated: boolean;
  sessions: {
    id: string;
    outOrderNo: string;
    outOrderNos: string[];
    transactionId: string | null;
    openid: string | null;
    deviceCode: string;
    paidFen: number | null;
    refundedFen: number;
    charges: { kind: string; amountFen: number }[];
    refunds: { outRefundNo: string | null; refundId: string | null; amountFen: number | null; state: string }[];
    complaints: { complaintId: string; state: string }[];
    deviceReports: { source: string; type: string; ofSession: boolean }[];
  }[];
}

describe('customer-service lookup', () => {
  let t: TestApp;
  const tokens: Record<string, string> = {};
  let f1: Seeded;
  let f2: Seeded;
  let c1: Seeded;
  const tag = () => randomUUID().replaceAll('-', '').slice(0, 12).toUpperCase();

  /**
   * A paid session on a demo device (2 hours ago, 10 minutes long) with a second Pay Score attempt, a partial refund, a
   * complaint, its start command acknowledged, a session.ended event and a heartbeat during it.
   */
  async function seed(deviceCode: string, merchant: Merchant): Promise<Seeded> {
    const k = tag();
    const s: Seeded = {
      id: randomUUID(),
      outOrderNo: `SUPB${k}`,
      firstOutOrderNo: `SUPA${k}`,
      transactionId: `4200${k}`,
      outRefundNo: `RF${k}`,
      refundId: `50300${k}`,
      openid: `o-support-${k.toLowerCase()}`,
      complaintId: `2000${k}`,
      createdAt: '',
    };
    const service = merchant.services[0]!;
    const quote = { totalFen: 700, lines: [{ kind: 'items', label: '可乐 330ml × 2', amountFen: 700, detail: '3.5元 × 2' }], capped: null, explanation: 'x' };
    const [row] = await systemQuery<{ created_at: Date }>(
      t,
      `WITH d AS (SELECT id, tenant_id, type, code, plan_id FROM devices WHERE code = $8),
            u AS (INSERT INTO end_users (tenant_id, appid, openid) VALUES ($2::uuid, 'wxd0000000000demo', $9) RETURNING id)
       INSERT INTO service_sessions (id, tenant_id, merchant_tenant_id, merchant_account_id, payscore_service_id, service_id, scenario, service_mode, end_user_id, appid,
                                     device_id, device_type, device_code, plan_id, plan_version, plan, risk_fund_fen, notify_url, out_order_no, order_attempt, state,
                                     quote, quoted_fen, total_fen, paid_fen, refunded_fen, transaction_id, created_at, awaiting_confirmation_at, in_use_at, ended_at,
                                     awaiting_payment_at, order_completed_at, paid_at)
       SELECT $1, d.tenant_id, $2, $3, $4, $5, $6, $7, u.id, 'wxd0000000000demo', d.id, d.type, d.code, d.plan_id, 1, '{}'::jsonb, 10000,
              'http://127.0.0.1/notify', $10, 2, 'PAID', $11::jsonb, 700, 700, 700, 200, $12,
              now() - interval '2 hours', now() - interval '2 hours', now() - interval '119 minutes', now() - interval '110 minutes',
              now() - interval '110 minutes', now() - interval '110 minutes', now() - interval '109 minutes'
       FROM d, u RETURNING created_at`,
      [s.id, merchant.orgId, merchant.id, service.id, service.serviceId, service.scenario, service.mode, deviceCode, s.openid, s.outOrderNo, JSON.stringify(quote), s.transactionId],
    );
    s.createdAt = new Date(row!.created_at).toISOString();
    await systemQuery(
      t,
      `INSERT INTO session_order_attempts (tenant_id, merchant_tenant_id, session_id, attempt, out_order_no, state)
       SELECT tenant_id, merchant_tenant_id, id, a.attempt, a.no, a.state FROM service_sessions, (VALUES (1, $2, 'REVOKED'), (2, $3, 'CURRENT')) a(attempt, no, state)
       WHERE id = $1`,
      [s.id, s.firstOutOrderNo, s.outOrderNo],
    );
    await systemQuery(
      t,
      `INSERT INTO session_actions (tenant_id, session_id, kind, amount_fen, reason, out_refund_no, refund_id, state, created_at, finished_at)
       SELECT tenant_id, id, 'REFUND', 200, '少拿了一瓶', $2, $3, 'SUCCEEDED', now() - interval '100 minutes', now() - interval '99 minutes' FROM service_sessions WHERE id = $1`,
      [s.id, s.outRefundNo, s.refundId],
    );
    await systemQuery(
      t,
      `INSERT INTO complaints (tenant_id, merchant_account_id, complaint_id, session_id, session_tenant_id, out_order_no, transaction_id, state, complaint_time, reply_due_at, complete_due_at, detail)
       SELECT s.merchant_tenant_id, s.merchant_account_id, $2, s.id, s.tenant_id, s.out_order_no, s.transaction_id, 'PENDING', now() - interval '90 minutes',
              now() + interval '22 hours', now() + interval '70 hours', '扣错钱了'
       FROM service_sessions s WHERE s.id = $1`,
      [s.id, s.complaintId],
    );
    await systemQuery(
      t,
      `WITH s AS (SELECT * FROM service_sessions WHERE id = $1)
       INSERT INTO device_commands (tenant_id, device_id, type, session_id, state, created_at, expires_at, acked_at, ack_result, ack_occurred_at)
       SELECT tenant_id, device_id, 'UNLOCK', id::text, 'SUCCEEDED', now() - interval '119 minutes' - interval '5 seconds', now(), now() - interval '119 minutes',
              'SUCCEEDED', now() - interval '119 minutes' FROM s`,
      [s.id],
    );
    await systemQuery(
      t,
      `WITH s AS (SELECT * FROM service_sessions WHERE id = $1)
       INSERT INTO device_events (tenant_id, device_id, event_id, type, session_id, source, occurred_at, payload)
       SELECT tenant_id, device_id, $2, 'session.ended', id::text, 'DEVICE', now() - interval '110 minutes', '{"usage": {"items": [{"sku": "cola-330", "count": 2}]}}'::jsonb FROM s`,
      [s.id, `ev-${k}`],
    );
    await systemQuery(
      t,
      `INSERT INTO device_telemetry (tenant_id, device_id, recorded_at, firmware, telemetry)
       SELECT tenant_id, device_id, now() - interval '115 minutes', '1.0.0', '{"temperatureC": 4}'::jsonb FROM service_sessions WHERE id = $1`,
      [s.id],
    );
    return s;
  }

  const lookup = (login: string, query: string) => t.http('GET', `/v1/support/lookup?${query}`, { token: tokens[login]! });
  const ids = (body: unknown) => (body as LookupBody).sessions.map((s) => s.id);

  beforeAll(async () => {
    t = await createTestApp();
    for (const login of ['admin@zizhu.demo', 'ops@fridge.demo', 'f1@fridge.demo', 'f2@fridge.demo', 'ops@vendor.demo', 'c1@vendor.demo']) tokens[login] = await t.login(login);
    const fridgeMerchant = { ...DEMO_MERCHANTS.fridge, orgId: (await systemQuery<{ id: string }>(t, `SELECT tenant_id AS id FROM merchant_accounts WHERE id = $1`, [DEMO_MERCHANTS.fridge.id]))[0]!.id };
    const c1Merchant = { ...DEMO_MERCHANTS.vendorC1, orgId: (await systemQuery<{ id: string }>(t, `SELECT tenant_id AS id FROM merchant_accounts WHERE id = $1`, [DEMO_MERCHANTS.vendorC1.id]))[0]!.id };
    f1 = await seed('FR-0001', fridgeMerchant);
    f2 = await seed('FR-0002', fridgeMerchant);
    c1 = await seed('EV-0001', c1Merchant);
  });
  afterAll(() => t?.close());

  it('finds the session by each identifier, with its charges, refunds, complaints and device reports', async () => {
    const at = new Date(new Date(f1.createdAt).getTime() + 5 * 60_000).toISOString();
    const queries: Record<string, string> = {
      transactionId: `kind=transactionId&q=${f1.transactionId}`,
      outOrderNo: `kind=outOrderNo&q=${f1.outOrderNo}`,
      firstAttempt: `kind=outOrderNo&q=${f1.firstOutOrderNo}`,
      outRefundNo: `kind=refundNo&q=${f1.outRefundNo}`,
      refundId: `kind=refundNo&q=${f1.refundId}`,
      openid: `kind=openid&q=${f1.openid}`,
      deviceTime: `kind=deviceTime&q=FR-0001&at=${encodeURIComponent(at)}`,
    };
    for (const [name, query] of Object.entries(queries)) {
      const response = await lookup('ops@fridge.demo', query);
      expect({ name, status: response.statusCode }).toEqual({ name, status: 200 });
      expect({ name, ids: ids(response.json()) }).toEqual({ name, ids: [f1.id] });
    }
    const [session] = ((await lookup('ops@fridge.demo', queries.transactionId!)).json() as LookupBody).sessions;
    expect(session).toMatchObject({
      outOrderNo: f1.outOrderNo,
      outOrderNos: [f1.firstOutOrderNo, f1.outOrderNo],
      transactionId: f1.transactionId,
      openid: f1.openid,
      deviceCode: 'FR-0001',
      paidFen: 700,
      refundedFen: 200,
      charges: [{ kind: 'items', amountFen: 700 }],
      refunds: [{ outRefundNo: f1.outRefundNo, refundId: f1.refundId, amountFen: 200, state: 'SUCCEEDED' }],
      complaints: [{ complaintId: f1.complaintId, state: 'PENDING' }],
    });
    expect(session!.deviceReports.map((r) => [r.source, r.type, r.ofSession])).toEqual([
      ['COMMAND', 'UNLOCK', true],
      ['TELEMETRY', 'heartbeat', false],
      ['EVENT', 'session.ended', true],
    ]);
  });

  it('finds nothing for a device at a time far from its sessions, and nothing for an unknown identifier', async () => {
    const longBefore = new Date(new Date(f1.createdAt).getTime() - 5 * 3600_000).toISOString();
    const far = await lookup('ops@fridge.demo', `kind=deviceTime&q=FR-0001&at=${encodeURIComponent(longBefore)}&windowMinutes=60`);
    expect(far.statusCode).toBe(200);
    expect(ids(far.json())).not.toContain(f1.id);
    const unknown = await lookup('ops@fridge.demo', 'kind=transactionId&q=4200000000000000000000000000');
    expect((unknown.json() as LookupBody).sessions).toEqual([]);
  });

  it('audits a search by an end user’s identifier (who, what, what was found), and one by the operator’s own references only when its answer names a user', async () => {
    const before = await systemQuery<{ n: number }>(t, `SELECT count(*)::int AS n FROM audit_log WHERE action = 'support.lookup'`);
    for (const query of [`kind=openid&q=${f1.openid}`, `kind=transactionId&q=${f1.transactionId}`, `kind=refundNo&q=${f1.refundId}`]) {
      const response = await lookup('f1@fridge.demo', query);
      expect((response.json() as LookupBody).audited).toBe(true);
      expect(ids(response.json())).toEqual([f1.id]);
    }
    const rows = await systemQuery<{ actor_email: string; tenant_id: string; after: { kind: string; q: string; sessionIds: string[] }; request_id: string | null }>(
      t,
      `SELECT u.email AS actor_email, a.tenant_id, a.after, a.request_id FROM audit_log a JOIN users u ON u.id = a.actor_user_id
       WHERE a.action = 'support.lookup' ORDER BY a.occurred_at, a.id OFFSET $1`,
      [before[0]!.n],
    );
    expect(rows.map((r) => [r.actor_email, r.after.kind, r.after.q, r.after.sessionIds])).toEqual([
      ['f1@fridge.demo', 'openid', f1.openid, [f1.id]],
      ['f1@fridge.demo', 'transactionId', f1.transactionId, [f1.id]],
      ['f1@fridge.demo', 'refundNo', f1.refundId, [f1.id]],
    ]);
    // the operator's own reference is audited only when the answer names a user (f1's paid session carries its
    // transaction_id): walking a device's days cannot collect users' identifiers unrecorded
    const own = await lookup('f1@fridge.demo', `kind=outOrderNo&q=${f1.outOrderNo}`);
    expect((own.json() as LookupBody).audited).toBe(true);
    const none = await lookup('f1@fridge.demo', 'kind=outOrderNo&q=NOSUCHORDER0001');
    expect((none.json() as LookupBody).sessions).toEqual([]);
    expect((none.json() as LookupBody).audited).toBe(false);
    const after = await systemQuery<{ n: number }>(t, `SELECT count(*)::int AS n FROM audit_log WHERE action = 'support.lookup'`);
    expect(after[0]!.n).toBe(before[0]!.n + 4);
  });

  it('a franchisee finds its own sessions, never another franchisee’s; its brand finds both', async () => {
    expect(ids((await lookup('f1@fridge.demo', `kind=outOrderNo&q=${f1.outOrderNo}`)).json())).toEqual([f1.id]);
    // a franchisee charged by its brand finds its user by openid although the end user is the brand's data (shown as null)
    const byOpenid = (await lookup('f1@fridge.demo', `kind=openid&q=${f1.openid}`)).json() as LookupBody;
    expect(byOpenid.sessions.map((s) => [s.id, s.openid])).toEqual([[f1.id, null]]);
    for (const query of [`kind=outOrderNo&q=${f2.outOrderNo}`, `kind=transactionId&q=${f2.transactionId}`, `kind=openid&q=${f2.openid}`, `kind=refundNo&q=${f2.outRefundNo}`]) {
      const response = await lookup('f1@fridge.demo', query);
      expect(response.statusCode).toBe(200);
      expect(ids(response.json())).toEqual([]);
    }
    const at = encodeURIComponent(new Date(new Date(f2.createdAt).getTime() + 60_000).toISOString());
    expect(ids((await lookup('f1@fridge.demo', `kind=deviceTime&q=FR-0002&at=${at}`)).json())).toEqual([]);
    expect(ids((await lookup('f2@fridge.demo', `kind=deviceTime&q=FR-0002&at=${at}`)).json())).toEqual([f2.id]);
    expect(ids((await lookup('ops@fridge.demo', `kind=outOrderNo&q=${f2.outOrderNo}`)).json())).toEqual([f2.id]);
  });

  it('a hardware reseller finds none of its customers’ sessions; the customer and the platform admin do', async () => {
    const at = encodeURIComponent(new Date(new Date(c1.createdAt).getTime() + 60_000).toISOString());
    const queries = [
      `kind=outOrderNo&q=${c1.outOrderNo}`,
      `kind=transactionId&q=${c1.transactionId}`,
      `kind=refundNo&q=${c1.outRefundNo}`,
      `kind=openid&q=${c1.openid}`,
      `kind=deviceTime&q=EV-0001&at=${at}`,
    ];
    for (const query of queries) {
      const reseller = await lookup('ops@vendor.demo', query);
      expect(reseller.statusCode).toBe(200);
      expect(ids(reseller.json())).toEqual([]);
      expect(ids((await lookup('c1@vendor.demo', query)).json())).toEqual([c1.id]);
      expect(ids((await lookup('admin@zizhu.demo', query)).json())).toEqual([c1.id]);
    }
  });

  it('answers malformed input with 400 naming the field', async () => {
    const cases: [string, string][] = [
      ['kind=phone&q=13800000000', 'kind'],
      ['q=abc', 'kind'],
      ['kind=outOrderNo', 'q'],
      ['kind=transactionId&q=42%20OR%201%3D1', 'q'],
      ['kind=outOrderNo&q=' + 'A'.repeat(33), 'q'],
      ['kind=deviceTime&q=FR-0001', 'at'],
      ['kind=deviceTime&q=FR-0001&at=yesterday', 'at'],
      ['kind=deviceTime&q=FR-0001&at=2026-12-01T10:00:00%2B08:00&windowMinutes=0', 'windowMinutes'],
    ];
    for (const [query, field] of cases) {
      const response = await lookup('ops@fridge.demo', query);
      expect({ query, status: response.statusCode }).toEqual({ query, status: 400 });
      const body = response.json() as { code: string; errors: { field: string }[] };
      expect(body.code).toBe('VALIDATION_FAILED');
      expect(body.errors.map((e) => e.field)).toContain(field);
    }
  });
});
