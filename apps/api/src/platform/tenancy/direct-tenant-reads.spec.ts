import { randomUUID } from 'node:crypto';
import { describe, expect, it, jest } from '@jest/globals';
import {
  type CallHandler,
  type CanActivate,
  Controller,
  type ExecutionContext,
  Get,
  Module,
  type NestInterceptor,
  Param,
  Post,
  type Provider,
  Query,
  SetMetadata,
  UseGuards,
  ValidationPipe,
  Version,
  type Type,
} from '@nestjs/common';
import { APP_FILTER, APP_GUARD, APP_INTERCEPTOR, NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { IsOptional, IsString } from 'class-validator';
import { AuditService } from '../../modules/audit/audit.service.js';
import { AccessAdmission } from '../auth/access-admission.js';
import { AccessGuard } from '../auth/access.guard.js';
import { type AccessPolicy, PlatformAdmin, Public, TenantScoped } from '../auth/access-policy.js';
import { Transactions } from '../database/transactions.js';
import { ProblemFilter } from '../errors/problem.filter.js';
import { createValidationPipe } from '../errors/validation.js';
import { installDirectHandlers } from '../http/direct-handlers.js';
import type { Principal } from './context-storage.js';
import { DirectTenantRead } from './direct-tenant-read.decorator.js';
import { directTenantReadHandlers } from './direct-tenant-reads.js';
import { RequestContext } from './request-context.js';
import { TenantRead, TenantReads } from './tenant-reads.js';
import { TenantTransactionInterceptor } from './tenant-transaction.interceptor.js';

class Filter {
  @IsOptional()
  @IsString()
  q?: string;
}

/** A valid direct tenant read: its answer says whether its query arrived validated, as a Filter. */
@Controller('valid')
@TenantScoped('OPERATOR_ADMIN')
class Valid {
  @Get()
  @TenantRead()
  @DirectTenantRead()
  list(@Query() filter: Filter) {
    return { q: filter.q ?? null, validated: filter instanceof Filter };
  }
}

const PRINCIPAL: Principal = { userId: randomUUID(), tenantId: randomUUID(), role: 'OPERATOR_ADMIN' };

/**
 * Stand-ins for what the direct handler and the app's global guard and interceptor use (the real ones need a database):
 * an admission that admits and records the policy it was asked about, a context with a principal, tenant reads whose
 * token check passes. With the app's AccessGuard, TenantTransactionInterceptor and ProblemFilter as APP_GUARD,
 * APP_INTERCEPTOR and APP_FILTER, as AppModule has them.
 */
function stubProviders(admitted: AccessPolicy[] = []): Provider[] {
  return [
    { provide: AccessAdmission, useValue: { admit: (policy: AccessPolicy) => admitted.push(policy) > 0 } },
    { provide: RequestContext, useValue: { principal: PRINCIPAL } },
    { provide: Transactions, useValue: {} },
    { provide: AuditService, useValue: {} },
    { provide: TenantReads, useValue: { ensureEntered: async () => undefined } },
    { provide: APP_GUARD, useClass: AccessGuard },
    { provide: APP_INTERCEPTOR, useClass: TenantTransactionInterceptor },
    { provide: APP_FILTER, useClass: ProblemFilter },
  ];
}

async function createFor(controllers: Type[], providers: Provider[]): Promise<NestFastifyApplication> {
  @Module({ controllers, providers })
  class OnlyThese {}
  return NestFactory.create<NestFastifyApplication>(OnlyThese, new FastifyAdapter(), { logger: false, abortOnError: false });
}

/** What directTenantReadHandlers makes of a module holding only these controllers: the start's error, if any. */
async function startError(...controllers: Type[]): Promise<string | undefined> {
  const app = await createFor(controllers, stubProviders());
  try {
    directTenantReadHandlers(app, createValidationPipe());
    return undefined;
  } catch (error) {
    return (error as Error).message;
  } finally {
    await app.close();
  }
}

/**
 * An app started as createApp starts one: the ValidationPipe global, the direct handlers installed, then app.init().
 * `beforeInit`: what else is done to the app after the handlers were made (closed again if the start fails).
 */
async function start(
  controllers: Type[],
  options: { admitted?: AccessPolicy[]; providers?: Provider[]; beforeInit?: (app: NestFastifyApplication) => void } = {},
): Promise<NestFastifyApplication> {
  const app = await createFor(controllers, [...stubProviders(options.admitted), ...(options.providers ?? [])]);
  try {
    const validation = createValidationPipe();
    app.useGlobalPipes(validation);
    installDirectHandlers(app.getHttpAdapter().getInstance(), directTenantReadHandlers(app, validation));
    options.beforeInit?.(app);
    await app.init();
    return app;
  } catch (error) {
    await app.close();
    throw error;
  }
}

describe('@DirectTenantRead(): a route that needs more than the direct path does fails the start', () => {
  it('refuses a route without an access policy', async () => {
    @Controller('x')
    class NoPolicy {
      @Get()
      @TenantRead()
      @DirectTenantRead()
      list() {
        return [];
      }
    }
    expect(await startError(NoPolicy)).toBe('tenantRead:NoPolicy.list: a direct route needs an access policy');
  });

  it('refuses a policy that is not a tenant or platform-admin one', async () => {
    @Controller('x')
    @Public()
    class Open {
      @Get()
      @TenantRead()
      @DirectTenantRead()
      list() {
        return [];
      }
    }
    expect(await startError(Open)).toMatch(/needs a tenant or platform-admin policy, not public/);
  });

  it('refuses anything but a @TenantRead() GET', async () => {
    @Controller('x')
    @TenantScoped()
    class Write {
      @Post()
      @TenantRead()
      @DirectTenantRead()
      create() {
        return {};
      }
    }
    expect(await startError(Write)).toMatch(/is a GET$/);
    @Controller('x')
    @TenantScoped()
    class Unmarked {
      @Get()
      @DirectTenantRead()
      list() {
        return [];
      }
    }
    expect(await startError(Unmarked)).toMatch(/is marked @TenantRead\(\)$/);
  });

  it('refuses a guard of its own and an argument other than one @Query() DTO', async () => {
    @Controller('x')
    @TenantScoped()
    @UseGuards(class {
      canActivate() {
        return true;
      }
    })
    class Guarded {
      @Get()
      @TenantRead()
      @DirectTenantRead()
      list() {
        return [];
      }
    }
    expect(await startError(Guarded)).toMatch(/has __guards__, which only Nest's pipeline applies/);
    @Controller('x')
    @TenantScoped()
    class WithParam {
      @Get(':id')
      @TenantRead()
      @DirectTenantRead()
      get(@Param('id') id: string, @Query() query: Filter) {
        return { id, query };
      }
    }
    expect(await startError(WithParam)).toMatch(/takes no argument or one @Query\(\) DTO/);
  });

  it('refuses route metadata it does not know to be harmless: a host-bound controller, a version, a key of its own', async () => {
    @Controller({ path: 'x', host: 'admin.example.com' })
    @TenantScoped()
    class HostBound {
      @Get()
      @TenantRead()
      @DirectTenantRead()
      list() {
        return [];
      }
    }
    expect(await startError(HostBound)).toMatch(/^tenantRead:HostBound\.list: has host, which only Nest's pipeline applies/);
    @Controller('x')
    @TenantScoped()
    @SetMetadata('zizhu:feature-flag', 'beta')
    class Flagged {
      @Get()
      @TenantRead()
      @DirectTenantRead()
      @SetMetadata('roles', ['OPERATOR_ADMIN'])
      @Version('2')
      list() {
        return [];
      }
    }
    const refused = await startError(Flagged);
    expect(refused).toMatch(/^tenantRead:Flagged\.list: has /);
    expect(refused).toContain('zizhu:feature-flag');
    expect(refused).toContain('roles');
    expect(refused).toContain('__version__');
  });

  it('refuses a subclass controller that inherits a marked method: its route would be answered with the base’s policy', async () => {
    @Controller('base')
    @TenantScoped()
    class Base {
      @Get()
      @TenantRead()
      @DirectTenantRead()
      list() {
        return ['everything'];
      }
    }
    @Controller('admin')
    @PlatformAdmin()
    class Sub extends Base {}
    expect(await startError(Base, Sub)).toMatch(/^tenantRead:Sub\.list: inherits the direct tenant read tenantRead:Base\.list/);
    // an abstract base, not a controller of its own, alike
    expect(await startError(Sub)).toMatch(/^tenantRead:Sub\.list: inherits the direct tenant read tenantRead:Base\.list/);
  });

  it('answers a valid marked route by its direct handler: its own policy admitted, its query validated, no Nest guard or interceptor', async () => {
    const admitted: AccessPolicy[] = [];
    const app = await start([Valid], { admitted });
    const canActivate = jest.spyOn(AccessGuard.prototype, 'canActivate');
    const intercept = jest.spyOn(TenantTransactionInterceptor.prototype, 'intercept');
    try {
      const answer = await app.inject({ method: 'GET', url: '/valid?q=a' });
      expect({ status: answer.statusCode, body: answer.json() as unknown }).toEqual({ status: 200, body: { q: 'a', validated: true } });
      expect(admitted).toEqual([{ kind: 'tenant', roles: ['OPERATOR_ADMIN'] }]);
      const refused = await app.inject({ method: 'GET', url: '/valid?bogus=1' });
      expect({ status: refused.statusCode, code: (refused.json() as { code: string }).code }).toEqual({ status: 400, code: 'VALIDATION_FAILED' });
      expect(canActivate).not.toHaveBeenCalled();
      expect(intercept).not.toHaveBeenCalled();
    } finally {
      canActivate.mockRestore();
      intercept.mockRestore();
      await app.close();
    }
  });
});

describe('@DirectTenantRead(): the app’s global guards, interceptors and pipes must be those it stands in for', () => {
  class ExtraGuard implements CanActivate {
    canActivate() {
      return true;
    }
  }
  class ExtraInterceptor implements NestInterceptor {
    intercept(_execution: ExecutionContext, next: CallHandler) {
      return next.handle();
    }
  }

  it('fails the start with one more APP_GUARD provider', async () => {
    await expect(start([Valid], { providers: [{ provide: APP_GUARD, useClass: ExtraGuard }] })).rejects.toThrow(
      /^direct tenant reads stand in for the global AccessGuard, TenantTransactionInterceptor and the app's ValidationPipe only, but the app has guards \[AccessGuard, ExtraGuard\]/,
    );
  });

  it('fails the start with a global guard, interceptor or pipe added after the handlers were made, before app.init()', async () => {
    await expect(start([Valid], { beforeInit: (app) => app.useGlobalGuards(new ExtraGuard()) })).rejects.toThrow(/guards \[AccessGuard, ExtraGuard\]/);
    await expect(start([Valid], { beforeInit: (app) => app.useGlobalInterceptors(new ExtraInterceptor()) })).rejects.toThrow(
      /interceptors \[TenantTransactionInterceptor, ExtraInterceptor\]/,
    );
    await expect(start([Valid], { beforeInit: (app) => app.useGlobalPipes(new ValidationPipe()) })).rejects.toThrow(/pipes \[ZizhuValidationPipe, ValidationPipe\]/);
  });
});
