import { type ArgumentsHost, Catch, type ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { currentRequestId } from '../tenancy/context-storage.js';
import { DomainError } from './domain-error.js';

interface Problem {
  type: string;
  title: string;
  status: number;
  code: string;
  detail: string;
  requestId: string | undefined;
  errors?: readonly { field: string; messages: readonly string[] }[];
  /** A file's problems by row (the CSV device import). */
  rows?: readonly { row: number; field: string; message: string }[];
  /** With 429 (and Retry-After): when to try again. */
  retryAfterSeconds?: number;
}

const TITLES: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  409: 'Conflict',
  413: 'Payload Too Large',
  415: 'Unsupported Media Type',
  422: 'Unprocessable Content',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  502: 'Bad Gateway',
  503: 'Service Unavailable',
};

const HTTP_CODES: Record<number, string> = {
  400: 'BAD_REQUEST',
  401: 'AUTH_REQUIRED',
  403: 'FORBIDDEN',
  404: 'ROUTE_NOT_FOUND',
  405: 'METHOD_NOT_ALLOWED',
  413: 'PAYLOAD_TOO_LARGE',
  415: 'UNSUPPORTED_MEDIA_TYPE',
};

/** What of an unexpected error may be logged: never a failed query's parameters (password hashes, logins). */
function safeError(exception: unknown): unknown {
  if (!(exception instanceof Error)) return exception;
  const { code, query } = exception as Error & { code?: unknown; query?: unknown };
  return { type: exception.name, message: exception.message, stack: exception.stack, code, query };
}

/** Answers every error as application/problem+json with a stable `code` and the request id. */
@Catch()
export class ProblemFilter implements ExceptionFilter {
  private readonly logger = new Logger('Errors');

  catch(exception: unknown, host: ArgumentsHost): void {
    const reply = host.switchToHttp().getResponse<FastifyReply>();
    const request = host.switchToHttp().getRequest<{ id?: string }>();
    const requestId = currentRequestId() ?? request.id;
    const problem = this.toProblem(exception, requestId);
    if (problem.status >= 500) this.logger.error({ err: safeError(exception), code: problem.code }, problem.detail);
    if (exception instanceof DomainError && exception.extra.retryAfterSeconds !== undefined) {
      void reply.header('retry-after', String(exception.extra.retryAfterSeconds));
    }
    void reply.status(problem.status).header('content-type', 'application/problem+json; charset=utf-8').send(problem);
  }

  private toProblem(exception: unknown, requestId: string | undefined): Problem {
    if (exception instanceof DomainError) {
      return {
        type: `https://zizhu.dev/problems/${exception.code.toLowerCase().replaceAll('_', '-')}`,
        title: TITLES[exception.status] ?? 'Error',
        status: exception.status,
        code: exception.code,
        detail: exception.message,
        requestId,
        ...(exception.extra.errors ? { errors: exception.extra.errors } : {}),
        ...(exception.extra.rows ? { rows: exception.extra.rows } : {}),
        ...(exception.extra.retryAfterSeconds !== undefined ? { retryAfterSeconds: exception.extra.retryAfterSeconds } : {}),
      };
    }
    if (exception instanceof HttpException) {
      const status = exception.getStatus();
      const body = exception.getResponse();
      const detail = typeof body === 'object' && body && 'message' in body ? String((body as { message: unknown }).message) : exception.message;
      return {
        type: 'about:blank',
        title: TITLES[status] ?? 'Error',
        status,
        code: HTTP_CODES[status] ?? (status >= 500 ? 'INTERNAL_ERROR' : 'BAD_REQUEST'),
        detail,
        requestId,
      };
    }
    const status = typeof exception === 'object' && exception && 'statusCode' in exception ? Number(exception.statusCode) : 500;
    if (status >= 400 && status < 500) {
      // fastify's own errors (malformed JSON, body too large, wrong content type)
      return {
        type: 'about:blank',
        title: TITLES[status] ?? 'Error',
        status,
        code: HTTP_CODES[status] ?? 'BAD_REQUEST',
        detail: exception instanceof Error ? exception.message : 'Bad request',
        requestId,
      };
    }
    return { type: 'about:blank', title: TITLES[500]!, status: 500, code: 'INTERNAL_ERROR', detail: 'Something went wrong on our side.', requestId };
  }
}
