import { createFileRoute } from '@tanstack/react-router';
import { requirePermission } from '@/app/guard';
import { SessionComplaints } from '@/features/complaints/components/session-complaints';
import { sessionQuery } from '@/features/sessions/api/get-session';
import { SessionDetailPage } from '@/features/sessions/pages/session-detail-page';

export const Route = createFileRoute('/_app/sessions/$sessionId')({
  beforeLoad: requirePermission('sessions.read'),
  // a failed read (another tenant's session: 404) is shown by the page (<Problem>), not thrown to the router
  loader: ({ context, params }) => context.queryClient.ensureQueryData(sessionQuery(params.sessionId)).catch(() => undefined),
  component: SessionRoute,
});

function SessionRoute() {
  const { sessionId } = Route.useParams();
  // the complaints on this session come from their own feature: the route composes the two
  return <SessionDetailPage sessionId={sessionId} complaints={<SessionComplaints sessionId={sessionId} />} />;
}
