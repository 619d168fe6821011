import { createFileRoute } from '@tanstack/react-router';
import { UnderConstruction } from '@/components/under-construction';
import { requirePermission } from '@/app/guard';

export const Route = createFileRoute('/_app/sessions/')({
  beforeLoad: requirePermission('sessions.read'),
  component: () => <UnderConstruction route="/_app/sessions/" />,
});
