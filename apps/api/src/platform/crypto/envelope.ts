import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';

/**
 * Envelope encryption: each record has its own random 32-byte data key (DEK) that seals its secrets
 * (AES-256-GCM); the DEK is stored wrapped (AES-256-GCM) by a platform master key, next to the id of that
 * master key. Rotating the master key re-wraps DEKs only: the sealed secrets never change.
 *
 * Key ids are the first 16 hex digits of SHA-256(key): safe to store and log, never the key itself.
 * Pure: no config, no database; the keys are passed in.
 */

/** A configured master key could not open a value: unknown key id, or a tampered / misplaced ciphertext. */
export class EnvelopeError extends Error {
  constructor(
    message: string,
    readonly reason: 'unknown-master-key' | 'unreadable',
    readonly keyId?: string,
  ) {
    super(message);
    this.name = 'EnvelopeError';
  }
}

const FORMAT = 'v1';

/** `MASTER_KEY` text (64 hex digits or base64url) → 32 bytes. */
export function decodeMasterKey(text: string): Buffer {
  const key = /^[0-9a-fA-F]{64}$/.test(text) ? Buffer.from(text, 'hex') : Buffer.from(text, 'base64url');
  if (key.length !== 32) throw new Error('a master key must decode to 32 bytes');
  return key;
}

/** The public name of a master key: the first 16 hex digits of its SHA-256. */
export function masterKeyId(key: Buffer): string {
  return createHash('sha256').update(key).digest('hex').slice(0, 16);
}

function seal(key: Buffer, plaintext: Buffer, aad: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  cipher.setAAD(Buffer.from(aad, 'utf8'));
  const ciphertext = Buffer.concat([cipher.update(plaintext), cipher.final()]);
  return `${FORMAT}.${iv.toString('base64url')}.${cipher.getAuthTag().toString('base64url')}.${ciphertext.toString('base64url')}`;
}

function open(key: Buffer, sealed: string, aad: string, what: string): Buffer {
  const [format, iv, tag, ciphertext] = sealed.split('.');
  if (format !== FORMAT || !iv || !tag || ciphertext === undefined) throw new EnvelopeError(`${what}: unknown ciphertext format`, 'unreadable');
  try {
    const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64url'));
    decipher.setAAD(Buffer.from(aad, 'utf8'));
    decipher.setAuthTag(Buffer.from(tag, 'base64url'));
    return Buffer.concat([decipher.update(Buffer.from(ciphertext, 'base64url')), decipher.final()]);
  } catch {
    throw new EnvelopeError(`${what}: authentication failed (tampered, or bound to another record or version)`, 'unreadable');
  }
}

export interface WrappedDataKey {
  /** The DEK sealed by the master key. */
  readonly dekCiphertext: string;
  /** Which master key sealed it. */
  readonly masterKeyId: string;
}

export interface SealedEnvelope extends WrappedDataKey {
  /** The payload sealed by the DEK. */
  readonly ciphertext: string;
}

/**
 * The master keys of this process: the current one (wraps every new DEK) and, during a rotation, the
 * previous one (still unwraps DEKs not yet re-wrapped).
 */
export class EnvelopeKeyring {
  private readonly keys = new Map<string, Buffer>();
  readonly currentKeyId: string;
  readonly previousKeyId: string | null;

  constructor(
    private readonly current: Buffer,
    previous: Buffer | null = null,
  ) {
    if (current.length !== 32 || (previous && previous.length !== 32)) throw new Error('master keys must be 32 bytes');
    this.currentKeyId = masterKeyId(current);
    this.keys.set(this.currentKeyId, current);
    this.previousKeyId = previous ? masterKeyId(previous) : null;
    if (previous && this.previousKeyId !== this.currentKeyId) this.keys.set(this.previousKeyId!, previous);
  }

  /** Whether a key id is one of this process's master keys. */
  knows(keyId: string): boolean {
    return this.keys.has(keyId);
  }

  /** A fresh random data key. */
  newDataKey(): Buffer {
    return randomBytes(32);
  }

  /** Wraps a DEK under the current master key; `context` (e.g. the record id) is bound as associated data. */
  wrap(dek: Buffer, context: string): WrappedDataKey {
    return { dekCiphertext: seal(this.current, dek, `dek:${context}`), masterKeyId: this.currentKeyId };
  }

  /** Unwraps a DEK under whichever configured master key wrapped it. */
  unwrap(wrapped: WrappedDataKey, context: string): Buffer {
    const key = this.keys.get(wrapped.masterKeyId);
    if (!key) {
      const configured = [this.currentKeyId, ...(this.previousKeyId && this.previousKeyId !== this.currentKeyId ? [this.previousKeyId] : [])];
      throw new EnvelopeError(
        `the data key of ${context} is wrapped by master key ${wrapped.masterKeyId}, which is not configured ` +
          `(configured: ${configured.join(', ')}); set MASTER_KEY or MASTER_KEY_PREVIOUS to the key with id ${wrapped.masterKeyId}`,
        'unknown-master-key',
        wrapped.masterKeyId,
      );
    }
    const dek = open(key, wrapped.dekCiphertext, `dek:${context}`, `the data key of ${context}`);
    if (dek.length !== 32) throw new EnvelopeError(`the data key of ${context} is not 32 bytes`, 'unreadable');
    return dek;
  }

  /** Re-wraps a DEK under the current master key (the payload it seals is untouched). */
  rewrap(wrapped: WrappedDataKey, context: string): WrappedDataKey {
    return this.wrap(this.unwrap(wrapped, context), context);
  }

  /** Seals a payload with a DEK; `aad` binds it to its record (and version). */
  sealWith(dek: Buffer, plaintext: string, aad: string): string {
    return seal(dek, Buffer.from(plaintext, 'utf8'), aad);
  }

  openWith(dek: Buffer, sealed: string, aad: string, what = 'the sealed payload'): string {
    return open(dek, sealed, aad, what).toString('utf8');
  }

  /** New DEK + sealed payload + wrapped DEK in one step. */
  sealNew(plaintext: string, aad: string, context: string): SealedEnvelope {
    const dek = this.newDataKey();
    try {
      return { ciphertext: this.sealWith(dek, plaintext, aad), ...this.wrap(dek, context) };
    } finally {
      dek.fill(0);
    }
  }

  /** Opens a payload sealed by {@link sealNew}. */
  openSealed(envelope: SealedEnvelope, aad: string, context: string): string {
    const dek = this.unwrap(envelope, context);
    try {
      return this.openWith(dek, envelope.ciphertext, aad, `the sealed payload of ${context}`);
    } finally {
      dek.fill(0);
    }
  }
}
