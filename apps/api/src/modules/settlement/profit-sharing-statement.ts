import type { EntityManager } from 'typeorm';

/**
 * The statement hook of the franchisee-collects mode (issue 12). A split return (回退) that failed leaves the brand
 * holding commission a refund gave back; it is carried into the franchisee's next statement to close as an
 * ADJUSTMENT in the franchisee's favour. Marked at the close ($1 organisation, $2 the statement), so each is carried once.
 * Only once its refund SUCCEEDED: a refund still HELD (or pending) has taken nothing back from the commission yet, and
 * one given up never will (its commission stays the brand's) — carrying those would credit the franchisee commission
 * "owed back" for an order that was never refunded. A held refund retried later is carried by the next close after it.
 */
export const MARK_FAILED_RETURNS_SQL = `
  UPDATE profit_sharing_returns r SET carried_statement_id = $2, updated_at = now()
   WHERE r.tenant_id = $1 AND r.state = 'FAILED' AND r.carried_statement_id IS NULL
     AND EXISTS (SELECT 1 FROM session_actions a WHERE a.id = r.action_id AND a.state = 'SUCCEEDED')`;

/**
 * The mirror: a split return that SUCCEEDED while WeChat then refused its refund outright (the refund action FAILED,
 * never HELD: any refusal but NOT_ENOUGH). The commission is back with the franchisee at WeChat and the SPLIT_RETURN
 * posting reopened the brand's COMMISSION_RECEIVABLE, but the order was never refunded: the franchisee owes the brand
 * that commission again. Carried into its next statement to close as an ADJUSTMENT in the brand's favour, marked at
 * the close (same column, so once). A FAILED refund is final (retry is only for HELD ones; settleRefund ignores a
 * finished action), so the mark never has to be undone; a new refund of the same amount does not count such a return
 * as already returned (`ORPHAN_RETURN_SQL`), so it returns its own share and nothing is counted twice.
 */
export const MARK_RECLAIMED_RETURNS_SQL = `
  UPDATE profit_sharing_returns r SET carried_statement_id = $2, updated_at = now()
   WHERE r.tenant_id = $1 AND r.state = 'SUCCEEDED' AND r.carried_statement_id IS NULL
     AND EXISTS (SELECT 1 FROM session_actions a WHERE a.id = r.action_id AND a.state = 'FAILED')`;

/** SQL condition on a `profit_sharing_returns` row `r`: it succeeded for a refund that then FAILED (its commission is owed to the brand again). */
export const ORPHAN_RETURN_SQL = `(r.state = 'SUCCEEDED' AND EXISTS (SELECT 1 FROM session_actions a WHERE a.id = r.action_id AND a.state = 'FAILED'))`;

/**
 * The split returns carried into this statement, fen, in one read: `owedBackFen` what the brand owes the franchisee back
 * (the FAILED returns of refunds that succeeded, MARK_FAILED_RETURNS_SQL), `reclaimedFen` what the franchisee owes the
 * brand again (the SUCCEEDED returns of refunds that then FAILED, MARK_RECLAIMED_RETURNS_SQL).
 */
export async function carriedReturnsFen(m: EntityManager, statementId: string): Promise<{ owedBackFen: number; reclaimedFen: number }> {
  const [row] = (await m.query(
    `SELECT coalesce(sum(amount_fen) FILTER (WHERE state = 'FAILED'), 0)::bigint AS owed_back, coalesce(sum(amount_fen) FILTER (WHERE state = 'SUCCEEDED'), 0)::bigint AS reclaimed
       FROM profit_sharing_returns WHERE carried_statement_id = $1`,
    [statementId],
  )) as { owed_back: string | number; reclaimed: string | number }[];
  return { owedBackFen: Number(row?.owed_back ?? 0), reclaimedFen: Number(row?.reclaimed ?? 0) };
}
