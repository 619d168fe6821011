import { useQueryClient } from '@tanstack/react-query';
import type { Schemas } from '@zizhu/api-client';
import { $api, client } from '@/lib/api';
import { authFetch, CONSOLE_HEADER } from '@/lib/auth';
import { ApiProblem, toProblem, unwrap } from '@/lib/problem';
import { onboardingKeys } from './keys';

export type Tracker = Schemas['OnboardingDto'];
export type TrackerStep = Schemas['OnboardingStepDto'];
export type StepKey = TrackerStep['key'];
export type SubjectType = Schemas['PutOnboardingSubjectDto']['subjectType'];
export type StoredState = Schemas['PutOnboardingStepDto']['state'];
export type Pack = Schemas['ApplicationPackDto'];
export type PackSettings = Schemas['ApplicationPackSettingsDto'];
export type Compliance = Schemas['ComplianceDto'];
export type MerchantAccount = Schemas['MerchantAccountDetailDto'];

/**
 * One piece of a step's evidence. `fileId` (the id of a file in the account's evidence store, evidence.ts) is the
 * pinned contract of the evidence store, not in the generated schema of this branch yet.
 */
export type StepEvidence = Schemas['EvidenceDto'] & { readonly fileId?: string };
export type PutStepBody = Omit<Schemas['PutOnboardingStepDto'], 'evidence'> & { evidence?: StepEvidence[] };

/** The generated schema types `expected` as an object; the API answers `{from, to}` (YYYY-MM-DD), or null. */
export function expectedOf(step: TrackerStep): { from: string; to: string } | null {
  const value = step.expected as unknown;
  if (typeof value !== 'object' || value === null) return null;
  const { from, to } = value as Record<string, unknown>;
  return typeof from === 'string' && typeof to === 'string' ? { from, to } : null;
}

export const evidenceOf = (step: TrackerStep): StepEvidence[] => step.evidence as StepEvidence[];

const path = (id: string) => ({ params: { path: { id } } });

/** The merchant accounts the login sees (the picker filters them to those it administers). */
export const merchantAccountsQuery = () => $api.queryOptions('get', '/v1/merchant-accounts', {}, { staleTime: 5 * 60_000 });

/** The tracker: the next action, the refusal, the subject type, the seven steps and the notes. */
export const trackerQuery = (id: string) => $api.queryOptions('get', '/v1/merchant-accounts/{id}/onboarding', path(id));

export interface PackWindow {
  readonly days: number;
  readonly minSessions: number;
}

/** Table 1.1 over a window (422 APPLICATION_PACK_TOO_FEW_SESSIONS is a result the page explains, not a failure to retry). */
export const packQuery = (id: string, window: PackWindow) =>
  $api.queryOptions('get', '/v1/merchant-accounts/{id}/application-pack', { params: { path: { id }, query: { days: window.days, minSessions: window.minSessions } } }, { retry: false });

export const packSettingsQuery = (id: string) => $api.queryOptions('get', '/v1/merchant-accounts/{id}/application-pack/settings', path(id));

export const complianceQuery = (id: string) => $api.queryOptions('get', '/v1/merchant-accounts/{id}/compliance', path(id));

/**
 * The account's flow storyboard (the 1.1 attachment 交互流程图) as the API's HTML page: drawn by the live user pages'
 * own rendering with the operator's branding; `deviceId` absent = the account's first device with a plan.
 */
export const storyboardQuery = (id: string, deviceId: string | undefined) =>
  $api.queryOptions(
    'get',
    '/v1/merchant-accounts/{id}/flow-storyboard',
    { params: { path: { id }, query: deviceId ? { deviceId } : {} }, parseAs: 'text' },
    { retry: false, staleTime: 0 },
  );

export async function putStep(id: string, step: StepKey, body: PutStepBody): Promise<Tracker> {
  // `evidence[].fileId` is not in this branch's generated schema yet (see StepEvidence)
  return unwrap(await client.PUT('/v1/merchant-accounts/{id}/onboarding/steps/{step}', { params: { path: { id, step } }, body: body as Schemas['PutOnboardingStepDto'] }));
}

export async function putSubject(id: string, subjectType: SubjectType): Promise<Tracker> {
  return unwrap(await client.PUT('/v1/merchant-accounts/{id}/onboarding/subject', { params: { path: { id } }, body: { subjectType } }));
}

/** 系统软件, 预计日均笔数, 期望接入渠道 (null: the default). */
export interface PackSettingsBody {
  readonly systemSoftware: string | null;
  readonly expectedDailyOrders: number | null;
  readonly expectedChannel: string | null;
}

export async function putPackSettings(id: string, body: PackSettingsBody): Promise<PackSettings> {
  // the generated schema types these nullable fields as objects (an `example` beside `nullable`); the API takes these
  return unwrap(await client.PUT('/v1/merchant-accounts/{id}/application-pack/settings', { params: { path: { id } }, body: body as unknown as Schemas['PutApplicationPackSettingsDto'] }));
}

/** The pack as the API's spreadsheet (fetched with the token: a plain link would carry none). */
export async function downloadPackXlsx(id: string, window: PackWindow): Promise<{ blob: Blob; fileName: string }> {
  const query = new URLSearchParams({ days: String(window.days), minSessions: String(window.minSessions), format: 'xlsx' });
  const response = await authFetch(new Request(`${globalThis.location?.origin ?? ''}/v1/merchant-accounts/${id}/application-pack?${query}`, { headers: CONSOLE_HEADER }));
  if (!response.ok) throw new ApiProblem(toProblem(await response.json().catch(() => ({})), response.status));
  const disposition = response.headers.get('content-disposition') ?? '';
  const fileName = /filename="([^"]+)"/.exec(disposition)?.[1] ?? `application-pack-${id.slice(0, 8)}.xlsx`;
  return { blob: await response.blob(), fileName };
}

/** After a tracker write: the tracker (the answer replaces it at once, then it is read again). */
export function useTrackerChanged(): (id: string, tracker?: Tracker) => Promise<void> {
  const queryClient = useQueryClient();
  return async (id, tracker) => {
    if (tracker) queryClient.setQueryData(onboardingKeys.tracker(id), tracker);
    await queryClient.invalidateQueries({ queryKey: onboardingKeys.tracker(id) });
  };
}

/** After the pack settings changed: the settings and every window of the pack. */
export function usePackSettingsChanged(): (id: string) => Promise<void> {
  const queryClient = useQueryClient();
  return async (id) => {
    await Promise.all([queryClient.invalidateQueries({ queryKey: onboardingKeys.settings(id) }), queryClient.invalidateQueries({ queryKey: onboardingKeys.packs() })]);
  };
}
