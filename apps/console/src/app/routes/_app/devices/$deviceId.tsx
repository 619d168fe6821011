import { createFileRoute } from '@tanstack/react-router';
import { requirePermission } from '@/app/guard';
import { deviceQuery } from '@/features/devices/api/devices';
import { DeviceDetailPage } from '@/features/devices/pages/device-detail-page';
import { DeviceTickets } from '@/features/maintenance/components/device-tickets';
import { FridgeStockSection } from '@/features/stock/components/fridge-stock-section';
import { useCan } from '@/lib/me';

export const Route = createFileRoute('/_app/devices/$deviceId')({
  beforeLoad: requirePermission('devices.read'),
  loader: ({ context, params }) => context.queryClient.prefetchQuery(deviceQuery(params.deviceId)),
  component: DeviceRoute,
});

function DeviceRoute() {
  const { deviceId } = Route.useParams();
  const canStock = useCan('stock.read');
  // what other features add, composed here so features never import each other: a fridge's stock section (where the
  // caller may see its stock: never a reseller for its customers' fridges) and the device's maintenance tickets
  return (
    <DeviceDetailPage
      deviceId={deviceId}
      extra={(d) => (d.type === 'FRIDGE' && canStock ? <FridgeStockSection deviceId={d.id} /> : null)}
      tickets={<DeviceTickets deviceId={deviceId} />}
    />
  );
}
