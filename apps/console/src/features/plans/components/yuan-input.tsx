import { useEffect, useState } from 'react';
import { Input } from 'antd';
import { parseYuan } from '@/lib/format';

/** Integer fen as the operator reads it: 300 → "3", 450 → "4.50". */
export function fenToYuanText(value: unknown): string {
  if (typeof value !== 'number' || !Number.isInteger(value)) return value === undefined || value === null ? '' : String(value);
  const sign = value < 0 ? '-' : '';
  const abs = Math.abs(value);
  const cents = abs % 100;
  return `${sign}${Math.trunc(abs / 100)}${cents === 0 ? '' : `.${String(cents).padStart(2, '0')}`}`;
}

export interface YuanInputProps {
  readonly id: string;
  readonly label: string;
  /** Integer fen (what the plan stores), or whatever an invalid plan holds. */
  readonly value: unknown;
  /**
   * Fen; `undefined` when the field was emptied; the text itself when it is not an amount, so the plan is
   * invalid (and cannot be saved) rather than silently keeping the amount typed before.
   */
  readonly onChange: (fen: number | string | undefined) => void;
}

/** Money typed in yuan (`2.5`), handed on as integer fen: the wire and the pricing engine never see a float. */
export function YuanInput({ id, label, value, onChange }: YuanInputProps) {
  const [text, setText] = useState(() => fenToYuanText(value));
  useEffect(() => {
    // a change from outside (a reset, a loaded version) shows; the operator's own typing stays as typed
    setText((typed) => (parseYuan(typed) === value || typed === value || (typed.trim() === '' && (value === undefined || value === null)) ? typed : fenToYuanText(value)));
  }, [value]);
  return (
    <Input
      id={id}
      aria-label={label}
      inputMode="decimal"
      prefix="¥"
      value={text}
      onChange={(e) => {
        const next = e.target.value;
        setText(next);
        if (next.trim() === '') onChange(undefined);
        else onChange(parseYuan(next) ?? next);
      }}
    />
  );
}
