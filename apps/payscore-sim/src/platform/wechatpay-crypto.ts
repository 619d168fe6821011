// The cryptography of WeChat Pay APIv3 as the WeChat side performs it (payscore-protocol.md §2, §7):
// verify the merchant's SHA256withRSA Authorization, sign answers and callbacks, AES-256-GCM resources.
import {
  createCipheriv,
  createDecipheriv,
  createPublicKey,
  createSign,
  createVerify,
  generateKeyPairSync,
  createPrivateKey,
  constants,
  privateDecrypt,
  randomInt,
  type KeyObject,
} from 'node:crypto';

export const AUTH_SCHEME = 'WECHATPAY2-SHA256-RSA2048';

export interface ParsedAuthorization {
  readonly mchid: string;
  readonly nonceStr: string;
  readonly signature: string;
  readonly timestamp: string;
  readonly serialNo: string;
}

/** Parses `WECHATPAY2-SHA256-RSA2048 k="v",…` (any order). Returns a reason string on failure. */
export function parseAuthorization(header: string | undefined): ParsedAuthorization | string {
  if (!header) return 'Authorization header missing';
  const trimmed = header.trim();
  if (!trimmed.startsWith(`${AUTH_SCHEME} `)) return `Authorization scheme must be ${AUTH_SCHEME}`;
  const fields = new Map<string, string>();
  for (const m of trimmed.slice(AUTH_SCHEME.length + 1).matchAll(/([a-z_]+)\s*=\s*"([^"]*)"/g)) {
    if (m[1] !== undefined && m[2] !== undefined) fields.set(m[1], m[2]);
  }
  const mchid = fields.get('mchid');
  const nonceStr = fields.get('nonce_str');
  const signature = fields.get('signature');
  const timestamp = fields.get('timestamp');
  const serialNo = fields.get('serial_no');
  if (!mchid || !nonceStr || !signature || !timestamp || !serialNo) {
    return 'Authorization must carry mchid, nonce_str, signature, timestamp and serial_no';
  }
  return { mchid, nonceStr, signature, timestamp, serialNo };
}

export function requestSignMessage(method: string, url: string, timestamp: string, nonce: string, body: string): string {
  return `${method}\n${url}\n${timestamp}\n${nonce}\n${body}\n`;
}

export function verifySha256Rsa(publicKey: KeyObject, message: string, signatureBase64: string): boolean {
  try {
    return createVerify('RSA-SHA256').update(message, 'utf8').verify(publicKey, signatureBase64, 'base64');
  } catch {
    return false;
  }
}

export function signSha256Rsa(privateKey: KeyObject, message: string): string {
  return createSign('RSA-SHA256').update(message, 'utf8').sign(privateKey, 'base64');
}

/** Accepts an SPKI/PKCS#1 public key PEM or an X.509 certificate PEM. */
export function loadPublicKey(pem: string): KeyObject {
  return createPublicKey(pem);
}

const NONCE_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

export function nonce(length = 32): string {
  let out = '';
  for (let i = 0; i < length; i++) out += NONCE_ALPHABET[randomInt(NONCE_ALPHABET.length)];
  return out;
}

export function randomDigits(length: number): string {
  let out = '';
  for (let i = 0; i < length; i++) out += String(randomInt(10));
  return out;
}

export interface EncryptedResource {
  readonly algorithm: 'AEAD_AES_256_GCM';
  readonly ciphertext: string;
  readonly nonce: string;
  readonly associated_data: string;
}

/** AEAD_AES_256_GCM with the 32-byte APIv3 key, a 12-character nonce; ciphertext = base64(enc ‖ tag). */
export function encryptResource(apiV3Key: string, plaintext: string, associatedData = '', gcmNonce = nonce(12)): EncryptedResource {
  const cipher = createCipheriv('aes-256-gcm', Buffer.from(apiV3Key, 'utf8'), Buffer.from(gcmNonce, 'utf8'));
  cipher.setAAD(Buffer.from(associatedData, 'utf8'));
  const encrypted = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final(), cipher.getAuthTag()]);
  return { algorithm: 'AEAD_AES_256_GCM', ciphertext: encrypted.toString('base64'), nonce: gcmNonce, associated_data: associatedData };
}

/** The inverse of encryptResource; throws when the tag does not authenticate. */
export function decryptResource(apiV3Key: string, resource: { ciphertext: string; nonce: string; associated_data?: string }): string {
  const data = Buffer.from(resource.ciphertext, 'base64');
  const decipher = createDecipheriv('aes-256-gcm', Buffer.from(apiV3Key, 'utf8'), Buffer.from(resource.nonce, 'utf8'));
  decipher.setAAD(Buffer.from(resource.associated_data ?? '', 'utf8'));
  decipher.setAuthTag(data.subarray(data.length - 16));
  return Buffer.concat([decipher.update(data.subarray(0, data.length - 16)), decipher.final()]).toString('utf8');
}

/** The simulator's "WeChat Pay public key" (public-key mode): one RSA-2048 pair + `PUB_KEY_ID_` + 32 digits. */
export interface PlatformKey {
  readonly privateKey: KeyObject;
  readonly publicKeyPem: string;
  readonly publicKeyId: string;
}

export function createPlatformKey(privateKeyPem?: string, publicKeyId?: string): PlatformKey {
  const privateKey = privateKeyPem
    ? createPrivateKey(privateKeyPem)
    : generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey;
  const publicKeyPem = createPublicKey(privateKey).export({ type: 'spki', format: 'pem' }).toString();
  return { privateKey, publicKeyPem, publicKeyId: publicKeyId ?? `PUB_KEY_ID_${randomDigits(32)}` };
}

export interface SignedHeaders {
  'Wechatpay-Timestamp': string;
  'Wechatpay-Nonce': string;
  'Wechatpay-Signature': string;
  'Wechatpay-Serial': string;
  'Wechatpay-Signature-Type': string;
}

/** Headers that sign `TIMESTAMP\nNONCE\nBODY\n` with the platform key. */
export function signedHeaders(key: PlatformKey, body: string, realNowMs: number): SignedHeaders {
  const timestamp = String(Math.floor(realNowMs / 1000));
  const n = nonce(32);
  return {
    'Wechatpay-Timestamp': timestamp,
    'Wechatpay-Nonce': n,
    'Wechatpay-Signature': signSha256Rsa(key.privateKey, `${timestamp}\n${n}\n${body}\n`),
    'Wechatpay-Serial': key.publicKeyId,
    'Wechatpay-Signature-Type': AUTH_SCHEME,
  };
}

/**
 * Decrypts a sensitive request field (a receiver's `name`, a transfer's `user_name`): base64 RSAES-OAEP with SHA-1 /
 * MGF1-SHA1 under the platform public key. undefined when it is not such a ciphertext (clear text, another key).
 */
export function decryptSensitive(key: PlatformKey, ciphertextBase64: string): string | undefined {
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(ciphertextBase64)) return undefined;
  try {
    return privateDecrypt({ key: key.privateKey, padding: constants.RSA_PKCS1_OAEP_PADDING, oaepHash: 'sha1' }, Buffer.from(ciphertextBase64, 'base64')).toString('utf8');
  } catch {
    return undefined;
  }
}
