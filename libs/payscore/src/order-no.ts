import { createHash } from 'node:crypto';
import { PayScoreError } from './errors.js';

/**
 * WeChat allows a few more characters (`|`, `*`, `@`), but `|` breaks request signatures in common HTTP
 * stacks (payscore-protocol.md §10.4). zizhu sends only `[A-Za-z0-9_-]`, which never needs URL-encoding.
 */
const SAFE = /^[A-Za-z0-9_-]+$/;

export const OUT_ORDER_NO_MAX_LENGTH = 32;
export const OUT_REFUND_NO_MAX_LENGTH = 64;

function check(field: string, value: unknown, max: number): asserts value is string {
  if (typeof value !== 'string' || value.length === 0 || value.length > max || !SAFE.test(value)) {
    throw new PayScoreError('PAYSCORE_INVALID_ARGUMENT', {
      message: `${field} must be 1..${max} characters of [A-Za-z0-9_-], got ${JSON.stringify(value)}`,
      detail: { field, value },
    });
  }
}

/** Throws `PAYSCORE_INVALID_ARGUMENT` unless `value` is 1..32 characters of `[A-Za-z0-9_-]`. */
export function assertOutOrderNo(value: unknown): asserts value is string {
  check('out_order_no', value, OUT_ORDER_NO_MAX_LENGTH);
}

/** Throws `PAYSCORE_INVALID_ARGUMENT` unless `value` is 1..64 characters of `[A-Za-z0-9_-]`. */
export function assertOutRefundNo(value: unknown): asserts value is string {
  check('out_refund_no', value, OUT_REFUND_NO_MAX_LENGTH);
}

export function isValidOutOrderNo(value: unknown): value is string {
  return typeof value === 'string' && value.length >= 1 && value.length <= OUT_ORDER_NO_MAX_LENGTH && SAFE.test(value);
}

/**
 * The `out_order_no` of a session: deterministic (the same session and attempt always give the same
 * number, so a retried create is a WeChat re-entry, never a second order), 32 characters of
 * `[A-Za-z0-9_-]`: `"zz"` + 30 characters of base64url(SHA-256(sessionId + "#" + attempt)).
 *
 * `attempt` exists because a Pay Score `package` is single-use: when a user abandoned the confirmation
 * page, the next try needs a new `out_order_no` (payscore-protocol.md §8.3).
 */
export function outOrderNoFor(sessionId: string, attempt = 0): string {
  if (typeof sessionId !== 'string' || sessionId.length === 0) {
    throw new PayScoreError('PAYSCORE_INVALID_ARGUMENT', { message: 'sessionId must be a non-empty string' });
  }
  if (!Number.isSafeInteger(attempt) || attempt < 0) {
    throw new PayScoreError('PAYSCORE_INVALID_ARGUMENT', { message: `attempt must be a non-negative integer, got ${attempt}` });
  }
  const digest = createHash('sha256').update(`${sessionId}#${attempt}`, 'utf8').digest('base64url');
  return `zz${digest.slice(0, OUT_ORDER_NO_MAX_LENGTH - 2)}`;
}

function checkPattern(field: string, value: unknown, max: number, pattern: RegExp, charset: string): asserts value is string {
  if (typeof value !== 'string' || value.length === 0 || value.length > max || !pattern.test(value)) {
    throw new PayScoreError('PAYSCORE_INVALID_ARGUMENT', {
      message: `${field} must be 1..${max} characters of ${charset}, got ${JSON.stringify(value)}`,
      detail: { field, value },
    });
  }
}

/** Profit-sharing `out_order_no` (split or unfreeze; a new one each time): 1..64 of `[A-Za-z0-9_-]`. */
export function assertProfitSharingOutOrderNo(value: unknown, field = 'out_order_no'): asserts value is string {
  checkPattern(field, value, 64, SAFE, '[A-Za-z0-9_-]');
}

/** Profit-sharing return `out_return_no`: 1..64 of `[A-Za-z0-9_-]`. */
export function assertOutReturnNo(value: unknown): asserts value is string {
  checkPattern('out_return_no', value, 64, SAFE, '[A-Za-z0-9_-]');
}

/** Merchant transfer `out_bill_no`: 1..32 letters and digits only (WeChat allows nothing else). */
export function assertOutBillNo(value: unknown): asserts value is string {
  checkPattern('out_bill_no', value, 32, /^[A-Za-z0-9]+$/, '[A-Za-z0-9]');
}

/** WeChat's `transaction_id` (from `collection.details[].transaction_id`): 1..32 letters and digits. */
export function assertTransactionId(value: unknown): asserts value is string {
  checkPattern('transaction_id', value, 32, /^[A-Za-z0-9]+$/, '[A-Za-z0-9]');
}
