// Pricing engine throughput: quotes per second for typical sessions, beside a baseline loop that only sums the
// same numbers. `runPricingBench()` returns a markdown section; run this file alone to print it:
//   node --import ./tools/register.mjs tools/bench/pricing.bench.ts
import { performance } from 'node:perf_hooks';
import { compilePlan, quote, type PricingPlan, type Usage } from '@zizhu/pricing';

const WARM_UP_MS = 200;
const ROUNDS = 3;
const ROUND_MS = 400;

// every result is added here so the optimiser cannot drop the calls being measured
let _sink = 0;

/**
 * Calls `fn` in batches: a warm-up, then `ROUNDS` rounds of about `ROUND_MS`; returns the median calls per second
 * (the machine may be shared, so one round can be slowed by another process).
 */
function rate(fn: () => number): number {
  const batch = (n: number): void => {
    for (let i = 0; i < n; i += 1) _sink += fn();
  };
  let size = 1;
  const warmEnd = performance.now() + WARM_UP_MS;
  while (performance.now() < warmEnd) {
    batch(size);
    if (size < 4096) size *= 2;
  }
  const rates: number[] = [];
  for (let round = 0; round < ROUNDS; round += 1) {
    let calls = 0;
    const start = performance.now();
    let now = start;
    while (now - start < ROUND_MS) {
      batch(size);
      calls += size;
      now = performance.now();
    }
    rates.push((calls * 1000) / (now - start));
  }
  return rates.sort((a, b) => a - b)[Math.floor(ROUNDS / 2)] ?? 0;
}

const rentalPlan: PricingPlan = {
  timezone: 'Asia/Shanghai',
  rental: { unitFen: 300, unitMinutes: 60, freeMinutes: 2, freeMode: 'grace', dailyCapFen: 3000, dayBoundary: 'calendar' },
  totalCapFen: 99_000,
};

const evPlan: PricingPlan = {
  timezone: 'Asia/Shanghai',
  energy: {
    bands: [
      { from: '00:00', to: '08:00', energyFenPerKwh: 35, serviceFenPerKwh: 40 },
      { from: '08:00', to: '18:00', energyFenPerKwh: 95, serviceFenPerKwh: 60 },
      { from: '18:00', to: '24:00', energyFenPerKwh: 70, serviceFenPerKwh: 50 },
    ],
  },
};

const START = Date.parse('2026-11-27T10:00:00+08:00');
const iso = (ms: number): string => new Date(ms).toISOString();

const fiveMinutes: Usage = { startedAt: iso(START), endedAt: iso(START + 5 * 60_000) };
const oneDay: Usage = { startedAt: iso(START), endedAt: iso(START + 24 * 3_600_000) };
const thirtyDays: Usage = { startedAt: iso(START), endedAt: iso(START + 30 * 86_400_000 + 37 * 60_000) };
const evSession: Usage = {
  startedAt: iso(START),
  endedAt: iso(START + 86_400_000),
  energy: Array.from({ length: 96 }, (_, i) => ({
    from: iso(START + i * 900_000),
    to: iso(START + (i + 1) * 900_000),
    wattHours: 1500 + ((i * 37) % 500),
  })),
};

/** The numbers each quote adds up, summed by a plain loop: the floor under any pricing code. */
function baseline(usage: Usage): () => number {
  const numbers: number[] = [];
  if (usage.energy !== undefined) for (const e of usage.energy) numbers.push(e.wattHours);
  else {
    const start = Date.parse(usage.startedAt ?? '');
    const end = Date.parse(usage.endedAt ?? '');
    for (let t = start; t < end; t += 86_400_000) numbers.push(Math.ceil((Math.min(end, t + 86_400_000) - t) / 3_600_000) * 300);
  }
  return () => {
    let s = 0;
    for (let i = 0; i < numbers.length; i += 1) s += numbers[i] as number;
    return s;
  };
}

interface Row {
  readonly name: string;
  readonly plan: PricingPlan;
  readonly usage: Usage;
}

const fmt = (n: number): string => Math.round(n).toLocaleString('en-US');

export async function runPricingBench(): Promise<string> {
  const rows: Row[] = [
    { name: '5-minute rental', plan: rentalPlan, usage: fiveMinutes },
    { name: '1-day capped rental (calendar days)', plan: rentalPlan, usage: oneDay },
    { name: '30-day capped rental (calendar days)', plan: rentalPlan, usage: thirtyDays },
    { name: '24-hour EV session, 96 meter intervals, 3 bands', plan: evPlan, usage: evSession },
  ];
  // warm the whole engine (all code paths, zone caches) before the first measured cell
  const warmEnd = performance.now() + 3 * WARM_UP_MS;
  while (performance.now() < warmEnd) for (const row of rows) _sink += quote(row.plan, row.usage).totalFen;
  const results: { name: string; raw: number; compiled: number; base: number; lines: number }[] = [];
  for (const row of rows) {
    const compiled = compilePlan(row.plan);
    const lines = quote(row.plan, row.usage).lines.length;
    const raw = rate(() => quote(row.plan, row.usage).totalFen);
    await new Promise((resolve) => setImmediate(resolve));
    const comp = rate(() => quote(compiled, row.usage).totalFen);
    const base = rate(baseline(row.usage));
    results.push({ name: row.name, raw, compiled: comp, base, lines });
  }
  const day = results[1];
  const month = results[2];
  const ratio = day !== undefined && month !== undefined ? day.raw / month.raw : Number.NaN;
  const ratioCompiled = day !== undefined && month !== undefined ? day.compiled / month.compiled : Number.NaN;
  const out = [
    '## Pricing engine (`@zizhu/pricing`)',
    '',
    `Node ${process.version}, one core; each cell is the median of ${ROUNDS} rounds of ${ROUND_MS} ms after a ${WARM_UP_MS} ms warm-up. "quote(plan)" validates the`,
    'plan on every call; "quote(compiled)" reuses `compilePlan(plan)`; the baseline only sums the same numbers',
    '(per-day amounts or meter watt-hours) in a plain loop.',
    '',
    '| session | lines | quote(plan) /s | quote(compiled) /s | baseline sums /s |',
    '|---|---:|---:|---:|---:|',
    ...results.map((r) => `| ${r.name} | ${r.lines} | ${fmt(r.raw)} | ${fmt(r.compiled)} | ${fmt(r.base)} |`),
    '',
    `A 30-day capped rental costs ${ratio.toFixed(2)}× a 1-day one with \`quote(plan)\`, ${ratioCompiled.toFixed(2)}× with a compiled plan`,
    '(target ≤ 3×: cost grows with days, not minutes).',
    '',
  ];
  return out.join('\n');
}

const invokedDirectly = process.argv[1] !== undefined && import.meta.url.endsWith(process.argv[1].replace(/\\/g, '/'));
if (invokedDirectly) console.log(await runPricingBench());
