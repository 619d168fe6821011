import { describe, expect, it } from '@jest/globals';
import { createPrivateKey, X509Certificate } from 'node:crypto';
import { verifyAndDecryptNotification, buildSignedNotification } from './notification.js';
import { platformKeyLookup } from './signature.js';
import { APIV3_KEY, FakeWechat, FIXED_NOW_MS, PUB_KEY_ID, serviceOrder } from './test-support/fake-wechat.js';
import { PLATFORM_CERT_PEM, PLATFORM_CERT_PRIVATE_KEY_PEM, PLATFORM_CERT_SERIAL } from './test-support/platform-certificate.fixture.js';

describe('platform keys: an X.509 platform certificate (by serial) and a PUB_KEY_ID public key side by side', () => {
  it('the fixture serial is the certificate serial', () => {
    expect(new X509Certificate(PLATFORM_CERT_PEM).serialNumber.toUpperCase()).toBe(PLATFORM_CERT_SERIAL);
  });

  it('verifies answers under either key, chosen by Wechatpay-Serial', async () => {
    const wx = new FakeWechat();
    const platformKeys = platformKeyLookup({ [PLATFORM_CERT_SERIAL]: PLATFORM_CERT_PEM, [PUB_KEY_ID]: wx.platform.publicKeyPem });
    const certKey = createPrivateKey(PLATFORM_CERT_PRIVATE_KEY_PEM);
    wx.handle((_r, i) =>
      i === 0
        ? { status: 200, json: serviceOrder() }
        : i === 1
          ? { status: 200, json: serviceOrder({ state: 'REVOKED' }), signWith: { privateKey: certKey, serial: PLATFORM_CERT_SERIAL } }
          : { status: 200, json: serviceOrder(), signWith: { serial: PLATFORM_CERT_SERIAL } },
    );
    const client = wx.client({ platformKeys });
    await expect(client.queryOrder({ out_order_no: 'zzORDER0001' })).resolves.toMatchObject({ state: 'CREATED' });
    await expect(client.queryOrder({ out_order_no: 'zzORDER0001' })).resolves.toMatchObject({ state: 'REVOKED' });
    // signed by the public-key key but announced under the certificate serial: refused
    await expect(client.queryOrder({ out_order_no: 'zzORDER0001' })).rejects.toMatchObject({ code: 'PAYSCORE_RESPONSE_BAD_SIGNATURE' });
  });

  it('verifies a callback signed with the certificate key', () => {
    const platformKeys = platformKeyLookup({ [PLATFORM_CERT_SERIAL]: PLATFORM_CERT_PEM });
    const n = buildSignedNotification(
      { eventType: 'PAYSCORE.USER_CONFIRM', resource: serviceOrder({ state: 'DOING', state_description: 'USER_CONFIRM' }) },
      { platformPrivateKey: PLATFORM_CERT_PRIVATE_KEY_PEM, platformSerial: PLATFORM_CERT_SERIAL, apiV3Key: APIV3_KEY, now: FIXED_NOW_MS },
    );
    expect(verifyAndDecryptNotification({ headers: n.headers, rawBody: n.body }, { platformKeys, apiV3Key: APIV3_KEY, now: FIXED_NOW_MS }).serial).toBe(PLATFORM_CERT_SERIAL);
  });

  it('refuses an unusable key at configuration time', () => {
    expect(() => platformKeyLookup({ X: 'not a pem' })).toThrow(expect.objectContaining({ code: 'PAYSCORE_CONFIG_INVALID' }) as unknown as Error);
  });
});
