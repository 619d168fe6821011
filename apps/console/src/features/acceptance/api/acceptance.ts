import { useQueryClient } from '@tanstack/react-query';
import type { Schemas } from '@zizhu/api-client';
import { $api, client } from '@/lib/api';
import { evidenceContent, type EvidenceFile } from '@/lib/evidence';
import { unwrap } from '@/lib/problem';
import { saveBlob } from '@/lib/save-blob';

export type AcceptanceRun = Schemas['AcceptanceRunDto'];
export type ChecklistItem = Schemas['AcceptanceChecklistItemDto'];

/** While a run waits for its two sessions, it is read again this often. */
export const RUN_POLL_MS = 3_000;
export { EVIDENCE_ACCEPT, EVIDENCE_MAX_BYTES, uploadEvidence, type EvidenceFile } from '@/lib/evidence';

const path = (id: string) => ({ params: { path: { id } } });

/** The account's service ids with their bound devices (the compliance read: same readers as the kit). */
export const complianceQuery = (id: string) => $api.queryOptions('get', '/v1/merchant-accounts/{id}/compliance', path(id));

/** The account's runs, newest first; read again while the newest waits for its sessions. */
export const runsQuery = (id: string) =>
  $api.queryOptions('get', '/v1/merchant-accounts/{id}/acceptance-runs', path(id), {
    refetchInterval: (query) => {
      const run = query.state.data?.items[0];
      return run && run.finishedAt === null && (run.completed === null || run.cancelled === null) ? RUN_POLL_MS : false;
    },
  });

/** The account's evidence files (metadata): the checklist shows the names of its run's. */
export const evidenceQuery = (id: string) => $api.queryOptions('get', '/v1/merchant-accounts/{id}/evidence', { params: { path: { id }, query: {} } });

export async function startRun(id: string, body: Schemas['CreateAcceptanceRunDto']): Promise<AcceptanceRun> {
  return unwrap(await client.POST('/v1/merchant-accounts/{id}/acceptance-runs', { params: { path: { id } }, body }));
}

export async function markItem(id: string, runId: string, key: string, notApplicableReason: string | null): Promise<AcceptanceRun> {
  return unwrap(await client.PUT('/v1/merchant-accounts/{id}/acceptance-runs/{runId}/checklist/{key}', { params: { path: { id, runId, key } }, body: { notApplicableReason } }));
}

export async function finishRun(id: string, runId: string): Promise<AcceptanceRun> {
  return unwrap(await client.POST('/v1/merchant-accounts/{id}/acceptance-runs/{runId}/finish', { params: { path: { id, runId } } }));
}

export async function deleteEvidence(id: string, evidenceId: string): Promise<void> {
  unwrap(await client.DELETE('/v1/merchant-accounts/{id}/evidence/{evidenceId}', { params: { path: { id, evidenceId } } }));
}

/** Downloads a stored file (it needs the bearer token, so it is fetched, not opened as a link). */
export async function downloadEvidence(id: string, file: EvidenceFile): Promise<void> {
  saveBlob(await evidenceContent(id, file.id), file.name);
}

/** After a change: the runs and the evidence list. */
export function useAcceptanceChanged(id: string): () => Promise<void> {
  const queryClient = useQueryClient();
  return async () => {
    await Promise.all([queryClient.invalidateQueries({ queryKey: runsQuery(id).queryKey }), queryClient.invalidateQueries({ queryKey: evidenceQuery(id).queryKey })]);
  };
}
