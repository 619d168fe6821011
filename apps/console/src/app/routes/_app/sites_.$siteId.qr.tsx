import { createFileRoute } from '@tanstack/react-router';
import { z } from 'zod';
import { requirePermission } from '@/app/guard';
import { SiteQrSheetPage } from '@/features/sites/pages/site-qr-sheet-page';

export const Route = createFileRoute('/_app/sites_/$siteId/qr')({
  validateSearch: z.object({ code: z.string().min(1).max(64).optional().catch(undefined) }),
  beforeLoad: requirePermission('devices.read'),
  component: SiteQrRoute,
});

function SiteQrRoute() {
  const { siteId } = Route.useParams();
  const { code } = Route.useSearch();
  return <SiteQrSheetPage siteId={siteId} code={code} />;
}
