import { deviceAuthHeaders } from '@zizhu/device-sdk';
import type { Response as InjectResponse } from 'light-my-request';
import type { ZizhuApp } from '../src/app.factory.js';

export interface TestDevice {
  id: string;
  secret: string;
}

export interface SignOptions {
  /** The device clock in ms. */
  now?: number;
  nonce?: string;
  /** Sign with this secret instead of the device's. */
  secret?: string;
  /** Headers to replace after signing (tampering). */
  headers?: Record<string, string>;
  /** Send this body instead of the one signed. */
  sendBody?: string;
}

/** A signed device request through inject (contracts.md §4). */
export function deviceRequest(app: ZizhuApp, device: TestDevice, method: 'GET' | 'POST', url: string, body?: unknown, options: SignOptions = {}): Promise<InjectResponse> {
  const text = body === undefined ? '' : JSON.stringify(body);
  const signed = deviceAuthHeaders(device.id, options.secret ?? device.secret, { method, pathWithQuery: url, body: text }, {
    ...(options.now !== undefined ? { now: options.now } : {}),
    ...(options.nonce !== undefined ? { nonce: options.nonce } : {}),
  });
  return app.app.inject({
    method,
    url,
    headers: { ...signed, ...(body !== undefined ? { 'content-type': 'application/json' } : {}), ...options.headers },
    ...(body !== undefined ? { payload: options.sendBody ?? text } : {}),
  });
}

/** Runs SQL with row-level security opened, as a test looking behind the API. */
export async function systemQuery<T = Record<string, unknown>>(app: ZizhuApp, sql: string, params: unknown[] = []): Promise<T[]> {
  return app.database.dataSource.transaction(async (m) => {
    await m.query(`SELECT set_config('app.all_tenants', 'on', true)`);
    const result = (await m.query(sql, params)) as unknown;
    if (Array.isArray(result) && result.length === 2 && Array.isArray(result[0]) && typeof result[1] === 'number') return result[0] as T[];
    return result as T[];
  });
}

export async function eventually<T>(fn: () => Promise<T>, ok: (value: T) => boolean, timeoutMs = 3000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await fn();
    if (ok(value) || Date.now() > deadline) return value;
    await new Promise((r) => setTimeout(r, 25));
  }
}
