// The reference user pages at the device QR link /d/<code> (contracts.md §4) and the web sign-in (snsapi_base).
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createSimulator, type Simulator } from '@zizhu/payscore-sim';
import { describePlan, type PricingPlan } from '@zizhu/pricing';
import { parseConfig } from '../src/config/app-config.js';
import { DEMO_APPID } from '../src/modules/demo/demo-data.js';
import { systemQuery } from './fleet-support.js';
import { createTestApp, type TestApp } from './support/test-app.js';

describe('user pages: /d/<code>', () => {
  let sim: Simulator;
  let t: TestApp;

  beforeAll(async () => {
    sim = await createSimulator({ port: 0 });
    const base = parseConfig({ NODE_ENV: 'test' });
    t = await createTestApp({
      payscore: { ...base.payscore, apiBaseUrl: sim.url, wechatApiBaseUrl: sim.url, simulated: true },
      userPages: { brandName: '<b>小林</b>自助', brandColor: '#1a73e8' },
    });
  });
  afterAll(async () => {
    await t?.close();
    await sim?.close();
  });

  it('shows the scan page: the device, its price rule in plain words, the Pay Score line with the stand-in logo, under a strict CSP', async () => {
    const [plan] = await systemQuery<{ plan: PricingPlan }>(
      t,
      `SELECT v.plan FROM devices d JOIN pricing_plans p ON p.id = d.plan_id JOIN pricing_plan_versions v ON v.plan_id = p.id AND v.version = p.current_version WHERE d.code = 'FR-0001'`,
    );
    const response = await t.http('GET', '/d/FR-0001');
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toContain('text/html');
    const csp = String(response.headers['content-security-policy']);
    expect(csp).toContain("default-src 'none'");
    expect(csp).toMatch(/script-src 'nonce-[A-Za-z0-9+/=]+'/);
    expect(response.body).toContain('FR-0001');
    expect(response.body).toContain(describePlan(plan!.plan, 'zh-CN').replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;'));
    expect(response.body).toContain('微信支付分 | 550分及以上');
    expect(response.body).toContain('data-standin="payscore-logo"');
    expect(response.body).toContain('action="/d/FR-0001/signin"');
    // the operator's brand, escaped
    expect(response.body).toContain('&lt;b&gt;小林&lt;/b&gt;自助');
    expect(response.body).toContain('--brand:#1a73e8');
  });

  it('has a scan page for each vertical, with its own price rule and a slot picker only for the power-bank cabinet', async () => {
    for (const code of ['FR-0001', 'PB-0001', 'EV-0001', 'WV-0001']) {
      const [row] = await systemQuery<{ plan: PricingPlan }>(
        t,
        `SELECT v.plan FROM devices d JOIN pricing_plan_versions v ON v.plan_id = d.plan_id JOIN pricing_plans p ON p.id = d.plan_id AND v.version = p.current_version WHERE d.code = $1`,
        [code],
      );
      const response = await t.http('GET', `/d/${code}`);
      expect(response.statusCode).toBe(200);
      expect(response.body).toContain(describePlan(row!.plan, 'zh-CN').replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;'));
      expect(response.body).toMatch(/微信支付分 \| 550分及以上 (免押金|先享后付)/);
      expect(response.body.includes('id="slot"')).toBe(code === 'PB-0001');
    }
  });

  it('escapes what the operator typed', async () => {
    await systemQuery(t, `UPDATE devices SET name = $1 WHERE code = 'FR-0002'`, ['<img src=x onerror=alert(1)>"\'&']);
    const response = await t.http('GET', '/d/FR-0002');
    expect(response.statusCode).toBe(200);
    expect(response.body).not.toContain('<img src=x');
    expect(response.body).toContain('&lt;img src=x onerror=alert(1)&gt;&quot;&#39;&amp;');
  });

  it('answers an unknown or malformed device code with a clear 404 page, escaped', async () => {
    const unknown = await t.http('GET', '/d/NOPE-9999');
    expect(unknown.statusCode).toBe(404);
    expect(unknown.headers['content-type']).toContain('text/html');
    expect(unknown.body).toContain('找不到这台设备');
    expect(unknown.body).toContain('NOPE-9999');
    const hostile = await t.http('GET', `/d/${encodeURIComponent('<script>alert(1)</script>')}`);
    expect(hostile.statusCode).toBe(404);
    expect(hostile.body).not.toContain('<script>alert');
    expect(hostile.body).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect((await t.http('GET', '/d/NOPE-9999/signin')).statusCode).toBe(404);
    expect((await t.http('GET', '/d/FR-0001/s/not-a-session')).statusCode).toBe(404);
  });

  it('signs a browser in through the web authorisation (snsapi_base), which the simulator answers offline', async () => {
    const start = await t.http('GET', '/d/PB-0001/signin?slot=3');
    expect(start.statusCode).toBe(302);
    const authorize = new URL(String(start.headers['location']));
    expect(`${authorize.origin}${authorize.pathname}`).toBe(`${sim.url}/connect/oauth2/authorize`);
    expect(authorize.hash).toBe('#wechat_redirect');
    expect(Object.fromEntries(authorize.searchParams)).toMatchObject({ appid: expect.stringMatching(/^wx/), scope: 'snsapi_base', response_type: 'code', state: 'PB-0001' });
    const back = new URL(authorize.searchParams.get('redirect_uri')!);
    expect(back.pathname).toBe('/d/PB-0001/signed-in');
    expect(back.searchParams.get('slot')).toBe('3');

    // the simulator asks which user is browsing, then comes back with a test:<openid> code
    const ask = await fetch(authorize.toString().replace('#wechat_redirect', ''));
    expect(ask.status).toBe(200);
    expect(await ask.text()).toContain('模拟用户 openid');
    authorize.hash = '';
    authorize.searchParams.set('sim_openid', 'alice');
    const answered = await fetch(authorize, { redirect: 'manual' });
    expect(answered.status).toBe(302);
    const landing = new URL(answered.headers.get('location')!);
    expect(landing.pathname).toBe('/d/PB-0001/signed-in');
    expect(landing.searchParams.get('code')).toBe('test:alice');
    expect(landing.searchParams.get('state')).toBe('PB-0001');

    const page = await t.http('GET', `${landing.pathname}${landing.search}`);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('id="page-data"');

    const login = await t.http('POST', '/v1/consumer/login', { body: { appid: DEMO_APPID, code: 'test:alice', grant: 'snsapi_base' } });
    expect(login.statusCode).toBe(200);
    expect(login.json()).toMatchObject({ openid: 'alice' });
    const bad = await t.http('POST', '/v1/consumer/login', { body: { appid: DEMO_APPID, code: 'not-a-code', grant: 'snsapi_base' } });
    expect(bad.statusCode).toBe(401);
    expect(bad.json()).toMatchObject({ code: 'CONSUMER_CODE_INVALID' });
    const wrongGrant = await t.http('POST', '/v1/consumer/login', { body: { appid: DEMO_APPID, code: 'test:alice', grant: 'password' } });
    expect(wrongGrant.statusCode).toBe(400);
  });
});
