import { $api } from '@/lib/api';
import type { Schemas } from '@zizhu/api-client';

export type LedgerFigures = Schemas['LedgerFiguresDto'];

/** `GET /v1/ledger/figures`: an organisation's own period figures from its ledger accounts (a brand that collects has no statement of its own). */
export const ledgerFiguresQuery = (organizationId: string, from: string, to: string) =>
  $api.queryOptions('get', '/v1/ledger/figures', { params: { query: { organizationId, from, to } } }, { staleTime: 30_000 });
