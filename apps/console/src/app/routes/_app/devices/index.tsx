import { createFileRoute } from '@tanstack/react-router';
import { requirePermission } from '@/app/guard';
import { deviceListSearch, devicesQuery } from '@/features/devices/api/devices';
import { DevicesListPage } from '@/features/devices/pages/devices-list-page';

export const Route = createFileRoute('/_app/devices/')({
  validateSearch: deviceListSearch,
  beforeLoad: requirePermission('devices.read'),
  loaderDeps: ({ search }) => search,
  loader: ({ context, deps }) => context.queryClient.ensureQueryData(devicesQuery(deps)),
  component: DevicesRoute,
});

function DevicesRoute() {
  const search = Route.useSearch();
  const navigate = Route.useNavigate();
  return <DevicesListPage search={search} onSearch={(next) => void navigate({ search: next })} />;
}
