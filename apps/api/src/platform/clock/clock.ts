/**
 * "Now" for business decisions (settlement, profit sharing, payouts, agreements, statement closing, the session
 * engine). Production always uses the system clock: nothing in the configuration or the environment can replace it.
 * Only code can, through `createApp(config, { clock })`, which `main.ts` never passes (tests do, to move a month).
 * Protocol timestamps (request signatures, device X-Timestamp windows, token expiry) keep the real time, as WeChat's do.
 */
export abstract class Clock {
  abstract now(): Date;
}

export class SystemClock extends Clock {
  now(): Date {
    return new Date();
  }
}
