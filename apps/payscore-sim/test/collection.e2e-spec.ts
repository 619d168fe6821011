// After completion: the automatic debit and its outcomes, USER_PAID with retries, pay, sync, refunds.
import { afterAll, afterEach, beforeAll, describe, expect, it } from '@jest/globals';
import {
  bjTime,
  completeBody,
  confirmedOrder,
  queryOrder,
  simGet,
  simPost,
  startHarness,
  verifyCallback,
  waitForEvents,
  type Harness,
} from './support/wx-test-kit.js';

async function completed(h: Harness, total: number): Promise<string> {
  const no = await confirmedOrder(h);
  const res = await h.client.post(`/v3/payscore/serviceorder/${no}/complete`, completeBody(h, total));
  if (res.status !== 200) throw new Error(res.text);
  return no;
}

async function waitForState(h: Harness, no: string, state: string, timeoutMs = 3000): Promise<Record<string, unknown>> {
  const start = Date.now();
  for (;;) {
    const q = await queryOrder(h, no);
    if (q.json['state'] === state) return q.json;
    if (Date.now() - start > timeoutMs) throw new Error(`order ${no} still ${String(q.json['state'])}`);
    await new Promise((r) => setTimeout(r, 15));
  }
}

describe('collection after completion', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(async () => h.close());
  afterEach(() => {
    h.receiver.respond = () => 204;
  });

  it('debits by default within debitDelayMs: DONE, USER_PAID callback signed + encrypted with the collection details', async () => {
    const no = await completed(h, 450);
    const [paid] = await waitForEvents(h, 'PAYSCORE.USER_PAID', no);
    expect(verifyCallback(h.client.platformPublicKeyPem, paid!.callback)).toBe(true);
    expect(paid!.callback.headers['wechatpay-serial']).toBe(h.sim.platformPublicKeyId);
    expect(paid!.callback.envelope['summary']).toBe('支付成功');
    const r = paid!.resource;
    expect(r).toMatchObject({ state: 'DONE', total_amount: 450, need_collection: true, openid: 'o_user_1' });
    const collection = r['collection'] as Record<string, unknown>;
    expect(collection).toMatchObject({ state: 'USER_PAID', total_amount: 450, paying_amount: 0, paid_amount: 450 });
    const [detail] = collection['details'] as Array<Record<string, unknown>>;
    expect(detail).toMatchObject({ seq: 1, amount: 450, paid_type: 'NEWTON' });
    expect(String(detail!['transaction_id'])).toMatch(/^4200\d{24}$/);
    const q = await queryOrder(h, no);
    expect(q.json['collection']).toEqual(collection);
  });

  it('retries a failed USER_PAID delivery on the schedule until a 2xx answer', async () => {
    let attempts = 0;
    h.receiver.respond = (_i, body) => (body.includes('PAYSCORE.USER_PAID') && ++attempts <= 2 ? 500 : 204);
    const no = await completed(h, 120);
    const deliveries = await waitForEvents(h, 'PAYSCORE.USER_PAID', no, 3);
    expect(deliveries.map((d) => d.callback.status)).toEqual([500, 500, 204]);
    const ids = new Set(deliveries.map((d) => d.callback.envelope['id']));
    expect(ids.size).toBe(1); // the same notification, re-sent
    await new Promise((r) => setTimeout(r, 150));
    expect((await waitForEvents(h, 'PAYSCORE.USER_PAID', no)).length).toBe(3); // nothing after the 204
    const log = (await simGet(h.sim, '/sim/callbacks')).json['deliveries'] as Array<Record<string, unknown>>;
    const entry = log.find((e) => e['notificationId'] === [...ids][0]);
    expect(entry?.['state']).toBe('delivered');
    expect((entry?.['attempts'] as unknown[]).length).toBe(3);
  });

  it('gives up after the retry schedule is exhausted (10 attempts in all)', async () => {
    h.receiver.respond = (_i, body) => (body.includes('PAYSCORE.USER_PAID') ? 503 : 204);
    const no = await completed(h, 130);
    const deliveries = await waitForEvents(h, 'PAYSCORE.USER_PAID', no, 10, 5000);
    await new Promise((r) => setTimeout(r, 200));
    expect((await waitForEvents(h, 'PAYSCORE.USER_PAID', no)).length).toBe(10);
    const log = (await simGet(h.sim, '/sim/callbacks')).json['deliveries'] as Array<Record<string, unknown>>;
    expect(log.find((e) => e['notificationId'] === deliveries[0]!.callback.envelope['id'])?.['state']).toBe('gave-up');
  });

  it('insufficient funds: stays USER_PAYING and retries; succeeds after the planned failures', async () => {
    const no = await confirmedOrder(h);
    await simPost(h.sim, '/sim/debits', { outOrderNo: no, outcome: 'insufficient-funds', failures: 3 });
    await h.client.post(`/v3/payscore/serviceorder/${no}/complete`, completeBody(h, 200));
    await new Promise((r) => setTimeout(r, 100));
    const during = await queryOrder(h, no);
    expect(during.json).toMatchObject({ state: 'DOING', state_description: 'MCH_COMPLETE', collection: { state: 'USER_PAYING' } });
    const done = await waitForState(h, no, 'DONE');
    expect(done['collection']).toMatchObject({ state: 'USER_PAID', paid_amount: 200 });
    const sim = await simGet(h.sim, `/sim/orders/${no}`);
    const attempts = (sim.json['sim'] as Record<string, unknown>)['debitAttempts'] as Array<Record<string, unknown>>;
    expect(attempts.map((a) => a['result'])).toEqual(['insufficient-funds', 'insufficient-funds', 'insufficient-funds', 'paid']);
    await waitForEvents(h, 'PAYSCORE.USER_PAID', no);
  });

  it('insufficient funds without a limit keeps failing; a modify downward and then success lets it through', async () => {
    const no = await confirmedOrder(h);
    await simPost(h.sim, '/sim/debits', { outOrderNo: no, outcome: 'insufficient-funds' });
    await h.client.post(`/v3/payscore/serviceorder/${no}/complete`, completeBody(h, 300));
    await new Promise((r) => setTimeout(r, 250));
    expect((await queryOrder(h, no)).json['state']).toBe('DOING');
    const modified = await h.client.post(`/v3/payscore/serviceorder/${no}/modify`, {
      appid: h.merchant.appid,
      service_id: h.merchant.useFirstServiceId,
      post_payments: [{ name: '热水费用', amount: 100, description: '1元' }],
      total_amount: 100,
      reason: '余额不足，减免',
    });
    expect(modified.status).toBe(200);
    await simPost(h.sim, '/sim/debits', { outOrderNo: no, outcome: 'success' });
    const done = await waitForState(h, no, 'DONE');
    expect(done['collection']).toMatchObject({ paid_amount: 100 });
  });

  it('user pays later: no automatic debit; the user pays from the pending list (JSAPI)', async () => {
    const no = await confirmedOrder(h);
    await simPost(h.sim, '/sim/debits', { outOrderNo: no, outcome: 'user-pays-later' });
    await h.client.post(`/v3/payscore/serviceorder/${no}/complete`, completeBody(h, 250));
    await new Promise((r) => setTimeout(r, 120));
    expect((await queryOrder(h, no)).json['state']).toBe('DOING');
    // the merchant's /pay cannot collect either while the user has not paid
    const pay = await h.client.post(`/v3/payscore/serviceorder/${no}/pay`, { appid: h.merchant.appid, service_id: h.merchant.useFirstServiceId });
    expect(pay.status).toBe(200);
    await new Promise((r) => setTimeout(r, 60));
    expect((await queryOrder(h, no)).json['state']).toBe('DOING');
    const userPay = await simPost(h.sim, `/sim/orders/${no}/user-pay`, {});
    expect(userPay.status).toBe(200);
    expect(userPay.json).toMatchObject({ state: 'DONE', collection: { state: 'USER_PAID', paid_amount: 250 } });
    await waitForEvents(h, 'PAYSCORE.USER_PAID', no);
  });

  it('while a debit runs (debitBusyMs), cancel/modify/sync answer 单据正在扣款中', async () => {
    await simPost(h.sim, '/sim/settings', { debitBusyMs: 1500 });
    try {
      const no = await completed(h, 60);
      await new Promise((r) => setTimeout(r, 120)); // debit started after 30 ms, runs 1.5 s
      const body = { appid: h.merchant.appid, service_id: h.merchant.useFirstServiceId, reason: '取消' };
      const cancel = await h.client.post(`/v3/payscore/serviceorder/${no}/cancel`, body);
      expect(cancel.status).toBe(400);
      expect(cancel.json['message']).toBe('单据正在扣款中,请稍后再试');
      const done = await waitForState(h, no, 'DONE', 5000);
      expect(done['collection']).toMatchObject({ paid_amount: 60 });
    } finally {
      await simPost(h.sim, '/sim/settings', { debitBusyMs: 0 });
    }
  });

  it('debitDelayMs can be changed at run time through /sim/settings', async () => {
    const set = await simPost(h.sim, '/sim/settings', { debitDelayMs: 60_000 });
    expect(set.json['debitDelayMs']).toBe(60_000);
    try {
      const no = await completed(h, 40);
      await new Promise((r) => setTimeout(r, 150));
      expect((await queryOrder(h, no)).json['state']).toBe('DOING');
      await simPost(h.sim, '/sim/clock', { advanceSeconds: 60 });
      await waitForState(h, no, 'DONE');
    } finally {
      await simPost(h.sim, '/sim/settings', { debitDelayMs: 30 });
    }
  });

  it('sync (paid offline) → DONE with paid_type MCH, idempotent with the same parameters', async () => {
    const no = await confirmedOrder(h);
    await simPost(h.sim, '/sim/debits', { outOrderNo: no, outcome: 'user-pays-later' });
    await h.client.post(`/v3/payscore/serviceorder/${no}/complete`, completeBody(h, 80));
    const body = { appid: h.merchant.appid, service_id: h.merchant.useFirstServiceId, type: 'Order_Paid', detail: { paid_time: bjTime(0) } };
    const sync = await h.client.post(`/v3/payscore/serviceorder/${no}/sync`, body);
    expect(sync.status).toBe(200);
    expect(sync.json).toMatchObject({ state: 'DONE', collection: { state: 'USER_PAID', details: [{ paid_type: 'MCH', amount: 80 }] } });
    expect((await h.client.post(`/v3/payscore/serviceorder/${no}/sync`, body)).status).toBe(200);
    const future = await h.client.post(`/v3/payscore/serviceorder/${no}/sync`, { ...body, detail: { paid_time: bjTime(7200) } });
    expect(future.status).toBe(400);
  });

  describe('refunds by transaction_id', () => {
    async function paidTransaction(total: number): Promise<{ no: string; transactionId: string }> {
      const no = await completed(h, total);
      const done = await waitForState(h, no, 'DONE');
      const details = (done['collection'] as Record<string, unknown>)['details'] as Array<Record<string, unknown>>;
      return { no, transactionId: String(details[0]!['transaction_id']) };
    }

    it('partial then full refund up to what was paid; beyond is refused; REFUND.SUCCESS is sent', async () => {
      const { transactionId } = await paidTransaction(1000);
      const refund = (outRefundNo: string, amount: number) => ({
        transaction_id: transactionId,
        out_refund_no: outRefundNo,
        reason: '设备故障',
        notify_url: h.receiver.url,
        amount: { refund: amount, total: 1000, currency: 'CNY' },
      });
      const r1 = await h.client.post('/v3/refund/domestic/refunds', refund(`R${transactionId}A`, 300));
      expect(r1.status).toBe(200);
      expect(r1.verified).toBe(true);
      expect(r1.json).toMatchObject({ status: 'PROCESSING', transaction_id: transactionId, amount: { refund: 300, total: 1000 } });
      const replay = await h.client.post('/v3/refund/domestic/refunds', refund(`R${transactionId}A`, 300));
      expect(replay.json['refund_id']).toBe(r1.json['refund_id']);
      const conflicting = await h.client.post('/v3/refund/domestic/refunds', refund(`R${transactionId}A`, 301));
      expect(conflicting.status).toBe(400);
      const tooMuch = await h.client.post('/v3/refund/domestic/refunds', refund(`R${transactionId}B`, 701));
      expect(tooMuch.status).toBe(400);
      expect(tooMuch.json['message']).toContain('超过订单可退金额');
      const rest = await h.client.post('/v3/refund/domestic/refunds', refund(`R${transactionId}C`, 700));
      expect(rest.status).toBe(200);
      const anyMore = await h.client.post('/v3/refund/domestic/refunds', refund(`R${transactionId}D`, 1));
      expect(anyMore.status).toBe(400);

      await h.receiver.waitFor((all) => all.filter((c) => c.envelope['event_type'] === 'REFUND.SUCCESS').length >= 2);
      const q = await h.client.get(`/v3/refund/domestic/refunds/R${transactionId}A`);
      expect(q.status).toBe(200);
      expect(q.json['status']).toBe('SUCCESS');
      expect(q.verified).toBe(true);
    });

    it('refundOutcome ABNORMAL / CLOSED: REFUND.ABNORMAL / REFUND.CLOSED, and a closed refund frees the amount again', async () => {
      const { transactionId } = await paidTransaction(500);
      const refund = (outRefundNo: string, amount: number) => ({
        transaction_id: transactionId,
        out_refund_no: outRefundNo,
        notify_url: h.receiver.url,
        amount: { refund: amount, total: 500, currency: 'CNY' },
      });
      const waitStatus = async (outRefundNo: string, status: string) => {
        for (let i = 0; i < 200; i++) {
          const q = await h.client.get(`/v3/refund/domestic/refunds/${outRefundNo}`);
          if (q.json['status'] === status) return;
          await new Promise((r) => setTimeout(r, 10));
        }
        throw new Error(`refund ${outRefundNo} never ${status}`);
      };
      try {
        await simPost(h.sim, '/sim/settings', { refundOutcome: 'CLOSED' });
        expect((await h.client.post('/v3/refund/domestic/refunds', refund(`C${transactionId}`, 500))).status).toBe(200);
        await waitStatus(`C${transactionId}`, 'CLOSED');
        await h.receiver.waitFor((all) => all.some((c) => c.envelope['event_type'] === 'REFUND.CLOSED'));
        await simPost(h.sim, '/sim/settings', { refundOutcome: 'ABNORMAL' });
        expect((await h.client.post('/v3/refund/domestic/refunds', refund(`A${transactionId}`, 500))).status).toBe(200); // the closed one freed it
        await waitStatus(`A${transactionId}`, 'ABNORMAL');
        await h.receiver.waitFor((all) => all.some((c) => c.envelope['event_type'] === 'REFUND.ABNORMAL'));
        expect((await h.client.post('/v3/refund/domestic/refunds', refund(`B${transactionId}`, 1))).status).toBe(400); // abnormal still holds it
      } finally {
        await simPost(h.sim, '/sim/settings', { refundOutcome: 'SUCCESS' });
      }
    });

    it('refuses out_trade_no (Pay Score refunds need transaction_id), an unknown transaction and a wrong total', async () => {
      const { no, transactionId } = await paidTransaction(500);
      const byOrderNo = await h.client.post('/v3/refund/domestic/refunds', { out_trade_no: no, out_refund_no: `R${no}`, amount: { refund: 1, total: 500, currency: 'CNY' } });
      expect(byOrderNo.status).toBe(404);
      const unknown = await h.client.post('/v3/refund/domestic/refunds', { transaction_id: '4200000000000000000000000000', out_refund_no: `R${no}X`, amount: { refund: 1, total: 500, currency: 'CNY' } });
      expect(unknown.status).toBe(404);
      const wrongTotal = await h.client.post('/v3/refund/domestic/refunds', { transaction_id: transactionId, out_refund_no: `R${no}Y`, amount: { refund: 1, total: 501, currency: 'CNY' } });
      expect(wrongTotal.status).toBe(400);
      expect((await h.client.get('/v3/refund/domestic/refunds/NOSUCH')).status).toBe(404);
    });
  });
});

describe('pay (催收) with slow automatic retries', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness({ debitRetryMs: 60_000 });
  });
  afterAll(async () => h.close());

  const attempts = async (no: string): Promise<string[]> => {
    const sim = await simGet(h.sim, `/sim/orders/${no}`);
    return ((sim.json['sim'] as Record<string, unknown>)['debitAttempts'] as Array<Record<string, string>>).map((a) => a['result'] ?? '');
  };

  it('each /pay triggers a debit attempt at once; terminal orders answer ORDER_DONE / ORDER_CANCELED', async () => {
    const no = await confirmedOrder(h);
    await simPost(h.sim, '/sim/debits', { outOrderNo: no, outcome: 'insufficient-funds' });
    await h.client.post(`/v3/payscore/serviceorder/${no}/complete`, completeBody(h, 90));
    const body = { appid: h.merchant.appid, service_id: h.merchant.useFirstServiceId };
    const waitAttempts = async (n: number): Promise<string[]> => {
      const start = Date.now();
      while ((await attempts(no)).length < n) {
        if (Date.now() - start > 2000) throw new Error('no debit attempt');
        await new Promise((r) => setTimeout(r, 10));
      }
      return attempts(no);
    };
    expect(await waitAttempts(1)).toEqual(['insufficient-funds']);
    const pay = await h.client.post(`/v3/payscore/serviceorder/${no}/pay`, body);
    expect(pay.status).toBe(200);
    expect(pay.json).toMatchObject({ out_order_no: no, mchid: h.merchant.mchid });
    expect(await waitAttempts(2)).toEqual(['insufficient-funds', 'insufficient-funds']);
    expect((await queryOrder(h, no)).json['state']).toBe('DOING');
    await simPost(h.sim, '/sim/debits', { outOrderNo: no, outcome: 'success' });
    await h.client.post(`/v3/payscore/serviceorder/${no}/pay`, body);
    await waitForState(h, no, 'DONE');
    expect(await attempts(no)).toEqual(['insufficient-funds', 'insufficient-funds', 'paid']);
    const again = await h.client.post(`/v3/payscore/serviceorder/${no}/pay`, body);
    expect(again.status).toBe(400);
    expect(again.json['code']).toBe('ORDER_DONE');
    const revoked = await confirmedOrder(h);
    await h.client.post(`/v3/payscore/serviceorder/${revoked}/cancel`, { ...body, reason: '取消' });
    expect((await h.client.post(`/v3/payscore/serviceorder/${revoked}/pay`, body)).json['code']).toBe('ORDER_CANCELED');
  });

  it('the business clock drives the automatic retries: advancing it runs the due debit', async () => {
    const no = await confirmedOrder(h);
    await simPost(h.sim, '/sim/debits', { outOrderNo: no, outcome: 'insufficient-funds', failures: 1 });
    await h.client.post(`/v3/payscore/serviceorder/${no}/complete`, completeBody(h, 70));
    const start = Date.now();
    while ((await attempts(no)).length === 0 && Date.now() - start < 2000) await new Promise((r) => setTimeout(r, 10));
    expect(await attempts(no)).toEqual(['insufficient-funds']); // the retry is a minute away
    await simPost(h.sim, '/sim/clock', { advanceSeconds: 61 });
    await waitForState(h, no, 'DONE');
    expect(await attempts(no)).toEqual(['insufficient-funds', 'paid']);
  });
});
