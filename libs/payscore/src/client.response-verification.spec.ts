import { describe, expect, it } from '@jest/globals';
import { PayScoreError } from './errors.js';
import { generateRsaKeyPair } from './testing.js';
import { FakeWechat, PUB_KEY_ID, serviceOrder } from './test-support/fake-wechat.js';

async function codeOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof PayScoreError) return error.code;
    throw error;
  }
  return 'RESOLVED';
}

const query = { out_order_no: 'zzORDER0001' } as const;

describe('every answer of WeChat is verified over its raw body before use', () => {
  it('accepts a correctly signed answer and returns the order', async () => {
    const wx = new FakeWechat().handle(() => ({ status: 200, json: serviceOrder({ state: 'DOING', state_description: 'USER_CONFIRM' }) }));
    const order = await wx.client().queryOrder(query);
    expect(order.state).toBe('DOING');
    expect(order.state_description).toBe('USER_CONFIRM');
  });

  it('rejects an answer tampered in transit, without retrying it', async () => {
    const wx = new FakeWechat().handle(() => ({
      status: 200,
      json: serviceOrder({ state: 'DONE', total_amount: 100 }),
      tamper: (body) => body.replace('"total_amount":100', '"total_amount":1'),
    }));
    expect(await codeOf(wx.client().queryOrder(query))).toBe('PAYSCORE_RESPONSE_BAD_SIGNATURE');
    expect(wx.requests).toHaveLength(1);
    expect(wx.sleeps).toEqual([]);
  });

  it('rejects whitespace-only changes too: the raw bytes are verified, not the parsed JSON', async () => {
    const wx = new FakeWechat().handle(() => ({ status: 200, json: serviceOrder(), tamper: (b) => `${b} ` }));
    expect(await codeOf(wx.client().queryOrder(query))).toBe('PAYSCORE_RESPONSE_BAD_SIGNATURE');
  });

  it('rejects an answer signed under a serial it has no key for', async () => {
    const wx = new FakeWechat().handle(() => ({ status: 200, json: serviceOrder(), signWith: { serial: 'PUB_KEY_ID_UNKNOWN' } }));
    expect(await codeOf(wx.client().queryOrder(query))).toBe('PAYSCORE_RESPONSE_UNKNOWN_SERIAL');
  });

  it('rejects an answer signed by another key under the known serial', async () => {
    const wx = new FakeWechat().handle(() => ({ status: 200, json: serviceOrder(), signWith: { privateKey: generateRsaKeyPair().privateKey } }));
    expect(await codeOf(wx.client().queryOrder(query))).toBe('PAYSCORE_RESPONSE_BAD_SIGNATURE');
  });

  it('rejects a stale or future timestamp beyond 300 s and accepts one within', async () => {
    const at = (offset: number) =>
      codeOf(new FakeWechat().handle(() => ({ status: 200, json: serviceOrder(), signWith: { timestampOffsetSeconds: offset } })).client().queryOrder(query));
    expect(await at(-301)).toBe('PAYSCORE_RESPONSE_STALE');
    expect(await at(301)).toBe('PAYSCORE_RESPONSE_STALE');
    expect(await at(-300)).toBe('RESOLVED');
    expect(await at(299)).toBe('RESOLVED');
  });

  it('rejects an unsigned 2xx answer', async () => {
    const wx = new FakeWechat().handle(() => ({ status: 200, json: serviceOrder(), unsigned: true }));
    expect(await codeOf(wx.client().queryOrder(query))).toBe('PAYSCORE_RESPONSE_UNSIGNED');
  });

  it('fails a WECHATPAY/SIGNTEST/ probe as a bad signature, not a special case', async () => {
    const wx = new FakeWechat().handle(() => ({
      status: 200,
      json: serviceOrder(),
      headersAfterSigning: { 'Wechatpay-Signature': 'WECHATPAY/SIGNTEST/abcdef' },
    }));
    const client = wx.client();
    expect(await codeOf(client.queryOrder(query))).toBe('PAYSCORE_RESPONSE_BAD_SIGNATURE');
  });

  it('selects the key by Wechatpay-Serial: platform certificate serial and PUB_KEY_ID side by side (switch-over)', async () => {
    const certKey = generateRsaKeyPair();
    const wx = new FakeWechat();
    const platformKeys = { [PUB_KEY_ID]: wx.platform.publicKeyPem, '3775B6A45ACD588826D15E583A95F5DD2EAF2D9B': certKey.publicKey };
    wx.handle((_r, i) =>
      i === 0
        ? { status: 200, json: serviceOrder() }
        : // hex serials are matched case-insensitively
          { status: 200, json: serviceOrder(), signWith: { privateKey: certKey.privateKey, serial: '3775b6a45acd588826d15e583a95f5dd2eaf2d9b' } },
    );
    const client = wx.client({ platformKeys });
    await expect(client.queryOrder(query)).resolves.toMatchObject({ out_order_no: 'zzORDER0001' });
    await expect(client.queryOrder(query)).resolves.toMatchObject({ out_order_no: 'zzORDER0001' });
    // the certificate key does not verify answers sent under the public-key id
    const crossed = wx.client({ platformKeys: { [PUB_KEY_ID]: certKey.publicKey } });
    wx.handle(() => ({ status: 200, json: serviceOrder() }));
    expect(await codeOf(crossed.queryOrder(query))).toBe('PAYSCORE_RESPONSE_BAD_SIGNATURE');
  });

  it('verifies signed error answers and flags unsigned ones as unverified', async () => {
    const error = { code: 'PARAM_ERROR', message: '订单重入参数校验失败' };
    const signed = new FakeWechat().handle(() => ({ status: 400, json: error }));
    await expect(signed.client().queryOrder(query)).rejects.toMatchObject({ code: 'PAYSCORE_REENTRY_MISMATCH', verified: true, httpStatus: 400 });

    const tampered = new FakeWechat().handle(() => ({ status: 400, json: error, tamper: (b) => b.replace('PARAM_ERROR', 'SYSTEM_ERROR') }));
    expect(await codeOf(tampered.client().queryOrder(query))).toBe('PAYSCORE_RESPONSE_BAD_SIGNATURE');

    const unsigned = new FakeWechat().handle(() => ({ status: 400, json: error, unsigned: true }));
    await expect(unsigned.client().queryOrder(query)).rejects.toMatchObject({ code: 'PAYSCORE_REENTRY_MISMATCH', verified: false });
    expect(await codeOf(unsigned.client({ requireSignedErrors: true }).queryOrder(query))).toBe('PAYSCORE_RESPONSE_UNSIGNED');
  });

  it('refuses a verified answer that is not JSON or not the order asked for', async () => {
    const notJson = new FakeWechat().handle(() => ({ status: 200, body: '<html>' }));
    expect(await codeOf(notJson.client().queryOrder(query))).toBe('PAYSCORE_RESPONSE_MALFORMED');
    const other = new FakeWechat().handle(() => ({ status: 200, json: serviceOrder({ out_order_no: 'zzOTHER' }) }));
    expect(await codeOf(other.client().queryOrder(query))).toBe('PAYSCORE_RESPONSE_MALFORMED');
  });
});
