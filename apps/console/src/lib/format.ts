// One way to show money and time everywhere in the console.

export const DEFAULT_TIME_ZONE = 'Asia/Shanghai';

/** Integer fen → `¥12.30` (never through floating point: 1 fen stays 1 fen). */
export function formatFen(fen: number | bigint | string | null | undefined): string {
  if (fen === null || fen === undefined || fen === '') return '—';
  const value = BigInt(fen);
  const negative = value < 0n;
  const abs = negative ? -value : value;
  const yuan = (abs / 100n).toString().replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  const cents = (abs % 100n).toString().padStart(2, '0');
  return `${negative ? '-' : ''}¥${yuan}.${cents}`;
}

/** Yuan as typed by an operator (`12.3`) → integer fen, or null when it is not an amount. */
export function parseYuan(text: string): number | null {
  const match = /^\s*(\d{1,9})(?:\.(\d{0,2}))?\s*$/.exec(text);
  if (!match) return null;
  return Number(match[1]) * 100 + Number((match[2] ?? '').padEnd(2, '0'));
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string, withSeconds: boolean): Intl.DateTimeFormat {
  const key = `${timeZone}|${withSeconds}`;
  let formatter = formatters.get(key);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('sv-SE', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      ...(withSeconds ? { second: '2-digit' } : {}),
      hourCycle: 'h23',
    });
    formatters.set(key, formatter);
  }
  return formatter;
}

/** An instant as `2026-12-06 11:50:05` in the chosen zone (Asia/Shanghai unless the user picked another). */
export function formatTime(value: string | number | Date | null | undefined, timeZone = DEFAULT_TIME_ZONE, withSeconds = true): string {
  if (value === null || value === undefined || value === '') return '—';
  const date = value instanceof Date ? value : new Date(value);
  if (Number.isNaN(date.getTime())) return '—';
  return formatterFor(timeZone, withSeconds).format(date);
}

/** The calendar day (`YYYY-MM-DD`) of an instant in a zone. */
export function dayIn(value: Date, timeZone = DEFAULT_TIME_ZONE): string {
  return formatterFor(timeZone, false).format(value).slice(0, 10);
}
