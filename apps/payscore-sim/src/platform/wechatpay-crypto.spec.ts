import { createVerify } from 'node:crypto';
import { describe, expect, it } from '@jest/globals';
import { createPlatformKey, decryptResource, encryptResource, parseAuthorization, signedHeaders } from './wechatpay-crypto.js';

describe('parseAuthorization', () => {
  it('reads the five fields in any order', () => {
    const parsed = parseAuthorization(
      'WECHATPAY2-SHA256-RSA2048 serial_no="ABC",timestamp="1554208460",signature="c2ln",nonce_str="593BEC",mchid="1900000109"',
    );
    expect(parsed).toEqual({ mchid: '1900000109', nonceStr: '593BEC', signature: 'c2ln', timestamp: '1554208460', serialNo: 'ABC' });
  });

  it('explains what is wrong with a bad header', () => {
    expect(parseAuthorization(undefined)).toBe('Authorization header missing');
    expect(parseAuthorization('Bearer x')).toContain('scheme');
    expect(parseAuthorization('WECHATPAY2-SHA256-RSA2048 mchid="1",nonce_str="n"')).toContain('must carry');
  });
});

describe('AEAD_AES_256_GCM resources', () => {
  const key = '0123456789abcdef0123456789abcdef';

  it('round-trips with an empty associated_data and a 12-character nonce', () => {
    const r = encryptResource(key, '{"a":1}');
    expect(r.associated_data).toBe('');
    expect(r.nonce).toHaveLength(12);
    expect(decryptResource(key, r)).toBe('{"a":1}');
  });

  it('fails on a flipped ciphertext byte, a wrong key or a wrong AAD', () => {
    const r = encryptResource(key, '{"state":"DONE"}', 'payscore');
    const bytes = Buffer.from(r.ciphertext, 'base64');
    bytes[0] = (bytes[0] ?? 0) ^ 1;
    expect(() => decryptResource(key, { ...r, ciphertext: bytes.toString('base64') })).toThrow();
    expect(() => decryptResource('fedcba9876543210fedcba9876543210', r)).toThrow();
    expect(() => decryptResource(key, { ...r, associated_data: '' })).toThrow();
  });
});

describe('signed answers', () => {
  it('sign TIMESTAMP\\nNONCE\\nBODY\\n with the platform key under its PUB_KEY_ID', () => {
    const key = createPlatformKey();
    expect(key.publicKeyId).toMatch(/^PUB_KEY_ID_\d{32}$/);
    const h = signedHeaders(key, '{"x":1}', 1_700_000_000_123);
    expect(h['Wechatpay-Timestamp']).toBe('1700000000');
    expect(h['Wechatpay-Serial']).toBe(key.publicKeyId);
    const ok = createVerify('RSA-SHA256').update(`${h['Wechatpay-Timestamp']}\n${h['Wechatpay-Nonce']}\n{"x":1}\n`).verify(key.publicKeyPem, h['Wechatpay-Signature'], 'base64');
    expect(ok).toBe(true);
    const tampered = createVerify('RSA-SHA256').update(`${h['Wechatpay-Timestamp']}\n${h['Wechatpay-Nonce']}\n{"x":2}\n`).verify(key.publicKeyPem, h['Wechatpay-Signature'], 'base64');
    expect(tampered).toBe(false);
  });
});
