import { describe, expect, it } from '@jest/globals';
import { deadlineOf } from './deadline';

const now = Date.parse('2026-12-06T10:00:00Z');

describe('a complaint deadline', () => {
  it('is overdue once past, in the largest whole unit', () => {
    expect(deadlineOf('2026-12-06T08:30:00Z', now, false)).toEqual({ urgency: 'overdue', value: -1, unit: 'hour' });
    expect(deadlineOf('2026-12-06T09:59:00Z', now, false)).toEqual({ urgency: 'overdue', value: -1, unit: 'minute' });
  });

  it('is due soon within four hours, later beyond', () => {
    expect(deadlineOf('2026-12-06T13:59:00Z', now, false)).toMatchObject({ urgency: 'soon', value: 3, unit: 'hour' });
    expect(deadlineOf('2026-12-06T14:00:01Z', now, false)).toMatchObject({ urgency: 'later', value: 4, unit: 'hour' });
    expect(deadlineOf('2026-12-09T09:00:00Z', now, false)).toMatchObject({ urgency: 'later', value: 71, unit: 'hour' });
    expect(deadlineOf('2026-12-09T10:00:00Z', now, false)).toMatchObject({ urgency: 'later', value: 3, unit: 'day' });
  });

  it('is no longer urgent once its step is done', () => {
    expect(deadlineOf('2026-12-06T08:00:00Z', now, true).urgency).toBe('done');
  });
});
