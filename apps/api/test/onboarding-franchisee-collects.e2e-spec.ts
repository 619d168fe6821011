// Issue 14 on issue 12: a franchisee that collects through its own merchant account gets its application pack, its
// compliance page and its acceptance kit from its own sessions and devices — and its brand's account stops counting them.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { describePlan, type PricingPlan } from '@zizhu/pricing';
import { DEMO_DEVICES, DEMO_MERCHANTS, DEMO_ORGS, DEMO_PLANS, DEMO_SITES } from '../src/modules/demo/demo-data.js';
import { DemoFleet, registerFranchiseeMerchant, type Session, systemSql } from './support/franchise-loop.js';
import { LoopHarness } from './support/loop-harness.js';

interface Pack {
  code?: string;
  sessions: number;
  averageTicketFen: number;
  operatingModel: string;
  amountDistribution: { range: string; count: number; percent: number }[];
  billingRules: string[];
  sites: { place: string; devices: number }[];
}
interface Compliance { services: { serviceId: string; devices: { id: string; code: string; fits: boolean }[]; scenariosUnmixed: boolean }[] }
interface RunSession { sessionId: string; outOrderNo: string; amountFen: number | null }
interface Run { id: string; code?: string; errors?: { field: string }[]; serviceId: string; completed: RunSession | null; cancelled: RunSession | null }

let loop: LoopHarness;
let fleet: DemoFleet;
const tokens: Record<string, string> = {};
const brand = DEMO_MERCHANTS.fridge.id;
let own = { accountId: '', serviceId: '', mchid: '' };
let before: Session;
let paid: Session;
let cancelled: { sessionId: string; outOrderNo: string };
let run: Run;
const fr1 = DEMO_DEVICES.find((d) => d.code === 'FR-0001')!; // franchisee 1's
const shanghaiToday = () => new Date(loop.clock.now().getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
const sql = <T = Record<string, unknown>>(text: string, params: unknown[] = []) => systemSql(loop)<T>(text, params);
const get = async <T>(login: string, path: string) => loop.request<T>('GET', path, { token: tokens[login]! });

beforeAll(async () => {
  loop = await LoopHarness.start({ sessions: { confirmTimeoutSeconds: 4, startTimeoutSeconds: 3, reconcileAfterSeconds: 1 } });
  for (const login of ['ops@fridge.demo', 'f1@fridge.demo', 'f2@fridge.demo']) tokens[login] = await loop.operator(login);
  own = await registerFranchiseeMerchant(loop, tokens['f1@fridge.demo']!, '西湖加盟店商户号');
  fleet = await DemoFleet.start(loop, ['FR-0001'], () => tokens['ops@fridge.demo']!);
  // while the brand collects, FR-0001's session is charged through the brand's account
  before = await fleet.paidSession('fc-before', 'FR-0001', [{ sku: 'cola-330', count: 2 }], 700);
  // the switch to collecting itself, from today. Set behind the API: the API refuses a collection switch inside a period
  // that already has money booked (AGREEMENT_COLLECTION_MID_PERIOD, issue 12), as this month has the session above; this
  // file is about the merchant of record, which follows the agreement in force on the day a session starts
  await sql(
    `INSERT INTO agreements (tenant_id, parent_tenant_id, kind, version, effective_from, period, commission_basis_points, collection, max_profit_sharing_ratio_basis_points, channel_fee_passed_on, created_at)
     SELECT $1, $2, 'FRANCHISE', max(version) + 1, $3::date, 'MONTHLY', 1000, 'FRANCHISEE_COLLECTS', 3000, false, now() FROM agreements WHERE tenant_id = $1`,
    [DEMO_ORGS.fridgeF1.id, DEMO_ORGS.fridge.id, shanghaiToday()],
  );
  const refused = await loop.request<{ code: string }>('PUT', `/v1/organizations/${DEMO_ORGS.fridgeF1.id}/agreement`, {
    token: tokens['ops@fridge.demo'],
    body: { commissionBasisPoints: 1000, collection: 'BRAND_COLLECTS', effectiveFrom: shanghaiToday() },
  });
  expect(refused.body.code).toBe('AGREEMENT_COLLECTION_MID_PERIOD');
});

afterAll(async () => {
  await fleet.stop();
  await loop.close();
});

describe('onboarding of a franchisee that collects through its own merchant account', () => {
  it('starts an acceptance run on the franchisee’s own service with its device (still bound to the brand’s service id); the brand’s service no longer takes it', async () => {
    expect((await sql<{ payscore_service_id: string }>(`SELECT payscore_service_id FROM devices WHERE id = $1`, [fr1.id]))[0]!.payscore_service_id).toBe(DEMO_MERCHANTS.fridge.services[0].serviceId);
    const onBrand = await loop.request<Run>('POST', `/v1/merchant-accounts/${brand}/acceptance-runs`, { token: tokens['ops@fridge.demo']!, body: { serviceId: DEMO_MERCHANTS.fridge.services[0].serviceId, deviceId: fr1.id } });
    expect([onBrand.status, onBrand.body.code, onBrand.body.errors?.[0]?.field]).toEqual([422, 'ACCEPTANCE_RUN_INVALID', 'deviceId']);
    const created = await loop.request<Run>('POST', `/v1/merchant-accounts/${own.accountId}/acceptance-runs`, { token: tokens['f1@fridge.demo']!, body: { serviceId: own.serviceId, deviceId: fr1.id } });
    expect(created.status).toBe(201);
    run = created.body;
  });

  it('charges FR-0001’s new sessions through the franchisee’s account, and the run records its paid and its cancelled order', async () => {
    paid = await fleet.paidSession('fc-paid', 'FR-0001', [{ sku: 'cola-330', count: 1 }], 350);
    const refuser = await loop.consumer('fc-refuser');
    const scan = await loop.request<{ sessionId: string; outOrderNo: string }>('POST', '/v1/consumer/sessions', { token: refuser, body: { deviceCode: 'FR-0001' } });
    expect(scan.status).toBe(201);
    cancelled = scan.body;
    expect((await loop.decide(cancelled.outOrderNo, 'fc-refuser', 'refuse')).status).toBe(200);
    expect((await loop.request('POST', `/v1/consumer/sessions/${cancelled.sessionId}/cancel`, { token: refuser })).status).toBe(200);
    expect((await loop.waitFor(cancelled.sessionId, refuser, (s) => s['state'] === 'PAID' || s['state'] === 'CANCELLED'))['state']).toBe('CANCELLED');

    const rows = await sql<{ id: string; merchant_account_id: string; service_id: string }>(
      `SELECT id, merchant_account_id, service_id FROM service_sessions WHERE id = ANY ($1::uuid[]) ORDER BY created_at`,
      [[before.sessionId, paid.sessionId, cancelled.sessionId]],
    );
    expect(rows.map((r) => [r.id, r.merchant_account_id, r.service_id])).toEqual([
      [before.sessionId, brand, DEMO_MERCHANTS.fridge.services[0].serviceId],
      [paid.sessionId, own.accountId, own.serviceId],
      [cancelled.sessionId, own.accountId, own.serviceId],
    ]);

    const seen = (await get<Run>('f1@fridge.demo', `/v1/merchant-accounts/${own.accountId}/acceptance-runs/${run.id}`)).body;
    expect(seen).toMatchObject({
      serviceId: own.serviceId,
      completed: { sessionId: paid.sessionId, outOrderNo: paid.outOrderNo, amountFen: 350 },
      cancelled: { sessionId: cancelled.sessionId, outOrderNo: cancelled.outOrderNo, amountFen: null },
    });
  });

  it('fills the franchisee’s pack from its own sessions, plans and sites, for itself and its brand', async () => {
    for (const login of ['f1@fridge.demo', 'ops@fridge.demo']) {
      const { status, body } = await get<Pack>(login, `/v1/merchant-accounts/${own.accountId}/application-pack?minSessions=1`);
      expect([login, status]).toEqual([login, 200]);
      expect(body).toMatchObject({ sessions: 1, averageTicketFen: 350, operatingModel: '加盟' });
      expect(body.amountDistribution.map((d) => [d.count, d.percent])).toEqual([[1, 100], [0, 0], [0, 0], [0, 0]]);
      expect(body.billingRules).toEqual([describePlan(DEMO_PLANS.fridge as unknown as PricingPlan)]);
      expect(body.sites.map((s) => [s.place, s.devices])).toEqual([[DEMO_SITES.fridgeWestLake.name, 1]]);
    }
    // the other franchisee sees neither account's pack
    expect((await get<Pack>('f2@fridge.demo', `/v1/merchant-accounts/${own.accountId}/application-pack?minSessions=1`)).status).toBe(404);
  });

  it('keeps the franchisee-collected sessions and devices out of the brand’s pack, and the brand’s out of the franchisee’s', async () => {
    const { status, body } = await get<Pack>('ops@fridge.demo', `/v1/merchant-accounts/${brand}/application-pack?minSessions=1`);
    expect(status).toBe(200);
    // only the session charged before the switch (700 fen) is the brand's
    expect(body).toMatchObject({ sessions: 1, averageTicketFen: 700 });
    expect(body.billingRules).toEqual([describePlan(DEMO_PLANS.fridgeSmall as unknown as PricingPlan)]);
    expect(body.sites.map((s) => s.place)).toEqual([DEMO_SITES.fridgeBinjiang.name]);
  });

  it('shows FR-0001 on the franchisee’s own service on its compliance page, no longer on the brand’s', async () => {
    const mine = (await get<Compliance>('f1@fridge.demo', `/v1/merchant-accounts/${own.accountId}/compliance`)).body;
    expect(mine.services.map((s) => [s.serviceId, s.devices.map((d) => [d.code, d.fits]), s.scenariosUnmixed])).toEqual([[own.serviceId, [['FR-0001', true]], true]]);
    const brands = (await get<Compliance>('ops@fridge.demo', `/v1/merchant-accounts/${brand}/compliance`)).body;
    expect(brands.services.flatMap((s) => s.devices.map((d) => d.code))).toEqual(['FR-0002']);
  });

  it('draws the franchisee’s flow storyboard from its own account for itself and its brand, not for the other franchisee', async () => {
    const storyboard = async (login: string, accountId: string) => {
      const response = await fetch(`${loop.apiUrl}/v1/merchant-accounts/${accountId}/flow-storyboard`, { headers: { authorization: `Bearer ${tokens[login]!}` } });
      return { status: response.status, text: await response.text() };
    };
    for (const login of ['f1@fridge.demo', 'ops@fridge.demo']) {
      const { status, text } = await storyboard(login, own.accountId);
      expect([login, status]).toEqual([login, 200]);
      expect(text).toContain(`商户号 ${own.mchid}`);
      expect(text).toContain('FR-0001');
    }
    expect((await storyboard('f2@fridge.demo', own.accountId)).status).toBe(404);
    // and the franchisees do not read their brand's
    for (const login of ['f1@fridge.demo', 'f2@fridge.demo']) expect([login, (await storyboard(login, brand)).status]).toEqual([login, 404]);
  });
});
