import { createFileRoute } from '@tanstack/react-router';
import { requirePermission } from '@/app/guard';
import { complaintQuery } from '@/features/complaints/api/complaints';
import { ComplaintDetailPage } from '@/features/complaints/pages/complaint-detail-page';

export const Route = createFileRoute('/_app/complaints/$complaintId')({
  beforeLoad: requirePermission('complaints.read'),
  // a failed read (another organisation's complaint: 404) is shown by the page (<Problem>), not thrown to the router
  loader: ({ context, params }) => context.queryClient.ensureQueryData(complaintQuery(params.complaintId)).catch(() => undefined),
  component: ComplaintRoute,
});

function ComplaintRoute() {
  const { complaintId } = Route.useParams();
  return <ComplaintDetailPage complaintId={complaintId} />;
}
