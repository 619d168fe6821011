import { dayIn } from '@/lib/format';
import type { Schemas } from '@zizhu/api-client';

// Calendar days (Asia/Shanghai) as `YYYY-MM-DD` strings; arithmetic on the date alone, never on local time.

export type AgreementPeriod = Schemas['AgreementDto']['period'];

export function todayInShanghai(now: Date = new Date()): string {
  return dayIn(now, 'Asia/Shanghai');
}

function shift(day: string, days: number): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}

/** The first day of the period (daily, weekly from Monday, monthly) that holds `day`. */
export function periodStartOf(day: string, period: AgreementPeriod): string {
  if (period === 'DAILY') return day;
  if (period === 'MONTHLY') return `${day.slice(0, 8)}01`;
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  const weekday = new Date(Date.UTC(y, m - 1, d)).getUTCDay(); // 0 = Sunday
  return shift(day, -((weekday + 6) % 7));
}

export function monthStartOf(day: string): string {
  return `${day.slice(0, 8)}01`;
}
