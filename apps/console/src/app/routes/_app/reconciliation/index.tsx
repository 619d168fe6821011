import { createFileRoute } from '@tanstack/react-router';
import { requirePermission } from '@/app/guard';
import { reconciliationsQuery } from '@/features/reconciliation/api/reconciliations';
import { ReconciliationListPage } from '@/features/reconciliation/pages/reconciliation-list-page';
import { reconciliationSearchSchema, reconciliationsApiQuery } from '@/features/reconciliation/search';

export const Route = createFileRoute('/_app/reconciliation/')({
  validateSearch: reconciliationSearchSchema,
  beforeLoad: requirePermission('reconciliations.read'),
  loaderDeps: ({ search }) => search,
  // a failed read is shown by the page (<Problem> with retry), not thrown to the router
  loader: ({ context, deps }) => context.queryClient.ensureQueryData(reconciliationsQuery(reconciliationsApiQuery(deps))).catch(() => undefined),
  component: ReconciliationRoute,
});

function ReconciliationRoute() {
  const navigate = Route.useNavigate();
  return <ReconciliationListPage search={Route.useSearch()} onSearchChange={(search) => void navigate({ search })} />;
}
