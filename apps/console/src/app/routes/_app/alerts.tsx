import { createFileRoute } from '@tanstack/react-router';
import { requirePermission } from '@/app/guard';
import { alertsQuery } from '@/features/alerts/api/alerts';
import { AlertsPage } from '@/features/alerts/pages/alerts-page';
import { alertsSearchSchema } from '@/features/alerts/search';
import { OpenTicketFromAlert } from '@/features/maintenance/components/open-ticket';

export const Route = createFileRoute('/_app/alerts')({
  validateSearch: alertsSearchSchema,
  beforeLoad: requirePermission('alerts.read'),
  loaderDeps: ({ search }) => search,
  // a failed read is shown by the page (<Problem> with retry), not thrown to the router
  loader: ({ context, deps }) => (deps.tab && deps.tab !== 'inbox' ? undefined : context.queryClient.ensureQueryData(alertsQuery(deps)).catch(() => undefined)),
  component: AlertsRoute,
});

function AlertsRoute() {
  const navigate = Route.useNavigate();
  // "open ticket" on a device alert comes from the maintenance feature: the route composes the two
  return (
    <AlertsPage
      search={Route.useSearch()}
      onSearchChange={(search) => void navigate({ search })}
      alertAction={(alert) => (alert.subjectType === 'device' ? <OpenTicketFromAlert alertId={alert.id} /> : null)}
    />
  );
}
