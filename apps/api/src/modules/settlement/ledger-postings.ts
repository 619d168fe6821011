import { commissionFen, commissionReversalFen } from './settlement-math.js';

/**
 * What each event posts to the ledger, pure. Accounts belong to an organisation; the counterparty says with
 * whom (what a brand owes each franchisee). Balances read debits − credits:
 *
 * | account | of | normal side |
 * |---|---|---|
 * | MERCHANT_CLEARING | the merchant of record | debit: its money at WeChat from sessions it charged |
 * | DUE_TO_OWNERS | the merchant of record, per device owner | credit: what it collected for another organisation's devices |
 * | DUE_FROM_MERCHANT | the device owner, per merchant of record | debit: what the merchant of record holds for it |
 * | SALES / REFUNDS | the device owner | credit / debit: gross revenue and its refunds |
 * | COMMISSION_EXPENSE / COMMISSION_INCOME | franchisee / brand, per the other | debit / credit |
 * | COMMISSION_PAYABLE / COMMISSION_RECEIVABLE | franchisee / brand when the franchisee collects (settled by profit sharing) | credit / debit |
 * | FEE_EXPENSE / FEE_INCOME | franchisee or customer / brand or reseller | fixed fees, minimum top-ups, reseller fees |
 * | FEES_PAYABLE / FEES_RECEIVABLE | the same, when not netted from what the merchant of record holds | |
 * | ADJUSTMENTS | either side | corrections learnt after a period closed |
 * | PAYOUTS_IN_TRANSIT, BANK | (later) payouts, transfers, splits |
 *
 * When the brand is the merchant of record (BRAND_COLLECTS) the commission is netted from what it holds for the
 * franchisee, so the franchisee's DUE_FROM_MERCHANT is exactly its share (net − commission) of every order.
 */
export type LedgerAccount =
  | 'MERCHANT_CLEARING'
  | 'DUE_TO_OWNERS'
  | 'DUE_FROM_MERCHANT'
  | 'SALES'
  | 'REFUNDS'
  | 'COMMISSION_EXPENSE'
  | 'COMMISSION_INCOME'
  | 'COMMISSION_PAYABLE'
  | 'COMMISSION_RECEIVABLE'
  | 'FEE_EXPENSE'
  | 'FEE_INCOME'
  | 'FEES_PAYABLE'
  | 'FEES_RECEIVABLE'
  | 'ADJUSTMENTS'
  | 'PAYOUTS_IN_TRANSIT'
  | 'BANK';

export const LEDGER_ENTRY_KINDS = [
  'SALE',
  'REFUND',
  'COMMISSION',
  'FIXED_FEE',
  'MINIMUM_TOP_UP',
  'RESELLER_FEE',
  'ADJUSTMENT',
  'SPLIT',
  'SPLIT_RETURN',
  'TRANSFER',
  'PAYOUT',
  'CHANNEL_FEE',
  'SETTLEMENT',
] as const;
export type LedgerEntryKind = (typeof LEDGER_ENTRY_KINDS)[number];
export const LEDGER_SOURCE_KINDS = ['SESSION_PAID', 'REFUND', 'STATEMENT', 'ADJUSTMENT', 'SPLIT', 'SPLIT_RETURN', 'TRANSFER', 'PAYOUT', 'CHANNEL_FEE', 'SETTLEMENT'] as const;
export type LedgerSourceKind = (typeof LEDGER_SOURCE_KINDS)[number];

export interface LedgerLine {
  tenant_id: string;
  account: LedgerAccount;
  counterparty_tenant_id: string | null;
  kind: LedgerEntryKind;
  debit_fen: number;
  credit_fen: number;
  session_id?: string | null;
  description?: string;
}

/** The session facts a posting needs: who owns the device, who charged it, and the franchise agreement in force when it started. */
export interface SessionParties {
  sessionId: string;
  ownerTenantId: string;
  merchantTenantId: string;
  /** The franchise agreement in force for the owner when the session started, if any. */
  agreement: { brandTenantId: string; commissionBasisPoints: number } | null;
}

const debit = (tenant: string, account: LedgerAccount, counterparty: string | null, kind: LedgerEntryKind, fen: number, sessionId: string): LedgerLine => ({
  tenant_id: tenant,
  account,
  counterparty_tenant_id: counterparty,
  kind,
  debit_fen: fen,
  credit_fen: 0,
  session_id: sessionId,
});
const credit = (tenant: string, account: LedgerAccount, counterparty: string | null, kind: LedgerEntryKind, fen: number, sessionId: string): LedgerLine => ({
  ...debit(tenant, account, counterparty, kind, 0, sessionId),
  debit_fen: 0,
  credit_fen: fen,
});
const flip = (l: LedgerLine): LedgerLine => ({ ...l, debit_fen: l.credit_fen, credit_fen: l.debit_fen });

/** Money in (or, flipped, out) between the merchant of record and the device owner, for one session. */
function moneyLines(p: SessionParties, kind: 'SALE' | 'REFUND', fen: number): LedgerLine[] {
  const { ownerTenantId: o, merchantTenantId: m, sessionId: s } = p;
  const revenue = kind === 'SALE' ? credit(o, 'SALES', null, kind, fen, s) : debit(o, 'REFUNDS', null, kind, fen, s);
  const cash = debit(m, 'MERCHANT_CLEARING', null, kind, fen, s);
  if (o === m) return kind === 'SALE' ? [cash, revenue] : [revenue, flip(cash)];
  // collected for another organisation's device: the merchant of record owes it, the owner is owed
  const lines = [cash, credit(m, 'DUE_TO_OWNERS', o, kind, fen, s), debit(o, 'DUE_FROM_MERCHANT', m, kind, fen, s)];
  return kind === 'SALE' ? [...lines, revenue] : [revenue, ...lines.map(flip)];
}

/** The commission on an order (or, reversed, what a refund gives back of it), between franchisee and brand. */
function commissionLines(p: SessionParties, fen: number, reverse: boolean): LedgerLine[] {
  if (!p.agreement || fen === 0) return [];
  const { ownerTenantId: o, merchantTenantId: m, sessionId: s } = p;
  const b = p.agreement.brandTenantId;
  const lines =
    b === m && o !== m
      ? // BRAND_COLLECTS: netted from what the brand holds for the franchisee
        [
          debit(o, 'COMMISSION_EXPENSE', b, 'COMMISSION', fen, s),
          credit(o, 'DUE_FROM_MERCHANT', m, 'COMMISSION', fen, s),
          debit(m, 'DUE_TO_OWNERS', o, 'COMMISSION', fen, s),
          credit(b, 'COMMISSION_INCOME', o, 'COMMISSION', fen, s),
        ]
      : // the franchisee collected: it owes the commission (profit sharing settles it)
        [
          debit(o, 'COMMISSION_EXPENSE', b, 'COMMISSION', fen, s),
          credit(o, 'COMMISSION_PAYABLE', b, 'COMMISSION', fen, s),
          debit(b, 'COMMISSION_RECEIVABLE', o, 'COMMISSION', fen, s),
          credit(b, 'COMMISSION_INCOME', o, 'COMMISSION', fen, s),
        ];
  return reverse ? lines.map(flip) : lines;
}

/** A session paid `paidFen` (> 0): the sale and its commission (rounding COMMISSION_FLOOR_PER_ORDER). */
export function salePosting(p: SessionParties, paidFen: number): LedgerLine[] {
  if (paidFen <= 0) return [];
  const commission = p.agreement ? commissionFen(paidFen, p.agreement.commissionBasisPoints) : 0;
  return [...moneyLines(p, 'SALE', paidFen), ...commissionLines(p, commission, false)];
}

/**
 * A refund of `refundFen` that succeeded when the order's net (paid − earlier successful refunds) was
 * `netBeforeFen`: the money back and the commission it gives back, so that over the order's payment and all its
 * refunds the commission posted is exactly ⌊final net × bp ÷ 10,000⌋.
 */
export function refundPosting(p: SessionParties, netBeforeFen: number, refundFen: number): LedgerLine[] {
  if (refundFen <= 0) return [];
  const reversal = p.agreement ? commissionReversalFen(netBeforeFen, refundFen, p.agreement.commissionBasisPoints) : 0;
  return [...moneyLines(p, 'REFUND', refundFen), ...commissionLines(p, reversal, true)];
}

/**
 * A commission correction for one order, posted when its statement closes: an agreement version set later from a
 * day on or before the order's start (in a period still open) changed the commission the order owes after it was
 * posted. `fen` > 0 adds commission, < 0 gives it back, so the order's commission in the ledger is again ⌊net × bp⌋
 * under the agreement the statement applied.
 */
export function commissionTrueUp(p: SessionParties, fen: number): LedgerLine[] {
  return commissionLines(p, Math.abs(fen), fen < 0);
}

/**
 * A profit-sharing split (FRANCHISEE_COLLECTS) of `fen` from the franchisee's merchant account to the brand's: it
 * settles the commission the sale posted as COMMISSION_PAYABLE / COMMISSION_RECEIVABLE. The money leaves the
 * franchisee's MERCHANT_CLEARING (its money at WeChat) and arrives in the brand's. SALE and COMMISSION keep their
 * meaning in this mode (the franchisee is the merchant of record, so the sale is its own; the commission is an
 * expense it owes); SPLIT only moves the money, so COMMISSION_PAYABLE returns to 0 once the order is split.
 * A SPLIT_RETURN is the same lines flipped.
 */
export function splitPosting(franchiseeTenantId: string, brandTenantId: string, sessionId: string, fen: number, kind: 'SPLIT' | 'SPLIT_RETURN' = 'SPLIT'): LedgerLine[] {
  if (fen <= 0) return [];
  const lines = [
    debit(franchiseeTenantId, 'COMMISSION_PAYABLE', brandTenantId, kind, fen, sessionId),
    credit(franchiseeTenantId, 'MERCHANT_CLEARING', null, kind, fen, sessionId),
    debit(brandTenantId, 'MERCHANT_CLEARING', null, kind, fen, sessionId),
    credit(brandTenantId, 'COMMISSION_RECEIVABLE', franchiseeTenantId, kind, fen, sessionId),
  ];
  return kind === 'SPLIT' ? lines : lines.map(flip);
}

/**
 * One order's channel fee (手续费) as the trade bill has it, with the facts that say who bears it: the device owner,
 * and whether the franchise agreement in force for it when the session started passes the fee on to it.
 */
export interface SessionChannelFee {
  ownerTenantId: string;
  /** The franchise brand of that agreement, if any. */
  brandTenantId: string | null;
  /** The agreement says the franchisee bears WeChat's fee on its sessions. */
  passedOn: boolean;
  /** Payment-row fee less the refund rows' fees of this order in the bill (may be negative: a refund's fee given back). */
  feeFen: number;
}

/**
 * Who bears a day's channel fee of a merchant account (rounding CHANNEL_FEE_PER_ORDER_FROM_BILL): each franchisee
 * whose agreement passes the fee on and whose brand is the merchant of record (brand collects) bears the fees of its
 * own orders; the merchant of record keeps the rest of the day's total. Σ passed on + kept = the day's fee, exactly.
 */
export function channelFeeShares(merchantTenantId: string, dayFeeFen: number, orders: readonly SessionChannelFee[]): { passedOn: Map<string, number>; keptFen: number } {
  const passedOn = new Map<string, number>();
  for (const o of orders) {
    if (!o.passedOn || o.ownerTenantId === merchantTenantId || o.brandTenantId !== merchantTenantId || o.feeFen === 0) continue;
    passedOn.set(o.ownerTenantId, (passedOn.get(o.ownerTenantId) ?? 0) + o.feeFen);
  }
  let passedFen = 0;
  for (const fen of passedOn.values()) passedFen += fen;
  return { passedOn, keptFen: dayFeeFen - passedFen };
}

/**
 * A day's channel fee of a merchant account: the merchant of record's expense out of its money at WeChat
 * (FEE_EXPENSE / MERCHANT_CLEARING, counterparty none), and for each franchisee that bears its share (see
 * channelFeeShares) the share moved onto it, netted from what the brand holds for it: franchisee FEE_EXPENSE /
 * DUE_FROM_MERCHANT, brand DUE_TO_OWNERS / FEE_EXPENSE (the brand's expense reduced by it; counterparty the
 * franchisee). A negative amount (fees given back by refunds) is the same lines flipped.
 */
export function channelFeePosting(merchantTenantId: string, dayFeeFen: number, orders: readonly SessionChannelFee[], description: string): LedgerLine[] {
  const line = (tenant: string, account: LedgerAccount, counterparty: string | null, fen: number): LedgerLine => ({
    tenant_id: tenant,
    account,
    counterparty_tenant_id: counterparty,
    kind: 'CHANNEL_FEE',
    debit_fen: fen > 0 ? fen : 0,
    credit_fen: fen < 0 ? -fen : 0,
    description,
  });
  const lines: LedgerLine[] = [];
  if (dayFeeFen !== 0) lines.push(line(merchantTenantId, 'FEE_EXPENSE', null, dayFeeFen), line(merchantTenantId, 'MERCHANT_CLEARING', null, -dayFeeFen));
  for (const [owner, fen] of channelFeeShares(merchantTenantId, dayFeeFen, orders).passedOn) {
    if (fen === 0) continue;
    lines.push(
      line(owner, 'FEE_EXPENSE', merchantTenantId, fen),
      line(owner, 'DUE_FROM_MERCHANT', merchantTenantId, -fen),
      line(merchantTenantId, 'DUE_TO_OWNERS', owner, fen),
      line(merchantTenantId, 'FEE_EXPENSE', owner, -fen),
    );
  }
  return lines;
}

/**
 * What a statement settled without a payout (登记结清) leaves open between the organisation and its parent, each signed
 * as owed by the organisation (negative: the parent owes it), fen:
 * - `feesFen`: the FEES_PAYABLE of the statement's own postings (its fees at the close, the manual adjustments booked on
 *   it) — franchisee collects, a reseller's customer;
 * - `commissionFen`: the COMMISSION_PAYABLE of the period's orders whose split failed (paid outside WeChat instead), less
 *   the failed split returns carried into the statement (the brand repays them) — franchisee collects;
 * - `dueFen`: brand collects, the statement's payableFen ≤ 0 negated (what the franchisee pays back into
 *   DUE_FROM_MERCHANT, the mirror of a payout).
 */
export interface SettlementAmounts {
  feesFen: number;
  commissionFen: number;
  dueFen: number;
}

/**
 * The settlement's posting (kind SETTLEMENT, source the statement_settlements id): each open amount cleared against
 * `BANK` on both sides (the money moved outside WeChat; OFFSET and OTHER too — what it was set off against lies outside
 * the ledger), so the receivable and payable of the statement return to 0. Negative amounts: the same lines flipped.
 */
export function settlementPosting(organizationId: string, parentId: string, a: SettlementAmounts): LedgerLine[] {
  const pair = (payable: LedgerAccount, receivable: LedgerAccount, fen: number): LedgerLine[] => {
    if (fen === 0) return [];
    const abs = Math.abs(fen);
    const line = (tenant: string, account: LedgerAccount, counterparty: string, isDebit: boolean): LedgerLine => {
      const d = fen > 0 ? isDebit : !isDebit;
      return { tenant_id: tenant, account, counterparty_tenant_id: counterparty, kind: 'SETTLEMENT', debit_fen: d ? abs : 0, credit_fen: d ? 0 : abs, description: 'statement settled' };
    };
    return [line(organizationId, payable, parentId, true), line(organizationId, 'BANK', parentId, false), line(parentId, 'BANK', organizationId, true), line(parentId, receivable, organizationId, false)];
  };
  return [
    ...pair('FEES_PAYABLE', 'FEES_RECEIVABLE', a.feesFen),
    ...pair('COMMISSION_PAYABLE', 'COMMISSION_RECEIVABLE', a.commissionFen),
    ...pair('DUE_FROM_MERCHANT', 'DUE_TO_OWNERS', a.dueFen),
  ];
}
