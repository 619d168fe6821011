import { createFileRoute } from '@tanstack/react-router';
import { z } from 'zod';
import { requirePermission } from '@/app/guard';
import { apiKeysQuery } from '@/features/integrations/api/integrations';
import { IntegrationsPage } from '@/features/integrations/pages/integrations-page';

const searchSchema = z.object({ tab: z.enum(['keys', 'webhooks']).optional().catch(undefined) });

export const Route = createFileRoute('/_app/integrations')({
  validateSearch: searchSchema,
  beforeLoad: requirePermission('integrations.manage'),
  loaderDeps: ({ search }) => search,
  // a failed read is shown by the page (<Problem> with retry), not thrown to the router
  loader: ({ context, deps }) => (deps.tab === 'webhooks' ? undefined : context.queryClient.ensureQueryData(apiKeysQuery()).catch(() => undefined)),
  component: IntegrationsRoute,
});

function IntegrationsRoute() {
  const navigate = Route.useNavigate();
  const search = Route.useSearch();
  return <IntegrationsPage tab={search.tab ?? 'keys'} onTabChange={(tab) => void navigate({ search: tab === 'keys' ? {} : { tab } })} />;
}
