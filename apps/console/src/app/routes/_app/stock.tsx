import { createFileRoute } from '@tanstack/react-router';
import { requirePermission } from '@/app/guard';
import { belowParQuery } from '@/features/stock/api/stock';
import { StockOverviewPage } from '@/features/stock/pages/stock-overview-page';

export const Route = createFileRoute('/_app/stock')({
  beforeLoad: requirePermission('stock.read'),
  // a failed read is shown by the page (<Problem> with retry), not thrown to the router
  loader: ({ context }) => context.queryClient.ensureQueryData(belowParQuery()).catch(() => undefined),
  component: StockOverviewPage,
});
