import { z } from 'zod';

// The pieces of typed URL search params the lists share: a value that cannot be read falls back to "no filter"
// (`.catch(undefined)`), so a mangled or old link still opens the list.

/** A free-text filter (a search, an id): trimmed, 1–200 characters. */
export const optionalText = z.string().trim().min(1).max(200).optional().catch(undefined);

/** A calendar day, `YYYY-MM-DD`. */
export const optionalDay = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/)
  .optional()
  .catch(undefined);

/** A page number from 1. */
export const optionalPage = z.coerce.number().int().min(1).optional().catch(undefined);

/** A page size among those the list offers. */
export function optionalPageSize(sizes: readonly number[]) {
  return z.coerce
    .number()
    .int()
    .refine((n) => sizes.includes(n))
    .optional()
    .catch(undefined);
}
