import { createFileRoute } from '@tanstack/react-router';
import { requirePermission } from '@/app/guard';
import { powerBankListSearch, powerBanksQuery } from '@/features/devices/api/power-banks';
import { PowerBanksPage } from '@/features/devices/pages/power-banks-page';

export const Route = createFileRoute('/_app/power-banks')({
  validateSearch: powerBankListSearch,
  beforeLoad: requirePermission('devices.read'),
  loaderDeps: ({ search }) => search,
  loader: ({ context, deps }) => context.queryClient.ensureQueryData(powerBanksQuery(deps)).catch(() => undefined),
  component: PowerBanksRoute,
});

function PowerBanksRoute() {
  const navigate = Route.useNavigate();
  return <PowerBanksPage search={Route.useSearch()} onSearch={(next) => void navigate({ search: next })} />;
}
