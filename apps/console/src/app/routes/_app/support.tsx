import { createFileRoute } from '@tanstack/react-router';
import { requirePermission } from '@/app/guard';
import { SupportPage } from '@/features/support/pages/support-page';
import { supportSearchSchema } from '@/features/support/search';

// no loader: a lookup by a user's identifier is audited, so it is sent once, by the page, when the search is complete
export const Route = createFileRoute('/_app/support')({
  validateSearch: supportSearchSchema,
  beforeLoad: requirePermission('support.search'),
  component: SupportRoute,
});

function SupportRoute() {
  const navigate = Route.useNavigate();
  return <SupportPage search={Route.useSearch()} onSearchChange={(search) => void navigate({ search })} />;
}
