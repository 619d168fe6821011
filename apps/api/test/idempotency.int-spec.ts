import { randomBytes, randomUUID } from 'node:crypto';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import { Body, Controller, type DynamicModule, HttpCode, Module, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { APP_FILTER, APP_GUARD, APP_INTERCEPTOR, NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { TypeOrmModule } from '@nestjs/typeorm';
import { IsInt, IsOptional, IsString, Min } from 'class-validator';
import type { Response as InjectResponse } from 'light-my-request';
import type { AppConfig } from '../src/config/app-config.js';
import { AuditModule } from '../src/modules/audit/audit.module.js';
import { AuditService } from '../src/modules/audit/audit.service.js';
import { DEMO_PASSWORD } from '../src/modules/demo/demo-data.js';
import { DemoSeedService } from '../src/modules/demo/demo-seed.service.js';
import { IdentityModule } from '../src/modules/identity/identity.module.js';
import { AccessGuard } from '../src/platform/auth/access.guard.js';
import { TenantScoped } from '../src/platform/auth/access-policy.js';
import { openDatabase, type OpenDatabase } from '../src/platform/database/database.js';
import { Transactions } from '../src/platform/database/transactions.js';
import { defineErrors } from '../src/platform/errors/domain-error.js';
import { ProblemFilter } from '../src/platform/errors/problem.filter.js';
import { createValidationPipe } from '../src/platform/errors/validation.js';
import { Idempotent, IdempotencyModule } from '../src/platform/idempotency/index.js';
import { PlatformModule } from '../src/platform/platform.module.js';
import { contextStorage } from '../src/platform/tenancy/context-storage.js';
import { RequestContext } from '../src/platform/tenancy/request-context.js';
import { TenantTransactionInterceptor } from '../src/platform/tenancy/tenant-transaction.interceptor.js';
import { freshDatabaseConfig, testConfig } from './support/test-app.js';

// ---- a tiny money-moving controller, test only: its side effect is an audit row in the request's transaction

class ChargeDto {
  @IsInt() @Min(1) amountFen!: number;
  @IsOptional() @IsString() note?: string;
}

const testErrors = defineErrors({ TEST_CHARGE_DECLINED: [409, 'Declined (test).'] });

/** What the handlers did, counted outside the database (attempts that rolled back count too). */
const calls = { charges: 0, refunds: 0, optional: 0, failNext: false };

@Controller('v1/test')
@TenantScoped()
class ChargesTestController {
  constructor(
    private readonly audit: AuditService,
    private readonly context: RequestContext,
  ) {}

  @Post('accounts/:accountId/charges')
  @Idempotent()
  async charge(@Param('accountId', ParseUUIDPipe) accountId: string, @Body() body: ChargeDto) {
    calls.charges++;
    const chargeId = randomUUID();
    await this.audit.record({ action: 'test.charge', resourceType: 'charge', resourceId: chargeId, subjectTenantId: null, after: body });
    // long enough for a concurrent request with the same key to arrive while this transaction is open
    await this.context.manager.query('SELECT pg_sleep(0.15)');
    if (calls.failNext) {
      calls.failNext = false;
      throw testErrors.TEST_CHARGE_DECLINED();
    }
    return { id: chargeId, accountId, amountFen: body.amountFen, note: body.note ?? null, chargedAt: new Date() };
  }

  @Post('refunds')
  @HttpCode(200)
  @Idempotent()
  async refund(@Body() body: ChargeDto) {
    calls.refunds++;
    await this.audit.record({ action: 'test.refund', resourceType: 'refund', resourceId: null, subjectTenantId: null, after: body });
    return { refundedFen: body.amountFen, n: calls.refunds };
  }

  @Post('tips')
  @Idempotent({ required: false })
  tip(@Body() body: ChargeDto) {
    calls.optional++;
    return { tipFen: body.amountFen, n: calls.optional };
  }
}

@Module({})
class IdempotencyTestModule {
  static register(config: AppConfig, database: OpenDatabase, jwtSecret: string): DynamicModule {
    return {
      module: IdempotencyTestModule,
      imports: [
        TypeOrmModule.forRootAsync({ useFactory: () => database.dataSource.options, dataSourceFactory: async () => database.dataSource }),
        PlatformModule.register(config, jwtSecret),
        IdempotencyModule,
        AuditModule,
        IdentityModule,
      ],
      controllers: [ChargesTestController],
      providers: [
        { provide: APP_GUARD, useClass: AccessGuard },
        { provide: APP_INTERCEPTOR, useClass: TenantTransactionInterceptor },
        { provide: APP_FILTER, useClass: ProblemFilter },
      ],
    };
  }
}

// ---- the app: the real guard, tenant transaction, problem filter, validation and database, as createApp wires them

describe('Idempotency-Key on money-moving POSTs (real interceptor, real database)', () => {
  let app: NestFastifyApplication;
  let database: OpenDatabase;
  let drop: () => Promise<void>;
  let transactions: Transactions;
  let powerbank: string;
  let vendorC1: string;
  const account = '00000000-0000-4000-8000-00000000abcd';

  const http = (url: string, token: string, body: unknown, key?: string): Promise<InjectResponse> =>
    app.inject({
      method: 'POST',
      url,
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', ...(key === undefined ? {} : { 'idempotency-key': key }) },
      payload: JSON.stringify(body),
    });
  const charge = (token: string, body: unknown, key?: string, accountId = account) => http(`/v1/test/accounts/${accountId}/charges`, token, body, key);
  const newKey = () => `key-${randomBytes(8).toString('hex')}`;
  /** Committed side effects, counted across tenants. */
  const auditCount = async (action: string, after?: object): Promise<number> =>
    transactions.asSystem(async (m) => {
      const [row] = (await m.query(`SELECT count(*)::int AS n FROM audit_log WHERE action = $1 AND ($2::jsonb IS NULL OR after @> $2::jsonb)`, [
        action,
        after ? JSON.stringify(after) : null,
      ])) as [{ n: number }];
      return row.n;
    });

  beforeAll(async () => {
    const fresh = await freshDatabaseConfig();
    drop = fresh.drop;
    database = await openDatabase(fresh.database);
    const config = testConfig(fresh.database);
    app = await NestFactory.create<NestFastifyApplication>(IdempotencyTestModule.register(config, database, randomBytes(32).toString('hex')), new FastifyAdapter(), {
      logger: false,
      abortOnError: false,
    });
    app.useGlobalPipes(createValidationPipe());
    app.getHttpAdapter().getInstance().addHook('onRequest', (request, _reply, done) => {
      contextStorage.run({ requestId: request.id }, done);
    });
    await app.init();
    await app.getHttpAdapter().getInstance().ready();
    transactions = app.get(Transactions);
    await new DemoSeedService().seedIfEmpty(transactions);
    const login = async (email: string) => {
      const response = await app.inject({ method: 'POST', url: '/v1/auth/login', payload: { login: email, password: DEMO_PASSWORD } });
      expect(response.statusCode).toBe(200);
      return (response.json() as { accessToken: string }).accessToken;
    };
    powerbank = await login('ops@powerbank.demo');
    vendorC1 = await login('c1@vendor.demo');
  });

  afterAll(async () => {
    await app?.close();
    await database?.close();
    await drop?.();
  });

  beforeEach(() => {
    calls.failNext = false;
  });

  it('replays the stored answer for the same key and body without running the handler again', async () => {
    const key = newKey();
    const before = calls.charges;
    const first = await charge(powerbank, { amountFen: 500, note: 'first' }, key);
    expect(first.statusCode).toBe(201);
    expect(first.headers['idempotent-replayed']).toBeUndefined();
    // the same body with its keys in another order is the same request
    const again = await charge(powerbank, { note: 'first', amountFen: 500 }, key);
    expect(again.statusCode).toBe(201);
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(again.json()).toEqual(first.json());
    expect(calls.charges - before).toBe(1);
    expect(await auditCount('test.charge', { note: 'first' })).toBe(1);

    const [row] = await transactions.asSystem(
      (m) =>
        m.query(`SELECT status_code, response, extract(epoch FROM expires_at - created_at)::int AS ttl_seconds FROM idempotency_keys WHERE key = $1`, [key]) as Promise<
          { status_code: number; response: unknown; ttl_seconds: number }[]
        >,
    );
    expect(row).toMatchObject({ status_code: 201, response: first.json(), ttl_seconds: 24 * 3600 });
  });

  it('answers 422 IDEMPOTENCY_KEY_REUSED for the same key with another body or other path params', async () => {
    const key = newKey();
    expect((await charge(powerbank, { amountFen: 100 }, key)).statusCode).toBe(201);
    const before = calls.charges;
    const otherBody = await charge(powerbank, { amountFen: 101 }, key);
    expect(otherBody.statusCode).toBe(422);
    expect(otherBody.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(otherBody.json()).toMatchObject({ status: 422, code: 'IDEMPOTENCY_KEY_REUSED' });
    const otherAccount = await charge(powerbank, { amountFen: 100 }, key, '00000000-0000-4000-8000-00000000abce');
    expect(otherAccount.json()).toMatchObject({ status: 422, code: 'IDEMPOTENCY_KEY_REUSED' });
    expect(calls.charges).toBe(before);
  });

  it('refuses a missing key (400 IDEMPOTENCY_KEY_REQUIRED) and a malformed one (400 IDEMPOTENCY_KEY_INVALID) before running anything', async () => {
    const before = calls.charges;
    const missing = await charge(powerbank, { amountFen: 100 });
    expect(missing.statusCode).toBe(400);
    expect(missing.json()).toMatchObject({ code: 'IDEMPOTENCY_KEY_REQUIRED' });
    for (const bad of ['x'.repeat(256), 'tab\there', '']) {
      const response = await charge(powerbank, { amountFen: 100 }, bad);
      expect({ bad, status: response.statusCode, code: (response.json() as { code: string }).code }).toEqual({ bad, status: 400, code: 'IDEMPOTENCY_KEY_INVALID' });
    }
    expect((await charge(powerbank, { amountFen: 100 }, `${'x'.repeat(253)} ~`)).statusCode).toBe(201);
    expect(calls.charges).toBe(before + 1);
  });

  it('keeps keys per tenant: another organisation using the same key runs its own request', async () => {
    const key = newKey();
    const ours = await charge(powerbank, { amountFen: 700 }, key);
    const theirs = await charge(vendorC1, { amountFen: 900 }, key);
    expect(ours.statusCode).toBe(201);
    expect(theirs.statusCode).toBe(201);
    expect(theirs.headers['idempotent-replayed']).toBeUndefined();
    expect((theirs.json() as { amountFen: number }).amountFen).toBe(900);
    // and each replays its own answer
    expect((await charge(vendorC1, { amountFen: 900 }, key)).json()).toEqual(theirs.json());
    expect((await charge(powerbank, { amountFen: 700 }, key)).json()).toEqual(ours.json());
    // row-level security: each tenant sees only its own key row
    const tenantId = await tenantOf('ops@powerbank.demo');
    const visible = await transactions.asTenant({ userId: randomUUID(), tenantId, role: 'OPERATOR_ADMIN' }, (m) =>
      m.query(`SELECT tenant_id FROM idempotency_keys WHERE key = $1`, [key]) as Promise<{ tenant_id: string }[]>,
    );
    expect(visible).toEqual([{ tenant_id: tenantId }]);
  });

  it('keeps keys per route: the same key on another route is another request', async () => {
    const key = newKey();
    expect((await charge(powerbank, { amountFen: 300 }, key)).statusCode).toBe(201);
    const refund = await http('/v1/test/refunds', powerbank, { amountFen: 300 }, key);
    expect(refund.statusCode).toBe(200);
    expect(refund.headers['idempotent-replayed']).toBeUndefined();
  });

  it('replays with the status of a route with a non-default @HttpCode', async () => {
    const key = newKey();
    const before = calls.refunds;
    const first = await http('/v1/test/refunds', powerbank, { amountFen: 42 }, key);
    const again = await http('/v1/test/refunds', powerbank, { amountFen: 42 }, key);
    expect([first.statusCode, again.statusCode]).toEqual([200, 200]);
    expect(again.json()).toEqual(first.json());
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(calls.refunds - before).toBe(1);
  });

  it('leaves the key reusable when the handler throws: the claim rolls back with the work', async () => {
    const key = newKey();
    const before = calls.charges;
    calls.failNext = true;
    const failed = await charge(powerbank, { amountFen: 250, note: 'declined-then-ok' }, key);
    expect(failed.statusCode).toBe(409);
    expect(failed.json()).toMatchObject({ code: 'TEST_CHARGE_DECLINED' });
    expect(await auditCount('test.charge', { note: 'declined-then-ok' })).toBe(0);

    const retried = await charge(powerbank, { amountFen: 250, note: 'declined-then-ok' }, key);
    expect(retried.statusCode).toBe(201);
    expect(retried.headers['idempotent-replayed']).toBeUndefined();
    expect(calls.charges - before).toBe(2);
    expect(await auditCount('test.charge', { note: 'declined-then-ok' })).toBe(1);

    // an invalid body (refused by validation inside the transaction) does not burn the key either
    const key2 = newKey();
    expect((await charge(powerbank, { amountFen: 'lots' }, key2)).statusCode).toBe(400);
    expect((await charge(powerbank, { amountFen: 1 }, key2)).statusCode).toBe(201);
  });

  it('runs the handler once for concurrent requests with one key (the others wait on the primary key, then replay)', async () => {
    const key = newKey();
    const before = calls.charges;
    const body = { amountFen: 1234, note: `concurrent-${key}` };
    // five at once: on the server each has its own connection and transaction (pool of 5), so they overlap
    // for real; without the wait on the primary key the losers would fail with a unique violation (500)
    const responses = await Promise.all(Array.from({ length: 5 }, () => charge(powerbank, body, key)));
    expect(responses.map((r) => r.statusCode)).toEqual([201, 201, 201, 201, 201]);
    for (const r of responses) expect(r.json()).toEqual(responses[0]!.json());
    expect(responses.filter((r) => r.headers['idempotent-replayed'] === 'true')).toHaveLength(4);
    expect(calls.charges - before).toBe(1);
    expect(await auditCount('test.charge', { note: body.note })).toBe(1);

    // while the first is in flight, a concurrent request with another body is told 422, not run
    const key2 = newKey();
    const [c, d] = await Promise.all([charge(powerbank, { amountFen: 1 }, key2), charge(powerbank, { amountFen: 2 }, key2)]);
    expect([c!.statusCode, d!.statusCode].sort()).toEqual([201, 422]);
  });

  it('forgets a key after 24 hours: an expired row is replaced', async () => {
    const key = newKey();
    expect((await charge(powerbank, { amountFen: 10 }, key)).statusCode).toBe(201);
    await transactions.asSystem((m) => m.query(`UPDATE idempotency_keys SET expires_at = now() - interval '1 second' WHERE key = $1`, [key]));
    const before = calls.charges;
    const fresh = await charge(powerbank, { amountFen: 11 }, key);
    expect(fresh.statusCode).toBe(201);
    expect(fresh.headers['idempotent-replayed']).toBeUndefined();
    expect(calls.charges - before).toBe(1);
    expect((await charge(powerbank, { amountFen: 11 }, key)).headers['idempotent-replayed']).toBe('true');
  });

  it('runs an optional-key route without a key every time, and idempotently with one', async () => {
    const before = calls.optional;
    expect((await http('/v1/test/tips', powerbank, { amountFen: 5 })).statusCode).toBe(201);
    expect((await http('/v1/test/tips', powerbank, { amountFen: 5 })).statusCode).toBe(201);
    const key = newKey();
    const first = await http('/v1/test/tips', powerbank, { amountFen: 5 }, key);
    const again = await http('/v1/test/tips', powerbank, { amountFen: 5 }, key);
    expect(again.json()).toEqual(first.json());
    expect(calls.optional - before).toBe(3);
  });

  async function tenantOf(email: string): Promise<string> {
    const [row] = await transactions.asSystem((m) => m.query(`SELECT tenant_id FROM users WHERE email = $1`, [email]) as Promise<{ tenant_id: string }[]>);
    return row!.tenant_id;
  }
});
