/**
 * The alert rules zizhu knows, their defaults and the bounds of their parameter. Pure: shared by the rules
 * service (validation, defaults), the evaluator and the webhook templates.
 *
 * `evaluated`: checked by the periodic evaluation job from data zizhu has today; the others are raised by the
 * module that sees the event (reconciliation, complaints, settlement) through `AlertsService.raise`.
 * `category`: FLEET alerts (device health) reach a hardware reseller for its customers' devices; MONEY
 * alerts never do (see the alerts migration).
 */
export const ALERT_KINDS = [
  'DEVICE_OFFLINE',
  'DEVICE_START_FAILURES',
  'COLLECTION_FAILING',
  'REFUND_STUCK',
  'RECONCILIATION_DIFFERENCE',
  'COMPLAINT_DEADLINE',
  'COMPLAINT_RATE',
  'PAYOUT_FAILED',
  'FRIDGE_LOW_STOCK',
  'POWERBANK_FLAGGED',
] as const;
export type AlertKind = (typeof ALERT_KINDS)[number];

export type AlertCategory = 'FLEET' | 'MONEY';
export type AlertSeverity = 'INFO' | 'WARNING' | 'CRITICAL';
export type AlertState = 'OPEN' | 'ACKNOWLEDGED' | 'RESOLVED';
/** The unit of a rule's threshold. */
export type ThresholdUnit = 'MINUTES' | 'HOURS' | 'DAYS' | 'COUNT' | 'PERCENT';

export interface AlertKindSpec {
  readonly kind: AlertKind;
  readonly category: AlertCategory;
  readonly severity: AlertSeverity;
  readonly evaluated: boolean;
  readonly enabledByDefault: boolean;
  /** null: the rule has no parameter (it fires on the event itself). */
  readonly threshold: { readonly default: number; readonly min: number; readonly max: number; readonly unit: ThresholdUnit; readonly integer: boolean } | null;
}

export const ALERT_KIND_SPECS: Readonly<Record<AlertKind, AlertKindSpec>> = Object.freeze({
  DEVICE_OFFLINE: { kind: 'DEVICE_OFFLINE', category: 'FLEET', severity: 'WARNING', evaluated: true, enabledByDefault: true, threshold: { default: 30, min: 1, max: 10_080, unit: 'MINUTES', integer: true } },
  DEVICE_START_FAILURES: { kind: 'DEVICE_START_FAILURES', category: 'FLEET', severity: 'CRITICAL', evaluated: true, enabledByDefault: true, threshold: { default: 3, min: 1, max: 100, unit: 'COUNT', integer: true } },
  COLLECTION_FAILING: { kind: 'COLLECTION_FAILING', category: 'MONEY', severity: 'WARNING', evaluated: true, enabledByDefault: true, threshold: { default: 3, min: 1, max: 60, unit: 'DAYS', integer: true } },
  REFUND_STUCK: { kind: 'REFUND_STUCK', category: 'MONEY', severity: 'CRITICAL', evaluated: true, enabledByDefault: true, threshold: { default: 24, min: 1, max: 720, unit: 'HOURS', integer: true } },
  RECONCILIATION_DIFFERENCE: { kind: 'RECONCILIATION_DIFFERENCE', category: 'MONEY', severity: 'CRITICAL', evaluated: false, enabledByDefault: true, threshold: null },
  COMPLAINT_DEADLINE: { kind: 'COMPLAINT_DEADLINE', category: 'MONEY', severity: 'CRITICAL', evaluated: true, enabledByDefault: true, threshold: { default: 4, min: 1, max: 72, unit: 'HOURS', integer: true } },
  COMPLAINT_RATE: { kind: 'COMPLAINT_RATE', category: 'MONEY', severity: 'CRITICAL', evaluated: true, enabledByDefault: true, threshold: { default: 0.01, min: 0.0001, max: 100, unit: 'PERCENT', integer: false } },
  PAYOUT_FAILED: { kind: 'PAYOUT_FAILED', category: 'MONEY', severity: 'CRITICAL', evaluated: false, enabledByDefault: true, threshold: null },
  // a fridge SKU whose book is below this share of its par level (the stock module's planogram). Category MONEY: stock is
  // the merchant's business data, seen like the data (never by a hardware reseller for its customers' fridges)
  FRIDGE_LOW_STOCK: { kind: 'FRIDGE_LOW_STOCK', category: 'MONEY', severity: 'WARNING', evaluated: true, enabledByDefault: true, threshold: { default: 30, min: 1, max: 100, unit: 'PERCENT', integer: true } },
  // a power bank flagged for the operator (returned after its buyout, or at another network's cabinet). Category MONEY: the
  // banks are the merchant network's business data, seen like the data (power_banks: never a hardware reseller's for its customers)
  POWERBANK_FLAGGED: { kind: 'POWERBANK_FLAGGED', category: 'MONEY', severity: 'WARNING', evaluated: true, enabledByDefault: true, threshold: null },
});

export const isAlertKind = (value: unknown): value is AlertKind => typeof value === 'string' && (ALERT_KINDS as readonly string[]).includes(value);

/** The cancellation reason the session engine records when a device did not start the service (sessions' CANCEL_REASONS.deviceFailed). */
export const DEVICE_START_FAILED_REASON = '设备启动失败';

/** Chinese titles (WeCom template) and English ones (JSON payload `title`); the console has its own i18n texts. */
export const ALERT_TITLES: Readonly<Record<AlertKind, { zh: string; en: string }>> = Object.freeze({
  DEVICE_OFFLINE: { zh: '设备离线', en: 'Device offline' },
  DEVICE_START_FAILURES: { zh: '设备连续启动失败', en: 'Device failing to start sessions' },
  COLLECTION_FAILING: { zh: '扣款持续失败', en: 'Collection still failing' },
  REFUND_STUCK: { zh: '退款卡住或异常', en: 'Refund stuck or abnormal' },
  RECONCILIATION_DIFFERENCE: { zh: '对账差异', en: 'Reconciliation difference' },
  COMPLAINT_DEADLINE: { zh: '投诉即将超时', en: 'Complaint near its deadline' },
  COMPLAINT_RATE: { zh: '投诉率超过阈值', en: 'Complaint rate above threshold' },
  PAYOUT_FAILED: { zh: '加盟商分账或打款失败', en: 'Franchisee payout or split failed' },
  FRIDGE_LOW_STOCK: { zh: '冰柜商品库存不足', en: 'Fridge SKU low on stock' },
  POWERBANK_FLAGGED: { zh: '充电宝异常待处理', en: 'Power bank flagged' },
});
