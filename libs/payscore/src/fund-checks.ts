/**
 * Local checks of the profit-sharing (分账) and merchant-transfer (商家转账) requests, run before any network call
 * (wechatpay-bills-sharing-complaints.md §2.3, §7). Each refusal is `PAYSCORE_INVALID_ARGUMENT` naming the field.
 */
import { PayScoreError } from './errors.js';
import type { ProfitSharingReceiverType, ProfitSharingRelationType } from './wire-types.js';

export const PROFIT_SHARING_RECEIVER_TYPES: readonly ProfitSharingReceiverType[] = ['MERCHANT_ID', 'PERSONAL_OPENID'];
export const PROFIT_SHARING_RELATION_TYPES: readonly ProfitSharingRelationType[] = [
  'SERVICE_PROVIDER', 'STORE', 'STAFF', 'STORE_OWNER', 'PARTNER', 'HEADQUARTER', 'BRAND', 'DISTRIBUTOR', 'USER', 'SUPPLIER', 'CUSTOM',
];
/** At most 50 receivers per split request (and 50 split requests per order, checked by WeChat). */
export const PROFIT_SHARING_MAX_RECEIVERS = 50;
/** From 2,000 CNY a transfer must name the user (`user_name`, encrypted) (§7). */
export const TRANSFER_REAL_NAME_THRESHOLD_FEN = 200_000;

export function invalidField(field: string, message: string, value?: unknown): PayScoreError {
  return new PayScoreError('PAYSCORE_INVALID_ARGUMENT', { message: `${field}: ${message}`, detail: { field, value } });
}

export function assertPositiveFen(field: string, value: unknown): asserts value is number {
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 1) {
    throw invalidField(field, `must be an integer number of fen > 0, got ${JSON.stringify(value)}`, value);
  }
}

/** A string of 1..max characters (code points), after trimming nothing: WeChat counts what is sent. */
export function assertText(field: string, value: unknown, max: number, { optional = false } = {}): void {
  if (value === undefined && optional) return;
  if (typeof value !== 'string' || value.length === 0 || [...value].length > max) {
    throw invalidField(field, `must be 1..${max} characters, got ${JSON.stringify(value)}`, value);
  }
}

export function assertReceiverType(field: string, value: unknown): asserts value is ProfitSharingReceiverType {
  if (!PROFIT_SHARING_RECEIVER_TYPES.includes(value as ProfitSharingReceiverType)) {
    throw invalidField(field, `must be one of ${PROFIT_SHARING_RECEIVER_TYPES.join(', ')}, got ${JSON.stringify(value)}`, value);
  }
}

export function assertReceiverAccount(field: string, type: ProfitSharingReceiverType, value: unknown): void {
  assertText(field, value, 64);
  if (type === 'MERCHANT_ID' && !/^\d{8,32}$/.test(value as string)) throw invalidField(field, 'a MERCHANT_ID account is a mchid (digits)', value);
}

export function assertRelation(relationType: unknown, customRelation: unknown): void {
  if (!PROFIT_SHARING_RELATION_TYPES.includes(relationType as ProfitSharingRelationType)) {
    throw invalidField('relation_type', `must be one of ${PROFIT_SHARING_RELATION_TYPES.join(', ')}`, relationType);
  }
  if (relationType === 'CUSTOM') assertText('custom_relation', customRelation, 10);
  else if (customRelation !== undefined) throw invalidField('custom_relation', 'is only sent with relation_type CUSTOM', customRelation);
}

/** Receivers of one split: 1..50, no receiver twice, positive amounts, descriptions of 1..80 characters. */
export function assertSplitReceivers(receivers: unknown): void {
  if (!Array.isArray(receivers) || receivers.length === 0 || receivers.length > PROFIT_SHARING_MAX_RECEIVERS) {
    throw invalidField('receivers', `must hold 1..${PROFIT_SHARING_MAX_RECEIVERS} receivers`, receivers);
  }
  const seen = new Set<string>();
  receivers.forEach((r: unknown, i) => {
    if (r === null || typeof r !== 'object') throw invalidField(`receivers[${i}]`, 'must be an object', r);
    const rec = r as Record<string, unknown>;
    assertReceiverType(`receivers[${i}].type`, rec['type']);
    assertReceiverAccount(`receivers[${i}].account`, rec['type'], rec['account']);
    assertPositiveFen(`receivers[${i}].amount`, rec['amount']);
    assertText(`receivers[${i}].description`, rec['description'], 80);
    assertText(`receivers[${i}].name`, rec['name'], 1024, { optional: true });
    const key = `${String(rec['type'])}|${String(rec['account'])}`;
    if (seen.has(key)) throw invalidField(`receivers[${i}].account`, 'the same receiver appears twice in one split request', rec['account']);
    seen.add(key);
  });
}

/** The merchant-transfer create body before encryption (§7). */
export function assertTransferBill(input: {
  transfer_scene_id: unknown;
  openid: unknown;
  user_name?: unknown;
  transfer_amount: unknown;
  transfer_remark: unknown;
  transfer_scene_report_infos: unknown;
}): void {
  assertText('transfer_scene_id', input.transfer_scene_id, 32);
  assertText('openid', input.openid, 64);
  assertPositiveFen('transfer_amount', input.transfer_amount);
  assertText('transfer_remark', input.transfer_remark, 32);
  assertText('user_name', input.user_name, 1024, { optional: true });
  if (input.transfer_amount >= TRANSFER_REAL_NAME_THRESHOLD_FEN && input.user_name === undefined) {
    throw invalidField('user_name', `is required from ${TRANSFER_REAL_NAME_THRESHOLD_FEN} fen (2,000 CNY); got transfer_amount ${input.transfer_amount}`);
  }
  const infos = input.transfer_scene_report_infos;
  if (!Array.isArray(infos) || infos.length === 0) throw invalidField('transfer_scene_report_infos', 'must hold the scene’s report items', infos);
  infos.forEach((info: unknown, i) => {
    const o = (info ?? {}) as Record<string, unknown>;
    assertText(`transfer_scene_report_infos[${i}].info_type`, o['info_type'], 15);
    assertText(`transfer_scene_report_infos[${i}].info_content`, o['info_content'], 32);
  });
}
