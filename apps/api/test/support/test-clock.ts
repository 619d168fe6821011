import { Clock } from '../../src/platform/clock/clock.js';

/**
 * The API's business clock under test: the real time plus an offset the test moves forward (as the simulator's
 * `POST /sim/clock` moves WeChat's), so a month of sessions runs in seconds. Passed to `createApp(config, { clock })`.
 */
export class TestClock extends Clock {
  private offsetMs = 0;

  now(): Date {
    return new Date(Date.now() + this.offsetMs);
  }

  /** A clock that reads `instant` now and runs on from there at the real pace. */
  static startingAt(instant: Date): TestClock {
    const clock = new TestClock();
    clock.offsetMs = instant.getTime() - Date.now();
    return clock;
  }

  advance(seconds: number): void {
    this.offsetMs += seconds * 1000;
  }
}
