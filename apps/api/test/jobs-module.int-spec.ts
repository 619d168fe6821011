import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Global, Injectable, Module, type OnModuleInit } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { INestApplicationContext } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { openDatabase, type OpenDatabase } from '../src/platform/database/database.js';
import { Transactions } from '../src/platform/database/transactions.js';
import { defineJob } from '../src/platform/jobs/job-definition.js';
import { JobsModule } from '../src/platform/jobs/jobs.module.js';
import { JobsService } from '../src/platform/jobs/jobs.service.js';
import { RequestContext } from '../src/platform/tenancy/request-context.js';
import { freshDatabaseConfig } from './support/test-app.js';

const ping = defineJob<{ word: string }>('test.nest-ping');
const started: string[] = [];
const heard: string[] = [];

/** A module registering its worker the way feature modules will: in onModuleInit, before the queue starts. */
@Injectable()
class PingWorker implements OnModuleInit {
  constructor(private readonly jobs: JobsService) {}

  onModuleInit(): Promise<void> {
    return this.jobs.register(ping, async ({ word }) => {
      started.push(word);
      await sleep(300);
      heard.push(word);
    });
  }
}

/** Stands in for PlatformModule (which needs the whole AppConfig): the two providers jobs use. */
@Global()
@Module({ providers: [RequestContext, Transactions], exports: [RequestContext, Transactions] })
class ContextModule {}

describe('JobsModule in a Nest application', () => {
  let db: OpenDatabase;
  let drop: () => Promise<void>;
  let app: INestApplicationContext;

  beforeAll(async () => {
    const fresh = await freshDatabaseConfig();
    drop = fresh.drop;
    db = await openDatabase(fresh.database);
    @Module({
      imports: [
        TypeOrmModule.forRootAsync({ useFactory: () => db.dataSource.options, dataSourceFactory: async () => db.dataSource }),
        ContextModule,
        JobsModule.register({ pollingIntervalSeconds: 0.5, stopTimeoutMs: 5_000 }),
      ],
      providers: [PingWorker],
    })
    class TestAppModule {}
    app = await NestFactory.createApplicationContext(TestAppModule, { logger: false });
  });

  afterAll(async () => {
    await db?.close();
    await drop?.();
  });

  it('starts at bootstrap with the workers modules registered, queues in the request transaction, and drains on close', async () => {
    const jobs = app.get(JobsService);
    expect(jobs.isStarted).toBe(true);
    const transactions = app.get(Transactions);
    // a worker registered in onModuleInit has its queue, so queueing inside a transaction works from the first request
    const queued = await transactions.asSystem(() => jobs.enqueue(ping, { word: 'hello' }, { key: 'hello' }));
    expect(queued.created).toBe(true);
    const deadline = Date.now() + 5_000;
    while (started.length === 0 && Date.now() < deadline) await sleep(10);
    expect(started).toEqual(['hello']);
    expect(heard).toEqual([]);
    // closing the application (onModuleDestroy) waits for the running handler before the database goes
    await app.close();
    expect(jobs.isStarted).toBe(false);
    expect(heard).toEqual(['hello']);
  });
});
