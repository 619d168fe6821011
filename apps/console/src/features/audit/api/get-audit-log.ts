import { $api } from '@/lib/api';

/** The audit filters as they are in the URL: dates are calendar days in Asia/Shanghai, `to` included. */
export interface AuditSearch {
  readonly organizationId?: string | undefined;
  readonly actorUserId?: string | undefined;
  readonly action?: string | undefined;
  readonly resourceType?: string | undefined;
  readonly resourceId?: string | undefined;
  readonly from?: string | undefined;
  readonly to?: string | undefined;
  readonly cursor?: string | undefined;
}

export const AUDIT_PAGE_SIZE = 50;

/** Midnight at the start of a Shanghai calendar day, as an instant. */
export function startOfShanghaiDay(day: string): string {
  return new Date(`${day}T00:00:00+08:00`).toISOString();
}

/** The day after `day` (YYYY-MM-DD). */
function nextDay(day: string): string {
  const [y, m, d] = day.split('-').map(Number);
  return new Date(Date.UTC(y ?? 1970, (m ?? 1) - 1, (d ?? 1) + 1)).toISOString().slice(0, 10);
}

/** The query the API takes: `from` at the day's start, `to` (exclusive) at the start of the day after. */
export function auditQueryParams(search: AuditSearch) {
  const defined = <T extends object>(value: T) => Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined && v !== '')) as Partial<T>;
  return {
    limit: AUDIT_PAGE_SIZE,
    ...defined({
      organizationId: search.organizationId,
      actorUserId: search.actorUserId,
      action: search.action,
      resourceType: search.resourceType,
      resourceId: search.resourceId,
      cursor: search.cursor,
      from: search.from ? startOfShanghaiDay(search.from) : undefined,
      to: search.to ? startOfShanghaiDay(nextDay(search.to)) : undefined,
    }),
  };
}

/** `GET /v1/audit-log` with the URL's filters, one server page at a time (cursor paging). */
export const auditLogQuery = (search: AuditSearch) => $api.queryOptions('get', '/v1/audit-log', { params: { query: auditQueryParams(search) } });

/** Who may be named in the filters: the organisations and logins the caller sees. */
export const auditOrganizationsQuery = () => $api.queryOptions('get', '/v1/organizations', {}, { staleTime: 5 * 60_000 });
export const auditUsersQuery = () => $api.queryOptions('get', '/v1/users', {}, { staleTime: 5 * 60_000 });
