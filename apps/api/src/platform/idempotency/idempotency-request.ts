import { createHash } from 'node:crypto';
import { idempotencyErrors } from './idempotency.errors.js';

/** Route metadata set by `@Idempotent()`. */
export const IDEMPOTENT_OPTIONS = 'zizhu:idempotent';

export interface IdempotentOptions {
  /** A request without the header is refused (400) when true (the default); it simply runs when false. */
  readonly required?: boolean;
}

export const IDEMPOTENCY_KEY_HEADER = 'idempotency-key';
export const IDEMPOTENT_REPLAYED_HEADER = 'idempotent-replayed';

/** 1–255 printable ASCII characters (space to tilde), as the column's CHECK allows. */
const KEY = /^[\x20-\x7e]{1,255}$/;

/** The key of a request, or undefined when it has none and may run without one. Throws a 400 otherwise. */
export function idempotencyKeyOf(header: string | string[] | undefined, required: boolean): string | undefined {
  if (header === undefined) {
    if (required) throw idempotencyErrors.IDEMPOTENCY_KEY_REQUIRED();
    return undefined;
  }
  // a repeated header arrives as an array (or joined): either way it is not one key
  if (typeof header !== 'string' || !KEY.test(header)) throw idempotencyErrors.IDEMPOTENCY_KEY_INVALID();
  return header;
}

function canonical(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonical);
  if (value !== null && typeof value === 'object') {
    const object = value as Record<string, unknown>;
    return Object.fromEntries(
      Object.keys(object)
        .sort()
        .filter((key) => object[key] !== undefined)
        .map((key) => [key, canonical(object[key])]),
    );
  }
  return value;
}

/** JSON with every object's keys sorted: two bodies that differ only in key order give the same text. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(canonical(value)) ?? 'null';
}

export interface RequestIdentity {
  readonly method: string;
  /** The route pattern, e.g. `/v1/sessions/:id/refunds`. */
  readonly route: string;
  readonly params: unknown;
  readonly body: unknown;
}

/** What makes two requests "the same request": SHA-256 over method, route pattern, path params and the canonical body. */
export function requestHash(request: RequestIdentity): string {
  const text = JSON.stringify([request.method.toUpperCase(), request.route, canonical(request.params ?? {}), canonical(request.body ?? null)]);
  return createHash('sha256').update(text).digest('hex');
}
