import { createFileRoute } from '@tanstack/react-router';
import { requirePermission } from '@/app/guard';
import { runsQuery } from '@/features/acceptance/api/acceptance';
import { AcceptancePage } from '@/features/acceptance/pages/acceptance-page';

export const Route = createFileRoute('/_app/onboarding/$accountId/acceptance')({
  beforeLoad: requirePermission('onboarding.read'),
  // a failed read (another organisation's account: 404) is shown by the page (<Problem>), not thrown to the router
  loader: ({ context, params }) => context.queryClient.ensureQueryData(runsQuery(params.accountId)).catch(() => undefined),
  component: AcceptanceRoute,
});

function AcceptanceRoute() {
  const { accountId } = Route.useParams();
  return <AcceptancePage accountId={accountId} />;
}
