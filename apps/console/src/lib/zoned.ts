import { formatTime } from '@/lib/format';

// A datetime-local input holds a wall-clock time without a zone. The console reads and writes it in the
// user's chosen zone (Asia/Shanghai unless they picked another), not the browser's, so what the operator
// types is what every other time on the page shows.

/** An instant as `YYYY-MM-DDTHH:mm` on the wall clock of `timeZone`. */
export function toZonedInput(instant: Date, timeZone: string): string {
  return formatTime(instant, timeZone, false).replace(' ', 'T');
}

/** `YYYY-MM-DDTHH:mm` on the wall clock of `timeZone` → the instant, or null when it is not such a time. */
export function fromZonedInput(value: string, timeZone: string): Date | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/.exec(value);
  if (!match) return null;
  const [y, mo, d, h, mi, s] = match.slice(1).map((part) => Number(part ?? 0)) as [number, number, number, number, number, number];
  const wall = Date.UTC(y, mo - 1, d, h, mi, s);
  // the zone's offset at that moment, found by formatting; twice, for a guess that crossed a DST change
  let instant = wall;
  for (let i = 0; i < 2; i += 1) {
    const shown = fromInputUtc(toZonedInput(new Date(instant), timeZone));
    instant = wall - (shown - instant);
  }
  return new Date(instant);
}

function fromInputUtc(value: string): number {
  const [date, time] = value.split('T') as [string, string];
  const [y, mo, d] = date.split('-').map(Number) as [number, number, number];
  const [h, mi] = time.split(':').map(Number) as [number, number];
  return Date.UTC(y, mo - 1, d, h, mi);
}
