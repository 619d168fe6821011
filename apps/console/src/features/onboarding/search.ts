import { z } from 'zod';

// /onboarding/$accountId/pack?days=30&minSessions=5: the window of the pack's figures.
export const PACK_DEFAULTS = { days: 30, minSessions: 5 } as const;

export const packSearchSchema = z.object({
  days: z.number().int().min(1).max(366).optional().catch(undefined),
  minSessions: z.number().int().min(1).max(1_000_000).optional().catch(undefined),
});
export type PackSearch = z.infer<typeof packSearchSchema>;

export const packWindow = (search: PackSearch) => ({ days: search.days ?? PACK_DEFAULTS.days, minSessions: search.minSessions ?? PACK_DEFAULTS.minSessions });

// /onboarding/$accountId/flow?deviceId=…: the device the flow storyboard is drawn for (absent: the account's first with a plan).
export const flowSearchSchema = z.object({ deviceId: z.string().uuid().optional().catch(undefined) });
export type FlowSearch = z.infer<typeof flowSearchSchema>;
