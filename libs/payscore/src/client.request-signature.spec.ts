import { describe, expect, it } from '@jest/globals';
import { createVerify } from 'node:crypto';
import { verifyRequestAuthorization } from './signature.js';
import { generateRsaKeyPair } from './testing.js';
import { APPID, FakeWechat, FIXED_NOW_MS, MCHID, MERCHANT_SERIAL, PUB_KEY_ID, SERVICE_ID, serviceOrder } from './test-support/fake-wechat.js';

const createInput = {
  out_order_no: 'zzORDER0001',
  service_introduction: '智能售货柜',
  risk_fund: { name: 'ESTIMATE_ORDER_COST' as const, amount: 10000 },
  time_range: { start_time: 'OnAccept' },
  device: { start_device_id: 'fridge-01' },
};

describe('request signatures are WeChat APIv3 signatures verifiable with the merchant public key', () => {
  it('signs a POST over METHOD\\nPATH\\nTS\\nNONCE\\nBODY\\n with the exact body bytes sent', async () => {
    const wx = new FakeWechat().handle(() => ({ status: 200, json: serviceOrder() }));
    await wx.client().createOrder(createInput);

    const [req] = wx.requests;
    expect(req).toBeDefined();
    if (!req) return;
    expect(req.method).toBe('POST');
    expect(req.url).toBe('http://127.0.0.1:4010/v3/payscore/serviceorder');
    expect(req.headers['Content-Type']).toBe('application/json');
    expect(req.headers['Accept']).toBe('application/json');
    expect(req.headers['User-Agent']).toBeTruthy();
    expect(req.headers['Authorization']).toMatch(
      /^WECHATPAY2-SHA256-RSA2048 mchid="1230000109",nonce_str="[0-9A-F]{32}",timestamp="\d+",serial_no="5157F09EFDC096DE15EBE81A47057A7232F1B8E1",signature="[A-Za-z0-9+/=]+"$/,
    );
    expect(req.authorization).toMatchObject({ mchid: MCHID, serial_no: MERCHANT_SERIAL, timestamp: String(FIXED_NOW_MS / 1000) });
    expect(req.signatureValid).toBe(true);

    // Independently of the library: rebuild the 5-line message and verify with node:crypto.
    const auth = req.authorization;
    if (!auth) throw new Error('no authorization');
    const message = `POST\n/v3/payscore/serviceorder\n${auth.timestamp}\n${auth.nonce_str}\n${req.body}\n`;
    expect(createVerify('RSA-SHA256').update(message).verify(wx.merchant.publicKey, auth.signature, 'base64')).toBe(true);

    // The defaults were filled in and the body is what was signed.
    expect(req.json).toMatchObject({ appid: APPID, service_id: SERVICE_ID, notify_url: 'https://zizhu.example/payscore/notify', out_order_no: 'zzORDER0001' });
    // A changed body, another key or another path no longer verifies.
    const check = (body: string, path: string, key = wx.merchant.publicKey) =>
      verifyRequestAuthorization({ method: 'POST', pathAndQuery: path, body, authorization: req.headers['Authorization'] }, key);
    expect(check(req.body ?? '', '/v3/payscore/serviceorder')).toBeDefined();
    expect(check((req.body ?? '').replace('10000', '10001'), '/v3/payscore/serviceorder')).toBeUndefined();
    expect(check(req.body ?? '', '/v3/payscore/serviceorder/x')).toBeUndefined();
    expect(check(req.body ?? '', '/v3/payscore/serviceorder', generateRsaKeyPair().publicKey)).toBeUndefined();
  });

  it('signs a GET over path + encoded query with an empty body line', async () => {
    const wx = new FakeWechat().handle(() => ({ status: 200, json: serviceOrder({ state: 'DOING', state_description: 'USER_CONFIRM' }) }));
    const client = wx.client();
    await client.queryOrder({ out_order_no: 'zzORDER0001' });
    await client.queryOrder({ query_id: 'q+1/2=&x' });

    const [byNo, byQueryId] = wx.requests;
    expect(byNo?.path).toBe(`/v3/payscore/serviceorder?out_order_no=zzORDER0001&service_id=${SERVICE_ID}&appid=${APPID}`);
    expect(byNo?.body).toBeUndefined();
    expect(byNo?.headers['Content-Type']).toBeUndefined();
    expect(byNo?.signatureValid).toBe(true);
    expect(byQueryId?.path).toBe(`/v3/payscore/serviceorder?query_id=q%2B1%2F2%3D%26x&service_id=${SERVICE_ID}&appid=${APPID}`);
    expect(byQueryId?.signatureValid).toBe(true);
    const auth = byNo?.authorization;
    if (!auth || !byNo) throw new Error('no request');
    const message = `GET\n${byNo.path}\n${auth.timestamp}\n${auth.nonce_str}\n\n`;
    expect(createVerify('RSA-SHA256').update(message).verify(wx.merchant.publicKey, auth.signature, 'base64')).toBe(true);
  });

  it('signs only the path, so a simulator origin or a base-URL prefix keeps signatures valid', async () => {
    const wx = new FakeWechat().handle(() => ({ status: 200, json: serviceOrder() }));
    await wx.client({ baseUrl: 'http://127.0.0.1:9999/wechat/' }).createOrder(createInput);
    expect(wx.requests[0]?.url).toBe('http://127.0.0.1:9999/wechat/v3/payscore/serviceorder');
    expect(wx.requests[0]?.path).toBe('/wechat/v3/payscore/serviceorder');
    expect(wx.requests[0]?.signatureValid).toBe(true);
  });

  it('uses a fresh CSPRNG nonce per request and sends Wechatpay-Serial when configured', async () => {
    const wx = new FakeWechat().handle(() => ({ status: 200, json: serviceOrder() }));
    const client = wx.client({ wechatpaySerial: PUB_KEY_ID });
    await client.queryOrder({ out_order_no: 'zzORDER0001' });
    await client.queryOrder({ out_order_no: 'zzORDER0001' });
    const nonces = wx.requests.map((r) => r.authorization?.nonce_str);
    expect(nonces[0]).toMatch(/^[0-9A-F]{32}$/);
    expect(nonces[0]).not.toBe(nonces[1]);
    expect(wx.requests[0]?.headers['Wechatpay-Serial']).toBe(PUB_KEY_ID);
  });

  it('uses the injected nonce generator and clock', async () => {
    const wx = new FakeWechat().handle(() => ({ status: 200, json: serviceOrder() }));
    wx.nowMs = FIXED_NOW_MS + 42_000;
    await wx.client({ nonce: () => 'FIXEDNONCE0001' }).queryOrder({ out_order_no: 'zzORDER0001' });
    expect(wx.requests[0]?.authorization).toMatchObject({ nonce_str: 'FIXEDNONCE0001', timestamp: String(FIXED_NOW_MS / 1000 + 42) });
    expect(wx.requests[0]?.signatureValid).toBe(true);
  });
});
