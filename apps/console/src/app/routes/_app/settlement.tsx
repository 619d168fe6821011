import { createFileRoute } from '@tanstack/react-router';
import { requirePermission } from '@/app/guard';
import { statementsQuery } from '@/features/settlement/api/get-statements';
import { SettlementPage } from '@/features/settlement/pages/settlement-page';
import { settlementSearchSchema, statementsApiQuery } from '@/features/settlement/search';

export const Route = createFileRoute('/_app/settlement')({
  validateSearch: settlementSearchSchema,
  beforeLoad: requirePermission('settlement.read'),
  loaderDeps: ({ search }) => search,
  // every role's page lists statements; a failed read is shown by the page (with a retry), not thrown to the router
  loader: ({ context, deps }) => context.queryClient.ensureQueryData(statementsQuery(statementsApiQuery(deps))).catch(() => undefined),
  component: SettlementRoute,
});

function SettlementRoute() {
  const navigate = Route.useNavigate();
  return <SettlementPage search={Route.useSearch()} onSearchChange={(search) => void navigate({ search })} />;
}
