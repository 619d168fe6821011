/**
 * Front-end jump data for the Pay Score mini-program (payscore-protocol.md §6): `wx.openBusinessView`
 * with `businessType: 'wxpayScoreUse'` (confirmation page) or `'wxpayScoreDetail'` (order details),
 * signed with the **APIv2** key, HMAC-SHA256 (never the APIv3 key, never RSA).
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import { epochMs, randomAlphanumeric, type Clock, type NonceGenerator } from './clock.js';
import { PayScoreError } from './errors.js';
import { assertOutOrderNo } from './order-no.js';

/**
 * `stringSignTemp` of the APIv2 algorithm (§6.5): the non-empty fields except `sign`, sorted by key in
 * ASCII order, joined `k=v&k=v` with raw values, then `&key=<APIv2 key>`.
 */
export function v2StringToSign(fields: Readonly<Record<string, string | number | undefined>>, apiV2Key: string): string {
  const stringA = Object.keys(fields)
    .filter((k) => k !== 'sign' && fields[k] !== undefined && fields[k] !== '')
    .sort()
    .map((k) => `${k}=${fields[k]}`)
    .join('&');
  return `${stringA}&key=${apiV2Key}`;
}

/** `UPPER(HEX(HMAC-SHA256(key = APIv2 key, stringSignTemp)))`. */
export function signV2HmacSha256(fields: Readonly<Record<string, string | number | undefined>>, apiV2Key: string): string {
  assertApiV2Key(apiV2Key);
  return createHmac('sha256', apiV2Key).update(v2StringToSign(fields, apiV2Key), 'utf8').digest('hex').toUpperCase();
}

/** Constant-time check of a `sign` field (the simulator's side). */
export function verifyV2HmacSha256(fields: Readonly<Record<string, string | number | undefined>>, apiV2Key: string): boolean {
  const given = fields['sign'];
  if (typeof given !== 'string') return false;
  const expected = Buffer.from(signV2HmacSha256(fields, apiV2Key), 'utf8');
  const actual = Buffer.from(given.toUpperCase(), 'utf8');
  return expected.length === actual.length && timingSafeEqual(expected, actual);
}

function assertApiV2Key(apiV2Key: string): void {
  if (typeof apiV2Key !== 'string' || apiV2Key.length === 0) {
    throw new PayScoreError('PAYSCORE_CONFIG_INVALID', { message: 'the APIv2 key is required for the mini-program sign' });
  }
}

type SignedCommon = {
  mch_id: string;
  /** Unix seconds, as a string. */
  timestamp: string;
  nonce_str: string;
  sign_type: 'HMAC-SHA256';
  sign: string;
};

/** `extraData` of `wx.openBusinessView({ businessType: 'wxpayScoreUse' })`. */
export type ScoreUseExtraData = SignedCommon & { package: string };

/** `extraData` of `wx.openBusinessView({ businessType: 'wxpayScoreDetail' })`. */
export type ScoreDetailExtraData = SignedCommon & { service_id: string; out_order_no: string };

export interface BusinessView<T> {
  businessType: 'wxpayScoreUse' | 'wxpayScoreDetail';
  extraData: T;
}

export interface FrontEndSignOptions {
  apiV2Key: string;
  now: Clock | Date | number;
  /** `nonce_str` (≤ 32 of `[0-9A-Za-z]`); default 32 random alphanumerics. */
  nonce?: NonceGenerator;
}

function common(mchid: string, options: FrontEndSignOptions): Omit<SignedCommon, 'sign'> {
  const nonce_str = (options.nonce ?? (() => randomAlphanumeric(32)))();
  if (!/^[0-9A-Za-z]{1,32}$/.test(nonce_str)) {
    throw new PayScoreError('PAYSCORE_INVALID_ARGUMENT', { message: 'nonce_str must be 1..32 of [0-9A-Za-z]' });
  }
  return {
    mch_id: mchid,
    // seconds, not milliseconds (WxJava's deviation, §6.5)
    timestamp: String(Math.floor(epochMs(options.now) / 1000)),
    nonce_str,
    sign_type: 'HMAC-SHA256',
  };
}

/**
 * The confirmation-page jump. Sends the full legacy signed set (`mch_id, package, timestamp, nonce_str,
 * sign_type, sign`): current docs show only `package`, older ones require the signature (§6.1).
 */
export function openBusinessViewForConfirm(
  input: { mchid: string; package: string },
  options: FrontEndSignOptions,
): BusinessView<ScoreUseExtraData> {
  if (!input.package) throw new PayScoreError('PAYSCORE_INVALID_ARGUMENT', { message: 'package is required' });
  const unsigned = { ...common(input.mchid, options), package: input.package };
  return { businessType: 'wxpayScoreUse', extraData: { ...unsigned, sign: signV2HmacSha256(unsigned, options.apiV2Key) } };
}

/** The order-details jump (`wxpayScoreDetail`); the signature is still required there (§6.6). */
export function openBusinessViewForDetail(
  input: { mchid: string; serviceId: string; outOrderNo: string },
  options: FrontEndSignOptions,
): BusinessView<ScoreDetailExtraData> {
  assertOutOrderNo(input.outOrderNo);
  const unsigned = { ...common(input.mchid, options), service_id: input.serviceId, out_order_no: input.outOrderNo };
  return { businessType: 'wxpayScoreDetail', extraData: { ...unsigned, sign: signV2HmacSha256(unsigned, options.apiV2Key) } };
}
