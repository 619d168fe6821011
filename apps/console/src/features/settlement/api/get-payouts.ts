import { $api } from '@/lib/api';
import type { Schemas } from '@zizhu/api-client';
import type { PayoutsApiQuery } from '../search';

export type Payout = Schemas['PayoutDto'];

/** `GET /v1/payouts`: the payouts the login made or received, newest first (failures carry WeChat's reason). */
export const payoutsQuery = (query: PayoutsApiQuery) => $api.queryOptions('get', '/v1/payouts', { params: { query } }, { placeholderData: (previous) => previous });
