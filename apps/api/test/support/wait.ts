import { setTimeout as sleep } from 'node:timers/promises';

/** A condition a test waits on: what the job queue, a webhook receiver or another process makes true. */
export type WaitCondition = () => boolean | Promise<boolean>;

/** Polls `condition` every 50 ms until it holds; throws naming `what` once `timeoutMs` has passed (a wait, not a speed check). */
export async function waitUntil(what: string, condition: WaitCondition, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(50);
  }
}
