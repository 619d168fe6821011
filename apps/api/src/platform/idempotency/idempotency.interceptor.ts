import { type CallHandler, type ExecutionContext, Injectable, type NestInterceptor } from '@nestjs/common';
import { HTTP_CODE_METADATA } from '@nestjs/common/constants.js';
import { Reflector } from '@nestjs/core';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { from, lastValueFrom, type Observable } from 'rxjs';
import {
  IDEMPOTENCY_KEY_HEADER,
  IDEMPOTENT_OPTIONS,
  IDEMPOTENT_REPLAYED_HEADER,
  idempotencyKeyOf,
  type IdempotentOptions,
  requestHash,
} from './idempotency-request.js';
import { idempotencyErrors } from './idempotency.errors.js';
import { IdempotencyStore, type IdempotencySlot } from './idempotency.store.js';

/** The body exactly as it goes on the wire (dates as strings, undefined properties dropped), or undefined for none. */
function wireJson(result: unknown): unknown {
  const text = JSON.stringify(result);
  return text === undefined ? undefined : (JSON.parse(text) as unknown);
}

/**
 * Applied by `@Idempotent()`. Runs inside the request's tenant transaction (the global
 * TenantTransactionInterceptor wraps every route interceptor), so the stored answer commits atomically
 * with the handler's work, and a handler that throws rolls the claim back with everything else.
 */
@Injectable()
export class IdempotencyInterceptor implements NestInterceptor {
  constructor(
    private readonly reflector: Reflector,
    private readonly store: IdempotencyStore,
  ) {}

  intercept(execution: ExecutionContext, next: CallHandler): Observable<unknown> {
    const options = this.reflector.get<IdempotentOptions | undefined>(IDEMPOTENT_OPTIONS, execution.getHandler());
    const http = execution.switchToHttp();
    const request = http.getRequest<FastifyRequest>();
    const reply = http.getResponse<FastifyReply>();
    const run = async (): Promise<unknown> => {
      const key = idempotencyKeyOf(request.headers[IDEMPOTENCY_KEY_HEADER], options?.required ?? true);
      if (key === undefined) return lastValueFrom(next.handle(), { defaultValue: undefined });
      const route = request.routeOptions.url ?? request.url;
      const slot: IdempotencySlot = { scope: `${request.method} ${route}`, key };
      const hash = requestHash({ method: request.method, route, params: request.params, body: request.body });
      // the status Nest will send for this route (it applies it after the interceptors, on a replay too)
      const statusCode = this.reflector.get<number | undefined>(HTTP_CODE_METADATA, execution.getHandler()) ?? (request.method === 'POST' ? 201 : 200);

      const claim = await this.store.claim(slot, hash, statusCode);
      if (claim.kind === 'stored') {
        if (claim.requestHash !== hash) throw idempotencyErrors.IDEMPOTENCY_KEY_REUSED();
        void reply.header(IDEMPOTENT_REPLAYED_HEADER, 'true');
        return claim.response ?? undefined;
      }
      const result = await lastValueFrom(next.handle(), { defaultValue: undefined });
      await this.store.complete(slot, statusCode, wireJson(result));
      return result;
    };
    return from(run());
  }
}
