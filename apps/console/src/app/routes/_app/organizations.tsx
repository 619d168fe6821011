import { createFileRoute } from '@tanstack/react-router';
import { z } from 'zod';
import { requirePermission } from '@/app/guard';
import { organizationTreeQuery } from '@/features/organizations/api/get-tree';
import { OrganizationsPage } from '@/features/organizations/pages/organizations-page';

export const Route = createFileRoute('/_app/organizations')({
  beforeLoad: requirePermission('organizations.read'),
  validateSearch: z.object({ organizationId: z.string().uuid().optional().catch(undefined) }),
  // a failed read is shown by the page (with a retry), not by the router
  loader: ({ context }) => context.queryClient.ensureQueryData(organizationTreeQuery()).catch(() => undefined),
  component: OrganizationsRoute,
});

function OrganizationsRoute() {
  const { organizationId } = Route.useSearch();
  const navigate = Route.useNavigate();
  return <OrganizationsPage {...(organizationId ? { organizationId } : {})} onSelect={(id) => void navigate({ search: { organizationId: id } })} />;
}
