import { createFileRoute } from '@tanstack/react-router';
import { requirePermission } from '@/app/guard';
import { deviceQuery } from '@/features/devices/api/devices';
import { DeviceDetailPage } from '@/features/devices/pages/device-detail-page';

export const Route = createFileRoute('/_app/devices/$deviceId')({
  beforeLoad: requirePermission('devices.read'),
  loader: ({ context, params }) => context.queryClient.prefetchQuery(deviceQuery(params.deviceId)),
  component: DeviceRoute,
});

function DeviceRoute() {
  const { deviceId } = Route.useParams();
  return <DeviceDetailPage deviceId={deviceId} />;
}
