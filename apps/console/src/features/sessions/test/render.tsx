import type { ReactNode } from 'react';
import { render } from '@testing-library/react';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { createMemoryHistory, createRootRoute, createRoute, createRouter, Outlet, RouterProvider } from '@tanstack/react-router';
import { meQuery } from '@/lib/me';
import type { Permission } from '@/lib/access';

/** Renders `page` at `/sessions/x` (the last of `entries`, the history behind it) inside a router (for its links) signed in with `permissions`. */
export function renderSignedIn(page: ReactNode, permissions: readonly Permission[], entries: readonly string[] = ['/sessions/x']) {
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  queryClient.setQueryData(meQuery().queryKey, {
    operatingModel: 'SELF_RUN',
    organizationId: '00000000-0000-4000-8000-000000000101',
    organizationKind: 'OPERATOR',
    organizationName: 'Demo',
    permissions: [...permissions],
    user: { role: 'OPERATOR_ADMIN' },
  } as never);
  const rootRoute = createRootRoute({ component: Outlet });
  const pageRoute = createRoute({ getParentRoute: () => rootRoute, path: '/sessions/$sessionId', component: () => <>{page}</> });
  const listRoute = createRoute({ getParentRoute: () => rootRoute, path: '/sessions', component: () => null });
  const router = createRouter({
    routeTree: rootRoute.addChildren([pageRoute, listRoute]),
    history: createMemoryHistory({ initialEntries: [...entries], initialIndex: entries.length - 1 }),
  });
  render(
    <QueryClientProvider client={queryClient}>
      <RouterProvider router={router as never} />
    </QueryClientProvider>,
  );
  return { queryClient, router };
}
