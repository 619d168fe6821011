import { createFileRoute } from '@tanstack/react-router';
import { packQuery } from '@/features/onboarding/api/onboarding';
import { PackPage } from '@/features/onboarding/pages/pack-page';
import { packSearchSchema, packWindow } from '@/features/onboarding/search';

export const Route = createFileRoute('/_app/onboarding/$accountId/pack')({
  validateSearch: packSearchSchema,
  loaderDeps: ({ search }) => packWindow(search),
  // too few sessions (422) and other failures are shown by the page, not thrown to the router
  loader: ({ context, params, deps }) => context.queryClient.ensureQueryData(packQuery(params.accountId, deps)).catch(() => undefined),
  component: PackRoute,
});

function PackRoute() {
  const navigate = Route.useNavigate();
  return <PackPage accountId={Route.useParams().accountId} search={Route.useSearch()} onSearchChange={(search) => void navigate({ search })} />;
}
