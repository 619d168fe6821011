import { compilePlan, setDescriber, type CompiledPlan, type CompiledRental } from './plan.js';
import { yuan } from './money.js';
import type { Locale, PricingPlan } from './types.js';

function unitZh(minutes: number): string {
  if (minutes === 1) return '分钟';
  if (minutes === 60) return '小时';
  if (minutes === 1440) return '天';
  if (minutes % 1440 === 0) return `${minutes / 1440}天`;
  if (minutes % 60 === 0) return `${minutes / 60}小时`;
  return `${minutes}分钟`;
}

function unitEn(minutes: number): string {
  if (minutes === 1) return '/min';
  if (minutes === 60) return '/hour';
  if (minutes === 1440) return '/day';
  if (minutes % 1440 === 0) return ` per ${minutes / 1440} days`;
  if (minutes % 60 === 0) return ` per ${minutes / 60} hours`;
  return ` per ${minutes} min`;
}

/** `3元/小时`, `1元/30分钟`. */
export function rentalRateZh(r: CompiledRental): string {
  return `${yuan(r.unitFen)}元/${unitZh(r.unitMinutes)}`;
}

function zh(p: CompiledPlan): string {
  const parts: string[] = [];
  const r = p.rental;
  if (r !== null) {
    parts.push(rentalRateZh(r));
    if (r.freeMinutes > 0) parts.push(r.deduct ? `前${r.freeMinutes}分钟免费（不计入计费时长）` : `前${r.freeMinutes}分钟免费`);
    if (r.dailyCapFen !== null) parts.push(`${r.calendar ? '每自然日' : '每日'}封顶${yuan(r.dailyCapFen)}元`);
  }
  const e = p.energy;
  if (e !== null) {
    const whole = e.segments.length === 1;
    parts.push(
      e.bands
        .map(
          (b, i) =>
            `电费${yuan(b.energyFenPerKwh)}元/度，服务费${yuan(b.serviceFenPerKwh)}元/度${whole ? '' : `（${e.bandLabels[i] ?? ''}）`}`,
        )
        .join('；'),
    );
  }
  if (p.volume !== null) parts.push(`水费${yuan(p.volume.fenPerLitre)}元/升，每${p.volume.stepMillilitres}毫升起计`);
  if (p.catalog !== null) parts.push('商品按标价计费');
  if (p.minimumFen > 0) parts.push(`最低消费${yuan(p.minimumFen)}元`);
  if (p.totalCapFen !== null) parts.push(`总封顶${yuan(p.totalCapFen)}元`);
  return parts.join('，');
}

function en(p: CompiledPlan): string {
  const parts: string[] = [];
  const r = p.rental;
  if (r !== null) {
    parts.push(`¥${yuan(r.unitFen)}${unitEn(r.unitMinutes)}`);
    if (r.freeMinutes > 0) parts.push(r.deduct ? `first ${r.freeMinutes} min free` : `free if used no more than ${r.freeMinutes} min`);
    if (r.dailyCapFen !== null) parts.push(`at most ¥${yuan(r.dailyCapFen)} per ${r.calendar ? 'calendar day' : '24 h'}`);
  }
  const e = p.energy;
  if (e !== null) {
    const whole = e.segments.length === 1;
    parts.push(
      e.bands
        .map(
          (b, i) =>
            `electricity ¥${yuan(b.energyFenPerKwh)}/kWh + service ¥${yuan(b.serviceFenPerKwh)}/kWh${whole ? '' : ` (${e.bandLabels[i] ?? ''})`}`,
        )
        .join('; '),
    );
  }
  if (p.volume !== null) parts.push(`water ¥${yuan(p.volume.fenPerLitre)}/L, charged per ${p.volume.stepMillilitres} mL started`);
  if (p.catalog !== null) parts.push('items at their list price');
  if (p.minimumFen > 0) parts.push(`minimum charge ¥${yuan(p.minimumFen)}`);
  if (p.totalCapFen !== null) parts.push(`at most ¥${yuan(p.totalCapFen)} in total`);
  return parts.join(', ');
}

function sameRental(a: CompiledRental | null, b: CompiledRental | null): boolean {
  if (a === null || b === null) return a === b;
  return (
    a.unitFen === b.unitFen &&
    a.unitMinutes === b.unitMinutes &&
    a.freeMinutes === b.freeMinutes &&
    a.deduct === b.deduct &&
    a.dailyCapFen === b.dailyCapFen &&
    a.calendar === b.calendar
  );
}

function sameEnergy(a: CompiledPlan['energy'], b: CompiledPlan['energy']): boolean {
  if (a === null || b === null) return a === b;
  if (a.bands.length !== b.bands.length || a.segments.length !== b.segments.length) return false;
  return a.bands.every((x, i) => {
    const y = b.bands[i];
    return y !== undefined && x.from === y.from && x.to === y.to && x.energyFenPerKwh === y.energyFenPerKwh && x.serviceFenPerKwh === y.serviceFenPerKwh;
  });
}

/** Everything the sentence depends on is equal. */
function sameSentence(a: CompiledPlan, b: CompiledPlan): boolean {
  return (
    a.minimumFen === b.minimumFen &&
    a.totalCapFen === b.totalCapFen &&
    (a.catalog === null) === (b.catalog === null) &&
    a.volume?.fenPerLitre === b.volume?.fenPerLitre &&
    a.volume?.stepMillilitres === b.volume?.stepMillilitres &&
    sameRental(a.rental, b.rental) &&
    sameEnergy(a.energy, b.energy)
  );
}

// The sentence of the last compilation of each plan object, reused only when a fresh (always re-validated)
// compilation of that object gives the same sentence inputs — so a mutated plan never gets a stale sentence.
const sentences = new WeakMap<object, { readonly from: CompiledPlan; readonly text: string }>();

setDescriber((p) => {
  const hit = sentences.get(p.plan);
  if (hit !== undefined && (hit.from === p || sameSentence(hit.from, p))) return hit.text;
  const text = zh(p);
  sentences.set(p.plan, { from: p, text });
  return text;
});

/**
 * The plain sentence an operator puts on the device and in the Pay Score application, e.g.
 * `3元/小时，前5分钟免费，每日封顶30元，总封顶99元`. Throws `PricingError` for an invalid plan.
 */
export function describePlan(plan: PricingPlan | CompiledPlan, locale: Locale = 'zh-CN'): string {
  const p = compilePlan(plan);
  return locale === 'en' ? en(p) : p.explanation;
}
