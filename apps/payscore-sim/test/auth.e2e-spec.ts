// Every /v3 request is verified against the registered merchant key; every answer is signed.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import {
  authorization,
  createBody,
  keyPair,
  newOrderNo,
  registrationBody,
  simPost,
  startHarness,
  WxTestClient,
  type Harness,
} from './support/wx-test-kit.js';

describe('request signatures (401 SIGN_ERROR) and signed answers', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(async () => h.close());

  it('accepts a correctly signed request and signs the answer with the PUB_KEY_ID key', async () => {
    const res = await h.client.post('/v3/payscore/serviceorder', createBody(h, newOrderNo()));
    expect(res.status).toBe(200);
    expect(res.verified).toBe(true);
    expect(res.headers.get('wechatpay-serial')).toBe(h.sim.platformPublicKeyId);
    expect(res.headers.get('wechatpay-serial')).toMatch(/^PUB_KEY_ID_\d{32}$/);
    expect(res.headers.get('wechatpay-signature-type')).toBe('WECHATPAY2-SHA256-RSA2048');
    expect(res.headers.get('request-id')).toBeTruthy();
  });

  it('rejects a request signed with another key', async () => {
    const res = await h.client.post('/v3/payscore/serviceorder', createBody(h, newOrderNo()), { signWith: keyPair(1).privateKey });
    expect(res.status).toBe(401);
    expect(res.json['code']).toBe('SIGN_ERROR');
    expect(res.json['message']).toBe('错误的签名，验签失败');
    const detail = res.json['detail'] as Record<string, unknown>;
    expect(detail['location']).toBe('authorization');
    expect((detail['detail'] as Record<string, unknown>)['issue']).toBe('sign not match');
    expect((detail['sign_information'] as Record<string, unknown>)['method']).toBe('POST');
    expect(res.verified).toBe(true); // error answers are signed too
  });

  it('rejects a body changed after signing', async () => {
    const body = createBody(h, newOrderNo());
    const res = await h.client.post('/v3/payscore/serviceorder', body, { sendBody: JSON.stringify({ ...body, attach: 'tampered' }) });
    expect(res.status).toBe(401);
    expect(res.json['code']).toBe('SIGN_ERROR');
  });

  it('signs GET requests over path and query: a changed query fails', async () => {
    const url = `/v3/payscore/serviceorder?out_order_no=NOPE&service_id=${h.merchant.useFirstServiceId}&appid=${h.merchant.appid}`;
    const good = await h.client.get(url);
    expect(good.status).toBe(404); // verified, then not found
    const ts = Math.floor(Date.now() / 1000);
    const res = await fetch(`${h.sim.url}${url.replace('NOPE', 'OTHER')}`, {
      headers: { Authorization: authorization(h.merchant, 'GET', url, '', { timestamp: ts }), Accept: 'application/json' },
    });
    expect(res.status).toBe(401);
  });

  it('rejects an unknown serial_no, an unregistered mchid, a stale timestamp and a missing header', async () => {
    const body = createBody(h, newOrderNo());
    const wrongSerial = await h.client.post('/v3/payscore/serviceorder', body, { serialNo: 'ABCDEF0123456789' });
    expect(wrongSerial.status).toBe(401);
    const stale = await h.client.post('/v3/payscore/serviceorder', body, { timestamp: Math.floor(Date.now() / 1000) - 3600 });
    expect(stale.status).toBe(401);
    expect(String(((stale.json['detail'] as Record<string, unknown>)['detail'] as Record<string, unknown>)['issue'])).toContain('timestamp');
    const stranger = new WxTestClient(h.sim.url, { ...h.merchant, mchid: '1999999999' }, h.client.platformPublicKeyPem);
    expect((await stranger.post('/v3/payscore/serviceorder', body)).status).toBe(401);
    const bare = await fetch(`${h.sim.url}/v3/payscore/serviceorder`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{}' });
    expect(bare.status).toBe(401);
    expect(((await bare.json()) as Record<string, unknown>)['code']).toBe('SIGN_ERROR');
  });

  it('lowercase serial_no (as wechatpay-node-v3 derives it) is accepted', async () => {
    const res = await h.client.post('/v3/payscore/serviceorder', createBody(h, newOrderNo()), { serialNo: h.merchant.serialNo.toLowerCase() });
    expect(res.status).toBe(200);
  });

  it('re-registering the mchid replaces its key: the old key stops working', async () => {
    const other = keyPair(1);
    const reg = await simPost(h.sim, '/sim/merchants', { ...registrationBody(h.merchant), publicKeyPem: other.publicKeyPem });
    expect(reg.status).toBe(200);
    expect(reg.json['platformPublicKeyId']).toBe(h.sim.platformPublicKeyId);
    const oldKey = await h.client.post('/v3/payscore/serviceorder', createBody(h, newOrderNo()));
    expect(oldKey.status).toBe(401);
    const newKey = await h.client.post('/v3/payscore/serviceorder', createBody(h, newOrderNo()), { signWith: other.privateKey });
    expect(newKey.status).toBe(200);
    await simPost(h.sim, '/sim/merchants', registrationBody(h.merchant));
  });

  it('GET /v3/certificates answers the public-key-mode RESOURCE_NOT_EXISTS, signed', async () => {
    const res = await h.client.get('/v3/certificates');
    expect(res.status).toBe(404);
    expect(res.json['code']).toBe('RESOURCE_NOT_EXISTS');
    expect(res.verified).toBe(true);
  });

  it('rejects an invalid merchant registration', async () => {
    const res = await simPost(h.sim, '/sim/merchants', { mchid: '1', serialNo: 'X', publicKeyPem: 'nope', apiV3Key: 'short', appids: [], services: [] });
    expect(res.status).toBe(400);
  });
});
