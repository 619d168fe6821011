import { describe, expect, it } from '@jest/globals';
import Pay from 'wechatpay-node-v3';
import { decryptAeadAes256Gcm, encryptAeadAes256Gcm } from './aead.js';
import { PayScoreError } from './errors.js';
import { APIV3_KEY } from './test-support/fake-wechat.js';

const nonce = 'n0nce1234567';
const plaintext = JSON.stringify({ out_order_no: 'zzORDER0001', state: 'DONE', total_amount: 600 });

function flip(ciphertext: string, index: number): string {
  const raw = Buffer.from(ciphertext, 'base64');
  const i = index < 0 ? raw.length + index : index;
  raw[i] = (raw[i] ?? 0) ^ 0x80;
  return raw.toString('base64');
}

function codeOf(fn: () => unknown): string {
  try {
    fn();
  } catch (error) {
    if (error instanceof PayScoreError) return error.code;
    throw error;
  }
  return 'ACCEPTED';
}

describe('AEAD_AES_256_GCM checks the auth tag (decipher.final())', () => {
  const ciphertext = encryptAeadAes256Gcm(plaintext, { nonce, associatedData: '' }, APIV3_KEY);

  it('round-trips, ciphertext being data ‖ 16-byte tag', () => {
    expect(Buffer.from(ciphertext, 'base64').length).toBe(Buffer.byteLength(plaintext) + 16);
    expect(decryptAeadAes256Gcm({ ciphertext, nonce, associatedData: '' }, APIV3_KEY)).toBe(plaintext);
  });

  it('refuses a flipped tag byte, a flipped data byte, another nonce, other associated data, another key', () => {
    expect(codeOf(() => decryptAeadAes256Gcm({ ciphertext: flip(ciphertext, -1), nonce }, APIV3_KEY))).toBe('PAYSCORE_NOTIFY_DECRYPT_FAILED');
    expect(codeOf(() => decryptAeadAes256Gcm({ ciphertext: flip(ciphertext, 3), nonce }, APIV3_KEY))).toBe('PAYSCORE_NOTIFY_DECRYPT_FAILED');
    expect(codeOf(() => decryptAeadAes256Gcm({ ciphertext, nonce: 'n0nce1234568' }, APIV3_KEY))).toBe('PAYSCORE_NOTIFY_DECRYPT_FAILED');
    expect(codeOf(() => decryptAeadAes256Gcm({ ciphertext, nonce, associatedData: 'transaction' }, APIV3_KEY))).toBe('PAYSCORE_NOTIFY_DECRYPT_FAILED');
    expect(codeOf(() => decryptAeadAes256Gcm({ ciphertext, nonce }, 'X'.repeat(32)))).toBe('PAYSCORE_NOTIFY_DECRYPT_FAILED');
    expect(codeOf(() => decryptAeadAes256Gcm({ ciphertext: 'AAAA', nonce }, APIV3_KEY))).toBe('PAYSCORE_NOTIFY_DECRYPT_FAILED');
  });

  it('refuses an APIv3 key that is not 32 bytes (e.g. a pasted 34-character key)', () => {
    expect(codeOf(() => decryptAeadAes256Gcm({ ciphertext, nonce }, `${APIV3_KEY}\r\n`))).toBe('PAYSCORE_CONFIG_INVALID');
  });

  it('closes a real gap: wechatpay-node-v3 decipher_gcm "decrypts" the same tampered tag without error', () => {
    const pay = new Pay({ appid: 'wx', mchid: '1230000109', serial_no: 'AB', publicKey: Buffer.from('x'), privateKey: Buffer.from('x'), key: APIV3_KEY });
    const tampered = flip(ciphertext, -1);
    expect(() => pay.decipher_gcm(tampered, '', nonce)).not.toThrow();
    expect(pay.decipher_gcm<{ total_amount: number }>(tampered, '', nonce)).toMatchObject({ total_amount: 600 });
    expect(codeOf(() => decryptAeadAes256Gcm({ ciphertext: tampered, nonce }, APIV3_KEY))).toBe('PAYSCORE_NOTIFY_DECRYPT_FAILED');
  });
});
