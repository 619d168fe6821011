import { createFileRoute, Outlet } from '@tanstack/react-router';
import { requirePermission } from '@/app/guard';
import { OnboardingLayout } from '@/features/onboarding/pages/onboarding-layout';

// The account's onboarding: its tabs (progress, application table, compliance, and the acceptance kit of its own
// feature) around the page of the child route.
export const Route = createFileRoute('/_app/onboarding/$accountId')({
  beforeLoad: requirePermission('onboarding.read'),
  component: OnboardingAccountRoute,
});

function OnboardingAccountRoute() {
  const { accountId } = Route.useParams();
  return (
    <OnboardingLayout accountId={accountId}>
      <Outlet />
    </OnboardingLayout>
  );
}
