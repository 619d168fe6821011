/**
 * Sensitive request fields (分账接收方 `name`, 商家转账 `user_name`): RSAES-OAEP with SHA-1 and MGF1-SHA1 under the
 * WeChat Pay public key or a platform certificate, base64 (wechatpay-bills-sharing-complaints.md §2.3.1, §4.4).
 * The request that carries such a field sends `Wechatpay-Serial: <the id / serial of that key>`.
 * Pure: no clock, no I/O; OAEP padding is randomised, so two encryptions of one name differ.
 */
import { constants, privateDecrypt, publicEncrypt } from 'node:crypto';
import { PayScoreError } from './errors.js';
import { toPrivateKey, toPublicKey, type PrivateKeyInput, type PublicKeyInput } from './signature.js';

/** The key a client encrypts sensitive fields under, and the `Wechatpay-Serial` it names. */
export interface EncryptionKey {
  /** `PUB_KEY_ID_…` or the platform certificate serial. */
  serial: string;
  /** SPKI / PKCS#1 PEM, an X.509 certificate PEM, or a KeyObject. */
  publicKey: PublicKeyInput;
}

/** base64(RSA-OAEP-SHA1(plaintext)). Throws `PAYSCORE_INVALID_ARGUMENT` for an empty value. */
export function encryptSensitiveField(plaintext: string, publicKey: PublicKeyInput): string {
  if (typeof plaintext !== 'string' || plaintext === '') {
    throw new PayScoreError('PAYSCORE_INVALID_ARGUMENT', { message: 'a sensitive field to encrypt must be a non-empty string' });
  }
  const key = toPublicKey(publicKey);
  return publicEncrypt({ key, padding: constants.RSA_PKCS1_OAEP_PADDING, oaepHash: 'sha1' }, Buffer.from(plaintext, 'utf8')).toString('base64');
}

/**
 * The WeChat side of {@link encryptSensitiveField} (the simulator; also a merchant decrypting `payer_phone` with its own key).
 * Returns undefined when the text is not a ciphertext of this key (clear text, another key, garbage).
 */
export function decryptSensitiveField(ciphertextBase64: string, privateKey: PrivateKeyInput): string | undefined {
  if (typeof ciphertextBase64 !== 'string' || !/^[A-Za-z0-9+/]+={0,2}$/.test(ciphertextBase64)) return undefined;
  try {
    return privateDecrypt(
      { key: toPrivateKey(privateKey), padding: constants.RSA_PKCS1_OAEP_PADDING, oaepHash: 'sha1' },
      Buffer.from(ciphertextBase64, 'base64'),
    ).toString('utf8');
  } catch {
    return undefined;
  }
}
