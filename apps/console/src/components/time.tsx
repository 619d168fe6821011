import { formatFen, formatTime } from '@/lib/format';
import { usePreferences } from '@/lib/preferences';

/** An instant in the user's zone (Asia/Shanghai unless they picked another). */
export function Time({ value, seconds = true }: { value: string | number | Date | null | undefined; seconds?: boolean }) {
  const { timeZone } = usePreferences();
  const text = formatTime(value, timeZone, seconds);
  return value ? <time dateTime={new Date(value).toISOString()}>{text}</time> : <span>{text}</span>;
}

/** Integer fen as ¥12.30. */
export function Money({ fen }: { fen: number | bigint | string | null | undefined }) {
  return <span className="zz-money">{formatFen(fen)}</span>;
}

/** A formatter bound to the user's zone, for tables and exports. */
export function useFormatTime(): (value: string | number | Date | null | undefined, seconds?: boolean) => string {
  const { timeZone } = usePreferences();
  return (value, seconds = true) => formatTime(value, timeZone, seconds);
}
