import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { PGlite } from '@electric-sql/pglite';
import { createPgConfig } from '@electric-sql/pglite/node-postgres';
import { DataSource } from 'typeorm';
import { afterCommit } from './after-commit.js';

describe('afterCommit', () => {
  const owner = {};
  let pglite: PGlite;
  let dataSource: DataSource;

  beforeAll(async () => {
    pglite = await PGlite.create();
    dataSource = await new DataSource({ type: 'postgres', poolSize: 1, extra: { ...createPgConfig(pglite), max: 1 } }).initialize();
  });

  afterAll(async () => {
    await dataSource.destroy();
    await pglite.close();
  });

  it('runs at once outside a transaction', () => {
    const ran: string[] = [];
    afterCommit(undefined, owner, 'a', () => ran.push('a'));
    afterCommit(dataSource.createQueryRunner(), owner, 'b', () => ran.push('b'));
    expect(ran).toEqual(['a', 'b']);
  });

  it('runs once the transaction commits, once per owner and key, not when a savepoint is released', async () => {
    const ran: string[] = [];
    await dataSource.transaction(async (m) => {
      afterCommit(m.queryRunner, owner, 'k1', () => ran.push('first k1'));
      afterCommit(m.queryRunner, owner, 'k1', () => ran.push('second k1'));
      afterCommit(m.queryRunner, {}, 'k1', () => ran.push('another owner’s k1'));
      await m.transaction(async (inner) => {
        afterCommit(inner.queryRunner, owner, 'k2', () => ran.push('k2'));
        await inner.query('SELECT 1');
      });
      expect(ran).toEqual([]); // the savepoint was released, the transaction goes on
      await m.query('SELECT 1');
    });
    expect(ran).toEqual(['first k1', 'k2', 'another owner’s k1']);
  });

  it('never runs what a rolled-back transaction left, and the next transaction on the same runner starts clean', async () => {
    const ran: string[] = [];
    const runner = dataSource.createQueryRunner();
    await runner.connect();
    try {
      await runner.startTransaction();
      afterCommit(runner, owner, 'k', () => ran.push('rolled back'));
      await runner.rollbackTransaction();
      await runner.startTransaction();
      afterCommit(runner, owner, 'k', () => ran.push('committed'));
      await runner.commitTransaction();
    } finally {
      await runner.release();
    }
    expect(ran).toEqual(['committed']);
  });

  it('keeps what the outer transaction left when a savepoint rolls back', async () => {
    const ran: string[] = [];
    await dataSource.transaction(async (m) => {
      afterCommit(m.queryRunner, owner, 'outer', () => ran.push('outer'));
      await m
        .transaction(async (inner) => {
          await inner.query('SELECT 1');
          throw new Error('inner fails');
        })
        .catch(() => undefined);
    });
    expect(ran).toEqual(['outer']);
  });
});
