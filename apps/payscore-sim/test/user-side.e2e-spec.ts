// The end user's side: the mini-program code exchange and the phone confirmation page.
import { createHmac } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createBody, newOrderNo, queryOrder, registrationBody, simGet, simPost, startHarness, type Harness } from './support/wx-test-kit.js';

describe('GET /sns/jscode2session', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(async () => h.close());

  const exchange = async (qs: string) => (await fetch(`${h.sim.url}/sns/jscode2session?${qs}`)).json() as Promise<Record<string, unknown>>;

  it('a code test:<openid> yields that openid and a session_key', async () => {
    const res = await exchange(`appid=${h.merchant.appid}&secret=s&js_code=${encodeURIComponent('test:o_alice_01')}&grant_type=authorization_code`);
    expect(res['openid']).toBe('o_alice_01');
    expect(typeof res['session_key']).toBe('string');
    expect(res['errcode']).toBeUndefined();
  });

  it('any other code is errcode 40029 invalid code; a missing code or appid has its own errcode', async () => {
    expect(await exchange(`appid=${h.merchant.appid}&js_code=081abcDEF`)).toEqual({ errcode: 40029, errmsg: 'invalid code' });
    expect((await exchange(`appid=${h.merchant.appid}`))['errcode']).toBe(41008);
    expect((await exchange('js_code=test:o1'))['errcode']).toBe(41002);
  });
});

describe('the official-account web authorisation (snsapi_base)', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(async () => h.close());

  const back = 'http://127.0.0.1:3000/d/FR-0001/signed-in?slot=2';
  const authorize = (qs: string) => fetch(`${h.sim.url}/connect/oauth2/authorize?${qs}`, { redirect: 'manual' });

  it('asks which user is browsing, then redirects to redirect_uri with a test:<openid> code and the state', async () => {
    const base = `appid=${h.merchant.appid}&redirect_uri=${encodeURIComponent(back)}&response_type=code&scope=snsapi_base&state=FR-0001`;
    const ask = await authorize(base);
    expect(ask.status).toBe(200);
    const form = await ask.text();
    expect(form).toContain('模拟用户 openid');
    expect(form).toContain(`value="${back.replace(/&/g, '&amp;')}"`);
    const answered = await authorize(`${base}&sim_openid=o_web_1`);
    expect(answered.status).toBe(302);
    const to = new URL(answered.headers.get('location')!);
    expect(`${to.origin}${to.pathname}`).toBe('http://127.0.0.1:3000/d/FR-0001/signed-in');
    expect(Object.fromEntries(to.searchParams)).toEqual({ slot: '2', code: 'test:o_web_1', state: 'FR-0001' });
  });

  it('refuses a missing appid, a bad redirect_uri or another scope, and escapes what it echoes', async () => {
    expect((await authorize(`redirect_uri=${encodeURIComponent(back)}&scope=snsapi_base`)).status).toBe(400);
    expect((await authorize(`appid=${h.merchant.appid}&redirect_uri=${encodeURIComponent('javascript:alert(1)')}&scope=snsapi_base`)).status).toBe(400);
    expect((await authorize(`appid=${h.merchant.appid}&redirect_uri=${encodeURIComponent(back)}&scope=snsapi_login`)).status).toBe(400);
    const hostile = await authorize(`appid=${h.merchant.appid}&redirect_uri=${encodeURIComponent(back)}&scope=snsapi_base&state=${encodeURIComponent('"><script>x</script>')}`);
    expect(await hostile.text()).not.toContain('<script>x');
  });

  it('exchanges the code at /sns/oauth2/access_token like jscode2session', async () => {
    const exchange = async (qs: string) => (await fetch(`${h.sim.url}/sns/oauth2/access_token?${qs}`)).json() as Promise<Record<string, unknown>>;
    expect(await exchange(`appid=${h.merchant.appid}&secret=s&code=${encodeURIComponent('test:o_web_1')}&grant_type=authorization_code`)).toMatchObject({
      openid: 'o_web_1',
      scope: 'snsapi_base',
      expires_in: 7200,
      access_token: expect.any(String),
    });
    expect(await exchange(`appid=${h.merchant.appid}&code=nope&grant_type=authorization_code`)).toEqual({ errcode: 40029, errmsg: 'invalid code' });
    expect((await exchange(`appid=${h.merchant.appid}&grant_type=authorization_code`))['errcode']).toBe(41008);
    expect((await exchange(`code=test:o1&grant_type=authorization_code`))['errcode']).toBe(41002);
    expect((await exchange(`appid=${h.merchant.appid}&code=test:o1`))['errcode']).toBe(40002);
  });
});

describe('GET /sim/phone', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(async () => h.close());

  it('renders the confirmation page of the order: introduction, risk fund, post_payments, logo, score line, buttons', async () => {
    const no = newOrderNo();
    await h.client.post(
      '/v3/payscore/serviceorder',
      createBody(h, no, { service_introduction: '<b>校园热水</b>', post_payments: [{ name: '计费规则', description: '0.25元/升' }] }),
    );
    const res = await fetch(`${h.sim.url}/sim/phone?out_order_no=${no}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/html');
    const html = await res.text();
    expect(html).toContain('&lt;b&gt;校园热水&lt;/b&gt;'); // escaped, never injected
    expect(html).not.toContain('<b>校园热水</b>');
    expect(html).toContain('¥30.00');
    expect(html).toContain('预估订单费用');
    expect(html).toContain('计费规则');
    expect(html).toContain('0.25元/升');
    expect(html).toContain('<svg');
    expect(html).toContain('550分');
    expect(html).toMatch(/<button class="confirm" id="confirm">/);
    expect(html).toMatch(/<button class="refuse" id="refuse">/);
    expect(html).toContain("'/sim/orders/' + encodeURIComponent(ORDER.outOrderNo) + '/confirm'");
    expect(html).toContain('name="viewport"');
  });

  it('what the page’s Confirm button posts confirms the order; the page then shows the state with buttons disabled', async () => {
    const no = newOrderNo();
    await h.client.post('/v3/payscore/serviceorder', createBody(h, no));
    const confirm = await simPost(h.sim, `/sim/orders/${no}/confirm`, { openid: 'o_sim_phone_user', outcome: 'confirm', mchid: h.merchant.mchid });
    expect(confirm.status).toBe(200);
    expect((await queryOrder(h, no)).json['openid']).toBe('o_sim_phone_user');
    const html = await (await fetch(`${h.sim.url}/sim/phone?out_order_no=${no}&mchid=${h.merchant.mchid}`)).text();
    expect(html).toContain('DOING / USER_CONFIRM');
    expect(html).toMatch(/id="confirm" disabled/);
  });

  it('without out_order_no lists the orders waiting for confirmation; an unknown order is 404', async () => {
    const no = newOrderNo();
    await h.client.post('/v3/payscore/serviceorder', createBody(h, no));
    const list = await (await fetch(`${h.sim.url}/sim/phone`)).text();
    expect(list).toContain(`out_order_no=${no}`);
    expect((await fetch(`${h.sim.url}/sim/phone?out_order_no=NOPE`)).status).toBe(404);
  });

  it('GET /sim/state shows merchants (without keys), orders with simulator details, and the clock', async () => {
    const state = await simGet(h.sim, '/sim/state');
    expect(state.status).toBe(200);
    const merchants = state.json['merchants'] as Array<Record<string, unknown>>;
    expect(merchants.map((m) => m['mchid'])).toContain(h.merchant.mchid);
    expect(JSON.stringify(merchants)).not.toContain(h.merchant.apiV3Key);
    const orders = state.json['orders'] as Array<Record<string, unknown>>;
    expect(orders.length).toBeGreaterThan(0);
    expect(orders[0]?.['sim']).toHaveProperty('packageUsed');
    expect(state.json['clock']).toHaveProperty('offsetSeconds', 0);
  });

  it('POST /sim/reset forgets merchants and orders', async () => {
    await simPost(h.sim, '/sim/reset', {});
    const state = await simGet(h.sim, '/sim/state');
    expect(state.json['merchants']).toEqual([]);
    expect(state.json['orders']).toEqual([]);
    expect((await h.client.post('/v3/payscore/serviceorder', createBody(h, newOrderNo()))).status).toBe(401);
  });
});

describe('POST /sim/business-view (wx.openBusinessView wxpayScoreUse)', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(async () => h.close());

  const create = async (): Promise<{ no: string; pkg: string }> => {
    const no = newOrderNo();
    const res = await h.client.post('/v3/payscore/serviceorder', createBody(h, no));
    return { no, pkg: String(res.json['package']) };
  };
  /** Written here from §6.5, independently of the simulator's implementation. */
  const sign = (fields: Record<string, string>, key: string): string => {
    const a = Object.keys(fields).sort().map((k) => `${k}=${fields[k]}`).join('&');
    return createHmac('sha256', key).update(`${a}&key=${key}`).digest('hex').toUpperCase();
  };

  /** The signed extraData a mini-program passes to wx.openBusinessView (what @zizhu/payscore builds). */
  const jump = (pkg: string, overrides: Record<string, string> = {}, key = h.merchant.apiV2Key): Record<string, string> => {
    const fields = { mch_id: h.merchant.mchid, package: pkg, timestamp: String(Math.floor(Date.now() / 1000)), nonce_str: 'zyx53Nkey8o4bHpxTQvd8m7e92nG5mG2', sign_type: 'HMAC-SHA256', ...overrides };
    return { ...fields, sign: sign(fields, key) };
  };
  const open = (body: Record<string, unknown>) => simPost(h.sim, '/sim/business-view', { businessType: 'wxpayScoreUse', ...body });

  it('opens the page with the signed set; the package opens it only once; the user can still confirm', async () => {
    const { no, pkg } = await create();
    const first = await open({ appid: h.merchant.appid, extraData: jump(pkg) });
    expect(first.status).toBe(200);
    expect(first.json).toMatchObject({ opened: true, out_order_no: no, mchid: h.merchant.mchid });
    const again = await open({ appid: h.merchant.appid, extraData: jump(pkg) });
    expect(again.status).toBe(409);
    expect(again.json['message']).toContain('订单未获得权益');
    expect((await simPost(h.sim, `/sim/orders/${no}/confirm`, { openid: 'o_fe', outcome: 'confirm' })).status).toBe(200);
  });

  it('checks the legacy signed extraData with the APIv2 key (an APIv3-key sign fails with 4185)', async () => {
    const { pkg } = await create();
    const wrong = await open({ appid: h.merchant.appid, extraData: jump(pkg, {}, h.merchant.apiV3Key) });
    expect(wrong.status).toBe(400);
    expect(wrong.json['code']).toBe('FE_14185');
    const right = await open({ appid: h.merchant.appid, extraData: jump(pkg) });
    expect(right.status).toBe(200);
  });

  it('strict like WeChat: the appid is required and bound to the merchant, the sign is required, its timestamp within 5 minutes', async () => {
    const { pkg } = await create();
    const noAppid = await open({ extraData: jump(pkg) });
    expect(noAppid).toMatchObject({ status: 400, json: { code: 'FE_14108' } });
    const unbound = await open({ appid: h.merchant.otherAppid, extraData: jump(pkg) });
    expect(unbound).toMatchObject({ status: 400, json: { code: 'FE_14188' } });
    const unsigned = await open({ appid: h.merchant.appid, extraData: { package: pkg } });
    expect(unsigned).toMatchObject({ status: 400, json: { code: 'FE_14185' } });
    expect(String(unsigned.json['message'])).toContain('缺少sign');
    const stale = await open({ appid: h.merchant.appid, extraData: jump(pkg, { timestamp: String(Math.floor(Date.now() / 1000) - 301) }) });
    expect(stale).toMatchObject({ status: 400, json: { code: 'FE_14185' } });
    expect(String(stale.json['message'])).toContain('timestamp');
    const millis = await open({ appid: h.merchant.appid, extraData: jump(pkg, { timestamp: String(Date.now()) }) });
    expect(millis).toMatchObject({ status: 400, json: { code: 'FE_14185' } });
    // none of the refused jumps spent the package
    expect((await open({ appid: h.merchant.appid, extraData: jump(pkg) })).status).toBe(200);
  });

  it('lenient (the switch for tests that need it): {package} alone opens the page, appid optional, no timestamp check', async () => {
    await simPost(h.sim, '/sim/settings', { lenient: true });
    try {
      const { no, pkg } = await create();
      expect(await open({ extraData: { package: pkg } })).toMatchObject({ status: 200, json: { out_order_no: no } });
      const { pkg: old } = await create();
      expect((await open({ appid: h.merchant.appid, extraData: jump(old, { timestamp: '1530097563' }) })).status).toBe(200);
    } finally {
      await simPost(h.sim, '/sim/settings', { lenient: false });
    }
    expect((await simGet(h.sim, '/sim/settings')).json['lenient']).toBe(false);
  });

  it('reproduces the front-end errors: another bound appid 4108, bad package 4186, wrong businessType 4185', async () => {
    const reg = registrationBody(h.merchant);
    await simPost(h.sim, '/sim/merchants', { ...reg, appids: [h.merchant.appid, h.merchant.otherAppid] });
    try {
      const { pkg } = await create();
      expect((await open({ appid: h.merchant.otherAppid, extraData: jump(pkg) })).json['code']).toBe('FE_14108');
      expect((await open({ appid: h.merchant.appid, extraData: { package: 'nope' } })).json['code']).toBe('FE_14186');
      expect((await simPost(h.sim, '/sim/business-view', { appid: h.merchant.appid, businessType: 'wxpayScoreDetail', extraData: jump(pkg) })).json['code']).toBe('FE_14185');
    } finally {
      await simPost(h.sim, '/sim/merchants', reg);
    }
  });

  it('the user who opened the page from the mini-program is the only one who can decide on it', async () => {
    const { no, pkg } = await create();
    expect((await open({ appid: h.merchant.appid, openid: 'o_alice', extraData: jump(pkg) })).status).toBe(200);
    const page = await (await fetch(`${h.sim.url}/sim/phone?out_order_no=${no}`)).text();
    expect(page).toContain('value="o_alice"');
    const bob = await simPost(h.sim, `/sim/orders/${no}/confirm`, { openid: 'o_bob', outcome: 'confirm' });
    expect(bob).toMatchObject({ status: 403, json: { code: 'OPENID_MISMATCH' } });
    expect(String(bob.json['message'])).toContain('o_alice');
    // a refused attempt spends nothing: the order's user still confirms
    expect((await queryOrder(h, no)).json['state']).toBe('CREATED');
    expect((await simPost(h.sim, `/sim/orders/${no}/confirm`, { openid: 'o_alice', outcome: 'confirm' })).status).toBe(200);
    expect((await queryOrder(h, no)).json).toMatchObject({ state: 'DOING', openid: 'o_alice' });
  });

  it('without an opener, only a user who signed in to the order’s mini-program (jscode2session) can confirm', async () => {
    const { no } = await create();
    const login = await (await fetch(`${h.sim.url}/sns/jscode2session?appid=${h.merchant.appid}&js_code=test:carol`)).json();
    expect(login).toMatchObject({ openid: 'carol' });
    const stranger = await simPost(h.sim, `/sim/orders/${no}/confirm`, { openid: 'o_sim_phone_user', outcome: 'confirm' });
    expect(stranger).toMatchObject({ status: 403, json: { code: 'OPENID_MISMATCH' } });
    expect(String(stranger.json['message'])).toContain('"carol"');
    expect((await simPost(h.sim, `/sim/orders/${no}/confirm`, { openid: 'carol', outcome: 'confirm' })).status).toBe(200);
    // lenient: anyone
    await simPost(h.sim, '/sim/settings', { lenient: true });
    try {
      const { no: other } = await create();
      expect((await simPost(h.sim, `/sim/orders/${other}/confirm`, { openid: 'o_anyone', outcome: 'confirm' })).status).toBe(200);
    } finally {
      await simPost(h.sim, '/sim/settings', { lenient: false });
    }
  });

  it('GET /sim/phone?package=… opens the page once', async () => {
    const { pkg } = await create();
    const first = await fetch(`${h.sim.url}/sim/phone?package=${encodeURIComponent(pkg)}`);
    expect(first.status).toBe(200);
    expect(await first.text()).toContain('校园热水');
    expect((await fetch(`${h.sim.url}/sim/phone?package=${encodeURIComponent(pkg)}`)).status).toBe(409);
  });
});
