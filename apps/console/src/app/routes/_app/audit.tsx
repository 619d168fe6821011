import { createFileRoute } from '@tanstack/react-router';
import { z } from 'zod';
import { requirePermission } from '@/app/guard';
import { optionalDay, optionalText } from '@/lib/search-params';
import { auditLogQuery } from '@/features/audit/api/get-audit-log';
import { AuditPage } from '@/features/audit/pages/audit-page';

const text = optionalText;
const day = optionalDay;

const auditSearch = z.object({
  organizationId: z.string().uuid().optional().catch(undefined),
  actorUserId: z.string().uuid().optional().catch(undefined),
  action: text,
  resourceType: text,
  resourceId: text,
  from: day,
  to: day,
  cursor: z.string().min(1).max(500).optional().catch(undefined),
});

export const Route = createFileRoute('/_app/audit')({
  beforeLoad: requirePermission('audit.read'),
  validateSearch: auditSearch,
  loaderDeps: ({ search }) => search,
  // a failed read is shown by the page (with a retry), not by the router
  loader: ({ context, deps }) => context.queryClient.ensureQueryData(auditLogQuery(deps)).catch(() => undefined),
  component: AuditRoute,
});

function AuditRoute() {
  const search = Route.useSearch();
  const navigate = Route.useNavigate();
  return <AuditPage search={search} onSearch={(next) => void navigate({ search: next })} />;
}
