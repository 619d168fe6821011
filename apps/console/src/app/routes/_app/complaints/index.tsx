import { createFileRoute } from '@tanstack/react-router';
import { requirePermission } from '@/app/guard';
import { complaintsQuery } from '@/features/complaints/api/complaints';
import { ComplaintsPage } from '@/features/complaints/pages/complaints-page';
import { complaintsSearchSchema } from '@/features/complaints/search';

export const Route = createFileRoute('/_app/complaints/')({
  validateSearch: complaintsSearchSchema,
  beforeLoad: requirePermission('complaints.read'),
  loaderDeps: ({ search }) => search,
  // a failed read is shown by the page (<Problem> with retry), not thrown to the router
  loader: ({ context, deps }) => context.queryClient.ensureQueryData(complaintsQuery(deps)).catch(() => undefined),
  component: ComplaintsRoute,
});

function ComplaintsRoute() {
  const navigate = Route.useNavigate();
  return <ComplaintsPage search={Route.useSearch()} onSearchChange={(search) => void navigate({ search })} />;
}
