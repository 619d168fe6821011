import { createFileRoute } from '@tanstack/react-router';
import { requirePermission } from '@/app/guard';
import { ticketsQuery } from '@/features/maintenance/api/tickets';
import { TicketsPage } from '@/features/maintenance/pages/tickets-page';
import { ticketsSearchSchema } from '@/features/maintenance/search';

export const Route = createFileRoute('/_app/maintenance/')({
  validateSearch: ticketsSearchSchema,
  beforeLoad: requirePermission('maintenance.read'),
  loaderDeps: ({ search }) => search,
  // a failed read is shown by the page (<Problem> with retry), not thrown to the router
  loader: ({ context, deps }) => context.queryClient.ensureQueryData(ticketsQuery(deps)).catch(() => undefined),
  component: TicketsRoute,
});

function TicketsRoute() {
  const navigate = Route.useNavigate();
  return <TicketsPage search={Route.useSearch()} onSearchChange={(search) => void navigate({ search })} />;
}
