import { createFileRoute } from '@tanstack/react-router';
import { complianceQuery } from '@/features/onboarding/api/onboarding';
import { CompliancePage } from '@/features/onboarding/pages/compliance-page';

export const Route = createFileRoute('/_app/onboarding/$accountId/compliance')({
  loader: ({ context, params }) => context.queryClient.ensureQueryData(complianceQuery(params.accountId)).catch(() => undefined),
  component: ComplianceRoute,
});

function ComplianceRoute() {
  return <CompliancePage accountId={Route.useParams().accountId} />;
}
