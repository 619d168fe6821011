import type { Schemas } from '@zizhu/api-client';
import { fetchBlob, postRawFile } from '@/lib/raw-upload';

// The evidence store of a merchant account (onboarding tracker steps and the acceptance kit; the API's
// modules/onboarding/README.md): raw-byte uploads per purpose, read back with the token.

export type EvidenceFile = Schemas['EvidenceFileDto'];

/** The store's limit (the API refuses more with 413). */
export const EVIDENCE_MAX_BYTES = 10 * 1024 * 1024;
/** What the store takes (the API refuses others naming contentType). */
export const EVIDENCE_ACCEPT = 'image/png,image/jpeg,image/webp,image/gif,video/mp4,video/quicktime,video/webm,application/pdf,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,text/plain';

const base = (accountId: string) => `/v1/merchant-accounts/${accountId}/evidence`;

/** Stores one file (its raw bytes) as evidence of `purpose`; answers what the store kept. */
export async function uploadEvidence(accountId: string, purpose: string, file: File): Promise<EvidenceFile> {
  return (await postRawFile(`${base(accountId)}?${new URLSearchParams({ purpose, name: file.name }).toString()}`, file)) as EvidenceFile;
}

/** A stored file's bytes. */
export function evidenceContent(accountId: string, evidenceId: string): Promise<Blob> {
  return fetchBlob(`${base(accountId)}/${evidenceId}/content`);
}
