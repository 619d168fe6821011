// Business rules of the service order: binding, amounts, re-entry, state machine, user actions, expiry.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import {
  bjTime,
  completeBody,
  confirmedOrder,
  createBody,
  newOrderNo,
  queryOrder,
  registrationBody,
  simGet,
  simPost,
  startHarness,
  verifyCallback,
  waitForEvents,
  type Harness,
} from './support/wx-test-kit.js';

describe('service orders', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness({ debitDelayMs: 60_000 }); // no debit during these tests unless the clock moves
  });
  afterAll(async () => h.close());

  describe('service ID bound to mchid + appid, mode-appropriate risk fund', () => {
    it('creates a CREATED order with a package', async () => {
      const no = newOrderNo();
      const res = await h.client.post('/v3/payscore/serviceorder', createBody(h, no));
      expect(res.status).toBe(200);
      expect(res.json).toMatchObject({ state: 'CREATED', out_order_no: no, mchid: h.merchant.mchid, appid: h.merchant.appid });
      expect(res.json['state_description']).toBeUndefined();
      expect(typeof res.json['package']).toBe('string');
      expect(String(res.json['order_id'])).toMatch(/^\d{31}$/);
    });

    it('rejects an appid not bound to the merchant', async () => {
      const res = await h.client.post('/v3/payscore/serviceorder', createBody(h, newOrderNo(), { appid: h.merchant.otherAppid }));
      expect(res.status).toBe(400);
      expect(res.json['code']).toBe('APPID_MCHID_NOT_MATCH');
    });

    it('rejects a service_id of no service of this merchant with 403 NO_AUTH', async () => {
      const res = await h.client.post('/v3/payscore/serviceorder', createBody(h, newOrderNo(), { service_id: '9999' }));
      expect(res.status).toBe(403);
      expect(res.json['code']).toBe('NO_AUTH');
    });

    it('rejects a risk_fund.name that does not match the service mode (NO_AUTH)', async () => {
      const depositOnUseFirst = await h.client.post('/v3/payscore/serviceorder', createBody(h, newOrderNo(), { risk_fund: { name: 'DEPOSIT', amount: 1000 } }));
      expect(depositOnUseFirst.status).toBe(403);
      const estimateOnWaived = await h.client.post(
        '/v3/payscore/serviceorder',
        createBody(h, newOrderNo(), { service_id: h.merchant.depositServiceId, risk_fund: { name: 'ESTIMATE_ORDER_COST', amount: 1000 } }),
      );
      expect(estimateOnWaived.status).toBe(403);
      const ok = await h.client.post(
        '/v3/payscore/serviceorder',
        createBody(h, newOrderNo(), { service_id: h.merchant.depositServiceId, risk_fund: { name: 'DEPOSIT', amount: 1000 } }),
      );
      expect(ok.status).toBe(200);
    });

    it('rejects need_user_confirm=false (no permission for the no-confirm mode)', async () => {
      const res = await h.client.post('/v3/payscore/serviceorder', createBody(h, newOrderNo(), { need_user_confirm: false }));
      expect(res.status).toBe(403);
    });

    it('validates fields: out_order_no charset, notify_url without query, start_time not in the past, emoji', async () => {
      const badNo = await h.client.post('/v3/payscore/serviceorder', createBody(h, 'has space'));
      expect(badNo.status).toBe(400);
      const query = await h.client.post('/v3/payscore/serviceorder', createBody(h, newOrderNo(), { notify_url: `${h.receiver.url}?a=1` }));
      expect(query.status).toBe(400);
      const past = await h.client.post('/v3/payscore/serviceorder', createBody(h, newOrderNo(), { time_range: { start_time: bjTime(-3600) } }));
      expect(past.status).toBe(400);
      expect(past.json['message']).toContain('服务开始时间');
      const future = await h.client.post('/v3/payscore/serviceorder', createBody(h, newOrderNo(), { time_range: { start_time: bjTime(60) } }));
      expect(future.status).toBe(200);
      const emoji = await h.client.post('/v3/payscore/serviceorder', createBody(h, newOrderNo(), { service_introduction: '热水😀' }));
      expect(emoji.status).toBe(400);
      const tooLong = await h.client.post('/v3/payscore/serviceorder', createBody(h, newOrderNo(), { service_introduction: '一二三四五六七八九十一二三四五六七八九十一' }));
      expect(tooLong.status).toBe(400);
    });
  });

  describe('amount rules', () => {
    it('strict like WeChat: notify_url must be https on a public host; http is allowed on loopback only; lenient relaxes it', async () => {
      const withUrl = (url: string) => h.client.post('/v3/payscore/serviceorder', createBody(h, newOrderNo(), { notify_url: url }));
      for (const url of ['http://pay.zizhu.example.com/v1/payscore/notify/a', 'http://10.0.0.8/notify', 'https://192.168.1.20/notify', 'https://api-1:3000/notify', 'https://localhost.internal/n', 'https://[fd00::1]/n']) {
        const refused = await withUrl(url);
        expect({ url, status: refused.status, code: refused.json['code'] }).toEqual({ url, status: 400, code: 'PARAM_ERROR' });
        expect(String(refused.json['message'])).toContain('notify_url');
      }
      expect((await withUrl('https://pay.zizhu.example.com/v1/payscore/notify/a')).status).toBe(200);
      for (const loopback of [h.receiver.url, 'http://localhost:9/n', 'http://[::1]:9/n', 'https://127.0.0.2/n']) expect((await withUrl(loopback)).status).toBe(200);
      // a refund's notify_url follows the same rule
      const refund = await h.client.post('/v3/refund/domestic/refunds', {
        transaction_id: '4200000000000000000000000000',
        out_refund_no: newOrderNo('R'),
        notify_url: 'http://pay.zizhu.example.com/refund',
        amount: { refund: 1, total: 1, currency: 'CNY' },
      });
      expect(refund).toMatchObject({ status: 400, json: { code: 'PARAM_ERROR' } });
      await simPost(h.sim, '/sim/settings', { lenient: true });
      try {
        expect((await withUrl('http://api-1:3000/v1/payscore/notify/a')).status).toBe(200);
      } finally {
        await simPost(h.sim, '/sim/settings', { lenient: false });
      }
    });

    it('rejects a risk fund above the service cap at create', async () => {
      const res = await h.client.post('/v3/payscore/serviceorder', createBody(h, newOrderNo(), { risk_fund: { name: 'ESTIMATE_ORDER_COST', amount: 5001 } }));
      expect(res.status).toBe(400);
      expect(res.json['message']).toContain('风险金额');
    });

    it('complete requires total_amount = Σpost_payments − Σpost_discounts', async () => {
      const no = await confirmedOrder(h);
      const wrong = await h.client.post(
        `/v3/payscore/serviceorder/${no}/complete`,
        completeBody(h, 500, { post_payments: [{ name: '热水费用', amount: 600, description: '6元' }], post_discounts: [{ name: '优惠', description: '满减', amount: 50 }] }),
      );
      expect(wrong.status).toBe(400);
      expect(wrong.json['code']).toBe('PARAM_ERROR');
      expect(wrong.json['message']).toContain('最终总金额计算非法');
      const right = await h.client.post(
        `/v3/payscore/serviceorder/${no}/complete`,
        completeBody(h, 550, { post_payments: [{ name: '热水费用', amount: 600, description: '6元' }], post_discounts: [{ name: '优惠', description: '满减', amount: 50 }] }),
      );
      expect(right.status).toBe(200);
      expect(right.json).toMatchObject({ state: 'DOING', state_description: 'MCH_COMPLETE', total_amount: 550, need_collection: true });
      expect(right.json['collection']).toMatchObject({ state: 'USER_PAYING', total_amount: 550, paying_amount: 550, paid_amount: 0 });
    });

    it('use-first: total ≤ the service riskCapFen (may exceed the risk fund)', async () => {
      const no = await confirmedOrder(h); // risk fund 3000, cap 5000
      const over = await h.client.post(`/v3/payscore/serviceorder/${no}/complete`, completeBody(h, 5001));
      expect(over.status).toBe(400);
      const ok = await h.client.post(`/v3/payscore/serviceorder/${no}/complete`, completeBody(h, 4000));
      expect(ok.status).toBe(200);
    });

    it('deposit-waived: total ≤ risk_fund.amount', async () => {
      const no = await confirmedOrder(h, { service_id: h.merchant.depositServiceId, risk_fund: { name: 'DEPOSIT', amount: 1000 } });
      const body = (t: number) => completeBody(h, t, { service_id: h.merchant.depositServiceId });
      const over = await h.client.post(`/v3/payscore/serviceorder/${no}/complete`, body(1001));
      expect(over.status).toBe(400);
      expect(over.json['message']).toContain('risk_fund.amount');
      expect((await h.client.post(`/v3/payscore/serviceorder/${no}/complete`, body(1000))).status).toBe(200);
    });

    it('items without amounts skip the sum rule (power-bank style post_payments)', async () => {
      const no = await confirmedOrder(h);
      const res = await h.client.post(
        `/v3/payscore/serviceorder/${no}/complete`,
        completeBody(h, 300, { post_payments: [{ name: '收费标准', description: '1元/1小时' }, { name: '使用时长', description: '2小时38分' }] }),
      );
      expect(res.status).toBe(200);
      expect(res.json['total_amount']).toBe(300);
    });

    it('complete without end_time when none was given at create is refused; a future end_time too', async () => {
      const no = await confirmedOrder(h);
      const noEnd = await h.client.post(`/v3/payscore/serviceorder/${no}/complete`, completeBody(h, 100, { time_range: undefined }));
      expect(noEnd.status).toBe(400);
      expect(noEnd.json['message']).toContain('结束时间必填');
      const future = await h.client.post(`/v3/payscore/serviceorder/${no}/complete`, completeBody(h, 100, { time_range: { end_time: bjTime(3600) } }));
      expect(future.status).toBe(400);
      expect(future.json['message']).toContain('不能晚于');
    });
  });

  describe('re-entry (原参重入, §8.3)', () => {
    it('the same out_order_no with identical parameters answers the same order; other parameters are refused', async () => {
      const no = newOrderNo();
      const body = createBody(h, no);
      const first = await h.client.post('/v3/payscore/serviceorder', body);
      const reordered = Object.fromEntries(Object.entries(body).reverse());
      const again = await h.client.post('/v3/payscore/serviceorder', reordered);
      expect(again.status).toBe(200);
      expect(again.json['order_id']).toBe(first.json['order_id']);
      expect(again.json['package']).toBe(first.json['package']);
      const changed = await h.client.post('/v3/payscore/serviceorder', { ...body, risk_fund: { name: 'ESTIMATE_ORDER_COST', amount: 2999 } });
      expect(changed.status).toBe(400);
      expect(changed.json).toMatchObject({ code: 'PARAM_ERROR', message: '订单重入参数校验失败' });
    });

    it('cancel re-enters with the same reason only', async () => {
      const no = newOrderNo();
      await h.client.post('/v3/payscore/serviceorder', createBody(h, no));
      const body = { appid: h.merchant.appid, service_id: h.merchant.useFirstServiceId, reason: '用户未使用' };
      const first = await h.client.post(`/v3/payscore/serviceorder/${no}/cancel`, body);
      expect(first.status).toBe(200);
      expect(first.json).toMatchObject({ out_order_no: no, mchid: h.merchant.mchid });
      expect((await h.client.post(`/v3/payscore/serviceorder/${no}/cancel`, body)).status).toBe(200);
      expect((await h.client.post(`/v3/payscore/serviceorder/${no}/cancel`, { ...body, reason: '别的原因' })).status).toBe(400);
      expect((await queryOrder(h, no)).json['state']).toBe('REVOKED');
    });

    it('a second complete is refused (query and treat MCH_COMPLETE as success)', async () => {
      const no = await confirmedOrder(h);
      expect((await h.client.post(`/v3/payscore/serviceorder/${no}/complete`, completeBody(h, 100))).status).toBe(200);
      const again = await h.client.post(`/v3/payscore/serviceorder/${no}/complete`, completeBody(h, 100));
      expect(again.status).toBe(400);
      expect(again.json['message']).toBe('完结订单状态不合法');
    });
  });

  describe('state machine', () => {
    it('complete on CREATED is INVALID_REQUEST 当前订单状态不合法', async () => {
      const no = newOrderNo();
      await h.client.post('/v3/payscore/serviceorder', createBody(h, no));
      const res = await h.client.post(`/v3/payscore/serviceorder/${no}/complete`, completeBody(h, 100));
      expect(res.status).toBe(400);
      expect(res.json).toMatchObject({ code: 'INVALID_REQUEST', message: '当前订单状态不合法' });
    });

    it('complete with 0 fen goes straight to DONE without collection', async () => {
      const no = await confirmedOrder(h);
      const res = await h.client.post(`/v3/payscore/serviceorder/${no}/complete`, completeBody(h, 0));
      expect(res.status).toBe(200);
      expect(res.json).toMatchObject({ state: 'DONE', need_collection: false, total_amount: 0 });
      expect(res.json['collection']).toBeUndefined();
    });

    it('cancel after confirmation → REVOKED; cancel after completion follows the cancelWhilePaying setting', async () => {
      const confirmed = await confirmedOrder(h);
      const reason = { appid: h.merchant.appid, service_id: h.merchant.useFirstServiceId, reason: '设备故障' };
      expect((await h.client.post(`/v3/payscore/serviceorder/${confirmed}/cancel`, reason)).status).toBe(200);
      expect((await queryOrder(h, confirmed)).json['state']).toBe('REVOKED');

      const paying = await confirmedOrder(h);
      await h.client.post(`/v3/payscore/serviceorder/${paying}/complete`, completeBody(h, 100));
      await simPost(h.sim, '/sim/settings', { cancelWhilePaying: false });
      const refused = await h.client.post(`/v3/payscore/serviceorder/${paying}/cancel`, reason);
      expect(refused.status).toBe(400);
      expect(refused.json['message']).toBe('当前订单状态不满足撤销条件');
      await simPost(h.sim, '/sim/settings', { cancelWhilePaying: true });
      expect((await h.client.post(`/v3/payscore/serviceorder/${paying}/cancel`, reason)).status).toBe(200);
    });

    it('modify only downward, only while USER_PAYING', async () => {
      const no = await confirmedOrder(h);
      const mod = (t: number) => ({
        appid: h.merchant.appid,
        service_id: h.merchant.useFirstServiceId,
        post_payments: [{ name: '热水费用', amount: t, description: `${t}分` }],
        total_amount: t,
        reason: '用户投诉',
      });
      const early = await h.client.post(`/v3/payscore/serviceorder/${no}/modify`, mod(50));
      expect(early.status).toBe(400);
      expect(early.json['code']).toBe('INVALID_ORDER_STATE');
      await h.client.post(`/v3/payscore/serviceorder/${no}/complete`, completeBody(h, 300));
      const up = await h.client.post(`/v3/payscore/serviceorder/${no}/modify`, mod(301));
      expect(up.status).toBe(400);
      const same = await h.client.post(`/v3/payscore/serviceorder/${no}/modify`, mod(300));
      expect(same.status).toBe(400);
      const down = await h.client.post(`/v3/payscore/serviceorder/${no}/modify`, mod(200));
      expect(down.status).toBe(200);
      expect(down.json).toMatchObject({ total_amount: 200, collection: { paying_amount: 200, state: 'USER_PAYING' } });
      const downAgain = await h.client.post(`/v3/payscore/serviceorder/${no}/modify`, mod(150));
      expect(downAgain.status).toBe(200);
      const backUp = await h.client.post(`/v3/payscore/serviceorder/${no}/modify`, mod(180));
      expect(backUp.status).toBe(400);
      const badSum = await h.client.post(`/v3/payscore/serviceorder/${no}/modify`, { ...mod(100), total_amount: 90 });
      expect(badSum.status).toBe(400);
    });

    it('query needs exactly one of out_order_no / query_id, and 404s an unknown order', async () => {
      const both = await h.client.get(`/v3/payscore/serviceorder?out_order_no=A&query_id=B&service_id=${h.merchant.useFirstServiceId}&appid=${h.merchant.appid}`);
      expect(both.status).toBe(400);
      const unknown = await queryOrder(h, 'NOSUCHORDER');
      expect(unknown.status).toBe(404);
      expect(unknown.json['code']).toBe('ORDER_NOT_EXIST');
    });

    it('operations on another merchant’s order number are 404', async () => {
      const res = await h.client.post('/v3/payscore/serviceorder/NOSUCH/cancel', { appid: h.merchant.appid, service_id: h.merchant.useFirstServiceId, reason: 'x' });
      expect(res.status).toBe(404);
    });
  });

  describe('the user on the confirmation page (/sim/orders/{no}/confirm)', () => {
    it('confirm → DOING/USER_CONFIRM with openid, query_id works, OnAccept resolved, package single-use', async () => {
      const no = newOrderNo();
      await h.client.post('/v3/payscore/serviceorder', createBody(h, no));
      const confirm = await simPost(h.sim, `/sim/orders/${no}/confirm`, { openid: 'o_alice', outcome: 'confirm' });
      expect(confirm.status).toBe(200);
      expect(confirm.json).toMatchObject({ state: 'DOING', state_description: 'USER_CONFIRM' });
      const byQueryId = await h.client.get(`/v3/payscore/serviceorder?query_id=${String(confirm.json['query_id'])}&service_id=${h.merchant.useFirstServiceId}&appid=${h.merchant.appid}`);
      expect(byQueryId.status).toBe(200);
      expect(byQueryId.json).toMatchObject({ out_order_no: no, openid: 'o_alice', state: 'DOING', state_description: 'USER_CONFIRM' });
      expect((byQueryId.json['time_range'] as Record<string, string>)['start_time']).toMatch(/^\d{14}$/);
      expect(byQueryId.json['package']).toBeUndefined();
      const again = await simPost(h.sim, `/sim/orders/${no}/confirm`, { openid: 'o_alice', outcome: 'confirm' });
      expect(again.status).toBe(409);
    });

    it('refuse leaves the order CREATED, sends nothing, and uses up the package', async () => {
      const no = newOrderNo();
      await h.client.post('/v3/payscore/serviceorder', createBody(h, no));
      const before = h.receiver.received.length;
      const refuse = await simPost(h.sim, `/sim/orders/${no}/confirm`, { outcome: 'refuse' });
      expect(refuse.status).toBe(200);
      expect(refuse.json['state']).toBe('CREATED');
      expect((await queryOrder(h, no)).json['state']).toBe('CREATED');
      const late = await simPost(h.sim, `/sim/orders/${no}/confirm`, { openid: 'o_bob', outcome: 'confirm' });
      expect(late.status).toBe(409);
      expect(late.json['code']).toBe('PACKAGE_USED');
      await new Promise((r) => setTimeout(r, 50));
      expect(h.receiver.received.length).toBe(before);
    });

    it('assessment-failed: use-first stays CREATED; deposit-waived with payDeposit confirms a deposit order (amount not modifiable)', async () => {
      const useFirst = newOrderNo();
      await h.client.post('/v3/payscore/serviceorder', createBody(h, useFirst));
      const failed = await simPost(h.sim, `/sim/orders/${useFirst}/confirm`, { openid: 'o_c', outcome: 'assessment-failed' });
      expect(failed.status).toBe(200);
      expect((await queryOrder(h, useFirst)).json['state']).toBe('CREATED');

      const waived = newOrderNo();
      await h.client.post('/v3/payscore/serviceorder', createBody(h, waived, { service_id: h.merchant.depositServiceId, risk_fund: { name: 'DEPOSIT', amount: 2000 } }));
      const paidDeposit = await simPost(h.sim, `/sim/orders/${waived}/confirm`, { openid: 'o_d', outcome: 'assessment-failed', payDeposit: true });
      expect(paidDeposit.json['state']).toBe('DOING');
      await h.client.post(`/v3/payscore/serviceorder/${waived}/complete`, completeBody(h, 500, { service_id: h.merchant.depositServiceId }));
      const modify = await h.client.post(`/v3/payscore/serviceorder/${waived}/modify`, {
        appid: h.merchant.appid,
        service_id: h.merchant.depositServiceId,
        post_payments: [{ name: '热水费用', amount: 100, description: '1元' }],
        total_amount: 100,
        reason: '调整',
      });
      expect(modify.status).toBe(400);
      expect(modify.json['message']).toContain('押金订单');
    });

    it('USER_CONFIRM is delivered to notify_url, signed and encrypted', async () => {
      const no = await confirmedOrder(h);
      const [mine] = await waitForEvents(h, 'PAYSCORE.USER_CONFIRM', no);
      expect(mine).toBeDefined();
      expect(verifyCallback(h.client.platformPublicKeyPem, mine!.callback)).toBe(true);
      expect(mine!.resource).toMatchObject({ state: 'DOING', state_description: 'USER_CONFIRM', openid: 'o_user_1' });
      expect(mine!.callback.envelope).toMatchObject({ resource_type: 'encrypt-resource', summary: '确认订单' });
      expect((mine!.callback.envelope['resource'] as Record<string, unknown>)['associated_data']).toBe('');
    });
  });

  describe('order numbers and industry templates', () => {
    it('an out_order_no with | works when the path is percent-encoded and signed as sent', async () => {
      const no = `A|${newOrderNo()}`;
      expect((await h.client.post('/v3/payscore/serviceorder', createBody(h, no))).status).toBe(200);
      const cancel = await h.client.post(`/v3/payscore/serviceorder/${encodeURIComponent(no)}/cancel`, {
        appid: h.merchant.appid,
        service_id: h.merchant.useFirstServiceId,
        reason: '测试',
      });
      expect(cancel.status).toBe(200);
      expect(cancel.json['out_order_no']).toBe(no);
    });

    it('template violations are warnings by default and rejected with industryTemplates=strict', async () => {
      const vending = { serviceId: `${h.merchant.useFirstServiceId}9`, scenario: 'VENDING', mode: 'USE_FIRST', riskCapFen: 5000 };
      const reg = registrationBody(h.merchant);
      await simPost(h.sim, '/sim/merchants', { ...reg, services: [...(reg['services'] as unknown[]), vending] });
      const body = (no: string) => createBody(h, no, { service_id: vending.serviceId, post_payments: [{ name: '可乐', amount: 300, description: '可乐' }] });
      const warned = newOrderNo();
      expect((await h.client.post('/v3/payscore/serviceorder', body(warned))).status).toBe(200);
      const view = await simGet(h.sim, `/sim/orders/${warned}`);
      expect(((view.json['sim'] as Record<string, unknown>)['warnings'] as string[]).join()).toContain('VENDING');
      await simPost(h.sim, '/sim/settings', { industryTemplates: 'strict' });
      try {
        const strict = await h.client.post('/v3/payscore/serviceorder', body(newOrderNo()));
        expect(strict.status).toBe(400);
        expect(strict.json['message']).toContain('行业模板');
      } finally {
        await simPost(h.sim, '/sim/settings', { industryTemplates: 'warn' });
      }
    });
  });

  describe('industry templates (§9.6), strict: names, amounts and counts', () => {
    const pb = { serviceId: `${h0()}81`, scenario: 'POWERBANK_RENTAL', mode: 'DEPOSIT_WAIVED', riskCapFen: 20000 };
    const ev = { serviceId: `${h0()}82`, scenario: 'EV_CHARGING', mode: 'USE_FIRST', riskCapFen: 30000 };
    const vend = { serviceId: `${h0()}83`, scenario: 'VENDING', mode: 'USE_FIRST', riskCapFen: 5000 };
    function h0(): string {
      return '20020000000009';
    }
    const fund = (svc: { mode: string }) => (svc.mode === 'DEPOSIT_WAIVED' ? { name: 'DEPOSIT', amount: 9900 } : { name: 'ESTIMATE_ORDER_COST', amount: 3000 });
    const create = (svc: { serviceId: string; mode: string }, no: string, payments?: unknown[]) =>
      h.client.post('/v3/payscore/serviceorder', createBody(h, no, { service_id: svc.serviceId, risk_fund: fund(svc), post_payments: payments }));
    const confirm = async (svc: { serviceId: string; mode: string }, payments?: unknown[]): Promise<string> => {
      const no = newOrderNo();
      const created = await create(svc, no, payments);
      expect(created.status).toBe(200);
      expect((await simPost(h.sim, `/sim/orders/${no}/confirm`, { openid: 'o_tpl', outcome: 'confirm' })).status).toBe(200);
      return no;
    };
    const op = (svc: { serviceId: string }, no: string, action: 'complete' | 'modify', body: Record<string, unknown>) =>
      h.client.post(`/v3/payscore/serviceorder/${no}/${action}`, {
        appid: h.merchant.appid,
        service_id: svc.serviceId,
        ...(action === 'complete' ? { time_range: { end_time: bjTime(0) } } : { reason: '商户调整' }),
        ...body,
      });
    const RATE = { name: '收费标准', description: '3元/小时，总封顶99元' };
    const RULE = { name: '计费规则', description: '电费0.35元/度，服务费0.40元/度' };

    beforeAll(async () => {
      const reg = registrationBody(h.merchant);
      await simPost(h.sim, '/sim/merchants', { ...reg, services: [...(reg['services'] as unknown[]), pb, ev, vend] });
      await simPost(h.sim, '/sim/settings', { industryTemplates: 'strict' });
    });
    afterAll(async () => {
      await simPost(h.sim, '/sim/settings', { industryTemplates: 'warn' });
    });

    it('power bank: create must carry the rate item alone, without amount or count', async () => {
      expect((await create(pb, newOrderNo())).json['message']).toContain('收费标准');
      const amounted = await create(pb, newOrderNo(), [{ ...RATE, amount: 300 }]);
      expect(amounted).toMatchObject({ status: 400, json: { code: 'PARAM_ERROR' } });
      expect(String(amounted.json['message'])).toContain('must carry no amount');
      expect((await create(pb, newOrderNo(), [{ ...RATE, count: 1 }])).json['message']).toContain('no count');
      expect((await create(pb, newOrderNo(), [RATE])).status).toBe(200);
      expect((await create(ev, newOrderNo(), [RULE])).status).toBe(200);
      expect((await create(ev, newOrderNo(), [{ ...RULE, amount: 0 }])).status).toBe(400);
    });

    it('power bank: the completion carries no amount on 使用时长 (or anywhere), nor a discount amount', async () => {
      const no = await confirm(pb, [RATE]);
      const amountOnDuration = await op(pb, no, 'complete', { post_payments: [RATE, { name: '使用时长', description: '4小时', amount: 1200 }], total_amount: 1200 });
      expect(amountOnDuration).toMatchObject({ status: 400, json: { code: 'PARAM_ERROR' } });
      expect(String(amountOnDuration.json['message'])).toContain('post_payments[1] (使用时长) must carry no amount');
      const missing = await op(pb, no, 'complete', { post_payments: [{ name: '使用时长', description: '4小时' }], total_amount: 1200 });
      expect(String(missing.json['message'])).toContain('exactly 收费标准 + 使用时长');
      const ok = await op(pb, no, 'complete', { post_payments: [RATE, { name: '使用时长', description: '4小时' }], total_amount: 1200 });
      expect(ok).toMatchObject({ status: 200, json: { state: 'DOING', state_description: 'MCH_COMPLETE', total_amount: 1200 } });
    });

    it('vending: every item is 商品信息 with amount, description and count', async () => {
      const no = await confirm(vend);
      const noCount = await op(vend, no, 'complete', { post_payments: [{ name: '商品信息', amount: 1200, description: '火腿三明治' }], total_amount: 1200 });
      expect(String(noCount.json['message'])).toContain('post_payments[0] must be {name:"商品信息", amount, description, count}');
      expect((await op(vend, no, 'complete', { post_payments: [{ name: '商品信息', amount: 1200, description: '火腿三明治', count: 1 }], total_amount: 1200 })).status).toBe(200);
    });

    // issue 10 item 11: 1,200 → 900 → 800 on each template shape, each modify sending the full set
    it('two modifies in a row: vending replaces its one 商户减免 discount; a second 商户减免 item is refused (names are unique)', async () => {
      const goods = [{ name: '商品信息', amount: 1200, description: '火腿三明治', count: 1 }];
      const no = await confirm(vend);
      expect((await op(vend, no, 'complete', { post_payments: goods, total_amount: 1200 })).status).toBe(200);
      const first = await op(vend, no, 'modify', { post_payments: goods, post_discounts: [{ name: '商户减免', description: '临期', amount: 300 }], total_amount: 900 });
      expect(first).toMatchObject({ status: 200, json: { total_amount: 900 } });
      const appended = await op(vend, no, 'modify', {
        post_payments: goods,
        post_discounts: [{ name: '商户减免', description: '临期', amount: 300 }, { name: '商户减免', description: '再减', amount: 100 }],
        total_amount: 800,
      });
      expect(appended).toMatchObject({ status: 400, json: { code: 'PARAM_ERROR' } });
      expect(String(appended.json['message'])).toContain('post_discounts.name重复');
      const second = await op(vend, no, 'modify', { post_payments: goods, post_discounts: [{ name: '商户减免', description: '再减', amount: 400 }], total_amount: 800 });
      expect(second).toMatchObject({ status: 200, json: { total_amount: 800, post_discounts: [{ name: '商户减免', description: '再减', amount: 400 }] } });
    });

    it('two modifies in a row on the no-amount templates: the template lines and the new total_amount, no discount', async () => {
      for (const [svc, lines] of [
        [pb, [RATE, { name: '使用时长', description: '4小时' }]],
        [ev, [RULE, { name: '费用明细', description: '电费6.50元,服务费5.50元' }]],
      ] as const) {
        const no = await confirm(svc, [lines[0]]);
        expect((await op(svc, no, 'complete', { post_payments: lines, total_amount: 1200 })).status).toBe(200);
        const discounted = await op(svc, no, 'modify', { post_payments: lines, post_discounts: [{ name: '商户减免', description: 'x', amount: 300 }], total_amount: 900 });
        expect(discounted.status).toBe(400);
        expect((await op(svc, no, 'modify', { post_payments: lines, total_amount: 900 })).json['total_amount']).toBe(900);
        expect((await op(svc, no, 'modify', { post_payments: lines, total_amount: 800 })).json['total_amount']).toBe(800);
        const amounted = await op(svc, no, 'modify', { post_payments: [lines[0], { ...lines[1], amount: 700 }], total_amount: 700 });
        expect(String(amounted.json['message'])).toContain('must carry no amount');
      }
    });
  });

  describe('30-day expiry of CREATED orders on the simulator clock', () => {
    it('expires a CREATED order after 30 simulated days, not a confirmed one; expired orders cannot be confirmed', async () => {
      const created = newOrderNo();
      await h.client.post('/v3/payscore/serviceorder', createBody(h, created));
      const confirmed = await confirmedOrder(h);
      await simPost(h.sim, '/sim/clock', { advanceSeconds: 29 * 86400 });
      expect((await queryOrder(h, created)).json['state']).toBe('CREATED');
      const clock = await simPost(h.sim, '/sim/clock', { advanceSeconds: 86400 + 1 });
      expect(clock.json['offsetSeconds']).toBeGreaterThanOrEqual(30 * 86400);
      expect((await queryOrder(h, created)).json['state']).toBe('EXPIRED');
      expect((await queryOrder(h, confirmed)).json['state']).toBe('DOING');
      expect((await simPost(h.sim, `/sim/orders/${created}/confirm`, { openid: 'o_x', outcome: 'confirm' })).status).toBe(409);
      const cancel = await h.client.post(`/v3/payscore/serviceorder/${created}/cancel`, { appid: h.merchant.appid, service_id: h.merchant.useFirstServiceId, reason: 'x' });
      expect(cancel.status).toBe(400);
      const state = await simGet(h.sim, `/sim/orders/${created}`);
      expect(state.json['state']).toBe('EXPIRED');
    });
  });
});
