import { err, ok, type Result } from '@zizhu/kernel';
import { PricingError, type PricingErrorCode, type Problem } from './errors.js';
import { formatClock, MINUTE_MS, parseClock, parseInstant, zoneFor, type Zone } from './time.js';
import type { CatalogItem, EnergyBand, PricingPlan, Usage } from './types.js';

export const DEFAULT_TIMEZONE = 'Asia/Shanghai';
/** Largest amount accepted in any `…Fen` field (¥10,000,000): keeps every sum a safe integer. */
export const MAX_FEN = 1_000_000_000;

type Obj = Record<string, unknown>;

function isObj(v: unknown): v is Obj {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function join(path: string, key: string | number): string {
  if (typeof key === 'number') return `${path}[${key}]`;
  return path === '' ? key : `${path}.${key}`;
}

class Collector {
  readonly problems: Problem[] = [];
  constructor(private readonly code: PricingErrorCode) {}
  add(path: string, message: string, code: PricingErrorCode = this.code): void {
    this.problems.push({ code, path, message });
  }
  keys(o: Obj, allowed: readonly string[], path: string): void {
    for (const k in o) {
      if (!allowed.includes(k)) this.add(join(path, k), `unknown field "${k}" (allowed: ${allowed.join(', ')})`);
    }
  }
  /** An integer field; `unit` words the message (`fen`, `minutes`…). Returns the value or undefined. */
  int(o: Obj, key: string, path: string, unit: string, min: number, max: number, required: boolean): number | undefined {
    const v = o[key];
    if (typeof v === 'number' && Number.isInteger(v) && v >= min && v <= max) return v;
    const p = join(path, key);
    if (v === undefined) {
      if (required) this.add(p, `is required (a whole number of ${unit})`);
      return undefined;
    }
    if (typeof v !== 'number' || !Number.isInteger(v)) {
      this.add(p, `must be a whole number of ${unit}, got ${JSON.stringify(v)}`);
      return undefined;
    }
    if (v < min) {
      this.add(p, min === 0 ? `must not be negative, got ${v}` : `must be at least ${min} ${min === 1 ? unit.replace(/s$/, '') : unit}, got ${v}`);
      return undefined;
    }
    this.add(p, `must be at most ${max} ${unit}, got ${v}`);
    return undefined;
  }
  str(o: Obj, key: string, path: string, required: boolean): string | undefined {
    const v = o[key];
    if (v === undefined) {
      if (required) this.add(join(path, key), 'is required');
      return undefined;
    }
    if (typeof v !== 'string' || v.trim() === '') {
      this.add(join(path, key), `must be a non-empty string, got ${JSON.stringify(v)}`);
      return undefined;
    }
    return v;
  }
  oneOf<T extends string>(o: Obj, key: string, path: string, values: readonly T[]): T | undefined {
    const v = o[key];
    if (v === undefined) return undefined;
    if (typeof v !== 'string' || !(values as readonly string[]).includes(v)) {
      this.add(join(path, key), `must be one of ${values.map((x) => `"${x}"`).join(', ')}, got ${JSON.stringify(v)}`);
      return undefined;
    }
    return v as T;
  }
}

/** One contiguous piece of a band, in minutes of the day. A band that wraps midnight has two. */
export interface BandSegment {
  readonly from: number;
  readonly to: number;
  readonly band: number;
}

export interface CompiledRental {
  readonly unitFen: number;
  readonly unitMinutes: number;
  readonly unitMs: number;
  readonly freeMinutes: number;
  readonly freeMs: number;
  readonly deduct: boolean;
  readonly dailyCapFen: number | null;
  readonly calendar: boolean;
}

export interface CompiledEnergy {
  readonly bands: readonly EnergyBand[];
  /** Sorted by `from`, covering 0–1440 exactly. */
  readonly segments: readonly BandSegment[];
  readonly bandLabels: readonly string[];
}

/** A validated plan, ready to quote many usages quickly. Build it with `compilePlan`. */
export class CompiledPlan {
  private cachedExplanation: string | undefined;
  constructor(
    readonly plan: PricingPlan,
    readonly zone: Zone,
    readonly rental: CompiledRental | null,
    readonly energy: CompiledEnergy | null,
    readonly volume: { readonly fenPerLitre: number; readonly stepMillilitres: number } | null,
    readonly catalog: ReadonlyMap<string, CatalogItem> | null,
    readonly minimumFen: number,
    readonly totalCapFen: number | null,
  ) {}
  /** The plan's sentence in Chinese (`describePlan(plan, 'zh-CN')`), computed once. */
  get explanation(): string {
    this.cachedExplanation ??= describer(this);
    return this.cachedExplanation;
  }
}

const PLAN_KEYS = ['timezone', 'rental', 'energy', 'volume', 'items', 'minimumFen', 'totalCapFen'] as const;
const RENTAL_KEYS = ['unitFen', 'unitMinutes', 'freeMinutes', 'freeMode', 'dailyCapFen', 'dayBoundary'] as const;
const BAND_KEYS = ['from', 'to', 'energyFenPerKwh', 'serviceFenPerKwh'] as const;
const MAX_MINUTES = 366 * 1440;

let describer: (plan: CompiledPlan) => string = () => '';
/** Set once by describe.ts (avoids an import cycle). */
export function setDescriber(fn: (plan: CompiledPlan) => string): void {
  describer = fn;
}

function check(input: unknown): { problems: Problem[]; compiled: CompiledPlan | null } {
  const c = new Collector('PRICING_INVALID_PLAN');
  if (!isObj(input)) {
    c.add('', 'a plan must be a JSON object');
    return { problems: c.problems, compiled: null };
  }
  c.keys(input, PLAN_KEYS, '');

  let zone: Zone | null = null;
  const tz = input['timezone'];
  if (tz === undefined) zone = zoneFor(DEFAULT_TIMEZONE);
  else if (typeof tz !== 'string' || (zone = zoneFor(tz)) === null) {
    c.add('timezone', `must be an IANA timezone name such as "Asia/Shanghai", got ${JSON.stringify(tz)}`);
  }

  let rental: CompiledRental | null = null;
  const r = input['rental'];
  if (r !== undefined) {
    if (!isObj(r)) c.add('rental', 'must be an object');
    else {
      c.keys(r, RENTAL_KEYS, 'rental');
      const unitFen = c.int(r, 'unitFen', 'rental', 'fen', 0, MAX_FEN, true);
      const unitMinutes = c.int(r, 'unitMinutes', 'rental', 'minutes', 1, MAX_MINUTES, true);
      const freeMinutes = c.int(r, 'freeMinutes', 'rental', 'minutes', 0, MAX_MINUTES, false) ?? 0;
      const freeMode = c.oneOf(r, 'freeMode', 'rental', ['grace', 'deduct'] as const);
      const dailyCapFen = c.int(r, 'dailyCapFen', 'rental', 'fen', 1, MAX_FEN, false);
      const dayBoundary = c.oneOf(r, 'dayBoundary', 'rental', ['rolling-24h', 'calendar'] as const);
      if (unitFen !== undefined && unitMinutes !== undefined) {
        rental = {
          unitFen,
          unitMinutes,
          unitMs: unitMinutes * MINUTE_MS,
          freeMinutes,
          freeMs: freeMinutes * MINUTE_MS,
          deduct: freeMode === 'deduct',
          dailyCapFen: dailyCapFen ?? null,
          calendar: dayBoundary === 'calendar',
        };
      }
    }
  }

  let energy: CompiledEnergy | null = null;
  const e = input['energy'];
  if (e !== undefined) {
    if (!isObj(e)) c.add('energy', 'must be an object');
    else {
      c.keys(e, ['bands'], 'energy');
      energy = checkBands(e['bands'], c);
    }
  }

  let volume: CompiledPlan['volume'] = null;
  const v = input['volume'];
  if (v !== undefined) {
    if (!isObj(v)) c.add('volume', 'must be an object');
    else {
      c.keys(v, ['fenPerLitre', 'stepMillilitres'], 'volume');
      const fenPerLitre = c.int(v, 'fenPerLitre', 'volume', 'fen', 0, MAX_FEN, true);
      const stepMillilitres = c.int(v, 'stepMillilitres', 'volume', 'millilitres', 1, 1_000_000, true);
      if (fenPerLitre !== undefined && stepMillilitres !== undefined) volume = { fenPerLitre, stepMillilitres };
    }
  }

  let catalog: Map<string, CatalogItem> | null = null;
  const it = input['items'];
  if (it !== undefined) {
    if (!isObj(it)) c.add('items', 'must be an object');
    else {
      c.keys(it, ['catalog'], 'items');
      const list = it['catalog'];
      if (!Array.isArray(list) || list.length === 0) c.add('items.catalog', 'must be a non-empty list of {sku, name, priceFen}');
      else {
        catalog = new Map();
        list.forEach((entry: unknown, i) => {
          const p = `items.catalog[${i}]`;
          if (!isObj(entry)) return c.add(p, 'must be an object {sku, name, priceFen}');
          c.keys(entry, ['sku', 'name', 'priceFen'], p);
          const sku = c.str(entry, 'sku', p, true);
          const name = c.str(entry, 'name', p, true);
          const priceFen = c.int(entry, 'priceFen', p, 'fen', 0, MAX_FEN, true);
          if (sku !== undefined && catalog?.has(sku)) c.add(`${p}.sku`, `SKU "${sku}" is listed twice`);
          else if (sku !== undefined && name !== undefined && priceFen !== undefined) catalog?.set(sku, { sku, name, priceFen });
        });
      }
    }
  }

  const minimumFen = c.int(input, 'minimumFen', '', 'fen', 0, MAX_FEN, false) ?? 0;
  const totalCapFen = c.int(input, 'totalCapFen', '', 'fen', 1, MAX_FEN, false) ?? null;

  if (r === undefined && e === undefined && v === undefined && it === undefined) {
    c.add('', 'a plan needs at least one charge part: rental, energy, volume or items');
  }
  if (totalCapFen !== null && minimumFen > totalCapFen) {
    c.add('minimumFen', `the minimum charge (${minimumFen} fen) is above the total cap (${totalCapFen} fen)`);
  }
  if (rental?.dailyCapFen != null && minimumFen > rental.dailyCapFen) {
    c.add('minimumFen', `the minimum charge (${minimumFen} fen) is above the daily cap (${rental.dailyCapFen} fen)`);
  }

  if (c.problems.length > 0 || zone === null) return { problems: c.problems, compiled: null };
  const compiled = new CompiledPlan(
    input as PricingPlan,
    zone,
    rental,
    energy,
    volume,
    catalog,
    minimumFen,
    totalCapFen,
  );
  return { problems: [], compiled };
}

function checkBands(bands: unknown, c: Collector): CompiledEnergy | null {
  if (!Array.isArray(bands) || bands.length === 0) {
    c.add('energy.bands', 'must be a non-empty list of {from, to, energyFenPerKwh, serviceFenPerKwh}');
    return null;
  }
  const before = c.problems.length;
  const segments: BandSegment[] = [];
  const parsed: EnergyBand[] = [];
  bands.forEach((b: unknown, i) => {
    const p = `energy.bands[${i}]`;
    if (!isObj(b)) return c.add(p, 'must be an object {from, to, energyFenPerKwh, serviceFenPerKwh}');
    c.keys(b, BAND_KEYS, p);
    const fromS = b['from'];
    const toS = b['to'];
    const from = typeof fromS === 'string' ? parseClock(fromS) : null;
    const to = typeof toS === 'string' ? parseClock(toS) : null;
    if (from === null || from === 1440) c.add(`${p}.from`, `must be a time "HH:MM" from 00:00 to 23:59, got ${JSON.stringify(fromS)}`);
    if (to === null) c.add(`${p}.to`, `must be a time "HH:MM" from 00:00 to 24:00, got ${JSON.stringify(toS)}`);
    const energyFenPerKwh = c.int(b, 'energyFenPerKwh', p, 'fen', 0, MAX_FEN, true);
    const serviceFenPerKwh = c.int(b, 'serviceFenPerKwh', p, 'fen', 0, MAX_FEN, true);
    if (from === null || from === 1440 || to === null) return;
    const end = to === 0 ? 1440 : to;
    if (from === end) return c.add(p, `a band from ${formatClock(from)} to ${formatClock(to)} has no length`);
    if (from < end) segments.push({ from, to: end, band: i });
    else {
      segments.push({ from, to: 1440, band: i });
      if (to > 0) segments.push({ from: 0, to, band: i });
    }
    if (energyFenPerKwh !== undefined && serviceFenPerKwh !== undefined) {
      parsed.push({ from: fromS as string, to: toS as string, energyFenPerKwh, serviceFenPerKwh });
    }
  });
  if (c.problems.length > before) return null;
  segments.sort((a, b) => a.from - b.from);
  let at = 0;
  const name = (i: number): string => `bands[${i}]`;
  for (let k = 0; k < segments.length; k += 1) {
    const s = segments[k] as BandSegment;
    if (s.from > at) c.add('energy.bands', `no band covers ${formatClock(at)}–${formatClock(s.from)}: the bands must cover the whole day`);
    if (s.from < at) {
      const prev = segments[k - 1] as BandSegment;
      c.add(
        'energy.bands',
        `${name(prev.band)} and ${name(s.band)} overlap between ${formatClock(s.from)} and ${formatClock(Math.min(at, s.to))}`,
      );
    }
    at = Math.max(at, s.to);
  }
  if (at < 1440) c.add('energy.bands', `no band covers ${formatClock(at)}–24:00: the bands must cover the whole day`);
  if (c.problems.length > before) return null;
  const bandLabels = parsed.map((b) => `${b.from}–${b.to}`);
  return { bands: parsed, segments, bandLabels };
}

/** Every problem of a plan, or the plan typed. Paths are relative to the plan (`rental.unitMinutes`). */
export function validatePlan(input: unknown): Result<PricingPlan, readonly Problem[]> {
  const { problems } = check(input);
  return problems.length === 0 ? ok(input as PricingPlan) : err(problems);
}

/** Validates and prepares a plan for quoting; throws `PricingError` (code `PRICING_INVALID_PLAN`). */
export function compilePlan(plan: PricingPlan | CompiledPlan): CompiledPlan {
  if (plan instanceof CompiledPlan) return plan;
  const { problems, compiled } = check(plan);
  if (compiled === null) throw PricingError.fromProblems(problems, 'plan');
  return compiled;
}

// ---------------------------------------------------------------- usage

export interface ParsedEnergy {
  readonly from: number;
  readonly to: number;
  readonly wattHours: number;
}

export interface ParsedUsage {
  readonly startedAt: number | null;
  readonly endedAt: number | null;
  readonly energy: readonly ParsedEnergy[];
  readonly volumeMillilitres: number | null;
  /** Merged per SKU, in order of first appearance. */
  readonly items: readonly { readonly item: CatalogItem; readonly count: number }[];
}

const USAGE_KEYS = ['startedAt', 'endedAt', 'energy', 'volumeMillilitres', 'items'] as const;
const MAX_COUNT = 1_000_000;
/** Longest session or meter interval accepted (about ten years): bounds the work and the number of day lines. */
export const MAX_SPAN_DAYS = 3660;
const MAX_SPAN_MS = MAX_SPAN_DAYS * 86_400_000;
const MAX_WH = 1_000_000_000;

function instant(c: Collector, o: Obj, key: string, path: string): number | null {
  const v = o[key];
  if (v === undefined) return null;
  const t = typeof v === 'string' ? parseInstant(v) : null;
  if (t === null) {
    c.add(join(path, key), `must be an ISO-8601 time with an offset such as "2026-11-27T10:00:00+08:00", got ${JSON.stringify(v)}`);
  }
  return t;
}

/** Checks a usage (against a plan when given) and parses its times. `endedAtOverride` is used by `estimate`. */
export function checkUsage(
  input: unknown,
  plan: CompiledPlan | null,
  endedAtOverride?: number,
): { problems: Problem[]; usage: ParsedUsage | null } {
  const c = new Collector('PRICING_INVALID_USAGE');
  if (!isObj(input)) {
    c.add('', 'a usage must be a JSON object');
    return { problems: c.problems, usage: null };
  }
  c.keys(input, USAGE_KEYS, '');
  const startedAt = instant(c, input, 'startedAt', '');
  const endedAt = endedAtOverride ?? instant(c, input, 'endedAt', '');
  if (plan?.rental) {
    if (input['startedAt'] === undefined) c.add('startedAt', 'is required: this plan charges for time');
    if (input['endedAt'] === undefined && endedAtOverride === undefined) c.add('endedAt', 'is required: this plan charges for time');
  }
  if (startedAt !== null && endedAt !== null && endedAt < startedAt) {
    c.add(endedAtOverride === undefined ? 'endedAt' : 'at', 'is before startedAt: the time span is reversed');
  } else if (startedAt !== null && endedAt !== null && endedAt - startedAt > MAX_SPAN_MS) {
    c.add(endedAtOverride === undefined ? 'endedAt' : 'at', `is more than ${MAX_SPAN_DAYS} days after startedAt`);
  }

  const energy: ParsedEnergy[] = [];
  const en = input['energy'];
  if (en !== undefined) {
    if (!Array.isArray(en)) c.add('energy', 'must be a list of {from, to, wattHours}');
    else {
      if (plan !== null && plan.energy === null && en.length > 0) c.add('energy', 'this plan does not price energy');
      en.forEach((x: unknown, i) => {
        const p = `energy[${i}]`;
        if (!isObj(x)) return c.add(p, 'must be an object {from, to, wattHours}');
        c.keys(x, ['from', 'to', 'wattHours'], p);
        const from = instant(c, x, 'from', p);
        const to = instant(c, x, 'to', p);
        if (x['from'] === undefined) c.add(`${p}.from`, 'is required');
        if (x['to'] === undefined) c.add(`${p}.to`, 'is required');
        const wattHours = c.int(x, 'wattHours', p, 'watt-hours', 0, MAX_WH, true);
        if (from === null || to === null || wattHours === undefined) return;
        if (to < from) return c.add(`${p}.to`, 'is before from: the interval is reversed');
        if (to === from && wattHours > 0) return c.add(p, 'an interval with energy must have a length');
        if (to - from > MAX_SPAN_MS) return c.add(`${p}.to`, `is more than ${MAX_SPAN_DAYS} days after from`);
        if (wattHours > 0) energy.push({ from, to, wattHours });
      });
    }
  }

  let volumeMillilitres: number | null = null;
  if (input['volumeMillilitres'] !== undefined) {
    volumeMillilitres = c.int(input, 'volumeMillilitres', '', 'millilitres', 0, MAX_WH, false) ?? null;
    if (plan !== null && plan.volume === null) c.add('volumeMillilitres', 'this plan does not price water');
  }

  const items: { item: CatalogItem; count: number }[] = [];
  const list = input['items'];
  if (list !== undefined) {
    if (!Array.isArray(list)) c.add('items', 'must be a list of {sku, count}');
    else {
      list.forEach((x: unknown, i) => {
        const p = `items[${i}]`;
        if (!isObj(x)) return c.add(p, 'must be an object {sku, count}');
        c.keys(x, ['sku', 'count'], p);
        const sku = c.str(x, 'sku', p, true);
        const count = c.int(x, 'count', p, 'items', 0, MAX_COUNT, true);
        if (sku === undefined || plan === null) return;
        const item = plan.catalog?.get(sku);
        if (item === undefined) {
          const why = plan.catalog === null ? 'this plan sells no items' : 'it is not in the plan catalog';
          return c.add(`${p}.sku`, `unknown SKU "${sku}": ${why}`, 'PRICING_UNKNOWN_SKU');
        }
        if (count === undefined || count === 0) return;
        const seen = items.find((e) => e.item === item);
        if (seen) seen.count += count;
        else items.push({ item, count });
      });
    }
  }
  if (c.problems.length > 0) return { problems: c.problems, usage: null };
  return { problems: [], usage: { startedAt, endedAt, energy, volumeMillilitres, items } };
}

/**
 * Every problem of a usage, or the usage typed. Paths are relative to the usage (`items[0].sku`). With a plan,
 * also checks what the plan needs (times for a rental, known SKUs, no energy/water the plan does not price).
 */
export function validateUsage(input: unknown, plan?: PricingPlan | CompiledPlan): Result<Usage, readonly Problem[]> {
  let compiled: CompiledPlan | null = null;
  if (plan !== undefined) {
    if (plan instanceof CompiledPlan) compiled = plan;
    else compiled = check(plan).compiled;
  }
  const { problems } = checkUsage(input, compiled);
  return problems.length === 0 ? ok(input as Usage) : err(problems);
}
