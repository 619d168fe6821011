import { err, fen, ok, type Fen, type Result } from '@zizhu/kernel';
import { PricingError } from './errors.js';
import { charLength, clip, yuan } from './money.js';
import { compilePlan, type CompiledPlan } from './plan.js';
import type { PayscoreScenario, PricingPlan, Quote, QuoteLine } from './types.js';

/** Pay Score `post_payments[]` item (wire format). `amount` is this item's total, not multiplied by `count`. */
export interface PostPayment {
  name: string;
  amount?: number;
  description?: string;
  count?: number;
}

/** Pay Score `post_discounts[]` item (wire format). */
export interface PostDiscount {
  name: string;
  description: string;
  amount: number;
}

export interface PayscoreLines {
  post_payments: PostPayment[];
  post_discounts: PostDiscount[];
  total_amount: number;
}

/** Pay Score field limits (payscore-protocol.md §3.1). */
export const PAYSCORE_LIMITS = {
  payments: 100,
  discounts: 30,
  name: 20,
  description: 30,
  count: 100,
} as const;

const GOODS = '商品信息';
const D = PAYSCORE_LIMITS.description;

function itemCount(l: QuoteLine): number {
  const m = /× (\d+)件$/.exec(l.detail);
  const n = m === null ? 1 : Number(m[1]);
  return n > 0 && l.amountFen % n === 0 ? n : 1;
}

/** One `商品信息` item per product (counts above 100 split), at most 100 items (the tail merged into the last). */
function goodsPayments(lines: readonly QuoteLine[]): PostPayment[] {
  const out: PostPayment[] = [];
  for (const l of lines) {
    if (l.kind === 'item') {
      const count = itemCount(l);
      const unit = l.amountFen / count;
      for (let left = count; left > 0; left -= PAYSCORE_LIMITS.count) {
        const n = Math.min(left, PAYSCORE_LIMITS.count);
        out.push({ name: GOODS, amount: unit * n, description: clip(l.label, D), count: n });
      }
    } else if (l.amountFen > 0) {
      out.push({ name: GOODS, amount: l.amountFen, description: clip(l.label, D), count: 1 });
    }
  }
  const max = PAYSCORE_LIMITS.payments;
  if (out.length > max) {
    const tail = out.splice(max - 1);
    const amount = tail.reduce((s, x) => s + (x.amount ?? 0), 0);
    const count = tail.reduce((s, x) => s + (x.count ?? 1), 0);
    out.push({ name: GOODS, amount, description: clip(`其他商品共${count}件`, D), count: Math.min(count, PAYSCORE_LIMITS.count) });
  }
  return out;
}

/** The usage duration written on the first rental line (`使用1小时38分20秒，…`). */
function usedDuration(quote: Quote): string | null {
  const first = quote.lines.find((l) => l.kind === 'rental');
  const m = first === undefined ? null : /^使用([^，；]+)/.exec(first.detail);
  return m?.[1] ?? null;
}

function firstClause(explanation: string): string {
  const head = explanation.split(/[，；（]/)[0] ?? '';
  return head === '' ? '详见设备说明' : clip(head, D);
}

/** `电费0.35–0.95元/度，服务费0.40–0.60元/度` (ranges over the bands), within 30 characters. */
function energyRule(plan: CompiledPlan | null, explanation: string): string {
  if (charLength(explanation) <= D) return explanation;
  const bands = plan?.energy?.bands;
  if (bands === undefined || bands.length === 0) return firstClause(explanation);
  const range = (xs: number[]): string => {
    const lo = Math.min(...xs);
    const hi = Math.max(...xs);
    return lo === hi ? yuan(lo) : `${yuan(lo)}–${yuan(hi)}`;
  };
  const text = `电费${range(bands.map((b) => b.energyFenPerKwh))}元/度，服务费${range(bands.map((b) => b.serviceFenPerKwh))}元/度`;
  const timed = `${text}（分时）`;
  return clip(bands.length > 1 && charLength(timed) <= D ? timed : text, D);
}

const KIND_NAMES: Record<Exclude<QuoteLine['kind'], 'item' | 'cap'>, string> = {
  rental: '使用费',
  energy: '电费',
  service: '服务费',
  volume: '水费',
  minimum: '最低消费补足',
};

function sumOf(lines: readonly QuoteLine[], kind: QuoteLine['kind']): number {
  let s = 0;
  for (const l of lines) if (l.kind === kind) s += l.amountFen;
  return s;
}

/**
 * The `post_payments` / `post_discounts` / `total_amount` for completing (or modifying) a Pay Score order, following
 * the industry templates of payscore-protocol.md §9.6:
 * - VENDING: one `商品信息` item per product `{amount, description: product name, count}`.
 * - POWERBANK_RENTAL: `收费标准` (the rate) + `使用时长` (e.g. `1小时38分20秒`).
 * - EV_CHARGING: `计费规则` + `费用明细` (`电费12.34元,服务费5.67元`).
 * - WATER (no published template): one item per charge kind (`水费`, …).
 * A total-cap cut becomes a `post_discounts` item `封顶优惠`. Always `total_amount = Σpayments − Σdiscounts` and
 * `total_amount = quote.totalFen`: the power-bank and car-charger templates show no amounts, but Pay Score checks that
 * sum, so the amount sits on the `使用时长` / `费用明细` item (the `收费标准` / `计费规则` item carries none).
 * Names ≤ 20, descriptions ≤ 30 characters, count ≤ 100, ≤ 100 payments, ≤ 30 discounts.
 * `plan` (optional) lets EV_CHARGING summarise many bands in `计费规则` instead of cutting the sentence.
 */
export function payscoreLines(quote: Quote, scenario: PayscoreScenario, plan?: PricingPlan | CompiledPlan): PayscoreLines {
  const compiled = plan === undefined ? null : compilePlan(plan);
  const charges = quote.lines.filter((l) => l.kind !== 'cap');
  const discounts: PostDiscount[] = quote.lines
    .filter((l) => l.kind === 'cap' && l.amountFen < 0)
    .slice(0, 1)
    .map((l) => ({ name: '封顶优惠', description: clip(l.detail, D), amount: -l.amountFen }));
  const discounted = discounts.reduce((s, x) => s + x.amount, 0);
  const charged = quote.totalFen + discounted;
  let payments: PostPayment[];
  switch (scenario) {
    case 'VENDING':
      payments = goodsPayments(charges);
      if (payments.length === 0) payments = [{ name: GOODS, amount: 0, description: '本次未购买商品', count: 1 }];
      break;
    case 'POWERBANK_RENTAL':
      payments = [
        { name: '收费标准', description: firstClause(quote.explanation) },
        { name: '使用时长', description: usedDuration(quote) ?? '未计时', amount: charged },
      ];
      break;
    case 'EV_CHARGING': {
      const parts = [`电费${yuan(sumOf(charges, 'energy'))}元`, `服务费${yuan(sumOf(charges, 'service'))}元`];
      const other: [QuoteLine['kind'], string][] = [
        ['rental', '占用费'],
        ['volume', '水费'],
        ['item', '商品'],
        ['minimum', '最低消费补足'],
      ];
      for (const [kind, word] of other) {
        const s = sumOf(charges, kind);
        if (s > 0) parts.push(`${word}${yuan(s)}元`);
      }
      payments = [
        { name: '计费规则', description: energyRule(compiled, quote.explanation.replace(/（本次.*$/, '')) },
        { name: '费用明细', description: clip(parts.join(','), D), amount: charged },
      ];
      break;
    }
    case 'WATER': {
      payments = [];
      for (const kind of ['volume', 'rental', 'energy', 'service', 'minimum'] as const) {
        const ls = charges.filter((l) => l.kind === kind);
        if (ls.length === 0) continue;
        const only = ls.length === 1 ? ls[0] : undefined;
        const description = only !== undefined ? clip(only.detail, D) : `共${ls.length}项`;
        payments.push({ name: KIND_NAMES[kind], amount: sumOf(ls, kind), description });
      }
      payments.push(...goodsPayments(charges.filter((l) => l.kind === 'item')));
      if (payments.length > PAYSCORE_LIMITS.payments) {
        const tail = payments.splice(PAYSCORE_LIMITS.payments - 1);
        payments.push({ name: GOODS, amount: tail.reduce((s, x) => s + (x.amount ?? 0), 0), description: '其他商品', count: 1 });
      }
      if (payments.length === 0) payments = [{ name: '水费', amount: 0, description: '本次未用水' }];
      break;
    }
    default: {
      const never: never = scenario;
      throw new PricingError('PRICING_INVALID_USAGE', `scenario: unknown Pay Score scenario ${JSON.stringify(never)}`);
    }
  }
  return { post_payments: payments, post_discounts: discounts, total_amount: quote.totalFen };
}

export interface RiskFund {
  /** The most one session can cost under this plan: its total cap. */
  readonly amountFen: Fen;
  /** For `risk_fund.description` (≤ 30 characters). */
  readonly description: string;
}

const SCENARIO_WORDS: Record<PayscoreScenario, string> = {
  VENDING: 'vending',
  POWERBANK_RENTAL: 'power-bank rental',
  EV_CHARGING: 'EV charging',
  WATER: 'water',
};

/**
 * The amount to ask for as the Pay Score risk fund: the most a session can cost, which is the plan's
 * `totalCapFen`. Every Pay Score order needs a positive risk fund and no plan without a total cap is bounded (time,
 * energy, water and item counts are open-ended), so a plan without one is an error (`PRICING_NO_TOTAL_CAP`)
 * whatever the scenario; the scenario only words the message. An invalid plan gives `PRICING_INVALID_PLAN`.
 */
export function riskFundFor(plan: PricingPlan | CompiledPlan, scenario?: PayscoreScenario): Result<RiskFund, PricingError> {
  let p: CompiledPlan;
  try {
    p = compilePlan(plan);
  } catch (e) {
    if (e instanceof PricingError) return err(e);
    throw e;
  }
  if (p.totalCapFen === null) {
    const what = scenario === undefined ? 'a session' : `one ${SCENARIO_WORDS[scenario]} session`;
    return err(
      new PricingError(
        'PRICING_NO_TOTAL_CAP',
        `totalCapFen: the plan has no total cap, so ${what} has no upper bound and no Pay Score risk fund can be derived; set totalCapFen`,
        [{ code: 'PRICING_NO_TOTAL_CAP', path: 'totalCapFen', message: 'is required to derive the Pay Score risk fund' }],
      ),
    );
  }
  return ok({ amountFen: fen(p.totalCapFen), description: `最高收费${yuan(p.totalCapFen)}元` });
}
