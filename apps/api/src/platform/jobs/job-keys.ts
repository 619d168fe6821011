import { createHash } from 'node:crypto';

/**
 * The job id for an idempotency key: a UUID (version 8, name-based) from SHA-256 of the job name and
 * the key. pg-boss's primary key is (name, id) and its insert is ON CONFLICT DO NOTHING, so a second
 * enqueue with the same key — a retried request, a redelivered callback, another API process — finds
 * the first job and adds nothing, for as long as that job's row is kept.
 */
export function jobIdFor(name: string, key: string): string {
  const bytes = createHash('sha256').update(`zizhu.job\u0000${name}\u0000${key}`).digest().subarray(0, 16);
  bytes[6] = (bytes[6]! & 0x0f) | 0x80; // version 8
  bytes[8] = (bytes[8]! & 0x3f) | 0x80; // RFC 9562 variant
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
