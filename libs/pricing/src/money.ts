import { formatYuan } from '@zizhu/kernel';

/** ⌊a / b⌋ for safe non-negative integers, exact (floating division corrected by the remainder). */
export function floorDiv(a: number, b: number): number {
  let q = Math.floor(a / b);
  const r = a - q * b;
  if (r < 0) q -= 1;
  else if (r >= b) q += 1;
  return q;
}

/** ⌈a / b⌉ for safe non-negative integers, exact. */
export function ceilDiv(a: number, b: number): number {
  const q = floorDiv(a, b);
  return q * b === a ? q : q + 1;
}

/** num / den rounded half-up to an integer, for non-negative bigints. */
export function roundHalfUpBig(num: bigint, den: bigint): bigint {
  return (2n * num + den) / (2n * den);
}

function gcd(a: bigint, b: bigint): bigint {
  while (b !== 0n) [a, b] = [b, a % b];
  return a;
}

/**
 * An exact sum of non-negative rationals `Σ w·t / l`, kept in plain numbers while every term shares one
 * denominator and the sum stays a safe integer (the usual case: equal meter intervals), in bigint otherwise.
 */
export class RationalSum {
  private n = 0;
  private d = 1;
  private bn = 0n;
  private bd = 1n;
  private big = false;

  /** Adds w·t / l (non-negative safe integers, l > 0). */
  addProduct(w: number, t: number, l: number): void {
    if (t === 0 || w === 0) return;
    if (!this.big) {
      const p = w * t;
      if (Number.isSafeInteger(p)) {
        if (this.n === 0) {
          this.n = p;
          this.d = l;
          return;
        }
        if (l === this.d) {
          const s = this.n + p;
          if (Number.isSafeInteger(s)) {
            this.n = s;
            return;
          }
        }
      }
      this.big = true;
      this.bn = BigInt(this.n);
      this.bd = BigInt(this.d);
    }
    const num = BigInt(w) * BigInt(t);
    const den = BigInt(l);
    if (den === this.bd) {
      this.bn += num;
    } else {
      const n = this.bn * den + num * this.bd;
      const d = this.bd * den;
      const g = gcd(n, d);
      this.bn = n / g;
      this.bd = d / g;
    }
  }

  isZero(): boolean {
    return this.big ? this.bn === 0n : this.n === 0;
  }

  /** (sum × mul / div) rounded half-up, as a number (mul ≥ 0, div > 0). */
  roundHalfUpTimes(mul: number, div: number): number {
    const n = this.big ? this.bn : BigInt(this.n);
    const d = this.big ? this.bd : BigInt(this.d);
    return Number(roundHalfUpBig(n * BigInt(mul), d * BigInt(div)));
  }
}

/** Yuan for people: `300` → `3`, `35` → `0.35`, `40` → `0.40`, `1250` → `12.50`. */
export function yuan(fen: number): string {
  return fen % 100 === 0 ? String(fen / 100) : formatYuan(fen);
}

/** Length in characters as Pay Score counts them (one per Chinese character / code point). */
export function charLength(s: string): number {
  let n = 0;
  for (const _ of s) n += 1;
  return n;
}

/** Cuts `s` to at most `max` characters (code points), ending with `…` when cut. */
export function clip(s: string, max: number): string {
  if (charLength(s) <= max) return s;
  return Array.from(s)
    .slice(0, max - 1)
    .join('')
    .concat('…');
}
