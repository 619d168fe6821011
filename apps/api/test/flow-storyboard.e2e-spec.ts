// The interaction flow image of a merchant account (issue 14, the 1.1 attachment): GET /v1/merchant-accounts/{id}/flow-storyboard
// draws one of its devices' user flow with the operator's effective branding and figures from the pricing engine; only the
// pack's readers get it.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { describePlan, quote, riskFundFor, type PricingPlan } from '@zizhu/pricing';
import { DEMO_APPID, DEMO_DEVICES, DEMO_MERCHANTS, DEMO_ORGS } from '../src/modules/demo/demo-data.js';
import { sampleUsage } from '../src/modules/user-pages/storyboard.js';
import { systemQuery } from './fleet-support.js';
import { createTestApp, type TestApp } from './support/test-app.js';

const account = DEMO_MERCHANTS.powerbank.id;
const url = (query = '', of: string = account) => `/v1/merchant-accounts/${of}/flow-storyboard${query}`;
const yuan = (fen: number) => `¥${(fen / 100).toFixed(2)}`;

interface Frame {
  key: string;
  session: { state: string; riskFundFen: number; runningFen?: number; totalFen?: number; lines?: { label: string; amountFen: number }[]; cancelReason?: string };
}

/** The sample sessions the page's script draws frames 2–6 from. */
function framesOf(html: string): Frame[] {
  const json = /<script type="application\/json" id="page-data">([\s\S]*?)<\/script>/.exec(html)?.[1];
  return (JSON.parse(json!) as { view: string; frames: Frame[] }).frames;
}

describe('the flow storyboard of a merchant account', () => {
  let t: TestApp;
  const tokens: Record<string, string> = {};

  beforeAll(async () => {
    t = await createTestApp();
    for (const login of ['ops@powerbank.demo', 'ops@fridge.demo', 'f1@fridge.demo', 'f2@fridge.demo', 'ops@vendor.demo', 'c2@vendor.demo', 'admin@zizhu.demo']) tokens[login] = await t.login(login);
    const branded = await t.http('PUT', `/v1/organizations/${DEMO_ORGS.powerbank.id}/branding`, {
      token: tokens['ops@powerbank.demo']!,
      body: { brandName: '小电<快充>', color: '#FF6A00', servicePhone: '400-820-1234' },
    });
    expect(branded.statusCode).toBe(200);
  });
  afterAll(async () => {
    await t?.close();
  });

  it('draws every state of a real device with the operator’s branding, its plan in describePlan’s words and the engine’s figures', async () => {
    const response = await t.http('GET', url(), { token: tokens['ops@powerbank.demo']! });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toContain('text/html');
    const csp = String(response.headers['content-security-policy']);
    expect(csp).toMatch(/script-src 'nonce-[^']+'/);
    expect(csp).toContain("frame-ancestors 'none'");
    const html = response.body;
    // the same policy in the page itself, before anything it governs (it holds in the console's srcdoc frame and a saved
    // file, where the header does not reach): everything but frame-ancestors, which a meta policy cannot carry
    const nonce = /script-src 'nonce-([^']+)'/.exec(csp)![1]!;
    const meta = /<head><meta charset="utf-8"><meta http-equiv="Content-Security-Policy" content="([^"]+)">/.exec(html);
    expect(meta?.[1]?.replaceAll('&#39;', "'")).toBe(csp.replace("; frame-ancestors 'none'", ''));
    expect(html.indexOf('http-equiv="Content-Security-Policy"')).toBeLessThan(html.indexOf('<style'));
    expect([...html.matchAll(/<(script|style)\b(?![^>]*type="application\/json")([^>]*)>/g)].map((m) => m[2])).toEqual([` nonce="${nonce}"`, ` nonce="${nonce}"`]);
    // the branding in force: name (escaped), colour, phone
    expect(html).toContain('小电&lt;快充&gt; · 用户侧交互流程图');
    expect(html).not.toContain('小电<快充>');
    expect(html).toContain('--brand:#FF6A00');
    expect(html).toContain('<a href="tel:400-820-1234">400-820-1234</a>');
    // its real device (the first with a plan, by code) and that plan as describePlan words it
    const [device] = await systemQuery<{ id: string; code: string; plan: PricingPlan }>(
      t,
      `SELECT d.id, d.code, v.plan FROM devices d JOIN pricing_plans p ON p.id = d.plan_id JOIN pricing_plan_versions v ON v.plan_id = p.id AND v.version = p.current_version WHERE d.code = 'PB-0001'`,
    );
    const rule = describePlan(device!.plan, 'zh-CN');
    expect(html).toContain(`<p class="rule" id="rule">${rule}</p>`);
    expect(html).toContain('PB-0001');
    expect(html).toContain(DEMO_MERCHANTS.powerbank.mchid);
    // six numbered frames, the scan page with the Pay Score line and the logo stand-in
    expect([...html.matchAll(/<figure class="frame" data-frame="([a-z-]+)">/g)].map((m) => m[1])).toEqual(['scan', 'hand-off', 'in-use', 'finished', 'assessment-failed', 'cancelled']);
    expect([...html.matchAll(/<span class="num">(\d)<\/span>/g)].map((m) => m[1])).toEqual(['1', '2', '3', '4', '5', '6']);
    expect(html).toContain('微信支付分 | 550分及以上 免押金');
    expect(html).toContain('data-standin="payscore-logo"');
    // the figures are the pricing engine's for that plan over the described sample
    const sample = sampleUsage(device!.plan, 'POWERBANK_CABINET');
    const priced = quote(device!.plan, sample.usage);
    const fund = riskFundFor(device!.plan, 'POWERBANK_RENTAL');
    expect(fund.ok).toBe(true);
    const frames = framesOf(html);
    expect(frames.map((f) => [f.key, f.session.state])).toEqual([
      ['hand-off', 'AWAITING_CONFIRMATION'],
      ['in-use', 'IN_USE'],
      ['finished', 'PAID'],
      ['assessment-failed', 'AWAITING_CONFIRMATION'],
      ['cancelled', 'CANCELLED'],
    ]);
    const finished = frames.find((f) => f.key === 'finished')!.session;
    expect(finished.totalFen).toBe(priced.totalFen);
    expect(finished.lines).toEqual(priced.lines.map((l) => ({ label: l.label, amountFen: l.amountFen })));
    expect(frames.every((f) => f.session.riskFundFen === (fund.ok ? fund.value.amountFen : -1))).toBe(true);
    expect(html).toContain(`计价引擎按本方案计算为 ${yuan(priced.totalFen)}`);
    expect(html).toContain(sample.words);
    expect(typeof frames.find((f) => f.key === 'in-use')!.session.runningFen).toBe('number');
  });

  it('draws a chosen device and refuses one of another account, naming deviceId', async () => {
    const chosen = await t.http('GET', url('?deviceId=00000000-0000-4000-8000-000000000201'), { token: tokens['ops@powerbank.demo']! });
    expect(chosen.statusCode).toBe(200);
    expect(chosen.body).toContain('东站 8 口机柜');
    const [fridge] = await systemQuery<{ id: string }>(t, `SELECT id FROM devices WHERE type = 'FRIDGE' ORDER BY code LIMIT 1`);
    const other = await t.http('GET', url(`?deviceId=${fridge!.id}`), { token: tokens['ops@powerbank.demo']! });
    expect([other.statusCode, other.json().code, other.json().errors?.[0]?.field]).toEqual([404, 'FLOW_STORYBOARD_DEVICE_NOT_FOUND', 'deviceId']);
    const bad = await t.http('GET', url('?deviceId=PB-0001'), { token: tokens['ops@powerbank.demo']! });
    expect([bad.statusCode, bad.json().errors?.[0]?.field]).toEqual([400, 'deviceId']);
  });

  it('is the pack readers’ only: another operator, a reseller of its customers, a franchisee of its brand and an unknown account get 404', async () => {
    for (const login of ['ops@fridge.demo', 'ops@vendor.demo']) {
      const response = await t.http('GET', url(), { token: tokens[login]! });
      expect([login, response.statusCode, response.json().code]).toEqual([login, 404, 'MERCHANT_ACCOUNT_NOT_FOUND']);
      expect(response.body).not.toContain('小电');
    }
    // the hardware reseller does not read its customers' own merchant accounts; the customer reads its own
    for (const customer of [DEMO_MERCHANTS.vendorC1.id, DEMO_MERCHANTS.vendorC2.id]) {
      const response = await t.http('GET', url('', customer), { token: tokens['ops@vendor.demo']! });
      expect([customer, response.statusCode, response.json().code]).toEqual([customer, 404, 'MERCHANT_ACCOUNT_NOT_FOUND']);
    }
    const own = await t.http('GET', url('', DEMO_MERCHANTS.vendorC2.id), { token: tokens['c2@vendor.demo']! });
    expect(own.statusCode).toBe(200);
    expect(own.body).toContain('WV-0001');
    // the franchise brand reads its account (its franchisees' fridges charge through it); the franchisees do not (no demo
    // franchisee holds an account of its own here: onboarding-franchisee-collects.e2e-spec draws one's, as itself and its brand)
    const brand = await t.http('GET', url('', DEMO_MERCHANTS.fridge.id), { token: tokens['ops@fridge.demo']! });
    expect(brand.statusCode).toBe(200);
    expect(brand.body).toContain('FR-0001');
    for (const login of ['f1@fridge.demo', 'f2@fridge.demo']) {
      const response = await t.http('GET', url('', DEMO_MERCHANTS.fridge.id), { token: tokens[login]! });
      expect([login, response.statusCode, response.json().code]).toEqual([login, 404, 'MERCHANT_ACCOUNT_NOT_FOUND']);
    }
    const unknown = await t.http('GET', `/v1/merchant-accounts/00000000-0000-4000-8000-00000000ffff/flow-storyboard`, { token: tokens['ops@powerbank.demo']! });
    expect(unknown.statusCode).toBe(404);
    expect((await t.http('GET', url(), {})).statusCode).toBe(401);
    const admin = await t.http('GET', url(), { token: tokens['admin@zizhu.demo']! });
    expect(admin.statusCode).toBe(200);
    expect(admin.body).toContain('--brand:#FF6A00');
  });

  describe('refuses a device the live scan would refuse, naming the field', () => {
    const water = DEMO_MERCHANTS.vendorC2;
    const valve = DEMO_DEVICES.find((d) => d.code === 'WV-0001')!;
    const board = () => t.http('GET', url(`?deviceId=${valve.id}`, water.id), { token: tokens['c2@vendor.demo']! });
    const refusal = async () => {
      const response = await board();
      const body = response.json() as { code: string; detail: string; errors?: { field: string; messages: string[] }[] };
      return { status: response.statusCode, code: body.code, field: body.errors?.[0]?.field, detail: body.detail };
    };

    it('a water valve bound to a service approved for EV_CHARGING: payscoreService', async () => {
      expect((await board()).statusCode).toBe(200);
      await systemQuery(t, `UPDATE payscore_services SET scenario = 'EV_CHARGING' WHERE id = $1`, [water.services[0].id]);
      try {
        const answer = await refusal();
        expect([answer.status, answer.code, answer.field]).toEqual([422, 'FLOW_STORYBOARD_UNAVAILABLE', 'payscoreService']);
        expect(answer.detail).toContain('is approved for EV_CHARGING; using it for WATER');
      } finally {
        await systemQuery(t, `UPDATE payscore_services SET scenario = 'WATER' WHERE id = $1`, [water.services[0].id]);
      }
    });

    it('a plan whose risk fund is above the service’s risk cap: payscoreService', async () => {
      await systemQuery(t, `UPDATE payscore_services SET risk_cap_fen = 1000 WHERE id = $1`, [water.services[0].id]);
      try {
        const answer = await refusal();
        expect([answer.status, answer.code, answer.field]).toEqual([422, 'FLOW_STORYBOARD_UNAVAILABLE', 'payscoreService']);
        expect(answer.detail).toContain('asks a risk fund of 2000 fen');
        expect(answer.detail).toContain('at most 1000 fen per order');
      } finally {
        await systemQuery(t, `UPDATE payscore_services SET risk_cap_fen = $2 WHERE id = $1`, [water.services[0].id, water.services[0].riskCapFen]);
      }
      expect((await board()).statusCode).toBe(200);
    });

    it('a merchant account that lists no mini-program appid (the scan page says not available): appid', async () => {
      await systemQuery(t, `UPDATE merchant_accounts SET appids = ARRAY[]::text[], updated_at = updated_at + interval '1 second' WHERE id = $1`, [water.id]);
      try {
        const answer = await refusal();
        expect([answer.status, answer.code, answer.field]).toEqual([422, 'FLOW_STORYBOARD_UNAVAILABLE', 'appid']);
        expect(answer.detail).toContain('lists no mini-program appid');
      } finally {
        await systemQuery(t, `UPDATE merchant_accounts SET appids = ARRAY[$2::text], updated_at = updated_at + interval '2 seconds' WHERE id = $1`, [water.id, DEMO_APPID]);
      }
      expect((await board()).statusCode).toBe(200);
    });
  });
});
