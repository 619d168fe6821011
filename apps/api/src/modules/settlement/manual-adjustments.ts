import type { EntityManager } from 'typeorm';
import type { LedgerLine } from './ledger-postings.js';
import type { Line, Totals } from './statement-lines.js';

/**
 * Manual adjustments (POST /v1/organizations/{id}/adjustments): what one posts to the ledger and how the statement it
 * lands on shows it (pure), and the read of a statement's adjustments. `amountFen` is signed from the side of the
 * organisation the statement is for (a franchisee, a reseller's customer): positive is in its favour (its parent owes it
 * more), negative owed by it.
 */
export interface ManualAdjustment {
  amountFen: number;
  reason: string;
}

/**
 * The adjustment's posting between the organisation and its parent. Netted from what the brand holds for the franchisee
 * when the brand collects (DUE_FROM_MERCHANT / DUE_TO_OWNERS, as fees are), otherwise against what the organisation owes
 * its parent (FEES_PAYABLE / FEES_RECEIVABLE: a franchisee that collects itself, a reseller's customer). The other side
 * is ADJUSTMENTS on both. Negative: the same lines flipped.
 */
export function adjustmentPosting(organizationId: string, parentId: string, amountFen: number, netted: boolean, description: string): LedgerLine[] {
  if (amountFen === 0) return [];
  const fen = Math.abs(amountFen);
  const line = (tenant: string, account: LedgerLine['account'], counterparty: string, isDebit: boolean): LedgerLine => {
    const debit = amountFen > 0 ? isDebit : !isDebit;
    return { tenant_id: tenant, account, counterparty_tenant_id: counterparty, kind: 'ADJUSTMENT', debit_fen: debit ? fen : 0, credit_fen: debit ? 0 : fen, description };
  };
  return [
    line(organizationId, netted ? 'DUE_FROM_MERCHANT' : 'FEES_PAYABLE', parentId, true),
    line(organizationId, 'ADJUSTMENTS', parentId, false),
    line(parentId, 'ADJUSTMENTS', organizationId, true),
    line(parentId, netted ? 'DUE_TO_OWNERS' : 'FEES_RECEIVABLE', organizationId, false),
  ];
}

/**
 * A statement's lines and totals with the manual adjustments booked on it: one ADJUSTMENT line each, its reason as the
 * description, after the lines computed from the figures. They count in `adjustmentFen`; `payableFen` moves with them
 * (franchise: what the brand owes the franchisee, so it rises; reseller: what the customer owes, so it falls).
 */
export function withManualAdjustments(kind: 'FRANCHISE' | 'RESELLER', statement: { lines: Line[]; totals: Totals }, adjustments: readonly ManualAdjustment[]): { lines: Line[]; totals: Totals } {
  if (adjustments.length === 0) return statement;
  const sum = adjustments.reduce((s, a) => s + a.amountFen, 0);
  const lines: Line[] = adjustments.map((a) => ({ kind: 'ADJUSTMENT', description: a.reason, quantity: null, unitFen: null, amountFen: a.amountFen, rounding: null }));
  const t = statement.totals;
  return {
    lines: [...statement.lines, ...lines],
    totals: { ...t, adjustmentFen: t.adjustmentFen + sum, payableFen: kind === 'FRANCHISE' ? t.payableFen + sum : t.payableFen - sum },
  };
}

/** The manual adjustments booked on a statement, in the order they were booked (its ADJUSTMENT lines). */
export async function manualAdjustmentsOf(m: EntityManager, statementId: string): Promise<ManualAdjustment[]> {
  const rows = (await m.query(`SELECT amount_fen, reason FROM settlement_adjustments WHERE statement_id = $1 ORDER BY created_at, id`, [statementId])) as {
    amount_fen: string | number;
    reason: string;
  }[];
  return rows.map((r) => ({ amountFen: Number(r.amount_fen), reason: r.reason }));
}
