import type { DataSource, EntitySubscriberInterface, QueryRunner } from 'typeorm';

/** What waits for the transaction open on a query runner to commit, by owner and key: one action each per transaction. */
const pending = new WeakMap<QueryRunner, Map<object, Map<string, () => void>>>();
const listening = new WeakSet<DataSource>();

const listener: EntitySubscriberInterface = {
  afterTransactionCommit: ({ queryRunner }) => {
    if (queryRunner.isTransactionActive) return; // a savepoint released, the transaction goes on
    const actions = pending.get(queryRunner);
    pending.delete(queryRunner);
    for (const byKey of actions?.values() ?? []) for (const action of byKey.values()) action();
  },
  afterTransactionRollback: ({ queryRunner }) => {
    if (!queryRunner.isTransactionActive) pending.delete(queryRunner); // a savepoint rolled back keeps the rest
  },
};

/**
 * Runs `action` once the transaction open on `runner` commits: at once when no transaction is open, never when it
 * rolls back. Within one transaction an action is kept once per `owner` (the job queue, the session watch: each
 * instance its own) and `key` (the first one given): waking a queue's workers or a session's waiters once is enough. Woken before the commit, the woken side would read the old rows
 * (and on a server then wait a whole poll interval for the next look).
 */
export function afterCommit(runner: QueryRunner | undefined, owner: object, key: string, action: () => void): void {
  if (!runner?.isTransactionActive) return action();
  const dataSource = runner.connection;
  if (!listening.has(dataSource)) {
    dataSource.subscribers.push(listener);
    listening.add(dataSource);
  }
  const actions = pending.get(runner) ?? new Map<object, Map<string, () => void>>();
  const byKey = actions.get(owner) ?? new Map<string, () => void>();
  if (!byKey.has(key)) byKey.set(key, action);
  actions.set(owner, byKey);
  pending.set(runner, actions);
}
