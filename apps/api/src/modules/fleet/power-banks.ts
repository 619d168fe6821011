import type { EntityManager } from 'typeorm';
import { returnedRows } from '../device-api/system-db.js';

/**
 * Power banks of a merchant network (issue 16). SQL over the caller's transaction (system scope on the device side);
 * the table is `power_banks` (migration 1764330000000). The network of a cabinet is its brand
 * (`zizhu_powerbank_network`: a franchisee's parent, anyone else itself).
 */

/** A bank at or above this charge counts as charged (rentable); a bank whose cabinet reports no charge counts as charged. */
export const CHARGED_PERCENT = 50;

export const POWER_BANK_STATES = ['IN_SLOT', 'RENTED', 'LOST', 'BOUGHT_OUT'] as const;
export type PowerBankState = (typeof POWER_BANK_STATES)[number];
export const POWER_BANK_FLAGS = ['RETURNED_AFTER_BUYOUT', 'FOREIGN_RETURN', 'EJECT_CONFLICT', 'STALE_RETURN'] as const;

/** The cabinet's slots as a heartbeat reports them: `[{slot, bankId?, chargePercent?}]` (objects; any other shape is no inventory). */
export interface ReportedSlot {
  readonly slot: number;
  readonly bankId: string | null;
  readonly chargePercent: number | null;
}

export function reportedSlots(telemetry: unknown): ReportedSlot[] | null {
  const slots = (telemetry as { slots?: unknown } | null)?.slots;
  const valid = (slot: unknown) => Number.isInteger(slot) && (slot as number) >= 1 && (slot as number) <= 2 ** 31 - 1;
  if (!Array.isArray(slots) || slots.length === 0 || !slots.every((s) => s !== null && typeof s === 'object' && valid((s as { slot?: unknown }).slot))) return null;
  return slots.map((s: { slot: number; bankId?: unknown; chargePercent?: unknown }) => ({
    slot: s.slot,
    bankId: typeof s.bankId === 'string' && s.bankId.length > 0 && s.bankId.length <= 64 ? s.bankId : null,
    chargePercent: typeof s.chargePercent === 'number' ? Math.max(0, Math.min(100, Math.round(s.chargePercent))) : null,
  }));
}

export type EjectOutcome =
  /** The bank is RENTED by the session. */
  | { readonly kind: 'rented' }
  /** The bank came back (a return processed before this ack, at `returnedAt`): the caller ends the session then. */
  | { readonly kind: 'returned'; readonly returnedAt: Date }
  /** Another open session rents the bank: left to it, and flagged EJECT_CONFLICT for the operator. */
  | { readonly kind: 'conflict' };

/**
 * The cabinet ejected `bankId` for a session at `occurredAt` (the start ack named it): the bank is RENTED by that
 * session from then on. Acks and returns arrive in any order: a bank another open session rents is never taken over
 * (flagged instead), and a bank whose return is later than this eject already came back (the session ends then).
 */
export async function recordEject(m: EntityManager, input: { deviceId: string; sessionId: string; bankId: string; occurredAt: Date }): Promise<EjectOutcome> {
  const [bank] = (await m.query(
    `SELECT p.id, p.state, p.returned_at, p.rented_at, p.session_id,
            (s.id IS NOT NULL AND s.service_ended_at IS NULL AND s.state IN ('STARTING', 'IN_USE')) AS open
       FROM devices d
       JOIN power_banks p ON p.network_tenant_id = zizhu_powerbank_network(d.tenant_id) AND p.bank_id = $2
       LEFT JOIN service_sessions s ON s.id = p.session_id
      WHERE d.id = $1
      FOR UPDATE OF p`,
    [input.deviceId, input.bankId],
  )) as { id: string; state: PowerBankState; returned_at: Date | null; rented_at: Date | null; session_id: string | null; open: boolean }[];
  const after = (at: Date | null) => at !== null && new Date(at).getTime() > input.occurredAt.getTime();
  if (bank && bank.session_id !== input.sessionId && after(bank.returned_at)) {
    // returned after this eject, so this session's bank came back: at that return, or, rented out again and
    // returned once more since (`returned_at` is then that later return), at the latest by the next rental's start
    const next = after(bank.rented_at) && new Date(bank.rented_at!).getTime() < new Date(bank.returned_at!).getTime() ? new Date(bank.rented_at!) : null;
    if (next) {
      await m.query(
        `UPDATE power_banks p SET flag = 'EJECT_CONFLICT', flagged_at = now(),
                flag_detail = 'the ack of its eject at ' || d.code || ' for session ' || $3 || ' came after its next rental; that session ended at the next rental''s start'
           FROM devices d WHERE p.id = $1 AND d.id = $2`,
        [bank.id, input.deviceId, input.sessionId],
      );
    }
    return { kind: 'returned', returnedAt: next ?? new Date(bank.returned_at!) };
  }
  if (bank?.state === 'RENTED' && bank.open && bank.session_id !== input.sessionId) {
    await m.query(
      `UPDATE power_banks p SET flag = 'EJECT_CONFLICT', flagged_at = now(),
              flag_detail = 'ejected at ' || d.code || ' for session ' || $3 || ' while rented by session ' || p.session_id || '; left to that session'
         FROM devices d WHERE p.id = $1 AND d.id = $2`,
      [bank.id, input.deviceId, input.sessionId],
    );
    return { kind: 'conflict' };
  }
  await m.query(
    `INSERT INTO power_banks AS p (tenant_id, network_tenant_id, bank_id, state, device_id, slot, session_id, rented_from_device_id, rented_at, updated_at)
     SELECT d.tenant_id, zizhu_powerbank_network(d.tenant_id), $2, 'RENTED', NULL, NULL, $3, d.id, $4, now() FROM devices d WHERE d.id = $1
     ON CONFLICT (network_tenant_id, bank_id) DO UPDATE SET tenant_id = EXCLUDED.tenant_id, state = 'RENTED', device_id = NULL, slot = NULL,
       session_id = EXCLUDED.session_id, rented_from_device_id = EXCLUDED.rented_from_device_id, rented_at = EXCLUDED.rented_at, lost_at = NULL, updated_at = now()`,
    [input.deviceId, input.bankId, input.sessionId, input.occurredAt],
  );
  return { kind: 'rented' };
}

export type ReturnOutcome =
  /** The bank was rented by this session, started at `deviceId`: the session ends. */
  | { readonly kind: 'end'; readonly sessionId: string; readonly sessionDeviceId: string; readonly tenantId: string }
  /** Back in a slot, nothing to charge (it was in a slot, lost, or its session had already ended). */
  | { readonly kind: 'placed' }
  /** A return older than the eject of the open rental holding the bank: that rental goes on; flagged STALE_RETURN. */
  | { readonly kind: 'stale' }
  /** A bought-out bank came back: flagged for the operator, never charged again. */
  | { readonly kind: 'bought-out' }
  /** A bank of another network: refused, and flagged in its own network. */
  | { readonly kind: 'foreign' };

/**
 * `powerbank.returned {bankId, slot}` at cabinet `deviceId`. Looks the bank up in the cabinet's network: rented, it is
 * put in the slot and its session is answered (the caller ends it); bought out, it is put in the slot and flagged;
 * unknown to the network but rented in another one, it is refused and flagged there; unknown anywhere, it joins the
 * network in that slot.
 */
export async function applyReturn(m: EntityManager, input: { deviceId: string; bankId: string; slot: number; occurredAt: Date }): Promise<ReturnOutcome> {
  const [bank] = (await m.query(
    `SELECT p.id, p.state, p.session_id, p.rented_from_device_id, p.rented_at, s.tenant_id AS session_tenant_id, s.device_id AS session_device_id,
            (s.id IS NOT NULL AND s.service_ended_at IS NULL AND s.state IN ('STARTING', 'IN_USE')) AS open
       FROM devices d
       JOIN power_banks p ON p.network_tenant_id = zizhu_powerbank_network(d.tenant_id) AND p.bank_id = $2
       LEFT JOIN service_sessions s ON s.id = p.session_id
      WHERE d.id = $1
      FOR UPDATE OF p`,
    [input.deviceId, input.bankId],
  )) as { id: string; state: PowerBankState; session_id: string | null; rented_at: Date | null; session_tenant_id: string | null; session_device_id: string | null; open: boolean }[];
  const place = (extra = '') =>
    m.query(
      `UPDATE power_banks p SET tenant_id = d.tenant_id, device_id = d.id, slot = $3::int, returned_at = $4, updated_at = now()${extra}
         FROM devices d WHERE p.id = $1 AND d.id = $2`,
      [bank!.id, input.deviceId, input.slot, input.occurredAt],
    );
  if (bank) {
    if (bank.state === 'BOUGHT_OUT') {
      await place(`, flag = 'RETURNED_AFTER_BUYOUT', flag_detail = 'returned at ' || d.code || ' slot ' || $3::int::text || ' after its buyout', flagged_at = now()`);
      return { kind: 'bought-out' };
    }
    if (bank.state === 'RENTED' && bank.open && bank.rented_at && input.occurredAt.getTime() < new Date(bank.rented_at).getTime()) {
      // returned before it was ejected for this rental (the event came late): the rental goes on, the operator looks
      await m.query(
        `UPDATE power_banks p SET flag = 'STALE_RETURN', flagged_at = now(),
                flag_detail = 'a return at ' || d.code || ' slot ' || $3::int::text || ' (' || $4 || ') older than its eject for session ' || p.session_id || '; the rental goes on'
           FROM devices d WHERE p.id = $1 AND d.id = $2`,
        [bank.id, input.deviceId, input.slot, input.occurredAt.toISOString()],
      );
      return { kind: 'stale' };
    }
    await place(`, state = 'IN_SLOT', session_id = NULL, lost_at = NULL`);
    if (bank.state === 'RENTED' && bank.open && bank.session_id && bank.session_device_id && bank.session_tenant_id) {
      // the signal a session.ended from the starting cabinet would send: that cabinet and its owner
      return { kind: 'end', sessionId: bank.session_id, sessionDeviceId: bank.session_device_id, tenantId: bank.session_tenant_id };
    }
    return { kind: 'placed' };
  }
  // not a bank of this network: rented in another one, it is refused there and flagged for that network's operator
  const foreign = returnedRows<{ id: string }>(
    await m.query(
      `UPDATE power_banks p SET flag = 'FOREIGN_RETURN', flag_detail = 'returned at ' || d.code || ' (another network) slot ' || $3::int::text || '; refused', flagged_at = now()
         FROM devices d
        WHERE d.id = $1 AND p.bank_id = $2 AND p.network_tenant_id <> zizhu_powerbank_network(d.tenant_id) AND p.state IN ('RENTED', 'BOUGHT_OUT')
        RETURNING p.id`,
      [input.deviceId, input.bankId, input.slot],
    ),
  );
  if (foreign.length > 0) return { kind: 'foreign' };
  await m.query(
    `INSERT INTO power_banks (tenant_id, network_tenant_id, bank_id, state, device_id, slot, returned_at, updated_at)
     SELECT d.tenant_id, zizhu_powerbank_network(d.tenant_id), $2, 'IN_SLOT', d.id, $3, $4, now() FROM devices d WHERE d.id = $1
     ON CONFLICT (network_tenant_id, bank_id) DO NOTHING`,
    [input.deviceId, input.bankId, input.slot, input.occurredAt],
  );
  return { kind: 'placed' };
}

/**
 * The slots a batch of heartbeats reported (`seen`: when each arrived). A bank listed in a slot is IN_SLOT there with
 * its charge, unless something newer moved it (a return or an eject recorded after the heartbeat) or it is rented by a
 * session still open (only its return event ends that, never a heartbeat); a bought-out bank listed is flagged. A bank
 * IN_SLOT at one of these cabinets that the heartbeat no longer lists, with nothing newer about it, is LOST.
 */
export async function applyInventory(m: EntityManager, beats: readonly { deviceId: string; seen: Date; slots: ReportedSlot[] }[]): Promise<void> {
  if (beats.length === 0) return;
  const params = [beats.map((b) => b.deviceId), beats.map((b) => b.seen), beats.map((b) => JSON.stringify(b.slots))];
  const input = `
    WITH input AS (
      SELECT i.device_id, i.seen, d.tenant_id, zizhu_powerbank_network(d.tenant_id) AS network, d.code,
             (s->>'slot')::int AS slot, s->>'bankId' AS bank_id, (s->>'chargePercent')::int AS charge
        FROM unnest($1::uuid[], $2::timestamptz[], $3::jsonb[]) AS i(device_id, seen, slots)
        JOIN devices d ON d.id = i.device_id AND d.type = 'POWERBANK_CABINET'
        CROSS JOIN LATERAL jsonb_array_elements(i.slots) s
    ), banks AS (
      SELECT DISTINCT ON (network, bank_id) * FROM input WHERE bank_id IS NOT NULL ORDER BY network, bank_id, seen DESC
    )`;
  await m.query(
    `${input}
     INSERT INTO power_banks AS p (tenant_id, network_tenant_id, bank_id, state, device_id, slot, charge_percent, updated_at)
     SELECT tenant_id, network, bank_id, 'IN_SLOT', device_id, slot, charge, seen FROM banks
     ON CONFLICT (network_tenant_id, bank_id) DO UPDATE SET tenant_id = EXCLUDED.tenant_id, state = 'IN_SLOT', device_id = EXCLUDED.device_id,
       slot = EXCLUDED.slot, charge_percent = EXCLUDED.charge_percent, session_id = NULL, lost_at = NULL, updated_at = EXCLUDED.updated_at
     WHERE p.updated_at <= EXCLUDED.updated_at
       AND (p.state IN ('IN_SLOT', 'LOST')
            OR (p.state = 'RENTED' AND NOT EXISTS (SELECT 1 FROM service_sessions s WHERE s.id = p.session_id AND s.service_ended_at IS NULL AND s.state IN ('STARTING', 'IN_USE'))))`,
    params,
  );
  await m.query(
    `${input}
     UPDATE power_banks p SET flag = 'RETURNED_AFTER_BUYOUT', flag_detail = 'seen in ' || b.code || ' slot ' || b.slot || ' after its buyout', flagged_at = now(),
            device_id = b.device_id, slot = b.slot, charge_percent = b.charge
       FROM banks b WHERE p.network_tenant_id = b.network AND p.bank_id = b.bank_id AND p.state = 'BOUGHT_OUT' AND p.flag IS NULL`,
    params,
  );
  await m.query(
    `${input}
     UPDATE power_banks p SET state = 'LOST', lost_at = i.seen, updated_at = i.seen
       FROM (SELECT DISTINCT device_id, seen FROM unnest($1::uuid[], $2::timestamptz[]) AS u(device_id, seen)) i
       JOIN devices d ON d.id = i.device_id
      WHERE p.device_id = i.device_id AND p.network_tenant_id = zizhu_powerbank_network(d.tenant_id) AND p.state = 'IN_SLOT' AND p.updated_at < i.seen
        AND NOT EXISTS (SELECT 1 FROM input x WHERE x.device_id = p.device_id AND x.bank_id = p.bank_id)`,
    params,
  );
}

/** A power bank not returned by the plan's total cap is bought out (its session ended at the cap). */
export async function markBoughtOut(m: EntityManager, sessionId: string): Promise<void> {
  await m.query(`UPDATE power_banks SET state = 'BOUGHT_OUT', bought_out_at = now(), updated_at = now() WHERE session_id = $1 AND state = 'RENTED'`, [sessionId]);
}
