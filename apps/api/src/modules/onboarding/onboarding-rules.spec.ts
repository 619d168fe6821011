import { describe, expect, it } from '@jest/globals';
import { addWorkingDays, calendarNote, isWorkingDay, nextReviewDay, refusalOf, tracker, WEEKENDS_ONLY, type PlatformChecks, type StepKey, type StoredStep, type WorkCalendar } from './onboarding-rules.js';

const checks = (over: Partial<PlatformChecks> = {}): PlatformChecks => ({ credentialsValidated: true, services: 1, scenarioMismatches: [], debuggedServiceIds: [], ...over });
const stored = (entries: [StepKey, StoredStep['state'], string?][]) => new Map(entries.map(([k, state, on]) => [k, { state, submittedOn: on ?? null }]));
const now = new Date('2026-12-06T04:00:00Z'); // Sunday noon in Shanghai

describe('onboarding tracker rules (issue 14)', () => {
  it('blocks 1.1, 1.2 and 1.4 until the customer-service phone (1.3) is verified, and makes 1.3 the next action', () => {
    const t = tracker(stored([]), 'ENTERPRISE', checks(), now);
    expect(t.steps.map((s) => [s.key, s.state])).toEqual([['1.1', 'BLOCKED'], ['1.2', 'BLOCKED'], ['1.3', 'TODO'], ['1.4', 'BLOCKED'], ['2.1', 'BLOCKED'], ['2.2', 'BLOCKED'], ['2.3', 'BLOCKED']]);
    expect(t.nextAction?.step).toBe('1.3');
    expect(refusalOf('1.1', 'SUBMITTED', stored([]), 'ENTERPRISE', checks())).toContain('1.3');
    const after = tracker(stored([['1.3', 'DONE']]), 'ENTERPRISE', checks(), now);
    expect(after.steps.slice(0, 4).map((s) => s.state)).toEqual(['TODO', 'TODO', 'DONE', 'TODO']);
    expect(after.nextAction?.step).toBe('1.1');
  });

  it('says individual businesses, micro merchants and service providers cannot apply, and stops', () => {
    for (const subject of ['INDIVIDUAL_BUSINESS', 'MICRO_MERCHANT', 'SERVICE_PROVIDER'] as const) {
      const t = tracker(stored([['1.3', 'DONE']]), subject, checks(), now);
      expect(t.refused).toContain('不能申请直连微信支付分');
      expect(t.nextAction).toBeNull();
      expect(t.steps.every((s) => s.state === 'BLOCKED')).toBe(true);
      expect(refusalOf('1.3', 'DONE', stored([]), subject, checks())).toContain('不能申请');
    }
  });

  it('keeps phase 2 in order and lets only the platform call debugging done', () => {
    const first = stored([['1.1', 'DONE'], ['1.2', 'DONE'], ['1.3', 'DONE'], ['1.4', 'DONE', '2026-12-01']]);
    const t = tracker(first, 'ENTERPRISE', checks(), now);
    expect(t.steps.slice(4).map((s) => s.state)).toEqual(['TODO', 'BLOCKED', 'BLOCKED']);
    const signed = new Map(first).set('2.1', { state: 'DONE', submittedOn: null });
    expect(refusalOf('2.2', 'DONE', signed, 'ENTERPRISE', checks())).toContain('平台判断');
    const debugged = tracker(signed, 'ENTERPRISE', checks({ debuggedServiceIds: ['2002'] }), now);
    expect(debugged.steps.slice(4).map((s) => s.state)).toEqual(['DONE', 'DONE', 'TODO']);
    expect(debugged.nextAction?.step).toBe('2.3');
  });

  it('never lets orders seen skip signing (2.1) or phase 1: 2.2 stays BLOCKED, its blockers listed and the orders still shown', () => {
    const orders = checks({ debuggedServiceIds: ['2002'] });
    const first = stored([['1.1', 'DONE'], ['1.2', 'DONE'], ['1.3', 'DONE'], ['1.4', 'DONE', '2026-12-01']]);
    // phase 1 done, 2.1 not: paid and cancelled orders were taken before signing and whitelisting
    const unsigned = tracker(first, 'ENTERPRISE', orders, now);
    const debugging = unsigned.steps.find((s) => s.key === '2.2')!;
    expect(debugging.state).toBe('BLOCKED');
    expect(debugging.blockers).toEqual(['须先完成 2.1 签约与白名单']);
    expect(debugging.checks.join()).toContain('平台已看到完成与取消订单：2002');
    expect(unsigned.steps.slice(4).map((s) => s.state)).toEqual(['TODO', 'BLOCKED', 'BLOCKED']);
    expect(unsigned.nextAction?.step).toBe('2.1');
    expect(refusalOf('2.2', 'DONE', first, 'ENTERPRISE', orders)).toContain('2.1');
    // phase 1 still open (even with 2.1 recorded DONE): blocked on 1.1–1.4 and 2.1
    const open = tracker(stored([['1.3', 'DONE'], ['2.1', 'DONE']]), 'ENTERPRISE', orders, now);
    const early = open.steps.find((s) => s.key === '2.2')!;
    expect(early.state).toBe('BLOCKED');
    expect(early.blockers).toEqual(['须先完成 1.1–1.4', '须先完成 2.1 签约与白名单']);
    expect(early.checks.join()).toContain('2002');
    expect(open.steps.find((s) => s.key === '2.1')!.state).toBe('BLOCKED');
    // 2.3 waits for 2.1 and 2.2, whatever is recorded for it
    const accepted = tracker(new Map(first).set('2.3', { state: 'DONE', submittedOn: null }), 'ENTERPRISE', orders, now);
    const acceptance = accepted.steps.find((s) => s.key === '2.3')!;
    expect(acceptance.state).toBe('BLOCKED');
    expect(acceptance.blockers).toEqual(['须先完成 2.1 签约与白名单', '须先完成 2.2 联调']);
  });

  it('holds 1.2 until the credentials validate and 1.4 while a device does not fit its service’s scenario', () => {
    const t = tracker(stored([['1.3', 'DONE'], ['1.2', 'DONE'], ['1.4', 'SUBMITTED']]), 'ENTERPRISE', checks({ credentialsValidated: false, scenarioMismatches: ['FR-9 → POWERBANK_RENTAL'] }), now);
    expect(t.steps[1]!.state).toBe('IN_PROGRESS');
    expect(t.steps[3]!.state).toBe('BLOCKED');
    expect(t.steps[3]!.blockers[0]).toContain('FR-9');
  });

  it('counts the service ID’s 7–10 working days skipping weekends', () => {
    expect(addWorkingDays('2026-12-04', 1)).toBe('2026-12-07'); // Friday → Monday
    expect(addWorkingDays('2026-12-01', 7)).toBe('2026-12-10');
    expect(addWorkingDays('2026-12-01', 10)).toBe('2026-12-15');
    const t = tracker(stored([['1.3', 'DONE'], ['1.4', 'SUBMITTED', '2026-12-01']]), 'ENTERPRISE', checks(), now);
    expect(t.steps[3]!.expected).toEqual({ from: '2026-12-10', to: '2026-12-15' });
    expect(t.notes.join()).toContain('节假日');
  });

  it('books acceptance for the next Tuesday or Thursday in Asia/Shanghai', () => {
    expect(nextReviewDay(new Date('2026-12-06T04:00:00Z'))).toBe('2026-12-08'); // Sunday → Tuesday
    expect(nextReviewDay(new Date('2026-12-08T04:00:00Z'))).toBe('2026-12-10'); // Tuesday → Thursday
    expect(nextReviewDay(new Date('2026-12-10T04:00:00Z'))).toBe('2026-12-15'); // Thursday → Tuesday
    // 23:30 UTC on Monday is already Tuesday in Shanghai: the next review day is Thursday
    expect(nextReviewDay(new Date('2026-12-07T17:30:00Z'))).toBe('2026-12-10');
    expect(nextReviewDay(new Date('2026-12-07T15:30:00Z'))).toBe('2026-12-08');
  });

  // a configured calendar of the kind ONBOARDING_HOLIDAYS / ONBOARDING_WORKING_WEEKENDS give (test input, not an official table):
  // 2026-10-01 (Thursday) to 10-07 off, Sunday 09-27 and Saturday 10-10 worked in exchange
  const autumn: WorkCalendar = {
    holidays: ['2026-10-01', '2026-10-02', '2026-10-03', '2026-10-04', '2026-10-05', '2026-10-06', '2026-10-07'],
    workingWeekends: ['2026-09-27', '2026-10-10'],
  };

  it('counts working days with the configured holidays skipped and the weekend days worked in exchange (调休) counted', () => {
    expect([isWorkingDay('2026-10-01', autumn), isWorkingDay('2026-10-05', autumn), isWorkingDay('2026-09-27', autumn), isWorkingDay('2026-10-10', autumn), isWorkingDay('2026-10-11', autumn)]).toEqual([false, false, true, true, false]);
    expect(isWorkingDay('2026-10-01')).toBe(true); // weekends only without a calendar
    expect(addWorkingDays('2026-09-30', 1, autumn)).toBe('2026-10-08');
    expect(addWorkingDays('2026-09-30', 1)).toBe('2026-10-01');
    expect(addWorkingDays('2026-09-25', 1, autumn)).toBe('2026-09-27'); // Friday → the Sunday worked
    // submitted Monday 09-28: 09-29, 09-30, 10-08, 10-09, 10-10 (Saturday worked), 10-12, 10-13 = 7; 10-14, 10-15, 10-16 = 10
    const t = tracker(stored([['1.3', 'DONE'], ['1.4', 'SUBMITTED', '2026-09-28']]), 'ENTERPRISE', checks(), now, autumn);
    expect(t.steps.find((s) => s.key === '1.4')!.expected).toEqual({ from: '2026-10-13', to: '2026-10-16' });
    expect(t.notes.join()).toContain('配置到 2026-10-10');
    expect(tracker(stored([]), 'ENTERPRISE', checks(), now, WEEKENDS_ONLY).notes.join()).toContain('未计入法定节假日');
  });

  it('books acceptance on the next Tuesday or Thursday that is not a configured holiday', () => {
    const wednesday = new Date('2026-09-30T04:00:00Z');
    expect(nextReviewDay(wednesday)).toBe('2026-10-01');
    expect(nextReviewDay(wednesday, autumn)).toBe('2026-10-08'); // Thursday 10-01 and Tuesday 10-06 are off
    expect(nextReviewDay(new Date('2026-10-08T04:00:00Z'), autumn)).toBe('2026-10-13');
    expect(calendarNote(WEEKENDS_ONLY)).toContain('ONBOARDING_HOLIDAYS');
  });
});
