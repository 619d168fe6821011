import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { returnedRows } from '../device-api/system-db.js';
import type { ActionRow, SessionRow } from './session.model.js';

/** Columns a transition may set (besides updated_at, which every update sets). */
export type SessionPatch = Partial<Omit<SessionRow, 'id' | 'tenant_id' | 'created_at' | 'updated_at'>>;

/**
 * Row access for sessions and their actions, always through the caller's transaction (tenant, job or
 * system): row-level security decides what the query sees.
 */
@Injectable()
export class SessionStore {
  async lock(m: EntityManager, id: string): Promise<SessionRow | undefined> {
    const [row] = (await m.query(`SELECT * FROM service_sessions WHERE id = $1 FOR UPDATE`, [id])) as SessionRow[];
    return row;
  }

  async get(m: EntityManager, id: string): Promise<SessionRow | undefined> {
    const [row] = (await m.query(`SELECT * FROM service_sessions WHERE id = $1`, [id])) as SessionRow[];
    return row;
  }

  /** The session of an out_order_no; with `merchantAccountId`, only if that account charges it. */
  async byOutOrderNo(m: EntityManager, outOrderNo: string, lock = true, merchantAccountId?: string): Promise<SessionRow | undefined> {
    const [row] = (await m.query(
      `SELECT * FROM service_sessions WHERE out_order_no = $1${merchantAccountId ? ' AND merchant_account_id = $2' : ''}${lock ? ' FOR UPDATE' : ''}`,
      merchantAccountId ? [outOrderNo, merchantAccountId] : [outOrderNo],
    )) as SessionRow[];
    return row;
  }

  /** Sets the given columns (and updated_at) and returns the row as it now is. */
  async update(m: EntityManager, id: string, patch: SessionPatch): Promise<SessionRow> {
    const entries = Object.entries(patch).filter(([, v]) => v !== undefined);
    const sets = entries.map(([column], i) => `${column} = $${i + 2}`);
    sets.push('updated_at = now()');
    const values = entries.map(([, v]) => (v !== null && typeof v === 'object' && !(v instanceof Date) ? JSON.stringify(v) : v));
    const rows = returnedRows<SessionRow>(await m.query(`UPDATE service_sessions SET ${sets.join(', ')} WHERE id = $1 RETURNING *`, [id, ...values]));
    const row = rows[0];
    if (!row) throw new Error(`session ${id} vanished during an update`);
    return row;
  }

  async actions(m: EntityManager, sessionId: string): Promise<ActionRow[]> {
    return (await m.query(`SELECT * FROM session_actions WHERE session_id = $1 ORDER BY created_at, id`, [sessionId])) as ActionRow[];
  }

  async lockAction(m: EntityManager, id: string): Promise<ActionRow | undefined> {
    const [row] = (await m.query(`SELECT * FROM session_actions WHERE id = $1 FOR UPDATE`, [id])) as ActionRow[];
    return row;
  }

  async insertAction(
    m: EntityManager,
    action: Pick<ActionRow, 'tenant_id' | 'session_id' | 'kind' | 'state'> & Partial<Pick<ActionRow, 'amount_fen' | 'reason' | 'ended_at' | 'out_refund_no' | 'requested_by' | 'id'>>,
  ): Promise<ActionRow> {
    const [row] = (await m.query(
      `INSERT INTO session_actions (id, tenant_id, session_id, kind, state, amount_fen, reason, ended_at, out_refund_no, requested_by, finished_at)
       VALUES (coalesce($1, gen_random_uuid()), $2, $3, $4, $5, $6, $7, $8, $9, $10, CASE WHEN $5 IN ('SUCCEEDED', 'FAILED') THEN now() END)
       RETURNING *`,
      [
        action.id ?? null,
        action.tenant_id,
        action.session_id,
        action.kind,
        action.state,
        action.amount_fen ?? null,
        action.reason ?? null,
        action.ended_at ?? null,
        action.out_refund_no ?? null,
        action.requested_by ?? null,
      ],
    )) as ActionRow[];
    return row!;
  }

  async finishAction(m: EntityManager, id: string, state: ActionRow['state'], fields: { error?: string | null; refund_id?: string | null } = {}): Promise<ActionRow> {
    const rows = returnedRows<ActionRow>(
      await m.query(
        `UPDATE session_actions SET state = $2, error = coalesce($3, error), refund_id = coalesce($4, refund_id),
           finished_at = CASE WHEN $2 IN ('SUCCEEDED', 'FAILED') THEN now() ELSE finished_at END
         WHERE id = $1 RETURNING *`,
        [id, state, fields.error ?? null, fields.refund_id ?? null],
      ),
    );
    return rows[0]!;
  }
}
