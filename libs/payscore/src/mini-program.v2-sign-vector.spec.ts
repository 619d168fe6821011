import { describe, expect, it } from '@jest/globals';
import { createHash, createHmac } from 'node:crypto';
import { openBusinessViewForConfirm, openBusinessViewForDetail, signV2HmacSha256, v2StringToSign, verifyV2HmacSha256 } from './mini-program.js';
import { FIXED_NOW_MS, MCHID, SERVICE_ID } from './test-support/fake-wechat.js';

// The official WeChat Pay APIv2 signing example (签名算法 page; payscore-protocol.md §6.5). It is the
// generic v2 vector, not a Pay Score-specific one: no official wxpayScoreUse vector was found.
const OFFICIAL = {
  fields: { appid: 'wxd930ea5d5a258f4f', mch_id: '10000100', device_info: '1000', body: 'test', nonce_str: 'ibuaiVcKdpRxkhJA' },
  key: '192006250b4c09247ec02edce69f6a2d',
  stringSignTemp: 'appid=wxd930ea5d5a258f4f&body=test&device_info=1000&mch_id=10000100&nonce_str=ibuaiVcKdpRxkhJA&key=192006250b4c09247ec02edce69f6a2d',
  md5: '9A0A8659F005D6984697E2CA0A9CF3B7',
  hmacSha256: '6A9AE1657590FD6257D693A078E1C3E4BB6BA4DC30B23E0EE2496E54170DACD6',
};

const APIV2_KEY = 'e10adc3949ba59abbe56e057f20f883e';

describe('APIv2 HMAC-SHA256 sign of the mini-program jump data', () => {
  it('reproduces the official vector: sorted stringSignTemp (MD5 matches too) and the HMAC-SHA256 sign', () => {
    const temp = v2StringToSign(OFFICIAL.fields, OFFICIAL.key);
    expect(temp).toBe(OFFICIAL.stringSignTemp);
    expect(createHash('md5').update(temp).digest('hex').toUpperCase()).toBe(OFFICIAL.md5);
    expect(signV2HmacSha256(OFFICIAL.fields, OFFICIAL.key)).toBe(OFFICIAL.hmacSha256);
  });

  it('skips empty fields and sign itself', () => {
    expect(signV2HmacSha256({ ...OFFICIAL.fields, sign: 'WHATEVER', attach: '', detail: undefined }, OFFICIAL.key)).toBe(OFFICIAL.hmacSha256);
  });

  it('builds wxpayScoreUse extraData with mch_id, package, seconds timestamp, nonce, HMAC-SHA256 sign', () => {
    const view = openBusinessViewForConfirm({ mchid: MCHID, package: 'DJIOSQPYWDxsjdldeuwhdodwxasd_dDiodnwjh9we' }, { apiV2Key: APIV2_KEY, now: FIXED_NOW_MS, nonce: () => 'zyx53Nkey8o4bHpxTQvd8m7e92nG5mG2' });
    expect(view.businessType).toBe('wxpayScoreUse');
    expect(view.extraData).toMatchObject({
      mch_id: MCHID,
      package: 'DJIOSQPYWDxsjdldeuwhdodwxasd_dDiodnwjh9we',
      timestamp: String(FIXED_NOW_MS / 1000),
      nonce_str: 'zyx53Nkey8o4bHpxTQvd8m7e92nG5mG2',
      sign_type: 'HMAC-SHA256',
    });
    expect(view.extraData.sign).toMatch(/^[0-9A-F]{64}$/);
    expect(verifyV2HmacSha256(view.extraData, APIV2_KEY)).toBe(true);
    // signed with the APIv2 key, not another key, and covering every field
    expect(verifyV2HmacSha256(view.extraData, 'a'.repeat(32))).toBe(false);
    expect(verifyV2HmacSha256({ ...view.extraData, package: 'other' }, APIV2_KEY)).toBe(false);
    expect(verifyV2HmacSha256({ ...view.extraData, timestamp: String(FIXED_NOW_MS / 1000 + 1) }, APIV2_KEY)).toBe(false);
  });

  it('builds wxpayScoreDetail extraData over mch_id, service_id, out_order_no, timestamp, nonce_str, sign_type', () => {
    const view = openBusinessViewForDetail({ mchid: MCHID, serviceId: SERVICE_ID, outOrderNo: 'zzORDER0001' }, { apiV2Key: APIV2_KEY, now: new Date(FIXED_NOW_MS) });
    expect(view.businessType).toBe('wxpayScoreDetail');
    const { sign, ...unsigned } = view.extraData;
    expect(Object.keys(unsigned).sort()).toEqual(['mch_id', 'nonce_str', 'out_order_no', 'service_id', 'sign_type', 'timestamp']);
    expect(unsigned.nonce_str).toMatch(/^[0-9A-Za-z]{32}$/);
    const expected = createHashHmac(unsigned);
    expect(sign).toBe(expected);
    expect(() => openBusinessViewForDetail({ mchid: MCHID, serviceId: SERVICE_ID, outOrderNo: 'bad|no' }, { apiV2Key: APIV2_KEY, now: 0 })).toThrow(
      expect.objectContaining({ code: 'PAYSCORE_INVALID_ARGUMENT' }) as unknown as Error,
    );
  });
});

/** Independent re-implementation of §6.5 for the cross-check. */
function createHashHmac(fields: Record<string, string>): string {
  const stringA = Object.keys(fields)
    .sort()
    .map((k) => `${k}=${fields[k]}`)
    .join('&');
  return createHmac('sha256', APIV2_KEY).update(`${stringA}&key=${APIV2_KEY}`).digest('hex').toUpperCase();
}
