import type { CommandType, DeviceType } from '../fleet/fleet.entities.js';

/** contracts.md §6, in order; CANCELLED is never charged. */
export const SESSION_STATES = ['AWAITING_CONFIRMATION', 'STARTING', 'IN_USE', 'AWAITING_PAYMENT', 'PAID', 'CANCELLED'] as const;
export type SessionState = (typeof SESSION_STATES)[number];
/** The codes an anomaly text starts with (session-engine), so a list can filter by kind; OTHER for any other. */
export const ANOMALY_KINDS = [
  'ORDER_REJECTED',
  'ORDER_VANISHED',
  'COMPLETE_REFUSED',
  'UNKNOWN_ORDER_STATE',
  'DONE_WITHOUT_PAYMENT',
  'PAID_AMOUNT_MISMATCH',
  'ORDER_REVOKED_WHILE_IN_USE',
  'ORDER_REVOKED_WHILE_AWAITING_PAYMENT',
  'ORDER_EXPIRED_WHILE_IN_USE',
  'ORDER_EXPIRED_WHILE_AWAITING_PAYMENT',
  'STARTED_AFTER_CANCEL',
  'USAGE_INVALID',
  'REFUND_ABNORMAL',
  'DEVICE_DID_NOT_STOP',
  'OTHER',
] as const;
export type AnomalyKind = (typeof ANOMALY_KINDS)[number];

export function anomalyKindOf(anomaly: string | null): AnomalyKind | null {
  if (anomaly === null) return null;
  const code = /^[A-Z_]+/.exec(anomaly)?.[0];
  return (ANOMALY_KINDS as readonly string[]).includes(code ?? '') && code !== 'OTHER' ? (code as AnomalyKind) : 'OTHER';
}

/** Receivables by age, from the order's completion: [minDays, maxDays). */
export const AGING = [
  { bucket: '0-1d', minDays: 0, maxDays: 1 },
  { bucket: '1-3d', minDays: 1, maxDays: 3 },
  { bucket: '3-7d', minDays: 3, maxDays: 7 },
  { bucket: '7-30d', minDays: 7, maxDays: 30 },
  { bucket: '>30d', minDays: 30, maxDays: null },
] as const;
export const AGING_BUCKETS = AGING.map((b) => b.bucket) as [(typeof AGING)[number]['bucket'], ...(typeof AGING)[number]['bucket'][]];
export type AgingBucket = (typeof AGING)[number]['bucket'];

export const TERMINAL_SESSION_STATES: readonly SessionState[] = ['PAID', 'CANCELLED'];

/** The command that starts a session's service on each kind of device, and the one that stops it (if any). */
export const START_COMMAND: Record<DeviceType, CommandType> = {
  FRIDGE: 'UNLOCK',
  POWERBANK_CABINET: 'EJECT',
  EV_CHARGER: 'START_CHARGING',
  WATER_VALVE: 'OPEN_VALVE',
};
export const STOP_COMMAND: Partial<Record<DeviceType, CommandType>> = {
  EV_CHARGER: 'STOP_CHARGING',
  WATER_VALVE: 'CLOSE_VALVE',
};

/**
 * How long a metered service may run before the platform stops it (a charger or valve left running):
 * its usage cannot be estimated while it runs (the meter reports at the end), so the limit is a time.
 */
export const RUN_LIMIT_SECONDS: Partial<Record<DeviceType, number>> = {
  EV_CHARGER: 12 * 3600,
  WATER_VALVE: 30 * 60,
};

/** `service_introduction` (≤ 20 characters) per scenario, shown on the confirmation page. */
export const SERVICE_INTRODUCTION: Record<string, string> = {
  VENDING: '智能货柜购物',
  POWERBANK_RENTAL: '共享充电宝租借',
  EV_CHARGING: '充电桩充电服务',
  WATER: '自助用水服务',
};

/** A service_sessions row as stored (snake_case, numbers for int columns). */
export interface SessionRow {
  id: string;
  tenant_id: string;
  merchant_tenant_id: string;
  /** Charged through the franchisee's own account (FRANCHISEE_COLLECTS): completed with profit_sharing, split after payment. */
  profit_sharing: boolean;
  merchant_account_id: string;
  payscore_service_id: string;
  service_id: string;
  scenario: 'VENDING' | 'POWERBANK_RENTAL' | 'EV_CHARGING' | 'WATER';
  service_mode: 'DEPOSIT_WAIVED' | 'USE_FIRST';
  end_user_id: string;
  appid: string;
  device_id: string;
  device_type: DeviceType;
  device_code: string;
  slot: number | null;
  connector: number | null;
  plan_id: string;
  plan_version: number;
  plan: Record<string, unknown>;
  risk_fund_fen: number;
  /** Fixed at the scan, so a create retried by another process re-enters with identical parameters. */
  notify_url: string;
  /** The current attempt's out_order_no (see `order_attempt`). */
  out_order_no: string;
  /** Which of the session's Pay Score orders is current (1 unless the user scanned again before confirming). */
  order_attempt: number;
  /** When the current attempt began (null for the first); the confirmation timeout runs from it. */
  order_attempted_at: Date | null;
  state: SessionState;
  order_id: string | null;
  order_package: string | null;
  order_state: string | null;
  order_state_description: string | null;
  collection_state: string | null;
  start_command_id: string | null;
  stop_command_id: string | null;
  service_started_at: Date | null;
  service_ended_at: Date | null;
  end_source: 'DEVICE' | 'OPERATOR' | 'TOTAL_CAP' | 'RUN_LIMIT' | null;
  usage: Record<string, unknown> | null;
  quote: Record<string, unknown> | null;
  quoted_fen: number | null;
  total_fen: number | null;
  lines: { post_payments: unknown[]; post_discounts: unknown[]; total_amount: number } | null;
  paid_fen: number | null;
  transaction_id: string | null;
  refunded_fen: number;
  cancel_reason: string | null;
  anomaly: string | null;
  created_at: Date;
  awaiting_confirmation_at: Date;
  order_created_at: Date | null;
  confirmed_at: Date | null;
  starting_at: Date | null;
  in_use_at: Date | null;
  ended_at: Date | null;
  awaiting_payment_at: Date | null;
  order_completed_at: Date | null;
  modified_at: Date | null;
  collection_attempted_at: Date | null;
  paid_at: Date | null;
  cancel_requested_at: Date | null;
  cancelled_at: Date | null;
  updated_at: Date;
}

/**
 * How many Pay Score orders one session may ask for: each repeated scan before the user confirms replaces
 * the order (its `package` is single-use); past this, the user cancels and starts a new session.
 */
export const MAX_ORDER_ATTEMPTS = 10;

/** One of a session's Pay Score orders (migration 1764304400000). */
export interface AttemptRow {
  tenant_id: string;
  merchant_tenant_id: string;
  session_id: string;
  attempt: number;
  out_order_no: string;
  state: 'CURRENT' | 'SUPERSEDED' | 'REVOKED' | 'ABANDONED';
  order_id: string | null;
  note: string | null;
  created_at: Date;
  order_created_at: Date | null;
  superseded_at: Date | null;
  cancel_sent_at: Date | null;
  closed_at: Date | null;
}

export interface ActionRow {
  id: string;
  tenant_id: string;
  session_id: string;
  kind: 'END' | 'MODIFY' | 'COLLECT' | 'REFUND';
  amount_fen: number | null;
  reason: string | null;
  ended_at: Date | null;
  out_refund_no: string | null;
  refund_id: string | null;
  /** ABNORMAL: a refund WeChat holds (REFUND.ABNORMAL): the money left the merchant, the user did not get it; an operator resolves it. */
  /** HELD: a refund WeChat refused for lack of money after the brand's commission was split off (issue 12); an operator retries or gives it up. */
  state: 'PENDING' | 'PROCESSING' | 'ABNORMAL' | 'HELD' | 'SUCCEEDED' | 'FAILED';
  error: string | null;
  requested_by: string | null;
  created_at: Date;
  finished_at: Date | null;
}
