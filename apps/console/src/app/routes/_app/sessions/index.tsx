import { createFileRoute } from '@tanstack/react-router';
import { requirePermission } from '@/app/guard';
import { sessionsQuery } from '@/features/sessions/api/list-sessions';
import { SessionsListPage } from '@/features/sessions/pages/sessions-list-page';
import { sessionsSearchSchema } from '@/features/sessions/search';

export const Route = createFileRoute('/_app/sessions/')({
  validateSearch: sessionsSearchSchema,
  beforeLoad: requirePermission('sessions.read'),
  loaderDeps: ({ search }) => search,
  // a failed read is shown by the page (<Problem> with retry), not thrown to the router
  loader: ({ context, deps }) => context.queryClient.ensureQueryData(sessionsQuery(deps)).catch(() => undefined),
  component: SessionsRoute,
});

function SessionsRoute() {
  const navigate = Route.useNavigate();
  return <SessionsListPage search={Route.useSearch()} onSearchChange={(search) => void navigate({ search })} />;
}
