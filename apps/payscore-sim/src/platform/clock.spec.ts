import { describe, expect, it } from '@jest/globals';
import { Scheduler, SimClock } from './clock.js';

describe('Scheduler on the business clock', () => {
  it('runs a task when the clock is advanced past its due time, not before', () => {
    let real = 1_000_000;
    const clock = new SimClock(() => real);
    const scheduler = new Scheduler(clock);
    const ran: string[] = [];
    scheduler.after(60_000, () => void ran.push('a'));
    scheduler.after(120_000, () => void ran.push('b'));
    clock.advance(59);
    scheduler.poke();
    expect(ran).toEqual([]);
    clock.advance(1);
    scheduler.poke();
    expect(ran).toEqual(['a']);
    real += 60_000; // real time passing counts too
    scheduler.poke();
    expect(ran).toEqual(['a', 'b']);
    expect(clock.now() - clock.real()).toBe(60_000);
    scheduler.close();
  });

  it('cancelled tasks never run; close drops everything', () => {
    const clock = new SimClock(() => 0);
    const scheduler = new Scheduler(clock);
    const ran: number[] = [];
    const id = scheduler.after(10, () => void ran.push(1));
    scheduler.after(10, () => void ran.push(2));
    scheduler.cancel(id);
    clock.advance(1);
    scheduler.poke();
    expect(ran).toEqual([2]);
    scheduler.after(10, () => void ran.push(3));
    scheduler.close();
    clock.advance(1);
    scheduler.poke();
    expect(ran).toEqual([2]);
    expect(scheduler.pending).toBe(0);
  });
});
