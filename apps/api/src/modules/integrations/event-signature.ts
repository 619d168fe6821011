import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/** The events an endpoint may subscribe to. */
export const WEBHOOK_EVENT_TYPES = ['session.paid', 'session.cancelled', 'refund.succeeded', 'device.offline', 'device.online', 'complaint.created'] as const;
export type WebhookEventType = (typeof WEBHOOK_EVENT_TYPES)[number];

export const SIGNATURE_HEADER = 'zizhu-signature';
export const EVENT_ID_HEADER = 'zizhu-event-id';
export const EVENT_TYPE_HEADER = 'zizhu-event-type';

/** A per-endpoint signing secret as shown once: `whsec_` + 32 random bytes (base64url). */
export function newEndpointSecret(): string {
  return `whsec_${randomBytes(32).toString('base64url')}`;
}

/** `t=<unix seconds>,v1=<hex HMAC-SHA256(secret, t + "." + body)>` (Stripe's scheme). */
export function signatureHeader(secret: string, timestamp: number, body: string): string {
  return `t=${timestamp},v1=${createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex')}`;
}

/**
 * The receiver's check (documented for integrators, used by the tests): a `v1` signature over `t.body` in constant
 * time, and `t` within `toleranceSeconds` of now (replays of an old request are refused).
 */
export function verifyEventSignature(secret: string, header: string, body: string, nowSeconds = Math.floor(Date.now() / 1000), toleranceSeconds = 300): boolean {
  const parts = new Map<string, string[]>();
  for (const item of header.split(',')) {
    const [k, v] = item.split('=', 2);
    if (k && v) parts.set(k.trim(), [...(parts.get(k.trim()) ?? []), v.trim()]);
  }
  const t = Number(parts.get('t')?.[0]);
  if (!Number.isInteger(t) || Math.abs(nowSeconds - t) > toleranceSeconds) return false;
  const expected = Buffer.from(createHmac('sha256', secret).update(`${t}.${body}`).digest('hex'));
  return (parts.get('v1') ?? []).some((given) => {
    const g = Buffer.from(given);
    return g.length === expected.length && timingSafeEqual(g, expected);
  });
}
