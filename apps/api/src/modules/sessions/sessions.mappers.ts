import { estimate, type PricingPlan, type Usage } from '@zizhu/pricing';
import type { SessionActionDto, SessionDetailDto, SessionDto } from './dto/sessions.dto.js';
import type { ActionRow, SessionRow } from './session.model.js';

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

/** The running cost of an open session, for plans whose cost grows with time (energy, water and items are known only at the end). */
export function runningFen(row: SessionRow, now = Date.now()): number | null {
  if (row.state !== 'IN_USE' || !row.service_started_at) return null;
  const plan = row.plan as unknown as PricingPlan;
  if (!plan.rental) return null;
  try {
    return estimate(plan, { startedAt: row.service_started_at.toISOString() } as Usage, now).totalFen;
  } catch {
    return null;
  }
}

export function toSessionDto(row: SessionRow): SessionDto {
  return {
    id: row.id,
    organizationId: row.tenant_id,
    merchantOrganizationId: row.merchant_tenant_id,
    state: row.state,
    scenario: row.scenario,
    serviceId: row.service_id,
    deviceId: row.device_id,
    deviceCode: row.device_code,
    slot: row.slot,
    connector: row.connector,
    endUserId: row.end_user_id,
    outOrderNo: row.out_order_no,
    planVersion: row.plan_version,
    riskFundFen: row.risk_fund_fen,
    orderState: row.order_state ? [row.order_state, row.order_state_description].filter(Boolean).join('/') : null,
    collectionState: row.collection_state,
    quotedFen: row.quoted_fen,
    totalFen: row.total_fen,
    paidFen: row.paid_fen,
    refundedFen: row.refunded_fen,
    runningFen: runningFen(row),
    endSource: row.end_source,
    cancelReason: row.cancel_reason,
    anomaly: row.anomaly,
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

export function toSessionDetailDto(row: SessionRow, actions: ActionRow[]): SessionDetailDto {
  return {
    ...toSessionDto(row),
    usage: row.usage,
    quote: row.quote,
    lines: row.lines as unknown as Record<string, unknown> | null,
    actions: actions.map(toActionDto),
  };
}
