import type { ReactNode } from 'react';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';

// The plans pages against a fake API: every request the typed client sends is recorded and answered by a
// handler, so the tests see exactly what goes over the wire (path, query, body).

export interface Sent {
  readonly method: string;
  readonly path: string;
  readonly query: Record<string, string>;
  readonly body: unknown;
}

export type Handler = (sent: Sent) => { status: number; body: unknown } | undefined;

export const ME = {
  organizationId: '00000000-0000-4000-8000-000000000001',
  organizationKind: 'OPERATOR',
  organizationName: 'Demo',
  operatingModel: 'SELF_RUN',
  permissions: ['plans.read', 'plans.write', 'devices.read'],
  user: { id: '00000000-0000-4000-8000-0000000000aa', role: 'OPERATOR_ADMIN', displayName: 'Ada' },
};

export function fakeApi(handler: Handler): { sent: Sent[]; restore: () => void } {
  const real = globalThis.fetch;
  const sent: Sent[] = [];
  globalThis.fetch = (async (input: RequestInfo | URL, init?: RequestInit) => {
    const request = input instanceof Request ? input : new Request(input, init);
    const url = new URL(request.url);
    const text = await request.clone().text();
    const entry: Sent = { method: request.method, path: url.pathname, query: Object.fromEntries(url.searchParams), body: text ? JSON.parse(text) : undefined };
    sent.push(entry);
    const answer = handler(entry) ?? (url.pathname === '/v1/me' ? { status: 200, body: ME } : undefined);
    if (!answer) return new Response(JSON.stringify({ status: 404, code: 'NOT_FOUND', title: 'Not Found', detail: `${entry.method} ${entry.path}` }), { status: 404, headers: { 'content-type': 'application/problem+json' } });
    return new Response(JSON.stringify(answer.body), {
      status: answer.status,
      headers: { 'content-type': answer.status >= 400 ? 'application/problem+json' : 'application/json' },
    });
  }) as typeof fetch;
  return { sent, restore: () => void (globalThis.fetch = real) };
}

export function withQueryClient(ui: ReactNode): ReactNode {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false, staleTime: Infinity }, mutations: { retry: false } } });
  return <QueryClientProvider client={client}>{ui}</QueryClientProvider>;
}
