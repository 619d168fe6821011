import { parseYuan } from '@/lib/format';

/** Integer fen as the plain yuan an operator types (`1234.50`), without floating point. */
export function yuanText(fen: number): string {
  const abs = Math.abs(fen);
  return `${fen < 0 ? '-' : ''}${(abs - (abs % 100)) / 100}.${String(abs % 100).padStart(2, '0')}`;
}

/** A form rule: the text is an amount in yuan between `minFen` and `maxFen` (inclusive). */
export function yuanRule(messages: { invalid: string; range: string }, minFen: number, maxFen: number) {
  return {
    validator: async (_rule: unknown, value: unknown) => {
      const fen = typeof value === 'string' ? parseYuan(value) : null;
      if (fen === null) throw new Error(messages.invalid);
      if (fen < minFen || fen > maxFen) throw new Error(messages.range);
    },
  };
}
