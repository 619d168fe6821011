// WeChat Pay Score times are Beijing time (GMT+8): 'yyyyMMddHHmmss', 'yyyyMMdd' and RFC3339 '+08:00'.
const OFFSET_MS = 8 * 3600 * 1000;

const pad = (n: number, width = 2): string => String(n).padStart(width, '0');

function parts(ms: number): { y: number; mo: number; d: number; h: number; mi: number; s: number } {
  const t = new Date(ms + OFFSET_MS);
  return { y: t.getUTCFullYear(), mo: t.getUTCMonth() + 1, d: t.getUTCDate(), h: t.getUTCHours(), mi: t.getUTCMinutes(), s: t.getUTCSeconds() };
}

export function compactTime(ms: number): string {
  const p = parts(ms);
  return `${pad(p.y, 4)}${pad(p.mo)}${pad(p.d)}${pad(p.h)}${pad(p.mi)}${pad(p.s)}`;
}

export function rfc3339(ms: number): string {
  const p = parts(ms);
  return `${pad(p.y, 4)}-${pad(p.mo)}-${pad(p.d)}T${pad(p.h)}:${pad(p.mi)}:${pad(p.s)}+08:00`;
}

/** 'yyyy-MM-dd HH:mm:ss' as used in trade bills. */
export function billTime(ms: number): string {
  const p = parts(ms);
  return `${pad(p.y, 4)}-${pad(p.mo)}-${pad(p.d)} ${pad(p.h)}:${pad(p.mi)}:${pad(p.s)}`;
}

/** 'yyyy-MM-dd' of the Beijing calendar day containing ms. */
export function beijingDate(ms: number): string {
  const p = parts(ms);
  return `${pad(p.y, 4)}-${pad(p.mo)}-${pad(p.d)}`;
}

/** Epoch ms of Beijing midnight starting the day 'yyyy-MM-dd', or undefined if invalid. */
export function beijingDayStart(date: string): number | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!m) return undefined;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const ms = Date.UTC(y, mo - 1, d) - OFFSET_MS;
  return beijingDate(ms) === date ? ms : undefined;
}

export type TimePrecision = 'second' | 'day';

/**
 * Parses 'yyyyMMddHHmmss' or 'yyyyMMdd' (Beijing). Returns the epoch ms of the start of the
 * given instant/day and the precision, or undefined for anything else.
 */
export function parseCompactTime(value: string): { ms: number; precision: TimePrecision } | undefined {
  const m = /^(\d{4})(\d{2})(\d{2})(?:(\d{2})(\d{2})(\d{2}))?$/.exec(value);
  if (!m) return undefined;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const withTime = m[4] !== undefined;
  const [h, mi, s] = withTime ? [Number(m[4]), Number(m[5]), Number(m[6])] : [0, 0, 0];
  const ms = Date.UTC(y, mo - 1, d, h, mi, s) - OFFSET_MS;
  const back = compactTime(ms);
  if ((withTime ? back : back.slice(0, 8)) !== value) return undefined;
  return { ms, precision: withTime ? 'second' : 'day' };
}
