import { z } from 'zod';
import type { paths } from '@/lib/api';
import { optionalDay, optionalPage, optionalPageSize, optionalText } from '@/lib/search-params';

// The list's state is its URL: these typed search params are what /sessions accepts (the overview links to
// `/sessions?state=IN_USE&organizationId=…` and `/sessions?anomaly=true`); anything unreadable falls back.

export const SESSION_STATES = ['AWAITING_CONFIRMATION', 'STARTING', 'IN_USE', 'AWAITING_PAYMENT', 'PAID', 'CANCELLED'] as const;
export const VERTICALS = ['FRIDGE', 'POWERBANK_CABINET', 'EV_CHARGER', 'WATER_VALVE'] as const;
export const ANOMALY_KINDS = [
  'ORDER_REJECTED',
  'ORDER_VANISHED',
  'COMPLETE_REFUSED',
  'UNKNOWN_ORDER_STATE',
  'DONE_WITHOUT_PAYMENT',
  'PAID_AMOUNT_MISMATCH',
  'ORDER_REVOKED_WHILE_IN_USE',
  'ORDER_REVOKED_WHILE_AWAITING_PAYMENT',
  'ORDER_EXPIRED_WHILE_IN_USE',
  'ORDER_EXPIRED_WHILE_AWAITING_PAYMENT',
  'STARTED_AFTER_CANCEL',
  'USAGE_INVALID',
  'REFUND_ABNORMAL',
  'DEVICE_DID_NOT_STOP',
  'OTHER',
] as const satisfies readonly NonNullable<SessionsApiQuery['anomalyKind']>[];
export const PAGE_SIZES = [20, 50, 100] as const;

const text = optionalText;
const day = optionalDay;

export const sessionsSearchSchema = z.object({
  state: z
    .preprocess((v) => (typeof v === 'string' ? v.split(',') : v), z.array(z.enum(SESSION_STATES)).min(1))
    .optional()
    .catch(undefined),
  vertical: z.enum(VERTICALS).optional().catch(undefined),
  deviceId: text,
  siteId: text,
  organizationId: text,
  anomaly: z
    .preprocess((v) => (v === 'true' ? true : v === 'false' ? false : v), z.boolean())
    .optional()
    .catch(undefined),
  anomalyKind: z.enum(ANOMALY_KINDS).optional().catch(undefined),
  from: day,
  to: day,
  q: text,
  page: optionalPage,
  pageSize: optionalPageSize(PAGE_SIZES),
});

export type SessionsSearch = z.infer<typeof sessionsSearchSchema>;
export type SessionsFilters = Omit<SessionsSearch, 'page' | 'pageSize'>;
export type SessionsApiQuery = NonNullable<paths['/v1/sessions']['get']['parameters']['query']>;

/** The filters alone, as the API's export and list take them (no undefined keys: they make stable query keys). */
export function filtersQuery(search: SessionsFilters): SessionsApiQuery {
  const query: SessionsApiQuery = {
    ...(search.state ? { state: [...search.state] } : {}),
    ...(search.vertical ? { vertical: search.vertical } : {}),
    ...(search.deviceId ? { deviceId: search.deviceId } : {}),
    ...(search.siteId ? { siteId: search.siteId } : {}),
    ...(search.organizationId ? { organizationId: search.organizationId } : {}),
    ...(search.anomaly !== undefined ? { anomaly: search.anomaly ? 'true' : 'false' } : {}),
    ...(search.anomalyKind ? { anomalyKind: search.anomalyKind } : {}),
    ...(search.from ? { from: search.from } : {}),
    ...(search.to ? { to: search.to } : {}),
    ...(search.q ? { q: search.q } : {}),
  };
  return query;
}

/** One page of the list: the filters plus limit and offset. */
export function listQuery(search: SessionsSearch): SessionsApiQuery {
  const pageSize = search.pageSize ?? PAGE_SIZES[0];
  const page = search.page ?? 1;
  return { ...filtersQuery(search), limit: pageSize, offset: (page - 1) * pageSize };
}
