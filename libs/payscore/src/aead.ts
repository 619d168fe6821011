/**
 * AEAD_AES_256_GCM as WeChat uses it for callback resources and platform certificates
 * (payscore-protocol.md §2.6): key = the 32-byte APIv3 key, nonce = 12 ASCII characters,
 * ciphertext = Base64(encrypted ‖ 16-byte tag). Unlike wechatpay-node-v3's `decipher_gcm`, decryption
 * calls `decipher.final()`, so a wrong key, a changed byte, nonce or associated data is refused.
 */
import { createCipheriv, createDecipheriv } from 'node:crypto';
import { PayScoreError } from './errors.js';

const TAG_BYTES = 16;

function apiV3KeyBytes(apiV3Key: string): Buffer {
  const key = Buffer.from(apiV3Key, 'utf8');
  if (key.length !== 32) {
    throw new PayScoreError('PAYSCORE_CONFIG_INVALID', { message: `the APIv3 key must be 32 bytes, got ${key.length}` });
  }
  return key;
}

export interface AeadInput {
  ciphertext: string;
  nonce: string;
  associatedData?: string;
}

/** Decrypts and authenticates; throws `PAYSCORE_NOTIFY_DECRYPT_FAILED` on any tampering or a wrong key. */
export function decryptAeadAes256Gcm(input: AeadInput, apiV3Key: string): string {
  const key = apiV3KeyBytes(apiV3Key);
  const raw = Buffer.from(input.ciphertext, 'base64');
  if (raw.length < TAG_BYTES || raw.toString('base64') !== input.ciphertext.replace(/\s+/g, '')) {
    throw new PayScoreError('PAYSCORE_NOTIFY_DECRYPT_FAILED', { message: 'ciphertext is not Base64 of data ‖ 16-byte tag' });
  }
  try {
    const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(input.nonce, 'utf8'), { authTagLength: TAG_BYTES });
    decipher.setAuthTag(raw.subarray(raw.length - TAG_BYTES));
    decipher.setAAD(Buffer.from(input.associatedData ?? '', 'utf8'));
    const plain = Buffer.concat([decipher.update(raw.subarray(0, raw.length - TAG_BYTES)), decipher.final()]);
    return plain.toString('utf8');
  } catch (cause) {
    throw new PayScoreError('PAYSCORE_NOTIFY_DECRYPT_FAILED', { cause });
  }
}

/** Encrypts as WeChat does (for the simulator and tests). `nonce` must be 12 ASCII characters. */
export function encryptAeadAes256Gcm(plaintext: string, input: { nonce: string; associatedData?: string }, apiV3Key: string): string {
  const key = apiV3KeyBytes(apiV3Key);
  const iv = Buffer.from(input.nonce, 'utf8');
  if (iv.length !== 12) throw new PayScoreError('PAYSCORE_INVALID_ARGUMENT', { message: 'the GCM nonce must be 12 bytes' });
  const cipher = createCipheriv('aes-256-gcm', key, iv, { authTagLength: TAG_BYTES });
  cipher.setAAD(Buffer.from(input.associatedData ?? '', 'utf8'));
  const data = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
  return Buffer.concat([data, cipher.getAuthTag()]).toString('base64');
}
