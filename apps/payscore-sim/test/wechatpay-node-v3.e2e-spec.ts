// The simulator works with a WeChat Pay client that is not ours: wechatpay-node-v3 signs every request
// (no zizhu code in the request path) and the answers are verified with plain node:crypto.
import { createPublicKey, createVerify } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import Pay from 'wechatpay-node-v3';
import { createSimulator, type Simulator } from '../src/server.js';
import { FAST, bjTime, newMerchant, newOrderNo, registrationBody, simPost, startReceiver, type CallbackReceiver, type TestMerchant } from './support/wx-test-kit.js';

const PROD = 'https://api.mch.weixin.qq.com';

interface RawAnswer {
  status: number;
  headers: Headers;
  text: string;
}

/** A transport for wechatpay-node-v3 that rewrites the production origin to the simulator and keeps the raw answer. */
function transport(base: string, answers: RawAnswer[]) {
  const send = async (method: 'GET' | 'POST', url: string, headers: Record<string, string>, params?: unknown) => {
    const res = await fetch(url.replace(PROD, base), { method, headers, ...(method === 'POST' ? { body: JSON.stringify(params) } : {}) });
    const text = await res.text();
    answers.push({ status: res.status, headers: res.headers, text });
    return res.ok ? { status: res.status, data: JSON.parse(text) as unknown } : { status: res.status, error: text };
  };
  return {
    post: (url: string, params: Record<string, unknown>, headers: Record<string, string>) => send('POST', url, headers, params),
    get: (url: string, headers: Record<string, string>) => send('GET', url, headers),
    upload: async () => ({ status: 500, error: 'not used' }),
  };
}

/** Verification with nothing but node:crypto. */
function verifiedByNodeCrypto(platformPublicKeyPem: string, a: { headers: Headers; text: string }): boolean {
  const ts = a.headers.get('wechatpay-timestamp');
  const nonce = a.headers.get('wechatpay-nonce');
  const signature = a.headers.get('wechatpay-signature');
  if (!ts || !nonce || !signature) return false;
  return createVerify('RSA-SHA256').update(`${ts}\n${nonce}\n${a.text}\n`).verify(createPublicKey(platformPublicKeyPem), signature, 'base64');
}

describe('driven by wechatpay-node-v3 directly', () => {
  let sim: Simulator;
  let receiver: CallbackReceiver;
  let merchant: TestMerchant;
  let pay: Pay;
  let platformPem: string;
  const answers: RawAnswer[] = [];

  beforeAll(async () => {
    sim = await createSimulator(FAST);
    receiver = await startReceiver();
    merchant = newMerchant();
    const reg = await simPost(sim, '/sim/merchants', registrationBody(merchant));
    platformPem = String(reg.json['platformPublicKeyPem']);
    pay = new Pay({
      appid: merchant.appid,
      mchid: merchant.mchid,
      serial_no: merchant.serialNo,
      publicKey: Buffer.from(merchant.publicKeyPem),
      privateKey: Buffer.from(merchant.privateKey.export({ type: 'pkcs8', format: 'pem' }).toString()),
      key: merchant.apiV3Key,
    });
    pay.createHttp(transport(sim.url, answers));
  });
  afterAll(async () => {
    await sim.close();
    await receiver.close();
  });

  /** Pay Score has no method in wechatpay-node-v3: use its public getSignature + getAuthorization ("首页方式"). */
  async function payScoreCall(method: 'GET' | 'POST', pathAndQuery: string, body?: Record<string, unknown>): Promise<RawAnswer & { json: Record<string, unknown> }> {
    const nonce = 'n' + Math.random().toString(36).slice(2, 14);
    const timestamp = String(Math.floor(Date.now() / 1000));
    const signature = pay.getSignature(method, nonce, timestamp, pathAndQuery, body);
    const authorization = pay.getAuthorization(nonce, timestamp, signature);
    const res = await fetch(`${sim.url}${pathAndQuery}`, {
      method,
      headers: { Authorization: authorization, Accept: 'application/json', 'Content-Type': 'application/json', 'Wechatpay-Serial': sim.platformPublicKeyId },
      ...(body ? { body: JSON.stringify(body) } : {}),
    });
    const text = await res.text();
    return { status: res.status, headers: res.headers, text, json: JSON.parse(text) as Record<string, unknown> };
  }

  it('create → confirm → complete → USER_PAID → refund, every answer verified with node:crypto', async () => {
    const no = newOrderNo('NV3');
    const created = await payScoreCall('POST', '/v3/payscore/serviceorder', {
      out_order_no: no,
      appid: merchant.appid,
      service_id: merchant.useFirstServiceId,
      service_introduction: '共享充电宝',
      post_payments: [{ name: '收费标准', description: '1元/1小时' }],
      risk_fund: { name: 'ESTIMATE_ORDER_COST', amount: 4000 },
      time_range: { start_time: 'OnAccept' },
      notify_url: receiver.url,
    });
    expect(created.status).toBe(200);
    expect(verifiedByNodeCrypto(platformPem, created)).toBe(true);
    expect(created.headers.get('wechatpay-serial')).toBe(sim.platformPublicKeyId);

    await simPost(sim, `/sim/orders/${no}/confirm`, { openid: 'o_nv3', outcome: 'confirm' });
    const query = await payScoreCall('GET', `/v3/payscore/serviceorder?out_order_no=${no}&service_id=${merchant.useFirstServiceId}&appid=${merchant.appid}`);
    expect(query.json).toMatchObject({ state: 'DOING', state_description: 'USER_CONFIRM' });
    expect(verifiedByNodeCrypto(platformPem, query)).toBe(true);

    const completed = await payScoreCall('POST', `/v3/payscore/serviceorder/${no}/complete`, {
      appid: merchant.appid,
      service_id: merchant.useFirstServiceId,
      post_payments: [{ name: '收费标准', description: '1元/1小时' }, { name: '使用时长', description: '2小时' }],
      total_amount: 200,
      time_range: { end_time: bjTime(0) },
    });
    expect(completed.status).toBe(200);
    expect(verifiedByNodeCrypto(platformPem, completed)).toBe(true);

    await receiver.waitFor((all) => all.some((c) => c.envelope['event_type'] === 'PAYSCORE.USER_PAID'));
    const paid = receiver.received.find((c) => c.envelope['event_type'] === 'PAYSCORE.USER_PAID')!;
    const headers = new Headers(Object.entries(paid.headers).flatMap(([k, v]) => (typeof v === 'string' ? [[k, v] as [string, string]] : [])));
    expect(verifiedByNodeCrypto(platformPem, { headers, text: paid.body })).toBe(true);
    // wechatpay-node-v3's own decryption reads the resource (it does not check the tag, see protocol §10.5)
    const resource = paid.envelope['resource'] as { ciphertext: string; associated_data: string; nonce: string };
    const order = pay.decipher_gcm<Record<string, unknown>>(resource.ciphertext, resource.associated_data, resource.nonce);
    expect(order).toMatchObject({ out_order_no: no, state: 'DONE' });
    const transactionId = String(((order['collection'] as Record<string, unknown>)['details'] as Array<Record<string, unknown>>)[0]?.['transaction_id']);

    // its built-in refund methods, through the origin-rewriting transport
    const refund = await pay.refunds({ transaction_id: transactionId, out_refund_no: `R${no}`, amount: { refund: 200, total: 200, currency: 'CNY' } });
    expect(refund.status).toBe(200);
    expect(verifiedByNodeCrypto(platformPem, answers[answers.length - 1]!)).toBe(true);
    const tooMuch = await pay.refunds({ transaction_id: transactionId, out_refund_no: `R${no}2`, amount: { refund: 1, total: 200, currency: 'CNY' } });
    expect(tooMuch.status).toBe(400);
    const found = await pay.find_refunds(`R${no}`);
    expect(found.status).toBe(200);
    expect(verifiedByNodeCrypto(platformPem, answers[answers.length - 1]!)).toBe(true);
  });

  it('a request signed by wechatpay-node-v3 with another merchant key is rejected', async () => {
    const impostor = new Pay({
      appid: merchant.appid,
      mchid: merchant.mchid,
      serial_no: merchant.serialNo,
      publicKey: Buffer.from('unused'),
      privateKey: Buffer.from(newMerchant(1).privateKey.export({ type: 'pkcs8', format: 'pem' }).toString()),
    });
    const errors: RawAnswer[] = [];
    impostor.createHttp(transport(sim.url, errors));
    const res = await impostor.find_refunds('ANY');
    expect(res.status).toBe(401);
    expect(JSON.parse(errors[0]!.text)).toMatchObject({ code: 'SIGN_ERROR' });
  });
});
