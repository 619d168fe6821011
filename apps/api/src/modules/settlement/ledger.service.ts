import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { LedgerBalanceDto, LedgerEntriesQueryDto, LedgerEntryListDto, LedgerFiguresDto } from './dto/ledger.dto.js';
import { channelFeePosting, type LedgerLine, type LedgerSourceKind, refundPosting, salePosting, type SessionChannelFee, type SessionParties } from './ledger-postings.js';
import { shanghaiDate } from './settlement-math.js';
import { sessionStartDay } from './settlement-sql.js';

/** `a`: the franchise agreement in force for the organisation of session `s` on the day it started (its `columns`). */
const franchiseAgreementAtStart = (columns: string) => `
    LEFT JOIN LATERAL (
      SELECT ${columns} FROM agreements a
       WHERE a.tenant_id = s.tenant_id AND a.kind = 'FRANCHISE' AND a.effective_from <= ${sessionStartDay('s')}
       ORDER BY a.version DESC LIMIT 1
    ) a ON true`;

/** The session facts and the franchise agreement in force for its organisation when it started, in one query. */
const PARTIES_SQL = `
  SELECT s.id, s.tenant_id, s.merchant_tenant_id, s.paid_fen, s.refunded_fen, a.parent_tenant_id AS brand_tenant_id, a.commission_basis_points
    FROM service_sessions s ${franchiseAgreementAtStart('a.parent_tenant_id, a.commission_basis_points')}
   WHERE s.id = $1`;

/** Who bears each order's channel fee: its organisation and the franchise agreement in force for it when it started. */
const CHANNEL_FEE_PARTIES_SQL = `
  SELECT s.id, s.tenant_id, a.parent_tenant_id AS brand_tenant_id, a.channel_fee_passed_on
    FROM service_sessions s ${franchiseAgreementAtStart('a.parent_tenant_id, a.channel_fee_passed_on')}
   WHERE s.id = ANY ($1::uuid[])`;

interface ChannelFeePartiesRow {
  id: string;
  tenant_id: string;
  brand_tenant_id: string | null;
  channel_fee_passed_on: boolean | null;
}

interface PartiesRow {
  id: string;
  tenant_id: string;
  merchant_tenant_id: string;
  paid_fen: number | null;
  refunded_fen: number;
  brand_tenant_id: string | null;
  commission_basis_points: number | null;
}

export interface BalanceMismatch {
  tenantId: string;
  account: string;
  counterpartyTenantId: string | null;
  storedFen: number | null;
  recomputedFen: number;
}

/**
 * Posts to the append-only ledger inside the caller's transaction (the one recording the event), through
 * `zizhu_post_ledger`: balanced, once per source (a retry posts nothing), stored balances moved with it.
 */
@Injectable()
export class LedgerService {
  /** Posts lines for a source once; answers how many entries were written (0: posted before, or nothing to post). */
  async post(m: EntityManager, sourceKind: LedgerSourceKind, sourceId: string, effectiveDate: string, lines: readonly LedgerLine[]): Promise<number> {
    if (lines.length === 0) return 0;
    const [row] = (await m.query(`SELECT zizhu_post_ledger($1, $2, $3::date, $4::jsonb) AS posted`, [sourceKind, sourceId, effectiveDate, JSON.stringify(lines)])) as { posted: number }[];
    return row?.posted ?? 0;
  }

  /** A session was recorded PAID (in the same transaction): its sale and commission. */
  async postSessionPaid(m: EntityManager, sessionId: string, paidAt: Date): Promise<number> {
    const row = await this.parties(m, sessionId);
    if (!row?.paid_fen) return 0;
    return this.post(m, 'SESSION_PAID', sessionId, shanghaiDate(paidAt), salePosting(partiesOf(row), row.paid_fen));
  }

  /**
   * A refund succeeded (in the same transaction, after the session's refunded total was raised by it): the money
   * back and the commission it gives back.
   */
  async postRefundSucceeded(m: EntityManager, actionId: string, sessionId: string, amountFen: number, at: Date): Promise<number> {
    const row = await this.parties(m, sessionId);
    if (!row?.paid_fen) return 0;
    const netBefore = row.paid_fen - row.refunded_fen + amountFen;
    return this.post(m, 'REFUND', actionId, shanghaiDate(at), refundPosting(partiesOf(row), netBefore, amountFen));
  }

  /**
   * WeChat's fee (手续费) on a merchant account's payments, net of the fees its refunds gave back, learnt from the
   * trade bill (issue 13, reconciliation): an expense of the merchant of record out of its money at WeChat, posted
   * once per `sourceId` (account and bill date) on `effectiveDate`, the day it became known. A negative net gives back.
   * `orders` are the bill's fees per order of ours (rounding CHANNEL_FEE_PER_ORDER_FROM_BILL): where the franchise
   * agreement in force for the order's organisation when the session started passes the fee on (issue 12), and its
   * brand is the merchant of record, that franchisee's share moves onto it in the same posting (channelFeePosting).
   */
  async postChannelFee(
    m: EntityManager,
    sourceId: string,
    merchantTenantId: string,
    feeFen: number,
    effectiveDate: string,
    orders: readonly { sessionId: string; feeFen: number }[] = [],
  ): Promise<number> {
    const facts = orders.length === 0 ? [] : ((await m.query(CHANNEL_FEE_PARTIES_SQL, [orders.map((o) => o.sessionId)])) as ChannelFeePartiesRow[]);
    const bySession = new Map(facts.map((f) => [f.id, f]));
    const sessionFees: SessionChannelFee[] = orders.flatMap((o) => {
      const f = bySession.get(o.sessionId);
      return f ? [{ ownerTenantId: f.tenant_id, brandTenantId: f.brand_tenant_id, passedOn: f.channel_fee_passed_on === true, feeFen: o.feeFen }] : [];
    });
    return this.post(m, 'CHANNEL_FEE', sourceId, effectiveDate, channelFeePosting(merchantTenantId, feeFen, sessionFees, `WeChat Pay fees ${sourceId}`));
  }

  /**
   * The balance check: every account recomputed from its entries alone and compared with the stored balance,
   * per tenant (what the caller's row-level security shows: a tenant checks its own, the system all); and every
   * posting balanced. Answers the differences (none when the ledger is sound).
   */
  async check(m: EntityManager): Promise<{ accounts: number; mismatches: BalanceMismatch[]; unbalancedPostings: string[] }> {
    const rows = (await m.query(`
      WITH recomputed AS (
        SELECT tenant_id, account, counterparty_tenant_id, sum(debit_fen - credit_fen)::bigint AS fen
          FROM ledger_entries GROUP BY tenant_id, account, counterparty_tenant_id
      )
      SELECT coalesce(r.tenant_id, b.tenant_id) AS tenant_id, coalesce(r.account, b.account) AS account,
             coalesce(r.counterparty_tenant_id, b.counterparty_tenant_id) AS counterparty_tenant_id,
             b.balance_fen AS stored, coalesce(r.fen, 0) AS recomputed
        FROM recomputed r
        FULL JOIN ledger_balances b
          ON b.tenant_id = r.tenant_id AND b.account = r.account AND b.counterparty_tenant_id IS NOT DISTINCT FROM r.counterparty_tenant_id`)) as {
      tenant_id: string;
      account: string;
      counterparty_tenant_id: string | null;
      stored: string | number | null;
      recomputed: string | number;
    }[];
    const mismatches = rows
      .filter((r) => r.stored === null || Number(r.stored) !== Number(r.recomputed))
      .map((r) => ({
        tenantId: r.tenant_id,
        account: r.account,
        counterpartyTenantId: r.counterparty_tenant_id,
        storedFen: r.stored === null ? null : Number(r.stored),
        recomputedFen: Number(r.recomputed),
      }));
    // a posting's entries may belong to several tenants: only the system (all rows visible) can prove each balances
    const unbalanced = (await m.query(
      `SELECT source_kind || ':' || source_id AS source FROM ledger_entries GROUP BY posting_id, source_kind, source_id HAVING sum(debit_fen) <> sum(credit_fen)`,
    )) as { source: string }[];
    return { accounts: rows.length, mismatches, unbalancedPostings: unbalanced.map((u) => u.source) };
  }

  /** Stored balances the caller's row-level security shows, optionally of one organisation and those under it. */
  async balances(m: EntityManager, organizationId: string | null): Promise<LedgerBalanceDto[]> {
    const rows = (await m.query(
      `SELECT tenant_id, account, counterparty_tenant_id, balance_fen, entries FROM ledger_balances
        WHERE ($1::uuid IS NULL OR tenant_id IN (SELECT o.id FROM organizations o WHERE $1::uuid = ANY (o.path)))
        ORDER BY tenant_id, account, counterparty_tenant_id`,
      [organizationId],
    )) as { tenant_id: string; account: string; counterparty_tenant_id: string | null; balance_fen: string | number; entries: number }[];
    return rows.map((r) => ({ organizationId: r.tenant_id, account: r.account, counterpartyOrganizationId: r.counterparty_tenant_id, balanceFen: Number(r.balance_fen), entries: r.entries }));
  }

  /**
   * An organisation's own period figures from its entries alone (by effective day): what a brand that collects has no
   * statement of its own to show — the commission it earned, the fees, the channel fee it bore and what of it was passed on.
   */
  async figures(m: EntityManager, organizationId: string, from: string, to: string): Promise<LedgerFiguresDto> {
    const [row] = (await m.query(
      `SELECT coalesce(sum(credit_fen - debit_fen) FILTER (WHERE account = 'COMMISSION_INCOME'), 0)::bigint AS commission,
              coalesce(sum(credit_fen - debit_fen) FILTER (WHERE account = 'FEE_INCOME'), 0)::bigint AS fee_income,
              coalesce(sum(debit_fen - credit_fen) FILTER (WHERE account = 'FEE_EXPENSE' AND kind = 'CHANNEL_FEE'), 0)::bigint AS channel_fee,
              coalesce(sum(credit_fen - debit_fen) FILTER (WHERE account = 'FEE_EXPENSE' AND kind = 'CHANNEL_FEE' AND counterparty_tenant_id IS NOT NULL), 0)::bigint AS passed_on,
              coalesce(sum(credit_fen - debit_fen) FILTER (WHERE account = 'ADJUSTMENTS'), 0)::bigint AS adjustment
         FROM ledger_entries WHERE tenant_id = $1 AND effective_date BETWEEN $2::date AND $3::date`,
      [organizationId, from, to],
    )) as { commission: string; fee_income: string; channel_fee: string; passed_on: string; adjustment: string }[];
    return {
      organizationId,
      from,
      to,
      commissionFen: Number(row?.commission ?? 0),
      feeIncomeFen: Number(row?.fee_income ?? 0),
      channelFeeFen: Number(row?.channel_fee ?? 0),
      channelFeePassedOnFen: Number(row?.passed_on ?? 0),
      adjustmentFen: Number(row?.adjustment ?? 0),
    };
  }

  async entries(m: EntityManager, q: LedgerEntriesQueryDto): Promise<LedgerEntryListDto> {
    const where = `($1::uuid IS NULL OR tenant_id IN (SELECT o.id FROM organizations o WHERE $1::uuid = ANY (o.path))) AND ($2::text IS NULL OR account = $2)
      AND ($3::date IS NULL OR effective_date >= $3::date) AND ($4::date IS NULL OR effective_date <= $4::date) AND ($5::text IS NULL OR kind = $5)`;
    const params = [q.organizationId ?? null, q.account ?? null, q.from ?? null, q.to ?? null, q.kind ?? null];
    const rows = (await m.query(
      `SELECT id, posting_id, source_kind, source_id, tenant_id, account, counterparty_tenant_id, kind, debit_fen, credit_fen, session_id,
              to_char(effective_date, 'YYYY-MM-DD') AS effective_date, posted_at
         FROM ledger_entries WHERE ${where} ORDER BY id DESC LIMIT $6 OFFSET $7`,
      [...params, q.limit ?? 100, q.offset ?? 0],
    )) as {
      id: string | number;
      posting_id: string;
      source_kind: LedgerSourceKind;
      source_id: string;
      tenant_id: string;
      account: string;
      counterparty_tenant_id: string | null;
      kind: LedgerLine['kind'];
      debit_fen: string | number;
      credit_fen: string | number;
      session_id: string | null;
      effective_date: string;
      posted_at: Date;
    }[];
    const [count] = (await m.query(`SELECT count(*)::int AS n FROM ledger_entries WHERE ${where}`, params)) as { n: number }[];
    return {
      items: rows.map((r) => ({
        id: Number(r.id),
        postingId: r.posting_id,
        sourceKind: r.source_kind,
        sourceId: r.source_id,
        organizationId: r.tenant_id,
        account: r.account,
        counterpartyOrganizationId: r.counterparty_tenant_id,
        kind: r.kind,
        debitFen: Number(r.debit_fen),
        creditFen: Number(r.credit_fen),
        sessionId: r.session_id,
        effectiveDate: r.effective_date,
        postedAt: new Date(r.posted_at).toISOString(),
      })),
      total: count?.n ?? 0,
    };
  }

  private async parties(m: EntityManager, sessionId: string): Promise<PartiesRow | undefined> {
    const [row] = (await m.query(PARTIES_SQL, [sessionId])) as PartiesRow[];
    return row;
  }
}

function partiesOf(row: PartiesRow): SessionParties {
  return {
    sessionId: row.id,
    ownerTenantId: row.tenant_id,
    merchantTenantId: row.merchant_tenant_id,
    agreement: row.brand_tenant_id && row.commission_basis_points !== null ? { brandTenantId: row.brand_tenant_id, commissionBasisPoints: row.commission_basis_points } : null,
  };
}
