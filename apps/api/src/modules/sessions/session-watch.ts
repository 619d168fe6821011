import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { afterCommit } from '../../platform/database/after-commit.js';

/**
 * Wakes requests waiting for a session to change (the scan answer waits for the order's package): the
 * engine calls `changed(id)` after each committed transition in this process (`changedOnCommit` from inside
 * the transaction); a waiter also re-reads every `pollMs` because the transition may happen in another API process.
 */
@Injectable()
export class SessionWatch {
  private readonly waiters = new Map<string, Set<() => void>>();

  /**
   * `changed(id)` once the transaction of `m` commits (at once when `m` is in none; nothing when it rolls back). Woken
   * before the commit, a waiter would re-read the old row (on a server: then wait a whole poll interval for the next).
   */
  changedOnCommit(m: EntityManager, sessionId: string): void {
    afterCommit(m.queryRunner, this, sessionId, () => this.changed(sessionId));
  }

  changed(sessionId: string): void {
    const set = this.waiters.get(sessionId);
    if (!set) return;
    this.waiters.delete(sessionId);
    for (const wake of set) wake();
  }

  /**
   * Re-reads with `read` until `done` holds or `timeoutMs` passes; answers the last value read. With `known`, the
   * caller already knows the first value (a session it has just written): the first read is saved, it waits at once.
   */
  async until<T, K = T>(sessionId: string, read: () => Promise<T>, done: (value: T | K) => boolean, timeoutMs: number, pollMs = 250, known?: K): Promise<T | K> {
    const deadline = Date.now() + timeoutMs;
    let first = known !== undefined;
    for (;;) {
      const value: T | K = first ? (known as K) : await read();
      first = false;
      const left = deadline - Date.now();
      if (done(value) || left <= 0) return value;
      await new Promise<void>((resolve) => {
        let set = this.waiters.get(sessionId);
        if (!set) this.waiters.set(sessionId, (set = new Set()));
        const wake = () => {
          clearTimeout(timer);
          const current = this.waiters.get(sessionId);
          current?.delete(wake);
          if (current?.size === 0) this.waiters.delete(sessionId);
          resolve();
        };
        const timer = setTimeout(wake, Math.min(pollMs, left));
        set.add(wake);
      });
    }
  }
}
