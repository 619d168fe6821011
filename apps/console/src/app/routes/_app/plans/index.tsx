import { createFileRoute } from '@tanstack/react-router';
import { requirePermission } from '@/app/guard';
import { plansQuery, plansSearchSchema } from '@/features/plans/api/list-plans';
import { PlansListPage } from '@/features/plans/pages/plans-list-page';

export const Route = createFileRoute('/_app/plans/')({
  beforeLoad: requirePermission('plans.read'),
  validateSearch: plansSearchSchema,
  loaderDeps: ({ search }) => search,
  loader: ({ context, deps }) => context.queryClient.ensureQueryData(plansQuery(deps)),
  component: PlansRoute,
});

function PlansRoute() {
  const search = Route.useSearch();
  const navigate = Route.useNavigate();
  return (
    <PlansListPage
      search={search}
      onSearch={(next) => void navigate({ search: next })}
      onOpen={(planId) => void navigate({ to: '/plans/$planId', params: { planId } })}
      onCreate={() => void navigate({ to: '/plans/new' })}
    />
  );
}
