import { afterEach, describe, expect, it } from '@jest/globals';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { act, renderHook, waitFor } from '@testing-library/react';
import type { ReactNode } from 'react';
import { useUpdatePlan } from './update-plan';

describe('useUpdatePlan', () => {
  const realFetch = globalThis.fetch;
  afterEach(() => {
    globalThis.fetch = realFetch;
  });

  it('after publishing, refetches the plan, the plan list and the device reads that show the plan, and nothing else', async () => {
    globalThis.fetch = (async () => new Response(JSON.stringify({ id: 'p1', version: 2 }), { status: 200, headers: { 'content-type': 'application/json' } })) as typeof fetch;
    const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });
    const seed = (key: readonly unknown[]) => queryClient.setQueryData(key, { seeded: true });
    const keys = {
      plan: ['get', '/v1/plans/{id}', { params: { path: { id: 'p1' } } }],
      plans: ['get', '/v1/plans', { params: { query: { limit: 20 } } }],
      devices: ['get', '/v1/devices', { params: { query: { limit: 20 } } }],
      device: ['get', '/v1/devices/{id}', { params: { path: { id: 'd1' } } }],
      sessions: ['get', '/v1/sessions', { params: { query: {} } }],
    } as const;
    Object.values(keys).forEach(seed);
    const wrapper = ({ children }: { children: ReactNode }) => <QueryClientProvider client={queryClient}>{children}</QueryClientProvider>;
    const { result } = renderHook(() => useUpdatePlan('p1'), { wrapper });
    await act(async () => {
      await result.current.mutateAsync({ expectedVersion: 1 } as never);
    });
    await waitFor(() => expect(queryClient.getQueryState(keys.device)?.isInvalidated).toBe(true));
    for (const key of [keys.plan, keys.plans, keys.devices, keys.device]) expect(queryClient.getQueryState(key)?.isInvalidated).toBe(true);
    expect(queryClient.getQueryState(keys.sessions)?.isInvalidated).toBe(false);
  });
});
