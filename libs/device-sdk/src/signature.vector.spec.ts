import { describe, expect, it } from '@jest/globals';
import { canonicalRequest, deviceAuthHeaders, newNonce, NONCE_PATTERN, signatureMatches, signRequest } from './signature.js';

describe('device request signature (contracts.md §4)', () => {
  const input = { method: 'post', pathWithQuery: '/device/v1/heartbeat', timestamp: 1_764_300_000, nonce: 'n0nce-0123456789ab', body: '{"firmware":"1.0.0"}' };

  it('signs METHOD\\nPATH\\nTIMESTAMP\\nNONCE\\nBODY\\n with HMAC-SHA256, hex', () => {
    expect(canonicalRequest(input).toString('utf8')).toBe('POST\n/device/v1/heartbeat\n1764300000\nn0nce-0123456789ab\n{"firmware":"1.0.0"}\n');
    // a fixed vector, so firmware written in other languages can check itself against it
    expect(signRequest('top-secret', input)).toBe('ee380e193696a5538d22467dbc26085c9e17dc7638da90996ac850a971fd5608');
  });

  it('a GET signs an empty body and the query string', () => {
    const get = { ...input, method: 'GET', pathWithQuery: '/device/v1/commands?waitSeconds=20', body: '' };
    expect(canonicalRequest(get).toString('utf8')).toBe('GET\n/device/v1/commands?waitSeconds=20\n1764300000\nn0nce-0123456789ab\n\n');
  });

  it('verifies only the exact request with the right secret', () => {
    const signature = signRequest('top-secret', input);
    expect(signatureMatches('top-secret', input, signature)).toBe(true);
    expect(signatureMatches('other-secret', input, signature)).toBe(false);
    expect(signatureMatches('top-secret', { ...input, body: '{"firmware":"1.0.1"}' }, signature)).toBe(false);
    expect(signatureMatches('top-secret', { ...input, timestamp: input.timestamp + 1 }, signature)).toBe(false);
    expect(signatureMatches('top-secret', input, 'not-hex')).toBe(false);
  });

  it('builds the four headers with a fresh nonce on the device clock', () => {
    const headers = deviceAuthHeaders('dev-1', 's', { method: 'GET', pathWithQuery: '/device/v1/commands' }, { now: 1_764_300_000_999 });
    expect(headers['x-timestamp']).toBe('1764300000');
    expect(headers['x-nonce']).toMatch(NONCE_PATTERN);
    expect(newNonce()).not.toBe(newNonce());
  });
});
