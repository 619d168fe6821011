import { createFileRoute } from '@tanstack/react-router';
import { requirePermission } from '@/app/guard';
import { ticketQuery } from '@/features/maintenance/api/tickets';
import { TicketDetailPage } from '@/features/maintenance/pages/ticket-detail-page';

export const Route = createFileRoute('/_app/maintenance/$ticketId')({
  beforeLoad: requirePermission('maintenance.read'),
  // a failed read (another tenant's ticket: 404) is shown by the page (<Problem>), not thrown to the router
  loader: ({ context, params }) => context.queryClient.ensureQueryData(ticketQuery(params.ticketId)).catch(() => undefined),
  component: TicketRoute,
});

function TicketRoute() {
  const { ticketId } = Route.useParams();
  return <TicketDetailPage ticketId={ticketId} />;
}
