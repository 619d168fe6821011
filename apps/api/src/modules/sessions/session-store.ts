import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { returnedRows } from '../device-api/system-db.js';
import type { ActionRow, AttemptRow, SessionRow } from './session.model.js';
import type { MeterReading } from './sessions.mappers.js';

/** Columns a transition may set (besides updated_at, which every update sets). */
export type SessionPatch = Partial<Omit<SessionRow, 'id' | 'tenant_id' | 'created_at' | 'updated_at'>>;

/**
 * Row access for sessions and their actions, always through the caller's transaction (tenant, job or
 * system): row-level security decides what the query sees.
 */
@Injectable()
export class SessionStore {
  /** The session, locked for this transaction; with `nowait`, a session another transaction holds throws 55P03 at once. */
  async lock(m: EntityManager, id: string, nowait = false): Promise<SessionRow | undefined> {
    const [row] = (await m.query(`SELECT * FROM service_sessions WHERE id = $1 FOR UPDATE${nowait ? ' NOWAIT' : ''}`, [id])) as SessionRow[];
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

  /**
   * Sets the given columns (and updated_at) and returns the row as it now is. With `createdAttempt`, the same
   * statement records the order the create made on that attempt (CURRENT, the patch's order_id and order_created_at).
   */
  async update(m: EntityManager, id: string, patch: SessionPatch, createdAttempt?: { attempt: number }): Promise<SessionRow> {
    const entries = Object.entries(patch).filter(([, v]) => v !== undefined);
    const sets = entries.map(([column], i) => `${column} = $${i + 2}`);
    sets.push('updated_at = now()');
    const values = entries.map(([, v]) => (v !== null && typeof v === 'object' && !(v instanceof Date) ? JSON.stringify(v) : v));
    const attempt = createdAttempt
      ? `WITH attempt AS (UPDATE session_order_attempts SET state = 'CURRENT', closed_at = NULL, order_id = coalesce($${values.length + 2}, order_id),
           order_created_at = coalesce($${values.length + 3}::timestamptz, order_created_at) WHERE session_id = $1 AND attempt = $${values.length + 4}) `
      : '';
    const extra = createdAttempt ? [patch.order_id ?? null, patch.order_created_at ?? null, createdAttempt.attempt] : [];
    const rows = returnedRows<SessionRow>(await m.query(`${attempt}UPDATE service_sessions SET ${sets.join(', ')} WHERE id = $1 RETURNING *`, [id, ...values, ...extra]));
    const row = rows[0];
    if (!row) throw new Error(`session ${id} vanished during an update`);
    return row;
  }

  /** The session's Pay Score orders, first to last. */
  async attempts(m: EntityManager, sessionId: string): Promise<AttemptRow[]> {
    return (await m.query(`SELECT * FROM session_order_attempts WHERE session_id = $1 ORDER BY attempt`, [sessionId])) as AttemptRow[];
  }

  /** An order attempt by its out_order_no (a callback for an order the session no longer uses), only among the sessions of the given merchant account. */
  async attemptByOutOrderNo(m: EntityManager, outOrderNo: string, merchantAccountId: string): Promise<AttemptRow | undefined> {
    const [row] = (await m.query(
      `SELECT o.* FROM session_order_attempts o JOIN service_sessions s ON s.id = o.session_id WHERE o.out_order_no = $1 AND s.merchant_account_id = $2`,
      [outOrderNo, merchantAccountId],
    )) as AttemptRow[];
    return row;
  }

  async insertAttempt(m: EntityManager, session: Pick<SessionRow, 'id' | 'tenant_id' | 'merchant_tenant_id'>, attempt: number, outOrderNo: string): Promise<void> {
    await m.query(
      `INSERT INTO session_order_attempts (tenant_id, merchant_tenant_id, session_id, attempt, out_order_no, state) VALUES ($1, $2, $3, $4, $5, 'CURRENT')`,
      [session.tenant_id, session.merchant_tenant_id, session.id, attempt, outOrderNo],
    );
  }

  /** Sets an attempt's state (and the given fields); closing states stamp closed_at, SUPERSEDED superseded_at. */
  async updateAttempt(
    m: EntityManager,
    sessionId: string,
    attempt: number,
    state: AttemptRow['state'],
    fields: { order_id?: string | null; order_created_at?: Date | null; note?: string | null } = {},
  ): Promise<void> {
    await m.query(
      `UPDATE session_order_attempts SET state = $3, order_id = coalesce($4, order_id), order_created_at = coalesce($5, order_created_at), note = coalesce($6, note),
         superseded_at = CASE WHEN $3 = 'SUPERSEDED' THEN coalesce(superseded_at, now()) ELSE superseded_at END,
         closed_at = CASE WHEN $3 IN ('REVOKED', 'ABANDONED') THEN coalesce(closed_at, now()) WHEN $3 = 'CURRENT' THEN NULL ELSE closed_at END
       WHERE session_id = $1 AND attempt = $2`,
      [sessionId, attempt, state, fields.order_id ?? null, fields.order_created_at ?? null, fields.note ?? null],
    );
  }

  /**
   * The latest meter reading of each given session in use on a charger or a valve (`charging.metered`,
   * `valve.metered`: the device's own events for that session), by session id.
   */
  async meterReadings(m: { query(text: string, values?: unknown[]): Promise<unknown> }, rows: readonly SessionRow[]): Promise<Map<string, MeterReading>> {
    const metered = rows.filter((r) => r.state === 'IN_USE' && (r.device_type === 'EV_CHARGER' || r.device_type === 'WATER_VALVE'));
    const readings = new Map<string, MeterReading>();
    if (metered.length === 0) return readings;
    const found = (await m.query(
      `SELECT s.id, r.occurred_at, r.payload FROM unnest($1::uuid[], $2::text[]) AS s(device_id, id)
       CROSS JOIN LATERAL (
         SELECT e.occurred_at, e.payload FROM device_events e
         WHERE e.device_id = s.device_id AND e.session_id = s.id AND e.type IN ('charging.metered', 'valve.metered') AND e.source = 'DEVICE'
         ORDER BY e.occurred_at DESC, e.received_at DESC LIMIT 1) r`,
      [metered.map((r) => r.device_id), metered.map((r) => r.id)],
    )) as { id: string; occurred_at: Date; payload: Record<string, unknown> }[];
    const count = (v: unknown) => (typeof v === 'number' && Number.isSafeInteger(v) && v >= 0 ? v : undefined);
    for (const f of found) {
      const wattHours = count(f.payload['wattHours']);
      const volumeMillilitres = count(f.payload['volumeMillilitres']);
      readings.set(f.id, { occurredAt: f.occurred_at, ...(wattHours !== undefined ? { wattHours } : {}), ...(volumeMillilitres !== undefined ? { volumeMillilitres } : {}) });
    }
    return readings;
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
