// A transaction's BEGIN travels with its first statement (issue 15: round trips are what a statement costs the API);
// everything TypeORM's own transaction guaranteed still holds: one connection, commit or rollback, the after-commit
// actions on commit only, the tenant settings local to the transaction, a clean connection after any failure.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import type pg from 'pg';
import type { EntitySubscriberInterface } from 'typeorm';
import { DEMO_ORGS } from '../src/modules/demo/demo-data.js';
import { afterCommit } from '../src/platform/database/after-commit.js';
import type { OpenDatabase } from '../src/platform/database/database.js';
import { roundTripProbes } from '../src/platform/database/pipeline.js';
import { systemRead } from '../src/modules/merchants/merchant-store.js';
import { Transactions, allTenantsKnown, systemStatement, transactionOpenedWith } from '../src/platform/database/transactions.js';
import { DomainError } from '../src/platform/errors/domain-error.js';
import { RequestContext, type Principal } from '../src/platform/tenancy/request-context.js';
import { openSeededDatabase } from './support/seeded-database.js';

/** A new operator under the platform (a write the test can look for afterwards). */
const INSERT_OPERATOR = `INSERT INTO organizations (id, parent_id, path, kind, operating_model, name) VALUES ($1, $2, ARRAY[$2, $1]::uuid[], 'OPERATOR', 'SELF_RUN', $3)`;
const principalOf = (tenantId: string): Principal => ({ userId: '00000000-0000-4000-8000-0000000000ff', tenantId, role: 'OPERATOR_ADMIN' });

describe('transactions opened with their first statement', () => {
  let db: OpenDatabase;
  let drop: () => Promise<void>;
  let transactions: Transactions;
  const context = new RequestContext();
  const owner = {};

  beforeAll(async () => {
    ({ db, transactions, drop } = await openSeededDatabase(context));
  });
  afterAll(async () => {
    await db.close();
    await drop();
  });

  /** Every pipeline sent while `fn` runs, as its statements' texts. */
  async function pipelines<T>(fn: () => Promise<T>): Promise<{ result: T; sent: string[][] }> {
    const sent: string[][] = [];
    const probe = (event: { statements: readonly string[] }) => void sent.push([...event.statements]);
    roundTripProbes.add(probe);
    try {
      return { result: await fn(), sent };
    } finally {
      roundTripProbes.delete(probe);
    }
  }

  /** The transaction status of an idle pooled connection ('I': no transaction left open on it). */
  async function idleStatus(): Promise<string | null> {
    const pool = (db.dataSource.driver as unknown as { master: pg.Pool }).master;
    const client = await pool.connect();
    try {
      return (client as unknown as { getTransactionStatus(): string | null }).getTransactionStatus();
    } finally {
      client.release();
    }
  }

  const organizations = () => db.dataSource.query('SELECT count(*)::int AS n FROM organizations') as Promise<{ n: number }[]>;

  it("a job's tenant transaction sends BEGIN, the tenant entry and its first statement in one pipeline, sees its tenant, and leaves nothing set after the commit", async () => {
    const { result, sent } = await pipelines(() =>
      transactions.asTenant(principalOf(DEMO_ORGS.powerbank.id), async (m) => {
        const [row] = (await m.query('SELECT count(*)::int AS n FROM organizations')) as { n: number }[];
        return row!.n;
      }),
    );
    expect(sent).toHaveLength(1);
    expect(sent[0]).toEqual(['BEGIN', expect.stringMatching(/^SELECT zizhu_enter_tenant\(/), 'SELECT count(*)::int AS n FROM organizations']);
    expect(result).toBeGreaterThan(0);
    expect(await idleStatus()).toBe('I');
    expect(await organizations()).toEqual([{ n: 0 }]); // the settings were the transaction's own
  });

  it('a one-statement system transaction is the switch and the statement in one pipeline, no BEGIN or COMMIT: it sees every tenant, writes, and the switch ends with it', async () => {
    const id = randomUUID();
    const { result, sent } = await pipelines(() =>
      systemStatement<{ id: string }>(db.dataSource, { text: `${INSERT_OPERATOR} RETURNING id`, values: [id, DEMO_ORGS.platform.id, 'one statement'] }),
    );
    expect(sent).toEqual([[`SELECT set_config('app.all_tenants', 'on', true)`, `${INSERT_OPERATOR} RETURNING id`]]);
    expect(result.rows).toEqual([{ id }]);
    expect(result.rowCount).toBe(1);
    const seen = await systemStatement<{ n: number }>(db.dataSource, { text: 'SELECT count(*)::int AS n FROM organizations WHERE id = $1', values: [id] });
    expect(seen.rows).toEqual([{ n: 1 }]); // committed, and visible to the system
    expect(await idleStatus()).toBe('I');
    expect(await organizations()).toEqual([{ n: 0 }]); // the switch was the statement's own
  });

  it('a one-statement system transaction that fails leaves nothing written and the connection clean', async () => {
    const id = randomUUID();
    await expect(systemStatement(db.dataSource, { text: INSERT_OPERATOR, values: [id, randomUUID(), 'no such parent'] })).rejects.toThrow();
    expect((await systemStatement<{ n: number }>(db.dataSource, { text: 'SELECT count(*)::int AS n FROM organizations WHERE id = $1', values: [id] })).rows).toEqual([{ n: 0 }]);
    expect(await idleStatus()).toBe('I');
  });

  it('a system transaction sends BEGIN with its switch, and the switch ends with it', async () => {
    const { result, sent } = await pipelines(() => transactions.asSystem(async (m) => ((await m.query('SELECT count(*)::int AS n FROM organizations')) as { n: number }[])[0]!.n));
    expect(sent).toEqual([['BEGIN', `SELECT set_config('app.all_tenants', 'on', true)`, 'SELECT count(*)::int AS n FROM organizations']]);
    expect(result).toBeGreaterThan(1);
    expect(await organizations()).toEqual([{ n: 0 }]);
  });

  it('commits what the work wrote, and runs the after-commit actions once it has', async () => {
    const ran: string[] = [];
    const name = `tx-commit-${Date.now()}`;
    await transactions.asSystem(async (m) => {
      await m.query(INSERT_OPERATOR, [randomUUID(), DEMO_ORGS.powerbank.parentId, name]);
      afterCommit(m.queryRunner, owner, 'k', () => ran.push('committed'));
      expect(ran).toEqual([]);
    });
    expect(ran).toEqual(['committed']);
    expect(await transactions.asSystem((m) => m.query('SELECT count(*)::int AS n FROM organizations WHERE name = $1', [name]))).toEqual([{ n: 1 }]);
  });

  it('rolls back when the work throws: nothing written, no after-commit action, the connection clean', async () => {
    const ran: string[] = [];
    const name = `tx-rollback-${Date.now()}`;
    await expect(
      transactions.asSystem(async (m) => {
        await m.query(INSERT_OPERATOR, [randomUUID(), DEMO_ORGS.powerbank.parentId, name]);
        afterCommit(m.queryRunner, owner, 'k', () => ran.push('committed'));
        throw new Error('the work failed');
      }),
    ).rejects.toThrow('the work failed');
    expect(ran).toEqual([]);
    expect(await idleStatus()).toBe('I');
    expect(await transactions.asSystem((m) => m.query('SELECT count(*)::int AS n FROM organizations WHERE name = $1', [name]))).toEqual([{ n: 0 }]);
  });

  it('an opening statement that fails rejects with its error, runs no work and leaves the connection clean', async () => {
    let worked = false;
    await expect(
      transactionOpenedWith(db.dataSource, { statement: { text: 'SELECT 1 / $1::int AS x', values: [0] } }, async () => {
        worked = true;
      }),
    ).rejects.toThrow(/division by zero/);
    expect(worked).toBe(false);
    expect(await idleStatus()).toBe('I');
    expect(await transactions.asSystem((m) => m.query('SELECT 1 AS one'))).toEqual([{ one: 1 }]);
  });

  it("a signed-in user's transaction checks the token before the work runs", async () => {
    let worked = false;
    const signedIn: Principal = { ...principalOf(DEMO_ORGS.powerbank.id), session: { id: randomUUID(), tokenVersion: 0 } } as Principal;
    const { sent } = await pipelines(() =>
      expect(
        transactions.asTenant(signedIn, async () => {
          worked = true;
        }),
      ).rejects.toBeInstanceOf(DomainError),
    );
    expect(worked).toBe(false);
    expect(sent).toEqual([['BEGIN', expect.stringMatching(/^SELECT zizhu_enter_session\(/)]]);
    expect(await idleStatus()).toBe('I');
  });

  it('a tenant that no longer exists is refused, even when the work sent nothing, and the transaction is rolled back', async () => {
    await expect(transactions.asTenant(principalOf('00000000-0000-4000-8000-00000000dead'), () => Promise.resolve('ran'))).rejects.toMatchObject({ code: 'AUTH_TENANT_GONE' });
    expect(await idleStatus()).toBe('I');
  });

  it('a deferred refusal is what the transaction throws and nothing is committed, even when the work caught it and went on', async () => {
    const ran: string[] = [];
    let rowsSeen: unknown = 'none';
    await expect(
      transactions.asTenant(principalOf('00000000-0000-4000-8000-00000000dead'), async (m) => {
        afterCommit(m.queryRunner, owner, 'k', () => ran.push('committed'));
        rowsSeen = await m.query('SELECT count(*)::int AS n FROM organizations').catch(() => 'refused');
        return 'went on';
      }),
    ).rejects.toMatchObject({ code: 'AUTH_TENANT_GONE' });
    expect(rowsSeen).toBe('refused'); // the first statement's rows were never handed out
    expect(ran).toEqual([]);
    expect(await idleStatus()).toBe('I');
  });

  it('a deferred opening: the work that throws before any statement sends nothing, drops its after-commit actions, and the client is itself again', async () => {
    const queries: string[] = [];
    const listener: EntitySubscriberInterface = { beforeQuery: (event) => void queries.push(event.query) };
    db.dataSource.subscribers.push(listener);
    const ran: string[] = [];
    try {
      const { sent } = await pipelines(() =>
        expect(
          transactions.asSystem((m) => {
            afterCommit(m.queryRunner, owner, 'k', () => ran.push('committed'));
            return Promise.reject(new Error('before any statement'));
          }),
        ).rejects.toThrow('before any statement'),
      );
      expect(sent).toEqual([]);
    } finally {
      db.dataSource.subscribers.splice(db.dataSource.subscribers.indexOf(listener), 1);
    }
    expect(queries).toEqual([]); // no ROLLBACK of a transaction the database never saw
    expect(ran).toEqual([]);
    expect(await idleStatus()).toBe('I');
    const { sent: next } = await pipelines(() => transactions.asSystem((m) => m.query('SELECT 2 AS two')));
    expect(next).toEqual([['BEGIN', `SELECT set_config('app.all_tenants', 'on', true)`, 'SELECT 2 AS two']]);
  });

  it('the check sees the opening statement\'s rows', async () => {
    let seen: unknown;
    await transactionOpenedWith(db.dataSource, { statement: { text: 'SELECT $1::int + 1 AS n', values: [41] }, check: (rows) => void (seen = rows) }, () => Promise.resolve());
    expect(seen).toEqual([{ n: 42 }]);
  });

  it('knows the all-tenants switch of the transactions it opens; systemRead lifts it for its reads only, without asking', async () => {
    const count = async (m: { query(q: string): Promise<unknown> }) => ((await m.query('SELECT count(*)::int AS n FROM organizations')) as { n: number }[])[0]!.n;
    const all = await transactions.asSystem(async (m) => {
      expect(allTenantsKnown(m)).toBe(true);
      const queries: string[] = [];
      const listener: EntitySubscriberInterface = { beforeQuery: (event) => void queries.push(event.query) };
      db.dataSource.subscribers.push(listener);
      try {
        await systemRead(m, () => count(m));
      } finally {
        db.dataSource.subscribers.splice(db.dataSource.subscribers.indexOf(listener), 1);
      }
      expect(queries).toEqual(['SELECT count(*)::int AS n FROM organizations']); // nothing to switch, nothing asked
      return count(m);
    });
    await transactions.asTenant(principalOf(DEMO_ORGS.powerbank.id), async (m) => {
      expect(allTenantsKnown(m)).toBe(false);
      const own = await count(m);
      expect(own).toBeLessThan(all);
      expect(await systemRead(m, () => count(m))).toBe(all);
      expect(await systemRead(m, () => systemRead(m, () => count(m)))).toBe(all); // nested: the inner one leaves the switch to the outer
      expect(allTenantsKnown(m)).toBe(false);
      expect(await count(m)).toBe(own);
    });
  });
});
