import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { AppConfig } from '../../config/app-config.js';

export const DEVICE_SECRET_BOX = Symbol('DEVICE_SECRET_BOX');

function decodeKey(text: string): Buffer {
  const key = /^[0-9a-fA-F]{64}$/.test(text) ? Buffer.from(text, 'hex') : Buffer.from(text, 'base64url');
  if (key.length !== 32) throw new Error('MASTER_KEY must decode to 32 bytes');
  return key;
}

/**
 * The key that encrypts device secrets at rest: MASTER_KEY when given (required with a server database),
 * else one generated once and kept under DATA_DIR (like the JWT secret), else (in-memory database) random.
 */
export function resolveMasterKey(config: AppConfig): Buffer {
  if (config.masterKey) return decodeKey(config.masterKey);
  if (config.database.kind !== 'embedded' || config.database.dataDir === null) return randomBytes(32);
  const file = join(config.database.dataDir, 'master-key');
  if (existsSync(file)) return decodeKey(readFileSync(file, 'utf8').trim());
  mkdirSync(config.database.dataDir, { recursive: true, mode: 0o700 });
  const key = randomBytes(32);
  writeFileSync(file, key.toString('hex'), { mode: 0o600 });
  return key;
}

/** A device secret as handed to the device once: 32 random bytes, base64url (43 characters). */
export function newDeviceSecret(): string {
  return randomBytes(32).toString('base64url');
}

/**
 * AES-256-GCM sealing of device secrets. The device id and secret version are the associated data, so a
 * ciphertext copied onto another device row (or an older version) does not open.
 */
export class DeviceSecretBox {
  constructor(private readonly key: Buffer) {}

  seal(deviceId: string, version: number, secret: string): string {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.key, iv);
    cipher.setAAD(Buffer.from(`device:${deviceId}:${version}`));
    const ciphertext = Buffer.concat([cipher.update(secret, 'utf8'), cipher.final()]);
    return `v1.${iv.toString('base64url')}.${cipher.getAuthTag().toString('base64url')}.${ciphertext.toString('base64url')}`;
  }

  open(deviceId: string, version: number, sealed: string): string {
    const [format, iv, tag, ciphertext] = sealed.split('.');
    if (format !== 'v1' || !iv || !tag || ciphertext === undefined) throw new Error('unknown device secret format');
    const decipher = createDecipheriv('aes-256-gcm', this.key, Buffer.from(iv, 'base64url'));
    decipher.setAAD(Buffer.from(`device:${deviceId}:${version}`));
    decipher.setAuthTag(Buffer.from(tag, 'base64url'));
    return Buffer.concat([decipher.update(Buffer.from(ciphertext, 'base64url')), decipher.final()]).toString('utf8');
  }
}
