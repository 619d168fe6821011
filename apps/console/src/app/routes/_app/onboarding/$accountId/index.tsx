import { createFileRoute } from '@tanstack/react-router';
import { trackerQuery } from '@/features/onboarding/api/onboarding';
import { TrackerPage } from '@/features/onboarding/pages/tracker-page';

export const Route = createFileRoute('/_app/onboarding/$accountId/')({
  // a failed read (an account the login does not administer: 404) is shown by the page (<Problem>), not thrown to the router
  loader: ({ context, params }) => context.queryClient.ensureQueryData(trackerQuery(params.accountId)).catch(() => undefined),
  component: TrackerRoute,
});

function TrackerRoute() {
  return <TrackerPage accountId={Route.useParams().accountId} />;
}
