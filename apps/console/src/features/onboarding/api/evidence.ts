import { evidenceContent } from '@/lib/evidence';

export { EVIDENCE_MAX_BYTES, uploadEvidence, type EvidenceFile } from '@/lib/evidence';

/** The purpose a tracker step's files are stored under. */
export const stepPurpose = (step: string) => `step:${step}`;

/** Fetches a stored file with the token and opens it in a new tab from an object URL (a link would carry no token). */
export async function openEvidence(accountId: string, evidenceId: string): Promise<void> {
  const url = URL.createObjectURL(await evidenceContent(accountId, evidenceId));
  globalThis.open?.(url, '_blank', 'noopener');
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
