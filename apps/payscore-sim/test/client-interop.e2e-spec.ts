// Interop: the merchant-side client @zizhu/payscore (written independently from the same protocol doc)
// drives a full flow against the running simulator over real loopback HTTP, and verifies the callbacks
// with its own notification verifier.
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import {
  PayScoreClient,
  createFetchTransport,
  isPayScoreError,
  openBusinessViewForConfirm,
  outOrderNoFor,
  payScoreTime,
  phaseOf,
  verifyAndDecryptNotification,
  type PayScoreNotification,
  type RefundEvent,
  type ServiceOrder,
  type UserConfirmEvent,
  type UserPaidEvent,
  type Transport,
} from '@zizhu/payscore';
import { createSimulator, type Simulator } from '../src/server.js';
import {
  FAST,
  decryptCallback,
  newMerchant,
  registrationBody,
  simGet,
  simPost,
  startHarness,
  startReceiver,
  type CallbackReceiver,
  type Harness,
  type ReceivedCallback,
  type TestMerchant,
} from './support/wx-test-kit.js';

describe('@zizhu/payscore client ↔ simulator', () => {
  let sim: Simulator;
  let receiver: CallbackReceiver;
  let merchant: TestMerchant;
  let platformKeys: Record<string, string>;
  const events: PayScoreNotification[] = [];
  const rejected: string[] = [];

  const clientWith = (transport?: Transport, overrides: Partial<ConstructorParameters<typeof PayScoreClient>[0]> = {}): PayScoreClient =>
    new PayScoreClient({
      mchid: merchant.mchid,
      merchantSerialNo: merchant.serialNo,
      merchantPrivateKey: merchant.privateKey,
      platformKeys,
      appid: merchant.appid,
      serviceId: merchant.useFirstServiceId,
      notifyUrl: receiver.url,
      refundNotifyUrl: receiver.url,
      baseUrl: sim.url,
      wechatpaySerial: sim.platformPublicKeyId,
      retry: { maxAttempts: 1 },
      ...(transport ? { transport } : {}),
      ...overrides,
    });

  const waitFor = async <T extends PayScoreNotification>(pick: (e: PayScoreNotification) => T | undefined, what: string): Promise<T> => {
    const start = Date.now();
    for (;;) {
      for (const e of events) {
        const hit = pick(e);
        if (hit) return hit;
      }
      if (Date.now() - start > 5000) throw new Error(`no ${what}; rejected: ${rejected.join(', ')}`);
      await new Promise((r) => setTimeout(r, 10));
    }
  };
  const orderEvent = (eventType: 'PAYSCORE.USER_CONFIRM' | 'PAYSCORE.USER_PAID', outOrderNo: string) =>
    waitFor((e) => ((e.eventType === eventType && 'order' in e && e.order.out_order_no === outOrderNo) ? (e as UserConfirmEvent | UserPaidEvent) : undefined), eventType);
  const refundEvent = (outRefundNo: string) =>
    waitFor((e) => (e.eventType === 'REFUND.SUCCESS' && 'refund' in e && e.refund.out_refund_no === outRefundNo ? (e as RefundEvent) : undefined), 'REFUND.SUCCESS');

  beforeAll(async () => {
    sim = await createSimulator(FAST);
    receiver = await startReceiver();
    merchant = newMerchant();
    const reg = await simPost(sim, '/sim/merchants', registrationBody(merchant));
    platformKeys = { [String(reg.json['platformPublicKeyId'])]: String(reg.json['platformPublicKeyPem']) };
    // the merchant's notify endpoint: verify + decrypt with the lib, answer 204 or non-2xx
    receiver.respond = (_i, body, headers) => {
      try {
        events.push(verifyAndDecryptNotification({ headers, rawBody: body }, { platformKeys, apiV3Key: merchant.apiV3Key, now: Date.now }));
        return 204;
      } catch (error) {
        rejected.push(isPayScoreError(error) ? error.code : String(error));
        return 401;
      }
    };
  });
  afterAll(async () => {
    await sim.close();
    await receiver.close();
  });

  it('create → confirm (via /sim) → complete → USER_PAID verified by the lib → refund', async () => {
    const client = clientWith();
    const outOrderNo = outOrderNoFor(randomBytes(8).toString('hex'));

    const created = await client.createOrder({
      out_order_no: outOrderNo,
      service_introduction: '校园热水',
      post_payments: [{ name: '计费规则', description: '0.25元/升' }],
      risk_fund: { name: 'ESTIMATE_ORDER_COST', amount: 3000 },
      time_range: { start_time: 'OnAccept' },
    });
    expect(created.state).toBe('CREATED');
    expect(typeof created.package).toBe('string');

    // the mini-program jump data the lib signs with the APIv2 key opens the simulator's page
    const view = openBusinessViewForConfirm({ mchid: merchant.mchid, package: created.package }, { apiV2Key: merchant.apiV2Key, now: Date.now });
    const opened = await simPost(sim, '/sim/business-view', { appid: merchant.appid, ...view });
    expect(opened.status).toBe(200);

    const confirmed = await simPost(sim, `/sim/orders/${outOrderNo}/confirm`, { openid: 'o_interop', outcome: 'confirm' });
    expect(confirmed.status).toBe(200);
    const confirmEvent = await orderEvent('PAYSCORE.USER_CONFIRM', outOrderNo);
    expect(phaseOf(confirmEvent.order)).toBe('USER_CONFIRMED');
    const byQueryId = await client.queryOrder({ query_id: String(confirmed.json['query_id']) });
    expect(byQueryId.openid).toBe('o_interop');

    const completed = await client.completeOrder(
      outOrderNo,
      { post_payments: [{ name: '热水费用', amount: 450, description: '18升' }], total_amount: 450, time_range: { end_time: payScoreTime(Date.now()) } },
      { current: confirmEvent.order },
    );
    expect(phaseOf(completed)).toBe('MCH_COMPLETE');

    const paid = await orderEvent('PAYSCORE.USER_PAID', outOrderNo);
    expect(phaseOf(paid.order)).toBe('DONE');
    expect(paid.serial).toBe(sim.platformPublicKeyId);
    const transactionId = paid.order.collection?.details?.[0]?.transaction_id;
    expect(transactionId).toMatch(/^4200\d{24}$/);
    const queried = await client.queryOrder({ out_order_no: outOrderNo });
    expect(queried.collection?.paid_amount).toBe(450);

    const refund = await client.createRefund({ transaction_id: transactionId!, out_refund_no: `R${outOrderNo.slice(0, 30)}`, reason: '水温不足', amount: { refund: 200, total: 450 } });
    expect(refund.amount.refund).toBe(200);
    const refunded = await refundEvent(refund.out_refund_no);
    expect(refunded.refund.amount.refund).toBe(200);
    expect((await client.queryRefund(refund.out_refund_no)).status).toBe('SUCCESS');

    // the simulator refuses more than what is left; the client surfaces it as a typed error
    const overRefund = client.createRefund({ transaction_id: transactionId!, out_refund_no: `S${outOrderNo.slice(0, 30)}`, amount: { refund: 251, total: 450 } });
    await expect(overRefund).rejects.toMatchObject({ httpStatus: 400 });
    expect(rejected).toEqual([]);
  });

  it('the client catches an answer tampered in transit', async () => {
    const real = createFetchTransport();
    const tampering: Transport = async (req) => {
      const res = await real(req);
      return { ...res, body: res.body.replace('"CREATED"', '"DONE"') };
    };
    const client = clientWith(tampering);
    const attempt = client.createOrder({
      out_order_no: outOrderNoFor(randomBytes(8).toString('hex')),
      service_introduction: '校园热水',
      risk_fund: { name: 'ESTIMATE_ORDER_COST', amount: 1000 },
      time_range: { start_time: 'OnAccept' },
    });
    await expect(attempt).rejects.toMatchObject({ code: 'PAYSCORE_RESPONSE_BAD_SIGNATURE' });
  });

  it('the simulator rejects the client when it signs with a key the simulator does not know', async () => {
    const other = newMerchant(1);
    const client = clientWith(undefined, { merchantPrivateKey: other.privateKey });
    const attempt = client.queryOrder({ out_order_no: 'zzNOPE' });
    await expect(attempt).rejects.toMatchObject({ code: 'PAYSCORE_SIGN_ERROR', httpStatus: 401 });
  });
});

describe('@zizhu/payscore client ↔ simulator: the lifecycle matrix of issue 4', () => {
  let h: Harness;
  let client: PayScoreClient;
  let platformKeys: Record<string, string>;

  beforeAll(async () => {
    h = await startHarness({ debitRetryMs: 60_000 });
    platformKeys = { [h.sim.platformPublicKeyId]: h.sim.platformPublicKeyPem };
    client = new PayScoreClient({
      mchid: h.merchant.mchid,
      merchantSerialNo: h.merchant.serialNo,
      merchantPrivateKey: h.merchant.privateKey,
      platformKeys,
      appid: h.merchant.appid,
      serviceId: h.merchant.useFirstServiceId,
      notifyUrl: h.receiver.url,
      baseUrl: h.sim.url,
      retry: { maxAttempts: 1 },
    });
  });
  afterAll(async () => h.close());

  const verify = (c: ReceivedCallback, opts: { now?: number; keys?: Record<string, string>; apiV3Key?: string } = {}): PayScoreNotification =>
    verifyAndDecryptNotification(
      { headers: c.headers, rawBody: c.body },
      { platformKeys: opts.keys ?? platformKeys, apiV3Key: opts.apiV3Key ?? h.merchant.apiV3Key, now: opts.now ?? Date.now() },
    );
  const rejection = (fn: () => unknown): string => {
    try {
      fn();
      return 'accepted';
    } catch (error) {
      return isPayScoreError(error) ? error.code : String(error);
    }
  };
  /** Callbacks of one order, verified and decrypted by the lib. */
  const orderEvents = (outOrderNo: string): Array<UserConfirmEvent | UserPaidEvent> =>
    h.receiver.received
      .flatMap((c) => {
        try {
          return [verify(c)];
        } catch {
          return []; // probes and the like
        }
      })
      .filter((e): e is UserConfirmEvent | UserPaidEvent => 'order' in e && e.order.out_order_no === outOrderNo);
  const debitAttempts = async (no: string): Promise<number> => {
    const view = await simGet(h.sim, `/sim/orders/${no}`);
    return ((view.json['sim'] as Record<string, unknown>)['debitAttempts'] as unknown[]).length;
  };
  const untilAsync = async (check: () => Promise<boolean>, what: string): Promise<void> => {
    const start = Date.now();
    while (!(await check())) {
      if (Date.now() - start > 5000) throw new Error(`timed out: ${what}`);
      await new Promise((r) => setTimeout(r, 10));
    }
  };
  const until = async (check: () => boolean, what: string): Promise<void> => {
    const start = Date.now();
    while (!check()) {
      if (Date.now() - start > 5000) throw new Error(`timed out: ${what}`);
      await new Promise((r) => setTimeout(r, 10));
    }
  };
  const create = async (): Promise<string> => {
    const no = outOrderNoFor(randomBytes(8).toString('hex'));
    await client.createOrder({ out_order_no: no, service_introduction: '校园热水', risk_fund: { name: 'ESTIMATE_ORDER_COST', amount: 3000 }, time_range: { start_time: 'OnAccept' } });
    return no;
  };
  const confirmed = async (): Promise<{ no: string; order: ServiceOrder }> => {
    const no = await create();
    await simPost(h.sim, `/sim/orders/${no}/confirm`, { openid: 'o_matrix', outcome: 'confirm' });
    return { no, order: await client.queryOrder({ out_order_no: no }) };
  };
  const complete = (no: string, total: number, current: ServiceOrder) =>
    client.completeOrder(no, { post_payments: [{ name: '热水费用', amount: total, description: `${total}分` }], total_amount: total, time_range: { end_time: payScoreTime(Date.now()) } }, { current });

  it('cancel before and after confirmation', async () => {
    const before = await create();
    await client.cancelOrder(before, { reason: '用户未使用' }, { current: 'CREATED' });
    expect(phaseOf(await client.queryOrder({ out_order_no: before }))).toBe('REVOKED');
    const after = await confirmed();
    await client.cancelOrder(after.no, { reason: '设备故障' }, { current: after.order });
    expect(phaseOf(await client.queryOrder({ out_order_no: after.no }))).toBe('REVOKED');
  });

  it('complete with 0 fen goes straight to DONE', async () => {
    const { no, order } = await confirmed();
    const done = await complete(no, 0, order);
    expect(phaseOf(done)).toBe('DONE');
    expect(done.need_collection).toBe(false);
  });

  it('modify downward, and the refusal of upward (locally and by the simulator)', async () => {
    const { no, order } = await confirmed();
    await simPost(h.sim, '/sim/debits', { outOrderNo: no, outcome: 'user-pays-later' });
    const completed = await complete(no, 800, order);
    const modify = (total: number, current: ServiceOrder | 'MCH_COMPLETE') =>
      client.modifyOrder(no, { post_payments: [{ name: '热水费用', amount: total, description: `${total}分` }], total_amount: total, reason: '调整' }, { current });
    const lowered = await modify(500, completed);
    expect(lowered.total_amount).toBe(500);
    await expect(modify(600, lowered)).rejects.toMatchObject({ code: 'PAYSCORE_INVALID_ARGUMENT' }); // refused before the network
    await expect(modify(600, 'MCH_COMPLETE')).rejects.toMatchObject({ httpStatus: 400 }); // refused by the simulator
    expect((await client.queryOrder({ out_order_no: no })).total_amount).toBe(500);
  });

  it('collection retries until paid (insufficient funds, then /pay succeeds)', async () => {
    const { no, order } = await confirmed();
    await simPost(h.sim, '/sim/debits', { outOrderNo: no, outcome: 'insufficient-funds', failures: 2 });
    const completed = await complete(no, 300, order);
    await untilAsync(async () => (await debitAttempts(no)) === 1, 'first automatic attempt'); // fails; next one in a minute
    await client.payOrder(no, { current: completed }); // second attempt, fails
    await untilAsync(async () => (await debitAttempts(no)) === 2, 'second attempt');
    expect(phaseOf(await client.queryOrder({ out_order_no: no }))).toBe('MCH_COMPLETE');
    await client.payOrder(no, { current: 'MCH_COMPLETE' }); // third attempt: paid
    await until(() => orderEvents(no).some((e) => e.eventType === 'PAYSCORE.USER_PAID'), 'USER_PAID');
    expect(phaseOf(await client.queryOrder({ out_order_no: no }))).toBe('DONE');
  });

  it('refund full and partial, and refusal beyond what was paid', async () => {
    const { no, order } = await confirmed();
    await complete(no, 1000, order);
    await until(() => orderEvents(no).some((e) => e.eventType === 'PAYSCORE.USER_PAID'), 'USER_PAID');
    const paid = orderEvents(no).find((e) => e.eventType === 'PAYSCORE.USER_PAID')!;
    const transactionId = paid.order.collection!.details![0]!.transaction_id!;
    const partial = await client.createRefund({ transaction_id: transactionId, out_refund_no: `P${no.slice(0, 30)}`, amount: { refund: 400, total: 1000 } });
    expect(partial.amount.refund).toBe(400);
    await expect(client.createRefund({ transaction_id: transactionId, out_refund_no: `Q${no.slice(0, 30)}`, amount: { refund: 601, total: 1000 } })).rejects.toMatchObject({ httpStatus: 400 });
    const rest = await client.createRefund({ transaction_id: transactionId, out_refund_no: `R${no.slice(0, 30)}`, amount: { refund: 600, total: 1000 } });
    expect(rest.amount.refund).toBe(600);

    const { no: no2, order: order2 } = await confirmed();
    await complete(no2, 250, order2);
    await until(() => orderEvents(no2).some((e) => e.eventType === 'PAYSCORE.USER_PAID'), 'USER_PAID');
    const tx2 = orderEvents(no2).find((e) => e.eventType === 'PAYSCORE.USER_PAID')!.order.collection!.details![0]!.transaction_id!;
    const full = await client.createRefund({ transaction_id: tx2, out_refund_no: `F${no2.slice(0, 30)}`, amount: { refund: 250, total: 250 } });
    expect(full.amount.refund).toBe(250);
  });

  it('expiry after 30 simulated days', async () => {
    const no = await create();
    await simPost(h.sim, '/sim/clock', { advanceSeconds: 30 * 86400 });
    expect(phaseOf(await client.queryOrder({ out_order_no: no }))).toBe('EXPIRED');
  });

  it('every rejection path of notifications, on real simulator callbacks', async () => {
    await simPost(h.sim, '/sim/callbacks', { signTestProbe: true });
    const no = await create();
    await simPost(h.sim, `/sim/orders/${no}/confirm`, { openid: 'o_matrix', outcome: 'confirm' });
    await simPost(h.sim, '/sim/callbacks', { signTestProbe: false });
    const ofOrder = (): ReceivedCallback[] =>
      h.receiver.received.filter((c) => c.envelope['event_type'] === 'PAYSCORE.USER_CONFIRM' && decryptCallback(h.merchant.apiV3Key, c.envelope)['out_order_no'] === no);
    await until(() => ofOrder().length >= 2, 'probe + callback');
    const probe = ofOrder().find((c) => String(c.headers['wechatpay-signature']).startsWith('WECHATPAY/SIGNTEST/'));
    const real = ofOrder().find((c) => c !== probe);
    if (!probe || !real) throw new Error('expected a probe and a real callback');
    expect((verify(real) as UserConfirmEvent).order.out_order_no).toBe(no);

    expect(rejection(() => verify(probe))).toBe('PAYSCORE_NOTIFY_BAD_SIGNATURE');
    expect(rejection(() => verify({ ...real, body: real.body.replace('"summary":"', '"summary":"x') }))).toBe('PAYSCORE_NOTIFY_BAD_SIGNATURE');
    expect(rejection(() => verify(real, { now: Date.now() + 301_000 }))).toBe('PAYSCORE_NOTIFY_STALE');
    expect(rejection(() => verify(real, { keys: { PUB_KEY_ID_00000000000000000000000000000000: h.sim.platformPublicKeyPem } }))).toBe('PAYSCORE_NOTIFY_UNKNOWN_SERIAL');
    expect(rejection(() => verify({ ...real, body: JSON.stringify(JSON.parse(real.body), null, 2) }))).toBe('PAYSCORE_NOTIFY_BODY_RESERIALISED');
    expect(rejection(() => verify(real, { apiV3Key: 'ffffffffffffffffffffffffffffffff' }))).toBe('PAYSCORE_NOTIFY_DECRYPT_FAILED');
    const { 'wechatpay-signature': _dropped, ...unsigned } = real.headers;
    expect(rejection(() => verify({ ...real, headers: unsigned }))).toBe('PAYSCORE_NOTIFY_MISSING_HEADERS');
    expect(
      rejection(() =>
        verifyAndDecryptNotification(
          { headers: real.headers, rawBody: JSON.parse(real.body) as unknown as string },
          { platformKeys, apiV3Key: h.merchant.apiV3Key, now: Date.now() },
        ),
      ),
    ).toBe('PAYSCORE_NOTIFY_BODY_NOT_RAW');
  });

  it('duplicate and out-of-order callbacks all verify; duplicates share the notification id', async () => {
    await simPost(h.sim, '/sim/callbacks', { copies: 2, outOfOrder: true, holdMs: 10_000 });
    try {
      const { no, order } = await confirmed();
      await complete(no, 150, order);
      await until(() => orderEvents(no).length >= 4, 'two copies of two events');
      const events = orderEvents(no);
      expect(events.map((e) => e.eventType)).toEqual(['PAYSCORE.USER_PAID', 'PAYSCORE.USER_PAID', 'PAYSCORE.USER_CONFIRM', 'PAYSCORE.USER_CONFIRM']);
      expect(new Set(events.filter((e) => e.eventType === 'PAYSCORE.USER_PAID').map((e) => e.id)).size).toBe(1);
    } finally {
      await simPost(h.sim, '/sim/callbacks', { copies: 1, outOfOrder: false });
    }
  });
});
