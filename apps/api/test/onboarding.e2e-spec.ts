import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Fleet, type SessionScript } from '@zizhu/fleet-sim';
import { DEMO_MERCHANTS } from '../src/modules/demo/demo-data.js';
import { systemQuery } from './fleet-support.js';
import { LoopHarness } from './support/loop-harness.js';

interface Step { key: string; state: string; blockers: string[]; checks: string[]; expected: { from: string; to: string } | null; evidence: unknown[]; submittedOn: string | null }
interface Tracker { nextAction: { step: string; text: string } | null; refused: string | null; subjectType: string | null; steps: Step[]; code?: string; errors?: { field: string }[] }

/** The onboarding tracker of the water customer's account, with a paid and a cancelled session run through the simulator (issue 14). */
let loop: LoopHarness;
let fleet: Fleet;
const stop = new AbortController();
let running: Promise<void>;
const scripts = new Map<string, SessionScript>();
const tokens: Record<string, string> = {};
const account = DEMO_MERCHANTS.vendorC2.id;

const get = async (login = 'c2@vendor.demo') => loop.request<Tracker>('GET', `/v1/merchant-accounts/${account}/onboarding`, { token: tokens[login] });
const put = async (step: string, body: Record<string, unknown>, login = 'c2@vendor.demo') =>
  loop.request<Tracker>('PUT', `/v1/merchant-accounts/${account}/onboarding/steps/${step}`, { token: tokens[login], body });
const subject = async (subjectType: string) => loop.request<Tracker>('PUT', `/v1/merchant-accounts/${account}/onboarding/subject`, { token: tokens['c2@vendor.demo'], body: { subjectType } });
const stateOf = (t: Tracker, key: string) => t.steps.find((s) => s.key === key)!;

beforeAll(async () => {
  loop = await LoopHarness.start({ sessions: { confirmTimeoutSeconds: 4, startTimeoutSeconds: 3, reconcileAfterSeconds: 1 } });
  for (const login of ['c2@vendor.demo', 'ops@vendor.demo', 'c1@vendor.demo', 'admin@zizhu.demo']) tokens[login] = await loop.operator(login);
  const device = await loop.demoDevice('WV-0001', tokens['c2@vendor.demo']!);
  fleet = loop.scriptedFleet([device], scripts);
  running = fleet.start(stop.signal);
});

afterAll(async () => {
  stop.abort();
  await running;
  await loop.close();
});

const terminal = (s: Record<string, unknown>) => s['state'] === 'PAID' || s['state'] === 'CANCELLED';

describe('the onboarding tracker of a merchant account', () => {
  it('starts with 1.1–1.4 blocked until the phone is verified, and 1.3 as the next action', async () => {
    const { status, body } = await get();
    expect(status).toBe(200);
    expect(body.nextAction?.step).toBe('1.3');
    expect(body.steps.map((s) => s.state)).toEqual(['BLOCKED', 'BLOCKED', 'TODO', 'BLOCKED', 'BLOCKED', 'BLOCKED', 'BLOCKED']);
    expect(stateOf(body, '1.1').blockers.join()).toContain('1.3');
  });

  it('stops a subject that cannot apply for direct Pay Score, and refuses blocked states naming state', async () => {
    const refused = await subject('MICRO_MERCHANT');
    expect(refused.status).toBe(200);
    expect(refused.body.refused).toContain('小微商户不能申请直连微信支付分');
    expect(refused.body.nextAction).toBeNull();
    const blocked = await put('1.3', { state: 'DONE' });
    expect([blocked.status, blocked.body.code, blocked.body.errors?.[0]?.field]).toEqual([422, 'ONBOARDING_STEP_BLOCKED', 'state']);
    expect((await subject('ENTERPRISE')).body.refused).toBeNull();
    const early = await put('1.1', { state: 'SUBMITTED' });
    expect([early.status, early.body.code]).toEqual([422, 'ONBOARDING_STEP_BLOCKED']);
    const badStep = await put('3.1', { state: 'DONE' });
    expect([badStep.status, badStep.body.code]).toEqual([404, 'ONBOARDING_STEP_INVALID']);
    const invalid = await put('1.3', { state: 'FINISHED', evidence: [{ fileName: '', sizeBytes: 20_000_000 }] });
    expect(invalid.status).toBe(400);
  });

  it('records steps with evidence (metadata only) and counts the service ID’s working days', async () => {
    const phone = await put('1.3', { state: 'DONE', submittedOn: '2026-12-01', note: '400 电话已验证', evidence: [{ fileName: '验证截图.png', contentType: 'image/png', sizeBytes: 12345, date: '2026-12-01' }] });
    expect(phone.status).toBe(200);
    expect(stateOf(phone.body, '1.3')).toMatchObject({ state: 'DONE', submittedOn: '2026-12-01', evidence: [{ fileName: '验证截图.png', sizeBytes: 12345 }] });
    for (const step of ['1.1', '1.2']) expect((await put(step, { state: 'DONE' })).status).toBe(200);
    const questionnaire = await put('1.4', { state: 'DONE', submittedOn: '2026-12-01' });
    expect(stateOf(questionnaire.body, '1.4').expected).toEqual({ from: '2026-12-10', to: '2026-12-15' });
    expect(stateOf(questionnaire.body, '1.4').checks.join()).toContain('服务 ID');
    // the seeded demo account was never validated by a probe: 1.2 waits for it
    expect(stateOf(questionnaire.body, '1.2')).toMatchObject({ state: 'IN_PROGRESS', checks: ['商户凭证尚未校验通过'] });
    expect((await put('2.1', { state: 'DONE' })).status).toBe(422);
    await systemQuery(loop.zizhu, `UPDATE merchant_accounts SET validated_at = now() WHERE id = $1`, [account]); // as a saved, probed credential does
    const validated = (await get()).body;
    expect(stateOf(validated, '1.2')).toMatchObject({ state: 'DONE', checks: ['商户凭证已校验通过'] });
    expect(validated.nextAction?.step).toBe('2.1');
    expect((await put('2.1', { state: 'DONE' })).status).toBe(200);
    const early = await put('2.2', { state: 'DONE' });
    expect([early.status, early.body.code]).toEqual([422, 'ONBOARDING_STEP_BLOCKED']);
  });

  it('turns debugging done once the platform has seen a paid and a cancelled order on the service id', async () => {
    const consumer = await loop.consumer('onboarding-payer');
    const paid = await loop.request<{ sessionId: string; outOrderNo: string }>('POST', '/v1/consumer/sessions', { token: consumer, body: { deviceCode: 'WV-0001' } });
    expect(paid.status).toBe(201);
    scripts.set(paid.body.sessionId, { endAfterMs: 100, volumeMillilitres: 1000 });
    expect((await loop.decide(paid.body.outOrderNo, 'onboarding-payer', 'confirm')).status).toBe(200);
    expect((await loop.waitFor(paid.body.sessionId, consumer, terminal))['state']).toBe('PAID');
    expect(stateOf((await get()).body, '2.2').state).not.toBe('DONE');

    const refuser = await loop.consumer('onboarding-refuser');
    const cancelled = await loop.request<{ sessionId: string; outOrderNo: string }>('POST', '/v1/consumer/sessions', { token: refuser, body: { deviceCode: 'WV-0001' } });
    expect(cancelled.status).toBe(201);
    expect((await loop.decide(cancelled.body.outOrderNo, 'onboarding-refuser', 'refuse')).status).toBe(200);
    expect((await loop.request('POST', `/v1/consumer/sessions/${cancelled.body.sessionId}/cancel`, { token: refuser })).status).toBe(200);
    expect((await loop.waitFor(cancelled.body.sessionId, refuser, terminal))['state']).toBe('CANCELLED');

    const { body } = await get();
    expect(stateOf(body, '2.2').state).toBe('DONE');
    expect(stateOf(body, '2.2').checks.join()).toContain(DEMO_MERCHANTS.vendorC2.services[0].serviceId);
    expect(body.nextAction?.step).toBe('2.3');

    // the orders do not let signing be skipped: with 2.1 open again, 2.2 is blocked (orders still shown) and so is 2.3
    expect((await put('2.1', { state: 'IN_PROGRESS' })).status).toBe(200);
    const unsigned = (await get()).body;
    expect(stateOf(unsigned, '2.2')).toMatchObject({ state: 'BLOCKED', blockers: ['须先完成 2.1 签约与白名单'] });
    expect(stateOf(unsigned, '2.2').checks.join()).toContain(`平台已看到完成与取消订单：${DEMO_MERCHANTS.vendorC2.services[0].serviceId}`);
    expect(stateOf(unsigned, '2.3')).toMatchObject({ state: 'BLOCKED', blockers: ['须先完成 2.1 签约与白名单', '须先完成 2.2 联调'] });
    expect(unsigned.nextAction?.step).toBe('2.1');
    const skipped = await put('2.3', { state: 'SUBMITTED' });
    expect([skipped.status, skipped.body.code]).toEqual([422, 'ONBOARDING_STEP_BLOCKED']);
    expect((await put('2.1', { state: 'DONE' })).status).toBe(200);
    expect(stateOf((await get()).body, '2.2').state).toBe('DONE');
    const review = stateOf(body, '2.3').expected!.from;
    expect([2, 4]).toContain(new Date(`${review}T00:00:00Z`).getUTCDay());
  });

  it('is read by the account’s admin and the platform admin; the reseller and another customer get 404', async () => {
    expect((await get('admin@zizhu.demo')).status).toBe(200);
    for (const login of ['ops@vendor.demo', 'c1@vendor.demo']) {
      const r = await get(login);
      expect([login, r.status, r.body.code]).toEqual([login, 404, 'MERCHANT_ACCOUNT_NOT_FOUND']);
      expect((await put('1.3', { state: 'DONE' }, login)).status).toBe(404);
    }
  });

  it('records a scan the scenario guard refuses and shows it on the compliance page with the services, their devices and the complaint rate', async () => {
    const water = DEMO_MERCHANTS.vendorC2.services[0].serviceId;
    await systemQuery(
      loop.zizhu,
      `INSERT INTO payscore_services (tenant_id, merchant_account_id, service_id, name, scenario, mode, risk_cap_fen)
       SELECT tenant_id, id, '2002000000000000000000000009999', '充电服务（另一场景）', 'EV_CHARGING', 'USE_FIRST', 30000 FROM merchant_accounts WHERE id = $1`,
      [account],
    );
    await systemQuery(loop.zizhu, `UPDATE devices SET payscore_service_id = '2002000000000000000000000009999' WHERE code = 'WV-0001'`);
    try {
      const scanner = await loop.consumer('onboarding-wrong-scenario');
      const refused = await loop.request<{ code: string }>('POST', '/v1/consumer/sessions', { token: scanner, body: { deviceCode: 'WV-0001' } });
      expect([refused.status, refused.body.code]).toEqual([422, 'PAYSCORE_SCENARIO_MISMATCH']);
      const mixed = (await loop.request<{ services: { serviceId: string; scenariosUnmixed: boolean }[] }>('GET', `/v1/merchant-accounts/${account}/compliance`, { token: tokens['c2@vendor.demo'] })).body;
      expect(mixed.services.find((s) => s.serviceId === '2002000000000000000000000009999')!.scenariosUnmixed).toBe(false);
    } finally {
      await systemQuery(loop.zizhu, `UPDATE devices SET payscore_service_id = $1 WHERE code = 'WV-0001'`, [water]);
    }
    const r = await loop.request<{
      services: { serviceId: string; scenario: string; mode: string; devices: { code: string; fits: boolean }[]; scenariosUnmixed: boolean; refusals: { deviceCode: string; openid: string }[] }[];
      complaintRate: { complaints: number; paidOrders: number; rate: number | null; thresholdPercent: number | null; alertEnabled: boolean; aboveThreshold: boolean };
    }>('GET', `/v1/merchant-accounts/${account}/compliance`, { token: tokens['c2@vendor.demo'] });
    expect(r.status).toBe(200);
    const [own, other] = [r.body.services.find((s) => s.serviceId === water)!, r.body.services.find((s) => s.serviceId === '2002000000000000000000000009999')!];
    expect(own).toMatchObject({ scenario: 'WATER', mode: 'USE_FIRST', devices: [{ code: 'WV-0001', fits: true }], scenariosUnmixed: true, refusals: [] });
    expect(other).toMatchObject({ scenario: 'EV_CHARGING', devices: [], refusals: [{ deviceCode: 'WV-0001', openid: 'onboarding-wrong-scenario' }] });
    expect(r.body.complaintRate).toEqual(expect.objectContaining({ complaints: 0, paidOrders: 1, rate: 0, aboveThreshold: false }));
    expect((await loop.request('GET', `/v1/merchant-accounts/${account}/compliance`, { token: tokens['ops@vendor.demo'] })).status).toBe(404);
    // the threshold and the comparison are the overview's own row (the COMPLAINT_RATE alert's rule and arithmetic)
    type Rate = { id: string; complaints: number; paidOrders: number; rate: number | null; thresholdPercent: number; alertEnabled: boolean; aboveThreshold: boolean };
    const compare = async () => {
      const page = (await loop.request<{ complaintRate: Rate }>('GET', `/v1/merchant-accounts/${account}/compliance`, { token: tokens['c2@vendor.demo'] })).body.complaintRate;
      const overview = (await loop.request<{ complaintRates: { byMerchantAccount: Rate[] } }>('GET', '/v1/overview', { token: tokens['c2@vendor.demo'] })).body.complaintRates.byMerchantAccount.find((x) => x.id === account)!;
      const pick = (x: Rate) => ({ complaints: x.complaints, paidOrders: x.paidOrders, rate: x.rate, thresholdPercent: x.thresholdPercent, alertEnabled: x.alertEnabled, aboveThreshold: x.aboveThreshold });
      expect(pick(page)).toEqual(pick(overview));
      return page;
    };
    expect(await compare()).toMatchObject({ thresholdPercent: 0.01, alertEnabled: true, aboveThreshold: false });
    // one complaint on the one paid order: 100% > 0.01%
    await systemQuery(
      loop.zizhu,
      `INSERT INTO complaints (tenant_id, merchant_account_id, complaint_id, session_id, session_tenant_id, out_order_no, state, complaint_time, reply_due_at, complete_due_at, detail)
       SELECT s.merchant_tenant_id, s.merchant_account_id, 'ONBOARDINGRATE0000000001', s.id, s.tenant_id, s.out_order_no, 'PENDING', now(), now() + interval '24 hours', now() + interval '72 hours', 'onboarding'
         FROM service_sessions s WHERE s.merchant_account_id = $1 AND s.state = 'PAID' LIMIT 1`,
      [account],
    );
    expect(await compare()).toMatchObject({ complaints: 1, paidOrders: 1, rate: 1, thresholdPercent: 0.01, aboveThreshold: true });
    // the legal entity's own rule moves the threshold for both
    const rule = await loop.request('PUT', '/v1/alert-rules', { token: tokens['c2@vendor.demo'], body: { rules: [{ kind: 'COMPLAINT_RATE', enabled: false, threshold: 100 }] } });
    expect(rule.status).toBe(200);
    expect(await compare()).toMatchObject({ thresholdPercent: 100, alertEnabled: false, aboveThreshold: false });
  });
});
