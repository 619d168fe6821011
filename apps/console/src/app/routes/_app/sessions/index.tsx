import { createFileRoute } from '@tanstack/react-router';
import { requirePermission } from '@/app/guard';
import { sessionsQuery } from '@/features/sessions/api/list-sessions';
import { SessionsListPage } from '@/features/sessions/pages/sessions-list-page';
import { sessionsSearchSchema } from '@/features/sessions/search';

export const Route = createFileRoute('/_app/sessions/')({
  validateSearch: sessionsSearchSchema,
  beforeLoad: requirePermission('sessions.read'),
  loaderDeps: ({ search }) => search,
  loader: ({ context, deps }) => context.queryClient.ensureQueryData(sessionsQuery(deps)),
  component: SessionsRoute,
});

function SessionsRoute() {
  const navigate = Route.useNavigate();
  return <SessionsListPage search={Route.useSearch()} onSearchChange={(search) => void navigate({ search })} />;
}
