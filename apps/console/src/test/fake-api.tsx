import type { ReactNode } from 'react';
import { configure, render } from '@testing-library/react';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';

// A stand-in for the API in component tests: answers by "METHOD /path" (the path without its query),
// records every request with its query and JSON body, and 404s anything it was not told about.

// Whole pages render slowly on a shared two-core machine: findBy/waitFor wait up to 10 s (not 1 s) for what
// the fake API's answers make appear; nothing here sleeps, a passing wait returns as soon as it holds.
configure({ asyncUtilTimeout: 10_000 });

export interface Recorded {
  readonly method: string;
  readonly path: string;
  readonly query: Record<string, string>;
  readonly body: unknown;
  /** The request's headers, names in lower case. */
  readonly headers: Record<string, string>;
}

export type Answer = unknown | { status: number; body: unknown };
export type Route = (request: Recorded) => Answer;

export function answer(status: number, body: unknown): { status: number; body: unknown } {
  return { status, body };
}

function isAnswer(value: unknown): value is { status: number; body: unknown } {
  return typeof value === 'object' && value !== null && 'status' in value && 'body' in value && Object.keys(value).length === 2;
}

/** A JSON body as its value; any other body (an uploaded file's bytes) as its text. */
function parseBody(text: string, contentType: string | null): unknown {
  return contentType === null || contentType.includes('json') ? (JSON.parse(text) as unknown) : text;
}

export function fakeApi(routes: Record<string, Route | Answer>): { requests: Recorded[]; restore: () => void } {
  const realFetch = globalThis.fetch;
  const requests: Recorded[] = [];
  globalThis.fetch = (async (input: RequestInfo | URL, init?: RequestInit) => {
    const request = input instanceof Request ? input : new Request(input, init);
    const url = new URL(request.url);
    const text = await request.text();
    const recorded: Recorded = {
      method: request.method,
      path: url.pathname,
      query: Object.fromEntries(url.searchParams),
      body: text ? parseBody(text, request.headers.get('content-type')) : undefined,
      headers: Object.fromEntries(request.headers.entries()),
    };
    requests.push(recorded);
    const route = routes[`${request.method} ${url.pathname}`];
    const result = typeof route === 'function' ? (route as Route)(recorded) : route;
    const { status, body } = route === undefined ? answer(404, { status: 404, code: 'NOT_FOUND', title: 'Not Found', detail: url.pathname }) : isAnswer(result) ? result : answer(200, result);
    return new Response(JSON.stringify(body), { status, headers: { 'content-type': status >= 400 ? 'application/problem+json' : 'application/json' } });
  }) as typeof fetch;
  return { requests, restore: () => void (globalThis.fetch = realFetch) };
}

/** Renders with a fresh query client (no retries, so a refusal shows at once). */
export function renderWithQuery(ui: ReactNode) {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false }, mutations: { retry: false } } });
  return { client, ...render(<QueryClientProvider client={client}>{ui}</QueryClientProvider>) };
}

/** A /v1/me answer with these permissions. */
export function meWith(permissions: readonly string[], overrides: Record<string, unknown> = {}) {
  return {
    user: { id: '00000000-0000-4000-8000-0000000000aa', organizationId: '00000000-0000-4000-8000-000000000001', email: 'a@demo', phone: null, role: 'OPERATOR_ADMIN', displayName: 'Admin', createdAt: '2026-01-01T00:00:00Z', disabledAt: null },
    organizationId: '00000000-0000-4000-8000-000000000001',
    organizationName: 'Brand',
    organizationKind: 'OPERATOR',
    operatingModel: 'FRANCHISE',
    permissions,
    ...overrides,
  };
}
