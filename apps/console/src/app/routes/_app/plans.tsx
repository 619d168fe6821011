import { createFileRoute } from '@tanstack/react-router';
import { UnderConstruction } from '@/components/under-construction';
import { requirePermission } from '@/app/guard';

export const Route = createFileRoute('/_app/plans')({
  beforeLoad: requirePermission('plans.read'),
  component: () => <UnderConstruction route="/_app/plans" />,
});
