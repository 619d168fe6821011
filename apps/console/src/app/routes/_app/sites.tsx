import { createFileRoute } from '@tanstack/react-router';
import { requirePermission } from '@/app/guard';
import { siteListSearch, sitesQuery } from '@/features/sites/api/sites';
import { SitesListPage } from '@/features/sites/pages/sites-list-page';

export const Route = createFileRoute('/_app/sites')({
  validateSearch: siteListSearch,
  beforeLoad: requirePermission('sites.read'),
  loaderDeps: ({ search }) => search,
  loader: ({ context, deps }) => context.queryClient.ensureQueryData(sitesQuery(deps)),
  component: SitesRoute,
});

function SitesRoute() {
  const search = Route.useSearch();
  const navigate = Route.useNavigate();
  return <SitesListPage search={search} onSearch={(next) => void navigate({ search: next })} />;
}
