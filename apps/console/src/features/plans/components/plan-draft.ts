import { tryQuote, validatePlan, type PricingPlan, type Quote, type Usage } from '@zizhu/pricing';

/** The charge parts of a plan (contracts.md §3); a plan has at least one. */
export const PLAN_PARTS = ['rental', 'items', 'energy', 'volume'] as const;
export type PlanPart = (typeof PLAN_PARTS)[number];

/** A plan being edited: the JSON of contracts.md §3, possibly invalid while the operator types. */
export type PlanDraft = Record<string, unknown>;

/** What a new part starts as: valid values, so the rule text shows at once. */
export const NEW_PART: Record<PlanPart, unknown> = {
  rental: { unitFen: 300, unitMinutes: 60, freeMinutes: 5, freeMode: 'grace', dailyCapFen: 3000, dayBoundary: 'rolling-24h' },
  items: { catalog: [{ sku: 'sku-1', name: '商品', priceFen: 300 }] },
  energy: { bands: [{ from: '00:00', to: '24:00', energyFenPerKwh: 80, serviceFenPerKwh: 40 }] },
  volume: { fenPerLitre: 25, stepMillilitres: 100 },
};

export const NEW_PLAN: PlanDraft = { timezone: 'Asia/Shanghai', rental: NEW_PART.rental, totalCapFen: 9900 };

/** `items.catalog[0].priceFen` → ['items', 'catalog', 0, 'priceFen'] (the pricing engine's paths). */
export function pathKeys(path: string): (string | number)[] {
  return path
    .split(/\.|\[(\d+)\]/)
    .filter((k) => k !== undefined && k !== '')
    .map((k) => (/^\d+$/.test(k) ? Number(k) : k));
}

/** A copy of `draft` with the value at `path` replaced (undefined removes the key). */
export function setIn(draft: PlanDraft, path: string, value: unknown): PlanDraft {
  const keys = pathKeys(path);
  const write = (node: unknown, i: number): unknown => {
    const key = keys[i]!;
    const copy: Record<string | number, unknown> | unknown[] = Array.isArray(node) ? [...(node as unknown[])] : { ...((node as Record<string, unknown>) ?? {}) };
    const next = i === keys.length - 1 ? value : write((copy as Record<string | number, unknown>)[key], i + 1);
    if (next === undefined && !Array.isArray(copy)) delete (copy as Record<string, unknown>)[key as string];
    else (copy as Record<string | number, unknown>)[key] = next;
    return copy;
  };
  return write(draft, 0) as PlanDraft;
}

export function getIn(draft: PlanDraft, path: string): unknown {
  return pathKeys(path).reduce<unknown>((node, key) => (node == null ? undefined : (node as Record<string | number, unknown>)[key]), draft);
}

/** Field path → messages, from the pricing engine's own validator (the server runs the same one). */
export function planProblems(draft: PlanDraft): Record<string, string[]> {
  const result = validatePlan(draft);
  if (result.ok) return {};
  const byPath: Record<string, string[]> = {};
  for (const p of result.error) (byPath[p.path] ??= []).push(p.message);
  return byPath;
}

/** The problem+json field errors of the plan API (`plan.rental.unitFen`) → the same map, without `plan.`. */
export function serverPlanErrors(problem: unknown): Record<string, string[]> {
  const errors = (problem as { errors?: { field: string; messages: string[] }[] } | null)?.errors ?? [];
  const byPath: Record<string, string[]> = {};
  for (const e of errors) {
    if (e.field !== 'plan' && !e.field.startsWith('plan.')) continue;
    byPath[e.field === 'plan' ? '' : e.field.slice('plan.'.length)] = e.messages;
  }
  return byPath;
}

/** The sample session the operator adjusts under the editor. */
export interface SampleSession {
  /** Wall clock in Asia/Shanghai, `YYYY-MM-DDTHH:mm`. */
  start: string;
  minutes: number;
  kwh: number;
  litres: number;
  /** SKU → count taken. */
  items: Record<string, number>;
}

export const SAMPLE: SampleSession = { start: '2026-11-27T10:00', minutes: 130, kwh: 20, litres: 1.2, items: {} };

/** The usage of contracts.md §3 for the sample, with only the parts the plan prices. */
export function sampleUsage(draft: PlanDraft, sample: SampleSession): Usage {
  const startMs = Date.parse(`${sample.start}:00+08:00`);
  const endMs = startMs + Math.max(0, sample.minutes) * 60_000;
  const iso = (ms: number) => new Date(ms + 8 * 3_600_000).toISOString().replace('.000Z', '+08:00');
  const usage: { -readonly [K in keyof Usage]: Usage[K] } = { startedAt: iso(startMs), endedAt: iso(endMs) };
  if (draft['energy']) usage.energy = [{ from: iso(startMs), to: iso(endMs), wattHours: Math.round(sample.kwh * 1000) }];
  if (draft['volume']) usage.volumeMillilitres = Math.round(sample.litres * 1000);
  if (draft['items']) usage.items = Object.entries(sample.items).filter(([, n]) => n > 0).map(([sku, count]) => ({ sku, count }));
  return usage;
}

/** The quote of the sample, or the engine's message when the plan or sample cannot be priced. */
export function sampleQuote(draft: PlanDraft, sample: SampleSession): { quote: Quote } | { error: string } | null {
  if (!validatePlan(draft).ok) return null;
  if (Number.isNaN(Date.parse(`${sample.start}:00+08:00`))) return { error: 'start' };
  const result = tryQuote(draft as unknown as PricingPlan, sampleUsage(draft, sample));
  return result.ok ? { quote: result.value } : { error: result.error.message };
}
