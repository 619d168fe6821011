import createClient from 'openapi-fetch';
import createQueryHooks from 'openapi-react-query';
import type { paths } from '@zizhu/api-client';
import { authFetch, CONSOLE_HEADER } from './auth';

/** The typed API client generated from apps/api/openapi.json; every server read and write goes through it. */
export const client = createClient<paths>({
  baseUrl: globalThis.location?.origin ?? '',
  fetch: authFetch,
  headers: CONSOLE_HEADER,
});

/** TanStack Query hooks and `queryOptions` over the same client. */
export const $api = createQueryHooks(client);

export type { paths };
