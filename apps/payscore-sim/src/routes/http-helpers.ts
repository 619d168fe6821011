import { type FastifyReply, type FastifyRequest } from 'fastify';
import { isObject } from '../platform/json.js';
import { SimControlError } from '../platform/wx-error.js';

export function sendJson(reply: FastifyReply, status: number, body: unknown): FastifyReply {
  return reply.code(status).type('application/json; charset=utf-8').send(JSON.stringify(body));
}

/** Query parameters as single strings (a repeated key keeps its first value). */
export function queryOf(request: FastifyRequest): Record<string, string | undefined> {
  const out: Record<string, string | undefined> = {};
  const q = request.query;
  if (!isObject(q)) return out;
  for (const [k, v] of Object.entries(q)) {
    if (typeof v === 'string') out[k] = v;
    else if (Array.isArray(v) && typeof v[0] === 'string') out[k] = v[0];
  }
  return out;
}

export function rawBody(request: FastifyRequest): string {
  return typeof request.body === 'string' ? request.body : '';
}

/** Body of a /sim control route: JSON object, or {} when empty. */
export function controlBody(request: FastifyRequest): Record<string, unknown> {
  const raw = rawBody(request).trim();
  if (raw === '') return {};
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch {
    throw new SimControlError(400, 'INVALID_JSON', 'body is not valid JSON');
  }
  if (!isObject(value)) throw new SimControlError(400, 'INVALID_JSON', 'body must be a JSON object');
  return value;
}

export function param(request: FastifyRequest, name: string): string {
  const p = request.params;
  const v = isObject(p) ? p[name] : undefined;
  return typeof v === 'string' ? v : '';
}
