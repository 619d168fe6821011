import { client } from '@/lib/api';
import { unwrap } from '@/lib/problem';
import { saveBlob } from '@/lib/save-blob';
import { filtersQuery, type SessionsFilters } from '../search';

/**
 * The sessions matching the filters as the API's CSV (it needs the bearer token, so it is fetched through
 * the client, not opened as a link) saved as a file.
 */
export async function downloadSessionsCsv(filters: SessionsFilters, fileName: string): Promise<void> {
  const blob = unwrap(await client.GET('/v1/sessions/export.csv', { params: { query: filtersQuery(filters) }, parseAs: 'blob' })) as unknown as Blob;
  saveBlob(blob, fileName);
}
