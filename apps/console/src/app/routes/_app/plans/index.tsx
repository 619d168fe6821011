import { createFileRoute, useRouter } from '@tanstack/react-router';
import { requirePermission } from '@/app/guard';
import { Problem } from '@/components/problem';
import { plansQuery, plansSearchSchema } from '@/features/plans/api/list-plans';
import { PlansListPage } from '@/features/plans/pages/plans-list-page';

export const Route = createFileRoute('/_app/plans/')({
  beforeLoad: requirePermission('plans.read'),
  validateSearch: plansSearchSchema,
  loaderDeps: ({ search }) => search,
  loader: ({ context, deps }) => context.queryClient.ensureQueryData(plansQuery(deps)),
  component: PlansRoute,
  // the first page could not load (the API is down…): say why, with a retry, inside the shell
  errorComponent: LoadFailed,
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

function LoadFailed({ error }: { error: unknown }) {
  const router = useRouter();
  // re-runs the loader (a boundary reset alone would not)
  return <Problem error={error} onRetry={() => void router.invalidate()} />;
}
