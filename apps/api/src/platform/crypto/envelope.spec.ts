import { randomBytes } from 'node:crypto';
import { describe, expect, it } from '@jest/globals';
import { decodeMasterKey, EnvelopeError, EnvelopeKeyring, masterKeyId } from './envelope.js';

describe('envelope keyring', () => {
  const a = randomBytes(32);
  const b = randomBytes(32);

  it('names a key by the first 16 hex digits of its SHA-256, and decodes hex or base64url keys', () => {
    expect(masterKeyId(a)).toMatch(/^[0-9a-f]{16}$/);
    expect(masterKeyId(a)).not.toBe(masterKeyId(b));
    expect(decodeMasterKey(a.toString('hex')).equals(a)).toBe(true);
    expect(decodeMasterKey(a.toString('base64url')).equals(a)).toBe(true);
    expect(() => decodeMasterKey('abcd')).toThrow(/32 bytes/);
  });

  it('seals with a per-record data key bound to its record, and opens only there', () => {
    const ring = new EnvelopeKeyring(a);
    const sealed = ring.sealNew('{"apiV3Key":"k"}', 'creds:1:1', 'acct:1');
    expect(sealed.masterKeyId).toBe(ring.currentKeyId);
    expect(sealed.ciphertext).not.toContain('apiV3Key');
    expect(ring.openSealed(sealed, 'creds:1:1', 'acct:1')).toBe('{"apiV3Key":"k"}');
    expect(() => ring.openSealed(sealed, 'creds:1:2', 'acct:1')).toThrow(EnvelopeError); // another version
    expect(() => ring.openSealed(sealed, 'creds:2:1', 'acct:2')).toThrow(EnvelopeError); // another record's row
    expect(ring.sealNew('x', 'c', 'r').ciphertext).not.toBe(ring.sealNew('x', 'c', 'r').ciphertext);
  });

  it('rotates: reads under either key, re-wraps only the data key, and names an unknown key by id only', () => {
    const sealed = new EnvelopeKeyring(a).sealNew('secret', 'aad', 'acct:1');
    const rotating = new EnvelopeKeyring(b, a);
    expect(rotating.openSealed(sealed, 'aad', 'acct:1')).toBe('secret');
    const rewrapped = { ...sealed, ...rotating.rewrap(sealed, 'acct:1') };
    expect(rewrapped.masterKeyId).toBe(masterKeyId(b));
    expect(rewrapped.ciphertext).toBe(sealed.ciphertext);
    expect(new EnvelopeKeyring(b).openSealed(rewrapped, 'aad', 'acct:1')).toBe('secret');

    const error = (() => {
      try {
        new EnvelopeKeyring(b).openSealed(sealed, 'aad', 'acct:1');
      } catch (e) {
        return e as EnvelopeError;
      }
      throw new Error('opened under a key that is not configured');
    })();
    expect(error.reason).toBe('unknown-master-key');
    expect(error.keyId).toBe(masterKeyId(a));
    expect(error.message).toContain(masterKeyId(a));
    expect(error.message).not.toContain(a.toString('hex'));
    expect(error.message).not.toContain(a.toString('base64url'));
  });
});
