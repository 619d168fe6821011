import { createFileRoute } from '@tanstack/react-router';
import { requirePermission } from '@/app/guard';
import { reconciliationQuery } from '@/features/reconciliation/api/reconciliations';
import { ReconciliationDetailPage } from '@/features/reconciliation/pages/reconciliation-detail-page';
import { reconciliationDetailSearchSchema } from '@/features/reconciliation/search';

export const Route = createFileRoute('/_app/reconciliation/$reconciliationId')({
  validateSearch: reconciliationDetailSearchSchema,
  beforeLoad: requirePermission('reconciliations.read'),
  // a failed read (another organisation's run: 404) is shown by the page (<Problem>), not thrown to the router
  loader: ({ context, params }) => context.queryClient.ensureQueryData(reconciliationQuery(params.reconciliationId)).catch(() => undefined),
  component: ReconciliationRunRoute,
});

function ReconciliationRunRoute() {
  const { reconciliationId } = Route.useParams();
  const navigate = Route.useNavigate();
  return <ReconciliationDetailPage reconciliationId={reconciliationId} search={Route.useSearch()} onSearchChange={(search) => void navigate({ search, replace: true })} />;
}
