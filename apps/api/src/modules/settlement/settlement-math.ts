/**
 * The arithmetic of settlement, pure (no clock, no I/O): integer fen, every rounding named. The SQL that
 * aggregates statements and earnings applies the same rules (`COMMISSION_SQL`); the property tests check both.
 */

export const SETTLEMENT_TIMEZONE = 'Asia/Shanghai';
/** Asia/Shanghai has had no daylight saving since 1991: a calendar day there is UTC+8 all year. */
const SHANGHAI_OFFSET_MS = 8 * 3600 * 1000;

export const AGREEMENT_PERIODS = ['DAILY', 'WEEKLY', 'MONTHLY'] as const;
export type AgreementPeriod = (typeof AGREEMENT_PERIODS)[number];
export const COLLECTIONS = ['BRAND_COLLECTS', 'FRANCHISEE_COLLECTS'] as const;
export type Collection = (typeof COLLECTIONS)[number];
export const AGREEMENT_KINDS = ['FRANCHISE', 'RESELLER'] as const;
export type AgreementKind = (typeof AGREEMENT_KINDS)[number];

export const BASIS_POINTS = 10_000;
/** WeChat's default maximum profit-sharing ratio of a merchant (30 %), unless the brand enters another. */
export const DEFAULT_MAX_PROFIT_SHARING_RATIO_BASIS_POINTS = 3000;

/**
 * The named roundings. Each one says who keeps the fraction of a fen, so that no fen is lost or invented:
 * whatever one side's rounded figure leaves, the other side's figure is defined as the rest.
 */
export const ROUNDINGS = {
  /** Commission per order: ⌊order net × basis points ÷ 10,000⌋ fen; the fraction stays with the franchisee (its share is the rest). */
  COMMISSION_FLOOR_PER_ORDER: 'COMMISSION_FLOOR_PER_ORDER',
  /** Fees per device per month are whole fen per device: quantity × unit, nothing to round. */
  FEE_EXACT_PER_DEVICE: 'FEE_EXACT_PER_DEVICE',
  /** A monthly minimum on a shorter period (daily, weekly) is checked on the month's last statement, never prorated. */
  MINIMUM_ON_MONTH_END: 'MINIMUM_ON_MONTH_END',
  /**
   * WeChat's channel fee (手续费) per order, exactly as the trade bill prints it on the order's payment row less what
   * its refund rows give back (whole fen; the bill parser rounds a fraction of a fen, which WeChat does not print in
   * practice, half away from zero per row). Nothing is allocated in proportion: a franchisee's share is the sum over
   * the rows of its own sessions, and the merchant of record keeps the rest of the day's total (rows of no session of
   * the platform's), so the shares add up to the day's fee exactly.
   */
  CHANNEL_FEE_PER_ORDER_FROM_BILL: 'CHANNEL_FEE_PER_ORDER_FROM_BILL',
} as const;
export type Rounding = (typeof ROUNDINGS)[keyof typeof ROUNDINGS];

function assertFen(name: string, value: number): void {
  if (!Number.isSafeInteger(value) || value < 0) throw new RangeError(`${name} must be a non-negative integer number of fen, got ${value}`);
}

/** Rounding COMMISSION_FLOOR_PER_ORDER. */
export function commissionFen(orderNetFen: number, basisPoints: number): number {
  assertFen('orderNetFen', orderNetFen);
  if (!Number.isInteger(basisPoints) || basisPoints < 0 || basisPoints > BASIS_POINTS) throw new RangeError(`basisPoints must be 0–10000, got ${basisPoints}`);
  // integer division of non-negative integers: floor, exact below 2^53 (a net of 900 trillion fen)
  return Math.floor((orderNetFen * basisPoints) / BASIS_POINTS);
}

/** The franchisee's share of one order: the net less the commission, so share + commission = net exactly. */
export function shareFen(orderNetFen: number, basisPoints: number): number {
  return orderNetFen - commissionFen(orderNetFen, basisPoints);
}

/**
 * The commission an order's refund gives back: what the commission on the net before the refund was, less the
 * commission on the net after it. Summed over an order's payment and refunds this is exactly
 * commissionFen(final net), whatever the order of refunds.
 */
export function commissionReversalFen(netBeforeFen: number, refundFen: number, basisPoints: number): number {
  assertFen('refundFen', refundFen);
  if (refundFen > netBeforeFen) throw new RangeError(`refund ${refundFen} exceeds the order's net ${netBeforeFen}`);
  return commissionFen(netBeforeFen, basisPoints) - commissionFen(netBeforeFen - refundFen, basisPoints);
}

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A calendar date `YYYY-MM-DD` that exists (2026-02-30 does not). */
export function isCalendarDate(value: string): boolean {
  const m = DATE.exec(value);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.toISOString().slice(0, 10) === value;
}

/** The Asia/Shanghai calendar day an instant falls on. */
export function shanghaiDate(instant: Date): string {
  return new Date(instant.getTime() + SHANGHAI_OFFSET_MS).toISOString().slice(0, 10);
}

/** The instant an Asia/Shanghai calendar day begins. */
export function shanghaiStartOf(date: string): Date {
  return new Date(Date.parse(`${date}T00:00:00Z`) - SHANGHAI_OFFSET_MS);
}

export function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

/** The statement period holding a date: the day itself, its ISO week (Monday to Sunday), its calendar month; inclusive ends. */
export function periodOf(date: string, period: AgreementPeriod): { start: string; end: string } {
  if (!isCalendarDate(date)) throw new RangeError(`not a calendar date: ${date}`);
  if (period === 'DAILY') return { start: date, end: date };
  const d = new Date(`${date}T00:00:00Z`);
  if (period === 'WEEKLY') {
    const monday = addDays(date, -((d.getUTCDay() + 6) % 7));
    return { start: monday, end: addDays(monday, 6) };
  }
  const start = `${date.slice(0, 7)}-01`;
  const next = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 1));
  return { start, end: addDays(next.toISOString().slice(0, 10), -1) };
}
