import { createFileRoute } from '@tanstack/react-router';
import { requirePermission } from '@/app/guard';
import { merchantAccountsQuery } from '@/features/onboarding/api/onboarding';
import { OnboardingIndexPage } from '@/features/onboarding/pages/onboarding-index-page';

export const Route = createFileRoute('/_app/onboarding/')({
  beforeLoad: requirePermission('onboarding.read'),
  // a failed read is shown by the page (<Problem> with retry), not thrown to the router
  loader: ({ context }) => context.queryClient.ensureQueryData(merchantAccountsQuery()).catch(() => undefined),
  component: OnboardingIndexPage,
});
