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

/** What the brand owes the franchisee back on this statement (the failed returns carried into it), fen. */
export async function owedBackFen(m: EntityManager, statementId: string): Promise<number> {
  const [row] = (await m.query(`SELECT coalesce(sum(amount_fen), 0)::bigint AS fen FROM profit_sharing_returns WHERE carried_statement_id = $1`, [statementId])) as { fen: string | number }[];
  return Number(row?.fen ?? 0);
}
