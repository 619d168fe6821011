import { describe, expect, it } from '@jest/globals';
import { decryptSensitiveField, encryptSensitiveField } from './sensitive-field.js';
import { PLATFORM_CERT_PEM, PLATFORM_CERT_PRIVATE_KEY_PEM, PLATFORM_CERT_SERIAL } from './test-support/platform-certificate.fixture.js';
import { FakeWechat, PUB_KEY_ID } from './test-support/fake-wechat.js';

describe('a receiver name is RSA-OAEP(SHA-1) ciphertext under the WeChat Pay key (fixed key)', () => {
  it('encrypts under a platform certificate PEM; only that key decrypts; OAEP is randomised', () => {
    const a = encryptSensitiveField('深圳市自助科技有限公司', PLATFORM_CERT_PEM);
    const b = encryptSensitiveField('深圳市自助科技有限公司', PLATFORM_CERT_PEM);
    expect(a).not.toBe(b);
    expect(Buffer.from(a, 'base64')).toHaveLength(256); // RSA-2048
    expect(decryptSensitiveField(a, PLATFORM_CERT_PRIVATE_KEY_PEM)).toBe('深圳市自助科技有限公司');
    expect(decryptSensitiveField(b, PLATFORM_CERT_PRIVATE_KEY_PEM)).toBe('深圳市自助科技有限公司');
  });

  it('clear text, garbage or another key’s ciphertext does not decrypt', () => {
    const wx = new FakeWechat();
    expect(decryptSensitiveField('深圳市自助科技有限公司', PLATFORM_CERT_PRIVATE_KEY_PEM)).toBeUndefined();
    expect(decryptSensitiveField('bm90IGEgY2lwaGVydGV4dA==', PLATFORM_CERT_PRIVATE_KEY_PEM)).toBeUndefined();
    expect(decryptSensitiveField(encryptSensitiveField('张三', wx.platform.publicKey), PLATFORM_CERT_PRIVATE_KEY_PEM)).toBeUndefined();
    expect(() => encryptSensitiveField('', PLATFORM_CERT_PEM)).toThrow(expect.objectContaining({ code: 'PAYSCORE_INVALID_ARGUMENT' }) as unknown as Error);
  });

  it('addProfitSharingReceiver sends the name encrypted and Wechatpay-Serial naming the key', async () => {
    const wx = new FakeWechat().handle((req) => ({ status: 200, json: { ...(req.json as object) } }));
    await wx.client().addProfitSharingReceiver({ type: 'MERCHANT_ID', account: '1900000109', name: '加盟商一号店', relation_type: 'BRAND' });
    const req = wx.requests[0];
    expect(req?.path).toBe('/v3/profitsharing/receivers/add');
    expect(req?.signatureValid).toBe(true);
    expect(req?.headers['Wechatpay-Serial']).toBe(PUB_KEY_ID);
    const body = req?.json as Record<string, string>;
    expect(body['name']).not.toContain('加盟商');
    expect(decryptSensitiveField(body['name'] ?? '', wx.platform.privateKey)).toBe('加盟商一号店');
    expect(body).toMatchObject({ appid: 'wxd678efh567hg6787', type: 'MERCHANT_ID', account: '1900000109', relation_type: 'BRAND' });
  });

  it('an explicit encryptionKey (a platform certificate) is used and named instead', async () => {
    const wx = new FakeWechat().handle((req) => ({ status: 200, json: { ...(req.json as object) } }));
    const client = wx.client({ encryptionKey: { serial: PLATFORM_CERT_SERIAL, publicKey: PLATFORM_CERT_PEM } });
    await client.createProfitSharingOrder({
      transaction_id: '4200000000202611271234567890',
      out_order_no: 'PS-zz0001-1',
      receivers: [{ type: 'PERSONAL_OPENID', account: 'o_user_1', amount: 10, description: '分给店长', name: '李四' }],
      unfreeze_unsplit: false,
    }).catch(() => undefined);
    const req = wx.requests[0];
    expect(req?.headers['Wechatpay-Serial']).toBe(PLATFORM_CERT_SERIAL);
    const receiver = (req?.json as { receivers: Array<{ name: string }> }).receivers[0];
    expect(decryptSensitiveField(receiver?.name ?? '', PLATFORM_CERT_PRIVATE_KEY_PEM)).toBe('李四');
  });

  it('a MERCHANT_ID receiver without a name never reaches the network', async () => {
    const wx = new FakeWechat();
    await expect(wx.client().addProfitSharingReceiver({ type: 'MERCHANT_ID', account: '1900000109', relation_type: 'BRAND' })).rejects.toMatchObject({
      code: 'PAYSCORE_INVALID_ARGUMENT',
      detail: expect.objectContaining({ field: 'name' }),
    });
    await expect(wx.client().addProfitSharingReceiver({ type: 'MERCHANT_ID', account: '1900000109', name: 'x', relation_type: 'CUSTOM' })).rejects.toMatchObject({
      detail: expect.objectContaining({ field: 'custom_relation' }),
    });
    expect(wx.requests).toHaveLength(0);
  });
});
