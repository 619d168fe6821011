import type { Brand } from './brand.js';

/** An amount of money in integer fen (1 yuan = 100 fen). Never a float. */
export type Fen = Brand<number, 'Fen'>;

export function fen(amount: number): Fen {
  if (!Number.isSafeInteger(amount)) throw new RangeError(`fen amount must be a safe integer, got ${amount}`);
  return amount as Fen;
}

/** `1234` → `"12.34"`; negative amounts keep their sign. */
export function formatYuan(amount: number): string {
  const sign = amount < 0 ? '-' : '';
  const abs = Math.abs(amount);
  const yuan = Math.trunc(abs / 100);
  const cents = abs % 100;
  return `${sign}${yuan}.${cents.toString().padStart(2, '0')}`;
}
