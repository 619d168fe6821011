import { createFileRoute } from '@tanstack/react-router';
import { requirePermission } from '@/app/guard';
import { receivablesQuery } from '@/features/receivables/api/get-receivables';
import { ReceivablesPage } from '@/features/receivables/pages/receivables-page';
import { receivablesSearchSchema } from '@/features/receivables/search';

export const Route = createFileRoute('/_app/receivables')({
  validateSearch: receivablesSearchSchema,
  beforeLoad: requirePermission('money.read'),
  loaderDeps: ({ search }) => search,
  // a failed read is shown by the page (<Problem> with retry), not thrown to the router
  loader: ({ context, deps }) => context.queryClient.ensureQueryData(receivablesQuery(deps)).catch(() => undefined),
  component: ReceivablesRoute,
});

function ReceivablesRoute() {
  const navigate = Route.useNavigate();
  return <ReceivablesPage search={Route.useSearch()} onSearchChange={(search) => void navigate({ search })} />;
}
