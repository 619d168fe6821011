import { createFileRoute, redirect } from '@tanstack/react-router';
import { z } from 'zod';
import { overviewQuery } from '@/features/overview/api/get-overview';
import { OverviewPage } from '@/features/overview/pages/overview-page';
import { can } from '@/lib/access';
import { meQuery } from '@/lib/me';

export const Route = createFileRoute('/_app/')({
  validateSearch: z.object({
    denied: z.string().optional().catch(undefined),
    organizationId: z.string().uuid().optional().catch(undefined),
  }),
  // a login without the overview (a technician: devices, sites, maintenance) starts on its tickets
  beforeLoad: async ({ context }) => {
    const me = await context.queryClient.ensureQueryData(meQuery());
    if (!can(me, 'overview.read')) throw redirect({ to: can(me, 'maintenance.read') ? '/maintenance' : '/devices' });
  },
  loaderDeps: ({ search }) => ({ organizationId: search.organizationId }),
  // a failed read is shown by the page (with a retry), not by the router
  loader: ({ context, deps }) => context.queryClient.ensureQueryData(overviewQuery(deps.organizationId)).catch(() => undefined),
  component: OverviewRoute,
});

function OverviewRoute() {
  const { organizationId, denied } = Route.useSearch();
  const navigate = Route.useNavigate();
  return (
    <OverviewPage
      {...(organizationId ? { organizationId } : {})}
      {...(denied ? { denied } : {})}
      onOrganizationChange={(id) => void navigate({ search: { organizationId: id } })}
    />
  );
}
