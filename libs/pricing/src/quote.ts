import { err, fen, ok, type Result } from '@zizhu/kernel';
import { PricingError } from './errors.js';
import { checkUsage, compilePlan, type CompiledPlan, type ParsedUsage } from './plan.js';
import { ceilDiv, RationalSum, roundHalfUpBig, yuan } from './money.js';
import { civilFromDays, DAY_MS, formatDurationZh, parseInstant } from './time.js';
import type { CapKind, PricingPlan, Quote, QuoteLine, Usage } from './types.js';
import { rentalRateZh } from './describe.js';

function line(kind: QuoteLine['kind'], label: string, amountFen: number, detail: string): QuoteLine {
  return { kind, label, amountFen: amountFen as QuoteLine['amountFen'], detail };
}

function safe(n: number, what: string): number {
  if (!Number.isSafeInteger(n)) throw new PricingError('PRICING_AMOUNT_TOO_LARGE', `${what}: the amount is too large to charge`);
  return n;
}

const rollingLabels: string[] = [];
function rollingLabel(index: number): string {
  let s = rollingLabels[index];
  if (s === undefined) {
    s = `第${index + 1}天`;
    if (index < 4000) rollingLabels[index] = s;
  }
  return s;
}

const calendarLabels = new Map<number, string>();
function calendarLabel(day: number): string {
  let s = calendarLabels.get(day);
  if (s === undefined) {
    const { month, day: d } = civilFromDays(day);
    s = `${month}月${d}日`;
    if (calendarLabels.size > 20_000) calendarLabels.clear();
    calendarLabels.set(day, s);
  }
  return s;
}

/** Appends the rental lines; returns the rental amount and whether a daily cap cut any day. */
function priceRental(p: CompiledPlan, start: number, end: number, lines: QuoteLine[]): { sum: number; daily: boolean } {
  const r = p.rental;
  if (r === null) return { sum: 0, daily: false };
  const used = end - start;
  const usedText = `使用${formatDurationZh(used)}`;
  if (used <= r.freeMs) {
    const why = r.freeMs > 0 ? `${r.freeMinutes}分钟内免费` : '不计费';
    lines.push(line('rental', '使用费', 0, `${usedText}，${why}`));
    return { sum: 0, daily: false };
  }
  const chargeFrom = r.deduct ? start + r.freeMs : start;
  let prefix = usedText;
  if (r.freeMs > 0) prefix += r.deduct ? `，扣除免费${r.freeMinutes}分钟` : `，超过免费${r.freeMinutes}分钟，从开始计费`;
  const rate = rentalRateZh(r);
  const cap = r.dailyCapFen;
  const unitMs = r.unitMs;
  const unitFen = r.unitFen;
  const zone = p.zone;

  let units = 0;
  let sum = 0;
  let daily = false;
  let lastMs = -1;
  let lastDetail = '';
  let cur = chargeFrom;
  // rolling windows are counted from the session start; calendar days are read in the plan's timezone
  let index = r.calendar ? 0 : Math.floor((chargeFrom - start) / DAY_MS);
  let day = r.calendar ? zone.localDay(chargeFrom) : 0;
  while (cur < end) {
    let next: number;
    if (r.calendar) {
      next = zone.instantOf((day + 1) * DAY_MS);
      while (next <= cur) {
        day += 1;
        next = zone.instantOf((day + 1) * DAY_MS);
      }
    } else {
      next = start + (index + 1) * DAY_MS;
    }
    const segEnd = next < end ? next : end;
    const ms = segEnd - cur;
    const dayUnits = ceilDiv(ms, unitMs);
    if (cap === null) {
      units += dayUnits;
    } else {
      const raw = dayUnits * unitFen; // ≤ 1440 units × MAX_FEN: always a safe integer
      const amount = raw > cap ? cap : raw;
      if (raw > cap) daily = true;
      let detail: string;
      if (ms === lastMs) detail = lastDetail;
      else {
        detail = `计费${formatDurationZh(ms)}，${dayUnits}个单位 × ${rate}${raw > cap ? `，封顶${yuan(cap)}元` : ''}`;
        lastMs = ms;
        lastDetail = detail;
      }
      if (cur === chargeFrom) detail = `${prefix}；${detail}`;
      lines.push(line('rental', r.calendar ? calendarLabel(day) : rollingLabel(index), amount, detail));
      sum += amount;
    }
    cur = segEnd;
    index += 1;
    day += 1;
  }
  if (cap === null) {
    sum = safe(units * unitFen, 'rental');
    lines.push(line('rental', '使用费', sum, `${prefix}，计${units}个单位 × ${rate}`));
  }
  return { sum: safe(sum, 'rental'), daily };
}

function formatKwh(wh: number): string {
  const k = Math.floor(wh / 1000);
  const rest = wh - k * 1000;
  return `${k}.${rest < 10 ? '00' : rest < 100 ? '0' : ''}${rest}`;
}

function priceEnergy(p: CompiledPlan, u: ParsedUsage, lines: QuoteLine[]): number {
  const e = p.energy;
  if (e === null || u.energy.length === 0) return 0;
  const zone = p.zone;
  const segs = e.segments;
  const nb = e.bands.length;
  const wh: RationalSum[] = [];
  for (let b = 0; b < nb; b += 1) wh.push(new RationalSum());
  const times: number[] = new Array<number>(nb).fill(0);
  // boundary instants of each local day: segment starts, then the next day's start
  const days = new Map<number, number[]>();
  const bounds = (d: number): number[] => {
    let list = days.get(d);
    if (list === undefined) {
      list = [];
      const base = d * DAY_MS;
      for (const s of segs) list.push(zone.instantOf(base + s.from * 60_000));
      list.push(zone.instantOf(base + DAY_MS));
      days.set(d, list);
    }
    return list;
  };
  for (const iv of u.energy) {
    const { from, to } = iv;
    times.fill(0);
    for (let d = zone.localDay(from) - 1; ; d += 1) {
      const bs = bounds(d);
      if ((bs[0] as number) >= to) break;
      if ((bs[segs.length] as number) <= from) continue;
      for (let k = 0; k < segs.length; k += 1) {
        const s = bs[k] as number;
        const f = bs[k + 1] as number;
        const lo = s > from ? s : from;
        const hi = f < to ? f : to;
        if (hi > lo) {
          const band = (segs[k] as { band: number }).band;
          times[band] = (times[band] as number) + (hi - lo);
        }
      }
    }
    const length = to - from;
    for (let b = 0; b < nb; b += 1) {
      const t = times[b] as number;
      if (t > 0) (wh[b] as RationalSum).addProduct(iv.wattHours, t, length);
    }
  }
  let sum = 0;
  const whole = segs.length === 1;
  for (let b = 0; b < nb; b += 1) {
    const acc = wh[b] as RationalSum;
    if (acc.isZero()) continue;
    const band = e.bands[b];
    if (band === undefined) continue;
    const kwh = formatKwh(acc.roundHalfUpTimes(1, 1));
    const when = whole ? '' : `（${e.bandLabels[b] ?? ''}）`;
    const energyFen = acc.roundHalfUpTimes(band.energyFenPerKwh, 1000);
    const serviceFen = acc.roundHalfUpTimes(band.serviceFenPerKwh, 1000);
    lines.push(line('energy', `电费${when}`, energyFen, `${kwh}度 × ${yuan(band.energyFenPerKwh)}元/度`));
    lines.push(line('service', `服务费${when}`, serviceFen, `${kwh}度 × ${yuan(band.serviceFenPerKwh)}元/度`));
    sum += energyFen + serviceFen;
  }
  return safe(sum, 'energy');
}

function litres(ml: number): string {
  const whole = Math.floor(ml / 1000);
  const rest = ml - whole * 1000;
  if (rest === 0) return String(whole);
  return `${whole}.${String(rest).padStart(3, '0').replace(/0+$/, '')}`;
}

function priceVolume(p: CompiledPlan, u: ParsedUsage, lines: QuoteLine[]): number {
  const v = p.volume;
  if (v === null || u.volumeMillilitres === null) return 0;
  const ml = u.volumeMillilitres;
  const charged = ceilDiv(ml, v.stepMillilitres) * v.stepMillilitres;
  const amount = Number(roundHalfUpBig(BigInt(charged) * BigInt(v.fenPerLitre), 1000n));
  lines.push(
    line('volume', '水费', amount, `用水${litres(ml)}升，按${litres(charged)}升计 × ${yuan(v.fenPerLitre)}元/升`),
  );
  return safe(amount, 'volume');
}

function priceItems(u: ParsedUsage, lines: QuoteLine[]): number {
  let sum = 0;
  for (const { item, count } of u.items) {
    const amount = safe(item.priceFen * count, `items ${item.sku}`);
    lines.push(line('item', item.name, amount, `${yuan(item.priceFen)}元 × ${count}件`));
    sum += amount;
  }
  return safe(sum, 'items');
}

function price(p: CompiledPlan, u: ParsedUsage): Quote {
  const lines: QuoteLine[] = [];
  let sum = 0;
  let daily = false;
  if (p.rental !== null && u.startedAt !== null && u.endedAt !== null) {
    const r = priceRental(p, u.startedAt, u.endedAt, lines);
    sum += r.sum;
    daily = r.daily;
  }
  sum += priceEnergy(p, u, lines);
  sum += priceVolume(p, u, lines);
  sum += priceItems(u, lines);
  safe(sum, 'total');
  let note = '';
  if (sum > 0 && sum < p.minimumFen) {
    lines.push(line('minimum', '最低消费', p.minimumFen - sum, `不足最低消费${yuan(p.minimumFen)}元，补足${yuan(p.minimumFen - sum)}元`));
    sum = p.minimumFen;
    note = `（本次按最低消费${yuan(p.minimumFen)}元计费）`;
  }
  let capped: CapKind | null = daily ? 'daily' : null;
  if (p.totalCapFen !== null && sum > p.totalCapFen) {
    lines.push(line('cap', '总封顶', p.totalCapFen - sum, `总封顶${yuan(p.totalCapFen)}元，减免${yuan(sum - p.totalCapFen)}元`));
    sum = p.totalCapFen;
    capped = 'total';
    note = `（本次已达总封顶${yuan(p.totalCapFen)}元）`;
  } else if (daily) {
    note = '（本次按每日封顶计费）';
  }
  return { totalFen: fen(sum), lines, capped, explanation: note === '' ? p.explanation : p.explanation + note };
}

/** Compiles the plan; when it is invalid, the error also lists the usage's own problems. */
function compileOrExplain(plan: PricingPlan | CompiledPlan, usage: unknown): CompiledPlan {
  try {
    return compilePlan(plan);
  } catch (e) {
    if (!(e instanceof PricingError)) throw e;
    const usageProblems = checkUsage(usage, null).problems;
    if (usageProblems.length === 0) throw e;
    const plan = PricingError.fromProblems(e.problems, 'plan');
    const use = PricingError.fromProblems(usageProblems, 'usage');
    throw new PricingError(plan.code, `${plan.message}; ${use.message}`, [...e.problems, ...usageProblems]);
  }
}

/**
 * Prices a finished session by the rules of contracts.md §3. Throws `PricingError` (code
 * `PRICING_INVALID_PLAN`, `PRICING_INVALID_USAGE`, `PRICING_UNKNOWN_SKU` or `PRICING_AMOUNT_TOO_LARGE`; the
 * message names every field at fault) for invalid input; use `tryQuote` for a `Result` instead.
 * Pass a `compilePlan(plan)` result to quote many usages against one plan without re-validating it.
 */
export function quote(plan: PricingPlan | CompiledPlan, usage: Usage): Quote {
  const p = compileOrExplain(plan, usage);
  const { problems, usage: u } = checkUsage(usage, p);
  if (u === null) throw PricingError.fromProblems(problems, 'usage');
  return price(p, u);
}

/** `quote` that returns its error instead of throwing. */
export function tryQuote(plan: PricingPlan | CompiledPlan, usage: Usage): Result<Quote, PricingError> {
  try {
    return ok(quote(plan, usage));
  } catch (e) {
    if (e instanceof PricingError) return err(e);
    throw e;
  }
}

/**
 * The running charge of a session still in progress, as of `at` (ISO-8601 with offset, or epoch ms — the caller's
 * clock). It is the quote the session would get if it ended at `at`; a usage that already has `endedAt` is quoted
 * as is. `estimate(plan, {...usage, endedAt: undefined}, usage.endedAt)` equals `quote(plan, usage)`.
 */
export function estimate(plan: PricingPlan | CompiledPlan, usageSoFar: Usage, at: string | number): Quote {
  const p = compilePlan(plan);
  const when =
    typeof at === 'number' ? (Number.isFinite(at) ? Math.floor(at) : null) : typeof at === 'string' ? parseInstant(at) : null;
  if (when === null) {
    throw new PricingError('PRICING_INVALID_USAGE', `at: must be an ISO-8601 time with an offset or epoch milliseconds, got ${JSON.stringify(at)}`, [
      { code: 'PRICING_INVALID_USAGE', path: 'at', message: 'must be an ISO-8601 time with an offset or epoch milliseconds' },
    ]);
  }
  const ended = typeof usageSoFar === 'object' && usageSoFar !== null && usageSoFar.endedAt !== undefined;
  const override = ended ? undefined : when;
  const { problems, usage: u } = checkUsage(usageSoFar, p, override);
  if (u === null) throw PricingError.fromProblems(problems, 'usage');
  return price(p, u);
}
