import { createFileRoute } from '@tanstack/react-router';
import { requirePermission } from '@/app/guard';
import { PlanCreatePage } from '@/features/plans/pages/plan-create-page';

export const Route = createFileRoute('/_app/plans/new')({
  beforeLoad: requirePermission('plans.write'),
  component: PlanCreateRoute,
});

function PlanCreateRoute() {
  const navigate = Route.useNavigate();
  return (
    <PlanCreatePage
      onCreated={(planId) => void navigate({ to: '/plans/$planId', params: { planId } })}
      onCancel={() => void navigate({ to: '/plans' })}
    />
  );
}
