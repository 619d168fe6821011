import { Injectable } from '@nestjs/common';
import { RequestContext } from '../tenancy/request-context.js';

/** How long a key is remembered. */
export const IDEMPOTENCY_WINDOW_SECONDS = 24 * 60 * 60;

export interface IdempotencySlot {
  /** `POST /v1/sessions/:id/refunds`: a key is unique per tenant and per route. */
  readonly scope: string;
  readonly key: string;
}

export type Claim =
  | { readonly kind: 'claimed' }
  | { readonly kind: 'stored'; readonly requestHash: string; readonly statusCode: number; readonly response: unknown };

interface StoredRow {
  request_hash: string;
  status_code: number;
  response: unknown;
  expired: boolean;
}

/**
 * The `idempotency_keys` table, always through the request's own transaction (`RequestContext.manager`):
 * the stored answer commits or rolls back with the work, and the embedded database's single session is
 * never asked for a second transaction. The tenant is the principal's.
 */
@Injectable()
export class IdempotencyStore {
  constructor(private readonly context: RequestContext) {}

  /**
   * Claims the key for this transaction, or returns what an earlier request stored under it.
   *
   * The claim is an `INSERT … ON CONFLICT DO NOTHING` of a placeholder row. While another transaction
   * holds an uncommitted row with the same primary key, PostgreSQL makes this insert wait for it: if
   * that transaction commits, the insert does nothing and the following SELECT (a new READ COMMITTED
   * snapshot) sees its stored answer; if it rolls back, the insert takes the key. So two requests with
   * one key never run the handler at the same time, and never both.
   */
  async claim(slot: IdempotencySlot, requestHash: string, statusCode: number): Promise<Claim> {
    const manager = this.context.manager;
    const where = [this.context.tenantId, slot.scope, slot.key];
    // a second round only after an expired row was removed (or vanished under us), a third never in practice
    for (let attempt = 0; attempt < 3; attempt++) {
      const inserted = (await manager.query(
        `INSERT INTO idempotency_keys (tenant_id, scope, key, request_hash, status_code, expires_at)
         VALUES ($1, $2, $3, $4, $5, now() + make_interval(secs => $6))
         ON CONFLICT DO NOTHING
         RETURNING 1 AS claimed`,
        [...where, requestHash, statusCode, IDEMPOTENCY_WINDOW_SECONDS],
      )) as unknown[];
      if (inserted.length === 1) return { kind: 'claimed' };
      const [row] = (await manager.query(
        `SELECT request_hash, status_code, response, expires_at <= now() AS expired
         FROM idempotency_keys WHERE tenant_id = $1 AND scope = $2 AND key = $3`,
        where,
      )) as StoredRow[];
      if (row && !row.expired) return { kind: 'stored', requestHash: row.request_hash, statusCode: row.status_code, response: row.response };
      // expired: forget it and claim afresh (a concurrent replacer holds the row lock; we wait, then find it gone)
      if (row) await manager.query(`DELETE FROM idempotency_keys WHERE tenant_id = $1 AND scope = $2 AND key = $3 AND expires_at <= now()`, where);
    }
    throw new Error(`could not claim idempotency key for ${slot.scope}`);
  }

  /** Records the answer on the row claimed by this transaction. */
  async complete(slot: IdempotencySlot, statusCode: number, response: unknown): Promise<void> {
    const json = response === undefined ? null : JSON.stringify(response);
    const [, count] = (await this.context.manager.query(
      `UPDATE idempotency_keys SET status_code = $4, response = $5::jsonb WHERE tenant_id = $1 AND scope = $2 AND key = $3`,
      [this.context.tenantId, slot.scope, slot.key, statusCode, json ?? null],
    )) as [unknown[], number];
    if (count !== 1) throw new Error(`idempotency key for ${slot.scope} vanished before its answer was stored`);
  }
}
