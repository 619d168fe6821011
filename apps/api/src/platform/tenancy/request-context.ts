import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { platformErrors } from '../errors/domain-error.js';
import { type ContextStore, contextStorage, type Principal } from './context-storage.js';

export type { Principal } from './context-storage.js';

/**
 * The request context. Reading the tenant or the transaction where there is none throws: tenancy
 * fails closed instead of quietly running a query for nobody (or everybody).
 */
@Injectable()
export class RequestContext {
  private get store(): ContextStore | undefined {
    return contextStorage.getStore();
  }

  get principal(): Principal {
    const principal = this.store?.principal;
    if (!principal) throw platformErrors.TENANT_CONTEXT_MISSING();
    return principal;
  }

  get tenantId(): string {
    return this.principal.tenantId;
  }

  get isPlatformAdmin(): boolean {
    return this.principal.role === 'PLATFORM_ADMIN';
  }

  /** The EntityManager of the current transaction. */
  get manager(): EntityManager {
    const manager = this.store?.manager;
    if (!manager) throw platformErrors.TENANT_CONTEXT_MISSING('No database transaction in the request context.');
    return manager;
  }

  get scope(): ContextStore['scope'] {
    return this.store?.scope;
  }

  get requestId(): string | undefined {
    return this.store?.requestId;
  }

  get hasTransaction(): boolean {
    return this.store?.manager !== undefined;
  }

  /** Records the authenticated principal in the current request's context. */
  setPrincipal(principal: Principal): void {
    const store = this.store;
    if (!store) throw platformErrors.TENANT_CONTEXT_MISSING('No request context to record the principal in.');
    store.principal = principal;
  }

  /** Runs fn in a child context holding the given values on top of the current ones (the outer context is left untouched). */
  within<T>(values: Partial<ContextStore>, fn: () => Promise<T>): Promise<T> {
    return contextStorage.run({ ...this.store, ...values }, fn);
  }
}
