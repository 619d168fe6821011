import { estimate, type PricingPlan, type Quote, type Usage } from '@zizhu/pricing';
import type { CatalogItemDto, OrderAttemptDto, SessionActionDto, SessionDetailDto, SessionDto } from './dto/sessions.dto.js';
import { anomalyKindOf, type ActionRow, type AttemptRow, type SessionRow } from './session.model.js';

const TIMES = [
  'created_at',
  'awaiting_confirmation_at',
  'order_created_at',
  'confirmed_at',
  'starting_at',
  'in_use_at',
  'ended_at',
  'awaiting_payment_at',
  'order_completed_at',
  'modified_at',
  'collection_attempted_at',
  'paid_at',
  'cancel_requested_at',
  'cancelled_at',
  'service_started_at',
  'service_ended_at',
] as const;

const camel = (s: string) => s.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase());

/**
 * The latest meter reading a device reported for a session while it runs: a charger's `charging.metered`
 * (`wattHours` since the session started) or a valve's `valve.metered` (`volumeMillilitres` since it opened).
 */
export interface MeterReading {
  readonly occurredAt: Date;
  readonly wattHours?: number;
  readonly volumeMillilitres?: number;
}

/**
 * What a session in use would cost if it ended now: the pricing engine's `estimate` with the session's own
 * plan version (as its final quote will be), over the time so far (rental) and, for a charger or a valve, the
 * energy or volume of the device's latest meter reading — before the first reading, nothing metered yet.
 * Water is never estimated from the elapsed time: neither the plan nor the valve gives a flow rate, so a
 * figure from time alone would be invented; the valve reports its litres while it runs instead. Plans that
 * sell items have no running cost (what was taken is known when the door closes): null.
 */
export function runningQuote(row: SessionRow, reading: MeterReading | null, now = Date.now()): Quote | null {
  const started = row.service_started_at;
  if (row.state !== 'IN_USE' || !started) return null;
  const plan = row.plan as unknown as PricingPlan;
  const energy = row.device_type === 'EV_CHARGER' && plan.energy !== undefined;
  const volume = row.device_type === 'WATER_VALVE' && plan.volume !== undefined;
  if (!plan.rental && !energy && !volume) return null;
  const at = Math.max(now, started.getTime());
  const usage: { startedAt: string; energy?: Usage['energy']; volumeMillilitres?: number } = { startedAt: started.toISOString() };
  if (energy && reading?.wattHours !== undefined && reading.wattHours > 0) {
    // the reading's time on the device's clock, kept within the session so far (an interval with energy needs a length)
    const to = Math.min(Math.max(reading.occurredAt.getTime(), started.getTime() + 1000), Math.max(at, started.getTime() + 1000));
    usage.energy = [{ from: started.toISOString(), to: new Date(to).toISOString(), wattHours: reading.wattHours }];
  }
  if (volume && reading?.volumeMillilitres !== undefined) usage.volumeMillilitres = reading.volumeMillilitres;
  try {
    return estimate(plan, usage as Usage, at);
  } catch {
    return null;
  }
}

/** The running cost in fen (see runningQuote). */
export function runningFen(row: SessionRow, reading: MeterReading | null = null, now = Date.now()): number | null {
  return runningQuote(row, reading, now)?.totalFen ?? null;
}

export function toSessionDto(row: SessionRow, reading: MeterReading | null = null, now = Date.now()): SessionDto {
  return {
    id: row.id,
    organizationId: row.tenant_id,
    merchantOrganizationId: row.merchant_tenant_id,
    state: row.state,
    scenario: row.scenario,
    serviceId: row.service_id,
    deviceId: row.device_id,
    deviceCode: row.device_code,
    deviceType: row.device_type,
    slot: row.slot,
    connector: row.connector,
    endUserId: row.end_user_id,
    outOrderNo: row.out_order_no,
    orderAttempt: row.order_attempt,
    planVersion: row.plan_version,
    riskFundFen: row.risk_fund_fen,
    orderState: row.order_state ? [row.order_state, row.order_state_description].filter(Boolean).join('/') : null,
    collectionState: row.collection_state,
    quotedFen: row.quoted_fen,
    totalFen: row.total_fen,
    paidFen: row.paid_fen,
    refundedFen: row.refunded_fen,
    runningFen: runningFen(row, reading, now),
    meterReading:
      row.state === 'IN_USE' && reading
        ? {
            readAt: reading.occurredAt.toISOString(),
            ...(reading.wattHours !== undefined ? { wattHours: reading.wattHours } : {}),
            ...(reading.volumeMillilitres !== undefined ? { volumeMillilitres: reading.volumeMillilitres } : {}),
          }
        : null,
    endSource: row.end_source,
    cancelReason: row.cancel_reason,
    anomaly: row.anomaly,
    anomalyKind: anomalyKindOf(row.anomaly),
    times: Object.fromEntries(TIMES.map((t) => [camel(t), row[t] ? row[t].toISOString() : null])),
  };
}

export function toActionDto(a: ActionRow): SessionActionDto {
  return {
    id: a.id,
    kind: a.kind,
    state: a.state,
    amountFen: a.amount_fen,
    reason: a.reason,
    outRefundNo: a.out_refund_no,
    error: a.error,
    createdAt: a.created_at.toISOString(),
    finishedAt: a.finished_at?.toISOString() ?? null,
  };
}

export function toAttemptDto(a: AttemptRow): OrderAttemptDto {
  return {
    attempt: a.attempt,
    outOrderNo: a.out_order_no,
    state: a.state,
    orderId: a.order_id,
    note: a.note,
    createdAt: a.created_at.toISOString(),
    orderCreatedAt: a.order_created_at?.toISOString() ?? null,
    supersededAt: a.superseded_at?.toISOString() ?? null,
    closedAt: a.closed_at?.toISOString() ?? null,
  };
}

export function toSessionDetailDto(row: SessionRow, actions: ActionRow[], attempts: AttemptRow[], reading: MeterReading | null = null, now = Date.now()): SessionDetailDto {
  const refunds = actions.filter((a) => a.kind === 'REFUND');
  const held = refunds.filter((a) => a.state !== 'FAILED').reduce((sum, a) => sum + (a.amount_fen ?? 0), 0);
  return {
    ...toSessionDto(row, reading, now),
    attempts: attempts.map(toAttemptDto),
    usage: row.usage,
    quote: row.quote,
    lines: row.lines as unknown as Record<string, unknown> | null,
    actions: actions.map(toActionDto),
    refunds: refunds.map(toActionDto),
    refundableFen: row.state === 'PAID' && row.paid_fen !== null ? Math.max(0, row.paid_fen - held) : null,
    runningQuote: (runningQuote(row, reading, now) as unknown as Record<string, unknown> | null) ?? null,
    itemCatalog: itemCatalogOf(row.plan),
  };
}

/** The plan's item catalog (contracts.md §3 `items.catalog`) as stored with the session, or null when it prices no items. */
function itemCatalogOf(plan: Record<string, unknown>): CatalogItemDto[] | null {
  const catalog = (plan['items'] as { catalog?: unknown } | undefined)?.catalog;
  if (!Array.isArray(catalog)) return null;
  return catalog.map((item: { sku: string; name?: string; priceFen: number }) => ({ sku: item.sku, name: item.name ?? item.sku, priceFen: item.priceFen }));
}
