import { describe, expect, it } from '@jest/globals';
import { buildSignedNotification, verifyAndDecryptFundNotification, verifyAndDecryptNotification, type NotificationVerifyOptions } from './notification.js';
import { generateRsaKeyPair } from './testing.js';
import { APIV3_KEY, FIXED_NOW_MS, PUB_KEY_ID } from './test-support/fake-wechat.js';

const platform = generateRsaKeyPair();
const verifyOptions: NotificationVerifyOptions = { platformKeys: { [PUB_KEY_ID]: platform.publicKey }, apiV3Key: APIV3_KEY, now: FIXED_NOW_MS };
const buildOptions = { platformPrivateKey: platform.privateKey, platformSerial: PUB_KEY_ID, apiV3Key: APIV3_KEY, now: FIXED_NOW_MS };
const split = {
  mchid: '1900000100',
  transaction_id: '4200000000000000000000000000',
  order_id: '3008450740201411110007820472',
  out_order_no: 'P20150806125346',
  receiver: { type: 'MERCHANT_ID', account: '1900000109', amount: 100, description: '分给商户1900000109' },
  success_time: '2018-06-08T10:34:56+08:00',
};
const input = (n: { headers: Record<string, string>; body: string }) => ({ headers: n.headers, rawBody: n.body });

describe('profit-sharing and transfer callbacks: verified and decrypted like the others, told apart by type and summary', () => {
  it('PROFITSHARING.SUCCESS and .RETURN; TRANSACTION.SUCCESS is told apart by its summary (分账 / 分账回退)', () => {
    const ok = verifyAndDecryptFundNotification(input(buildSignedNotification({ eventType: 'PROFITSHARING.SUCCESS', summary: '分账', originalType: 'profitsharing', resource: split }, buildOptions)), verifyOptions);
    expect(ok).toMatchObject({ eventType: 'PROFITSHARING.SUCCESS', kind: 'SPLIT', serial: PUB_KEY_ID, profitSharing: { out_order_no: 'P20150806125346', receiver: { amount: 100 } } });
    const ret = verifyAndDecryptFundNotification(input(buildSignedNotification({ eventType: 'PROFITSHARING.RETURN', summary: '分账回退', originalType: 'profitsharing', resource: split }, buildOptions)), verifyOptions);
    expect(ret).toMatchObject({ kind: 'RETURN' });
    const legacy = verifyAndDecryptFundNotification(input(buildSignedNotification({ eventType: 'TRANSACTION.SUCCESS', summary: '分账回退', originalType: 'profitsharing', resource: split }, buildOptions)), verifyOptions);
    expect(legacy).toMatchObject({ eventType: 'TRANSACTION.SUCCESS', kind: 'RETURN' });
  });

  it('MCHTRANSFER.BILL.FINISHED; a Pay Score event is not a fund event, nor the reverse', () => {
    const resource = { out_bill_no: 'TB1', transfer_bill_no: '1330', state: 'FAIL', fail_reason: 'ACCOUNT_FROZEN', mch_id: '1900000100', transfer_amount: 1000, openid: 'o1', create_time: 'x', update_time: 'y' };
    const transfer = buildSignedNotification({ eventType: 'MCHTRANSFER.BILL.FINISHED', summary: '商家转账单据终态通知', originalType: 'mch_payment', resource }, buildOptions);
    expect(verifyAndDecryptFundNotification(input(transfer), verifyOptions)).toMatchObject({ eventType: 'MCHTRANSFER.BILL.FINISHED', transfer: { state: 'FAIL', fail_reason: 'ACCOUNT_FROZEN' } });
    expect(() => verifyAndDecryptNotification(input(transfer), verifyOptions)).toThrow(expect.objectContaining({ code: 'PAYSCORE_NOTIFY_UNSUPPORTED_EVENT' }) as unknown as Error);
    const paid = buildSignedNotification({ eventType: 'PAYSCORE.USER_PAID', resource: { out_order_no: 'zz1', state: 'DONE' } }, buildOptions);
    expect(() => verifyAndDecryptFundNotification(input(paid), verifyOptions)).toThrow(expect.objectContaining({ code: 'PAYSCORE_NOTIFY_UNSUPPORTED_EVENT' }) as unknown as Error);
  });

  it('a tampered body is refused before anything is decrypted', () => {
    const n = buildSignedNotification({ eventType: 'PROFITSHARING.SUCCESS', summary: '分账', resource: split }, buildOptions);
    expect(() => verifyAndDecryptFundNotification({ headers: n.headers, rawBody: n.body.replace('分账', '分帐') }, verifyOptions)).toThrow(expect.objectContaining({ code: 'PAYSCORE_NOTIFY_BAD_SIGNATURE' }) as unknown as Error);
  });
});
