import { $api } from '@/lib/api';
import type { Schemas } from '@zizhu/api-client';

export type StatementDetail = Schemas['StatementDetailDto'];
export type StatementLine = Schemas['StatementLineDto'];

/** `GET /v1/statements/{id}`: one statement with its lines and totals (an OPEN one: the figures so far). */
export const statementQuery = (id: string) => $api.queryOptions('get', '/v1/statements/{id}', { params: { path: { id } } });
