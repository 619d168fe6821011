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

/** The water used, from the volume line (`用水1.234升，按1.3升计 × …` → `1.234升`). */
function usedVolume(quote: Quote): string | null {
  const line = quote.lines.find((l) => l.kind === 'volume');
  const m = line === undefined ? null : /^用水([^，；]+)/.exec(line.detail);
  return m?.[1] ?? null;
}

/** The plan's sentence (describePlan), or the quote's explanation without its own note (`（本次…）`). */
function planSentence(plan: CompiledPlan | null, quote: Quote | null): string {
  if (plan !== null) return plan.explanation;
  return (quote?.explanation ?? '').replace(/（本次.*$/, '');
}

/**
 * The rate shown as `收费标准` (≤ 30 characters): the plan's sentence, whole when it fits, else as many of its leading
 * clauses as fit (`3元/小时，前5分钟免费，每日封顶30元，总封顶99元` fits whole).
 */
function rateText(sentence: string): string {
  if (sentence === '') return '详见设备说明';
  if (charLength(sentence) <= D) return sentence;
  let out = '';
  for (const clause of sentence.split('，')) {
    const next = out === '' ? clause : `${out}，${clause}`;
    if (charLength(next) > D) break;
    out = next;
  }
  return out === '' ? clip(sentence, D) : out;
}

/** `电费0.35–0.95元/度，服务费0.40–0.60元/度` (ranges over the bands), within 30 characters. */
function energyRule(plan: CompiledPlan | null, explanation: string): string {
  if (charLength(explanation) <= D) return explanation;
  const bands = plan?.energy?.bands;
  if (bands === undefined || bands.length === 0) return rateText(explanation);
  const range = (xs: number[]): string => {
    const lo = Math.min(...xs);
    const hi = Math.max(...xs);
    return lo === hi ? yuan(lo) : `${yuan(lo)}–${yuan(hi)}`;
  };
  const text = `电费${range(bands.map((b) => b.energyFenPerKwh))}元/度，服务费${range(bands.map((b) => b.serviceFenPerKwh))}元/度`;
  const timed = `${text}（分时）`;
  return clip(bands.length > 1 && charLength(timed) <= D ? timed : text, D);
}

function sumOf(lines: readonly QuoteLine[], kind: QuoteLine['kind']): number {
  let s = 0;
  for (const l of lines) if (l.kind === kind) s += l.amountFen;
  return s;
}

/** The item stating the rate, per template: what the user's confirmation page shows before any use. */
function rateItem(scenario: Exclude<PayscoreScenario, 'VENDING'>, plan: CompiledPlan | null, quote: Quote | null): PostPayment {
  const sentence = planSentence(plan, quote);
  return scenario === 'EV_CHARGING' ? { name: '计费规则', description: energyRule(plan, sentence) } : { name: '收费标准', description: rateText(sentence) };
}

export interface PayscoreLineOptions {
  /**
   * A modify: the new, lower total in fen (0 ≤ totalFen ≤ quote.totalFen). WeChat replaces the whole item set on each
   * modify, so the set is recomputed from the quote every time: VENDING gets one `商户减免` discount of
   * `quote.totalFen − totalFen` (never a second one: discount names are unique per order), the templates without
   * amounts just carry the new `total_amount`.
   */
  readonly totalFen?: number;
  /** The `商户减免` description (≤ 30 characters; default `商户调整`). */
  readonly reason?: string;
}

/**
 * The `post_payments` / `post_discounts` / `total_amount` for completing or modifying a Pay Score order, following the
 * industry templates of payscore-protocol.md §9.6:
 * - VENDING (智慧零售): one `商品信息` item per product `{amount, description: product name, count}`; a total-cap cut is
 *   a `封顶优惠` discount, a merchant's reduction (modify) one `商户减免` discount; `total = Σpayments − Σdiscounts`.
 * - POWERBANK_RENTAL (充电宝): exactly `收费标准` (the plan's rate) + `使用时长` (`1小时38分20秒`), **no amount, no
 *   count, no discount**: the amount is `total_amount` alone (the sum rule applies only when an item carries an amount, §9.1).
 * - EV_CHARGING (汽车充电桩): exactly `计费规则` + `费用明细` (`电费12.34元,服务费5.67元`), no amount, no count, no
 *   discount. E-bike chargers run under this scenario too; their own template (doc 4012587259) was never retrieved.
 * - WATER: WeChat publishes no template. **Our reading**: the power-bank shape, `收费标准` + `使用量` (`1.234升`, or the
 *   duration for a plan without volume), no amounts.
 * Names ≤ 20, descriptions ≤ 30 characters, count ≤ 100, ≤ 100 payments, ≤ 30 discounts.
 * `plan` (the session's plan) words the rate item (describePlan); without it the quote's explanation is used.
 */
export function payscoreLines(quote: Quote, scenario: PayscoreScenario, plan?: PricingPlan | CompiledPlan, options: PayscoreLineOptions = {}): PayscoreLines {
  const compiled = plan === undefined ? null : compilePlan(plan);
  const total = options.totalFen ?? quote.totalFen;
  if (!Number.isSafeInteger(total) || total < 0 || total > quote.totalFen) {
    throw new PricingError('PRICING_INVALID_USAGE', `totalFen: a modify only lowers the amount, so it must be an integer in 0..${quote.totalFen}, got ${total}`);
  }
  const charges = quote.lines.filter((l) => l.kind !== 'cap');
  const capCut = quote.lines.filter((l) => l.kind === 'cap' && l.amountFen < 0).slice(0, 1);
  let payments: PostPayment[];
  const discounts: PostDiscount[] = [];
  switch (scenario) {
    case 'VENDING':
      payments = goodsPayments(charges);
      if (payments.length === 0) payments = [{ name: GOODS, amount: 0, description: '本次未购买商品', count: 1 }];
      for (const l of capCut) discounts.push({ name: '封顶优惠', description: clip(l.detail, D), amount: -l.amountFen });
      if (total < quote.totalFen) {
        discounts.push({ name: '商户减免', description: clip(options.reason?.trim() || '商户调整', D), amount: quote.totalFen - total });
      }
      break;
    case 'POWERBANK_RENTAL':
      payments = [rateItem(scenario, compiled, quote), { name: '使用时长', description: usedDuration(quote) ?? '未计时' }];
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
      const cut = -capCut.reduce((s, l) => s + l.amountFen, 0);
      if (cut > 0) parts.push(`封顶减${yuan(cut)}元`);
      if (total < quote.totalFen) parts.push(`减免${yuan(quote.totalFen - total)}元`);
      payments = [rateItem(scenario, compiled, quote), { name: '费用明细', description: clip(parts.join(','), D) }];
      break;
    }
    case 'WATER':
      payments = [rateItem(scenario, compiled, quote), { name: '使用量', description: usedVolume(quote) ?? usedDuration(quote) ?? '本次未用水' }];
      break;
    default: {
      const never: never = scenario;
      throw new PricingError('PRICING_INVALID_USAGE', `scenario: unknown Pay Score scenario ${JSON.stringify(never)}`);
    }
  }
  return { post_payments: payments, post_discounts: discounts, total_amount: total };
}

/**
 * The `post_payments` of the create call (§9.6), so the user's confirmation page shows the rate before any use:
 * VENDING sends none; POWERBANK_RENTAL and WATER (our reading) `[{收费标准}]`, EV_CHARGING `[{计费规则}]`, each without
 * amount or count — the same rate item that opens the completion's lines.
 */
export function payscoreCreateLines(plan: PricingPlan | CompiledPlan, scenario: PayscoreScenario): PostPayment[] {
  if (scenario === 'VENDING') return [];
  return [rateItem(scenario, compilePlan(plan), null)];
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
