import { createFileRoute } from '@tanstack/react-router';
import { requirePermission } from '@/app/guard';
import { DeviceImportPage } from '@/features/devices/pages/device-import-page';

export const Route = createFileRoute('/_app/devices/import')({
  beforeLoad: requirePermission('devices.write'),
  component: DeviceImportPage,
});
