// How far a complaint's deadline is, for the inbox and the detail page: pure, the clock passed in.

export type DeadlineUrgency = 'done' | 'overdue' | 'soon' | 'later';

/** Within this of its deadline a complaint is highlighted as due soon. */
export const SOON_MS = 4 * 60 * 60 * 1000;

export interface Deadline {
  readonly urgency: DeadlineUrgency;
  /** Signed distance in the largest whole unit: negative when past. */
  readonly value: number;
  readonly unit: 'minute' | 'hour' | 'day';
}

/** `done` once the step it guards happened (replied, processed); else overdue, due soon or later. */
export function deadlineOf(dueAt: string, now: number, done: boolean): Deadline {
  const ms = Date.parse(dueAt) - now;
  const abs = Math.abs(ms);
  const unit = abs >= 72 * 3_600_000 ? 'day' : abs >= 3_600_000 ? 'hour' : 'minute';
  const size = unit === 'day' ? 86_400_000 : unit === 'hour' ? 3_600_000 : 60_000;
  const value = Math.sign(ms) * Math.floor(abs / size);
  const urgency: DeadlineUrgency = done ? 'done' : ms < 0 ? 'overdue' : ms <= SOON_MS ? 'soon' : 'later';
  return { urgency, value: value === 0 ? 0 : value, unit };
}
