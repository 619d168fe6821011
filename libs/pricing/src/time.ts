export const MINUTE_MS = 60_000;
export const HOUR_MS = 3_600_000;
export const DAY_MS = 86_400_000;

/** Two ASCII digits at `at` as a number, or -1. */
function d2(s: string, at: number): number {
  const a = s.charCodeAt(at) - 48;
  const b = s.charCodeAt(at + 1) - 48;
  return a >= 0 && a <= 9 && b >= 0 && b <= 9 ? a * 10 + b : -1;
}

/** Days from 1970-01-01 to a proleptic Gregorian date (month 1–12), pure arithmetic. */
export function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (month > 2 ? month - 3 : month + 9) + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

/**
 * Epoch milliseconds of an ISO-8601 date-time with an explicit offset (`Z`, `+08:00`, `+0800`), or `null`.
 * Seconds and fractions are optional; fractions below a millisecond are dropped. A time without an offset is
 * refused: it would be ambiguous.
 */
export function parseInstant(s: string): number | null {
  if (s.length < 17 || s.charCodeAt(4) !== 45 || s.charCodeAt(7) !== 45 || s.charCodeAt(13) !== 58) return null;
  const sep = s.charCodeAt(10);
  if (sep !== 84 && sep !== 116) return null; // T or t
  const yh = d2(s, 0);
  const yl = d2(s, 2);
  const year = yh < 0 || yl < 0 ? -1 : yh * 100 + yl;
  const month = d2(s, 5);
  const day = d2(s, 8);
  const hour = d2(s, 11);
  const minute = d2(s, 14);
  if (year < 0 || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null;
  if (hour < 0 || hour > 23 || minute < 0 || minute > 59) return null;
  let i = 16;
  let second = 0;
  let ms = 0;
  if (s.charCodeAt(i) === 58) {
    second = d2(s, i + 1);
    if (second < 0 || second > 59) return null;
    i += 3;
    const dot = s.charCodeAt(i);
    if (dot === 46 || dot === 44) {
      i += 1;
      let n = 0;
      while (i < s.length && s.charCodeAt(i) >= 48 && s.charCodeAt(i) <= 57) {
        if (n < 3) ms = ms * 10 + (s.charCodeAt(i) - 48);
        n += 1;
        i += 1;
      }
      if (n === 0 || n > 9) return null;
      for (; n < 3; n += 1) ms *= 10;
    }
  }
  let offsetMs = 0;
  const z = s.charCodeAt(i);
  if (z === 90 || z === 122) {
    if (i + 1 !== s.length) return null;
  } else if (z === 43 || z === 45) {
    const oh = d2(s, i + 1);
    const colon = s.charCodeAt(i + 3) === 58 ? 1 : 0;
    const om = d2(s, i + 3 + colon);
    if (i + 5 + colon !== s.length || oh < 0 || oh > 23 || om < 0 || om > 59) return null;
    offsetMs = (oh * 60 + om) * MINUTE_MS * (z === 45 ? -1 : 1);
  } else return null;
  return daysFromCivil(year, month, day) * DAY_MS + ((hour * 60 + minute) * 60 + second) * 1000 + ms - offsetMs;
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/** `HH:MM` (00:00–24:00) → minutes of the day, or `null`. */
export function parseClock(value: string): number | null {
  const m = /^(\d{2}):(\d{2})$/.exec(value);
  if (m === null) return null;
  const h = Number(m[1]);
  const min = Number(m[2]);
  if (min > 59 || h > 24 || (h === 24 && min !== 0)) return null;
  return h * 60 + min;
}

/** Minutes of the day → `HH:MM` (1440 → `24:00`). */
export function formatClock(minutes: number): string {
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  return `${h < 10 ? '0' : ''}${h}:${m < 10 ? '0' : ''}${m}`;
}

/** `1小时38分20秒`, `2天3小时`, `0秒` (whole seconds, rounded down). */
export function formatDurationZh(ms: number): string {
  let s = Math.floor(ms / 1000);
  const d = Math.floor(s / 86400);
  s -= d * 86400;
  const h = Math.floor(s / 3600);
  s -= h * 3600;
  const m = Math.floor(s / 60);
  s -= m * 60;
  let out = '';
  if (d > 0) out += `${d}天`;
  if (h > 0) out += `${h}小时`;
  if (m > 0) out += `${m}分`;
  if (s > 0 || out === '') out += `${s}秒`;
  return out;
}

/** `{year, month, day}` of a day number counted from 1970-01-01 (proleptic Gregorian, no Intl). */
export function civilFromDays(days: number): { year: number; month: number; day: number } {
  const z = days + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  return { year: era * 400 + yoe + (month <= 2 ? 1 : 0), month, day };
}

/**
 * A timezone as the engine needs it: the UTC offset at an instant, the local day of an instant, and the first
 * instant at or after a local wall-clock time. Local times are "local milliseconds": the epoch value the wall
 * clock would show if it were UTC.
 */
export interface Zone {
  readonly name: string;
  /** Offset from UTC in ms at the instant `t`. */
  offsetAt(t: number): number;
  /** The local day number (days since 1970-01-01 local) of the instant `t`. */
  localDay(t: number): number;
  /**
   * The first instant whose wall-clock time is at or after `local`. In a daylight-saving gap this is the
   * transition instant; in a repeated hour it is the first occurrence. Monotonic in `local`.
   */
  instantOf(local: number): number;
}

class FixedZone implements Zone {
  constructor(
    readonly name: string,
    private readonly offset: number,
  ) {}
  offsetAt(): number {
    return this.offset;
  }
  localDay(t: number): number {
    return Math.floor((t + this.offset) / DAY_MS);
  }
  instantOf(local: number): number {
    return local - this.offset;
  }
}

/** Last DST in China ended on 1991-09-15; from 1992 Asia/Shanghai is a fixed UTC+8 zone. */
const SHANGHAI_FIXED_FROM = Date.UTC(1992, 0, 1);

interface HourEntry {
  readonly before: number;
  readonly after: number;
  /** The first instant with the `after` offset (equal to the hour start when the offset is constant). */
  readonly switchAt: number;
}

class IntlZone implements Zone {
  private readonly hours = new Map<number, HourEntry>();
  private readonly fmt: Intl.DateTimeFormat;
  private readonly fixedFrom: number;
  private readonly fixedOffset: number;

  constructor(readonly name: string) {
    this.fmt = new Intl.DateTimeFormat('en-US', {
      timeZone: name,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
      era: 'short',
    });
    this.fixedFrom = name === 'Asia/Shanghai' ? SHANGHAI_FIXED_FROM : Infinity;
    this.fixedOffset = 8 * HOUR_MS;
  }

  /** Offset at `t` straight from ICU, to the second. */
  private icuOffset(t: number): number {
    const second = Math.floor(t / 1000) * 1000;
    let year = 0;
    let month = 1;
    let day = 1;
    let hour = 0;
    let minute = 0;
    let sec = 0;
    let bc = false;
    for (const part of this.fmt.formatToParts(second)) {
      switch (part.type) {
        case 'year':
          year = Number(part.value);
          break;
        case 'month':
          month = Number(part.value);
          break;
        case 'day':
          day = Number(part.value);
          break;
        case 'hour':
          hour = Number(part.value);
          break;
        case 'minute':
          minute = Number(part.value);
          break;
        case 'second':
          sec = Number(part.value);
          break;
        case 'era':
          bc = part.value.startsWith('B');
          break;
        default:
          break;
      }
    }
    const utc = new Date(0);
    utc.setUTCFullYear(bc ? 1 - year : year, month - 1, day);
    utc.setUTCHours(hour, minute, sec, 0);
    return utc.getTime() - second;
  }

  private hour(index: number): HourEntry {
    const cached = this.hours.get(index);
    if (cached !== undefined) return cached;
    const start = index * HOUR_MS;
    const before = this.icuOffset(start);
    const after = this.icuOffset(start + HOUR_MS - 1);
    let switchAt = start;
    if (before !== after) {
      // binary search the first second with the later offset (transitions fall on whole seconds)
      let lo = start / 1000;
      let hi = (start + HOUR_MS) / 1000 - 1;
      while (lo < hi) {
        const mid = Math.floor((lo + hi) / 2);
        if (this.icuOffset(mid * 1000) === after) hi = mid;
        else lo = mid + 1;
      }
      switchAt = lo * 1000;
    }
    if (this.hours.size > 50_000) this.hours.clear();
    const entry = { before, after, switchAt };
    this.hours.set(index, entry);
    return entry;
  }

  offsetAt(t: number): number {
    if (t >= this.fixedFrom) return this.fixedOffset;
    const e = this.hour(Math.floor(t / HOUR_MS));
    return t >= e.switchAt ? e.after : e.before;
  }

  localDay(t: number): number {
    return Math.floor((t + this.offsetAt(t)) / DAY_MS);
  }

  instantOf(local: number): number {
    if (local - this.fixedOffset >= this.fixedFrom) return local - this.fixedOffset;
    const before = this.offsetAt(local - DAY_MS);
    const after = this.offsetAt(local + DAY_MS);
    let best = Infinity;
    for (const o of before === after ? [before] : [before, after]) {
      const u = local - o;
      if (u + this.offsetAt(u) === local && u < best) best = u;
    }
    if (best !== Infinity) return best;
    // `local` falls in a gap: the answer is the first instant whose wall clock reaches it
    let lo = local - Math.max(before, after) - HOUR_MS;
    let hi = local - Math.min(before, after) + HOUR_MS;
    while (hi - lo > 1) {
      const mid = Math.floor((lo + hi) / 2);
      if (mid + this.offsetAt(mid) >= local) hi = mid;
      else lo = mid;
    }
    return hi;
  }
}

const zones = new Map<string, Zone | null>();

const FIXED: Record<string, number> = { UTC: 0, 'Etc/UTC': 0, 'Etc/GMT': 0, GMT: 0 };

/** The zone for an IANA name (cached: one Intl formatter per zone), or `null` when the name is not a timezone. */
export function zoneFor(name: string): Zone | null {
  const cached = zones.get(name);
  if (cached !== undefined) return cached;
  let zone: Zone | null;
  const fixed = FIXED[name];
  if (fixed !== undefined) {
    zone = new FixedZone(name, fixed);
  } else {
    try {
      zone = new IntlZone(name);
    } catch {
      zone = null;
    }
  }
  if (zones.size > 1000) zones.clear();
  zones.set(name, zone);
  return zone;
}
