import { createFileRoute } from '@tanstack/react-router';
import { storyboardQuery } from '@/features/onboarding/api/onboarding';
import { FlowPage } from '@/features/onboarding/pages/flow-page';
import { flowSearchSchema } from '@/features/onboarding/search';

export const Route = createFileRoute('/_app/onboarding/$accountId/flow')({
  validateSearch: flowSearchSchema,
  loaderDeps: ({ search }) => ({ deviceId: search.deviceId }),
  // a refused storyboard (no device, no plan) is shown by the page, not thrown to the router
  loader: ({ context, params, deps }) => context.queryClient.ensureQueryData(storyboardQuery(params.accountId, deps.deviceId)).catch(() => undefined),
  component: FlowRoute,
});

function FlowRoute() {
  const navigate = Route.useNavigate();
  return <FlowPage accountId={Route.useParams().accountId} deviceId={Route.useSearch().deviceId} onDeviceChange={(deviceId) => void navigate({ search: deviceId ? { deviceId } : {} })} />;
}
