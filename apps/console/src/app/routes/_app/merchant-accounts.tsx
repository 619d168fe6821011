import { createFileRoute } from '@tanstack/react-router';
import { z } from 'zod';
import { requirePermission } from '@/app/guard';
import { merchantAccountsQuery } from '@/features/merchant-accounts/api/get-accounts';
import { MerchantAccountsPage } from '@/features/merchant-accounts/pages/merchant-accounts-page';

export const Route = createFileRoute('/_app/merchant-accounts')({
  beforeLoad: requirePermission('merchantAccounts.read'),
  validateSearch: z.object({ accountId: z.string().uuid().optional().catch(undefined) }),
  // a failed read is shown by the page (with a retry), not by the router
  loader: ({ context }) => context.queryClient.ensureQueryData(merchantAccountsQuery()).catch(() => undefined),
  component: MerchantAccountsRoute,
});

function MerchantAccountsRoute() {
  const { accountId } = Route.useSearch();
  const navigate = Route.useNavigate();
  return <MerchantAccountsPage {...(accountId ? { accountId } : {})} onOpen={(id) => void navigate({ search: { accountId: id } })} />;
}
