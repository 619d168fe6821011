import { afterEach, describe, expect, it, jest } from '@jest/globals';
import { render, screen } from '@testing-library/react';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { createMemoryHistory, createRootRoute, createRouter, RouterProvider } from '@tanstack/react-router';
import { fakeApi, meWith } from '@/test/fake-api';
import { meQuery } from '@/lib/me';
import { UnreadBadge } from './unread-badge';

jest.setTimeout(30_000);

let api: ReturnType<typeof fakeApi> | undefined;
afterEach(() => api?.restore());

function renderBadge(permissions: readonly string[]) {
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  queryClient.setQueryData(meQuery().queryKey, meWith(permissions) as never);
  const root = createRootRoute({
    component: () => (
      <>
        <span>header</span>
        <UnreadBadge />
      </>
    ),
  });
  const router = createRouter({ routeTree: root, history: createMemoryHistory({ initialEntries: ['/'] }) });
  render(
    <QueryClientProvider client={queryClient}>
      <RouterProvider router={router as never} />
    </QueryClientProvider>,
  );
}

describe('UnreadBadge', () => {
  it('shows the unread count and links to the unread inbox', async () => {
    api = fakeApi({ 'GET /v1/alerts/unread-count': { unread: 7 } });
    renderBadge(['alerts.read']);
    const link = await screen.findByTestId('alerts-badge');
    expect(await screen.findByText('7')).toBeInTheDocument();
    expect(link).toHaveAttribute('href', '/alerts?unread=true');
    expect(link).toHaveAccessibleName('未读告警: 7');
  });

  it('is absent for a login that may not read alerts', async () => {
    api = fakeApi({ 'GET /v1/alerts/unread-count': { unread: 7 } });
    renderBadge([]);
    expect(await screen.findByText('header')).toBeInTheDocument();
    expect(screen.queryByTestId('alerts-badge')).toBeNull();
    expect(api.requests).toHaveLength(0);
  });
});
