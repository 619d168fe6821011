import { describe, expect, it } from '@jest/globals';
import { Controller, Get, Module, Param, Post, Query, UseGuards, type Type } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { IsOptional, IsString } from 'class-validator';
import { Public, TenantScoped } from '../auth/access-policy.js';
import { createValidationPipe } from '../errors/validation.js';
import { DirectTenantRead, directTenantReadHandlers } from './direct-tenant-reads.js';
import { TenantRead } from './tenant-reads.js';

class Filter {
  @IsOptional()
  @IsString()
  q?: string;
}

/** What directTenantReadHandlers makes of a module holding only this controller: the start's error, if any. */
async function startError(controller: Type): Promise<string | undefined> {
  @Module({ controllers: [controller] })
  class OnlyThis {}
  const app = await NestFactory.create<NestFastifyApplication>(OnlyThis, new FastifyAdapter(), { logger: false, abortOnError: false });
  try {
    directTenantReadHandlers(app, createValidationPipe());
    return undefined;
  } catch (error) {
    return (error as Error).message;
  } finally {
    await app.close();
  }
}

// The services the handler calls are looked up only once every check passed: these apps provide none of them.
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
});
