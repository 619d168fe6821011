import { client } from '@/lib/api';
import { unwrap } from '@/lib/problem';
import { saveBlob } from '@/lib/save-blob';

export type ExportFormat = 'csv' | 'xlsx';

/**
 * A statement as the API's CSV or XLSX, fetched through the authenticated client (it needs the bearer token,
 * so it is not opened as a link) and saved as a file.
 */
export async function downloadStatement(id: string, format: ExportFormat, fileName: string): Promise<void> {
  const result =
    format === 'csv'
      ? await client.GET('/v1/statements/{id}/export.csv', { params: { path: { id } }, parseAs: 'blob' })
      : await client.GET('/v1/statements/{id}/export.xlsx', { params: { path: { id } }, parseAs: 'blob' });
  const blob = unwrap(result) as unknown as Blob;
  saveBlob(blob, fileName);
}
