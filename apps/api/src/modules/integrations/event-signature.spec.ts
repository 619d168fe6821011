import { createHmac } from 'node:crypto';
import { describe, expect, it } from '@jest/globals';
import { signatureHeader, verifyEventSignature } from './event-signature.js';

const SECRET = 'whsec_test-secret';
const BODY = '{"id":"0b7c0000-0000-4000-8000-0000000000f1","type":"session.paid","data":{}}';
const T = 1_796_000_000;

describe('event signature (Stripe-style t=…,v1=…)', () => {
  it('signs hex HMAC-SHA256 over t + "." + body, which the receiver’s check accepts', () => {
    const header = signatureHeader(SECRET, T, BODY);
    expect(header).toBe(`t=${T},v1=${createHmac('sha256', SECRET).update(`${T}.${BODY}`).digest('hex')}`);
    expect(verifyEventSignature(SECRET, header, BODY, T + 10)).toBe(true);
  });

  it('refuses another secret, a changed body, a stale or future timestamp and a malformed header', () => {
    const header = signatureHeader(SECRET, T, BODY);
    expect(verifyEventSignature('whsec_other', header, BODY, T)).toBe(false);
    expect(verifyEventSignature(SECRET, header, BODY.replace('paid', 'cancelled'), T)).toBe(false);
    expect(verifyEventSignature(SECRET, header, BODY, T + 301)).toBe(false);
    expect(verifyEventSignature(SECRET, header, BODY, T - 301)).toBe(false);
    expect(verifyEventSignature(SECRET, 'v1=abc', BODY, T)).toBe(false);
    expect(verifyEventSignature(SECRET, `t=${T}`, BODY, T)).toBe(false);
  });

  it('accepts any of several v1 signatures (a receiver rolling its secret)', () => {
    const good = signatureHeader(SECRET, T, BODY).split(',v1=')[1]!;
    expect(verifyEventSignature(SECRET, `t=${T},v1=${'0'.repeat(64)},v1=${good}`, BODY, T)).toBe(true);
  });
});
