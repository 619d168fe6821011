import { describe, expect, it } from '@jest/globals';
import { DomainError } from '../errors/domain-error.js';
import { canonicalJson, idempotencyKeyOf, requestHash } from './idempotency-request.js';

const codeOf = (fn: () => unknown): string | undefined => {
  try {
    fn();
    return undefined;
  } catch (error) {
    return error instanceof DomainError ? error.code : 'not a DomainError';
  }
};

describe('idempotency request identity', () => {
  it('canonical JSON ignores key order at every depth, keeps array order, drops undefined like JSON does', () => {
    expect(canonicalJson({ b: 1, a: { d: [2, 1], c: null } })).toBe(canonicalJson({ a: { c: null, d: [2, 1] }, b: 1 }));
    expect(canonicalJson({ a: [1, 2] })).not.toBe(canonicalJson({ a: [2, 1] }));
    expect(canonicalJson({ a: 1, skip: undefined })).toBe('{"a":1}');
    expect(canonicalJson(undefined)).toBe('null');
  });

  it('hashes method, route pattern, path params and body', () => {
    const base = { method: 'POST', route: '/v1/sessions/:id/refunds', params: { id: 'a' }, body: { amountFen: 1, reason: 'x' } };
    const hash = requestHash(base);
    expect(hash).toMatch(/^[0-9a-f]{64}$/);
    expect(requestHash({ ...base, body: { reason: 'x', amountFen: 1 } })).toBe(hash);
    expect(requestHash({ ...base, method: 'post' })).toBe(hash);
    expect(requestHash({ ...base, body: { amountFen: 2, reason: 'x' } })).not.toBe(hash);
    expect(requestHash({ ...base, params: { id: 'b' } })).not.toBe(hash);
    expect(requestHash({ ...base, route: '/v1/sessions/:id/charges' })).not.toBe(hash);
    expect(requestHash({ ...base, body: undefined })).toBe(requestHash({ ...base, body: null }));
  });

  it('accepts 1–255 printable ASCII characters as a key, and nothing else', () => {
    expect(idempotencyKeyOf('a', true)).toBe('a');
    expect(idempotencyKeyOf(' !~'.padEnd(255, 'z'), true)).toHaveLength(255);
    expect(idempotencyKeyOf(undefined, false)).toBeUndefined();
    expect(codeOf(() => idempotencyKeyOf(undefined, true))).toBe('IDEMPOTENCY_KEY_REQUIRED');
    for (const bad of ['', 'z'.repeat(256), 'tab\t', 'é', 'line\n']) expect(codeOf(() => idempotencyKeyOf(bad, true))).toBe('IDEMPOTENCY_KEY_INVALID');
    expect(codeOf(() => idempotencyKeyOf(['a', 'b'], true))).toBe('IDEMPOTENCY_KEY_INVALID');
  });
});
