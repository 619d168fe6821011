import { createFileRoute } from '@tanstack/react-router';
import { requirePermission } from '@/app/guard';
import { planQuery } from '@/features/plans/api/get-plan';
import { PlanDetailPage } from '@/features/plans/pages/plan-detail-page';

export const Route = createFileRoute('/_app/plans/$planId')({
  beforeLoad: requirePermission('plans.read'),
  loader: ({ context, params }) => context.queryClient.prefetchQuery(planQuery(params.planId)),
  component: PlanRoute,
});

function PlanRoute() {
  const { planId } = Route.useParams();
  const navigate = Route.useNavigate();
  return (
    <PlanDetailPage
      key={planId}
      planId={planId}
      onBack={() => void navigate({ to: '/plans' })}
      onOpenDevice={(deviceId) => void navigate({ to: '/devices/$deviceId', params: { deviceId } })}
    />
  );
}
