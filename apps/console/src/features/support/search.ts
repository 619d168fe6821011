import { z } from 'zod';

export const KINDS = ['transactionId', 'outOrderNo', 'refundNo', 'openid', 'deviceTime'] as const;
export type LookupKind = (typeof KINDS)[number];

/** /support?kind=transactionId&q=4200…(&at=<ISO instant> for deviceTime): the search is the URL, so it can be shared. */
export const supportSearchSchema = z.object({
  kind: z.enum(KINDS).optional().catch(undefined),
  q: z.string().trim().min(1).max(128).optional().catch(undefined),
  at: z.iso.datetime({ offset: true }).optional().catch(undefined),
});
export type SupportSearch = z.infer<typeof supportSearchSchema>;

/**
 * What an identifier most likely is, by its shape: WeChat's transaction_id is 28 digits, its refund_id 29 or more
 * (starting 50), our out_refund_no `R` + 32 hex digits, an openid starts with `o` and is about 28 characters; anything
 * else is taken for an out_order_no. A device and time is never guessed (it needs the time).
 */
export function detectKind(q: string): Exclude<LookupKind, 'deviceTime'> {
  const text = q.trim();
  if (/^\d{28}$/.test(text)) return 'transactionId';
  if (/^\d{29,32}$/.test(text) || /^R[0-9a-f]{32}$/i.test(text)) return 'refundNo';
  if (/^o[A-Za-z0-9_-]{20,}$/.test(text)) return 'openid';
  return 'outOrderNo';
}
