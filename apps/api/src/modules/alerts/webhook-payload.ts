import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { ALERT_TITLES, type AlertKind } from './alert-kinds.js';

/** What a webhook is told about one alert. Only the alert's own organisation and facts: never another tenant's. */
export interface AlertPayloadAlert {
  readonly id: string;
  readonly kind: AlertKind | string;
  readonly category: string;
  readonly severity: string;
  readonly state: string;
  readonly organizationId: string;
  readonly organizationName: string;
  readonly subjectType: string;
  readonly subjectId: string;
  readonly facts: Record<string, unknown>;
  readonly raisedAt: string;
}

export interface OutgoingRequest {
  readonly headers: Record<string, string>;
  readonly body: string;
}

export const SIGNATURE_HEADER = 'x-zizhu-signature';
export const TIMESTAMP_HEADER = 'x-zizhu-timestamp';
export const DELIVERY_HEADER = 'x-zizhu-delivery';

/** A webhook secret as shown once: `whsec_` + 32 random bytes (base64url). */
export function newWebhookSecret(): string {
  return `whsec_${randomBytes(32).toString('base64url')}`;
}

/** hex(HMAC-SHA256(secret, timestamp + "." + body)), sent as `sha256=<hex>`. */
export function signPayload(secret: string, timestamp: number, body: string): string {
  return `sha256=${createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex')}`;
}

/** The receiver's check (documented for integrators, used by the tests): signature and a 300 s window. */
export function verifySignature(secret: string, timestamp: string, body: string, signature: string, nowSeconds = Math.floor(Date.now() / 1000)): boolean {
  const ts = Number(timestamp);
  if (!Number.isInteger(ts) || Math.abs(nowSeconds - ts) > 300) return false;
  const expected = Buffer.from(signPayload(secret, ts, body));
  const given = Buffer.from(signature);
  return expected.length === given.length && timingSafeEqual(expected, given);
}

const titleOf = (kind: string) => ALERT_TITLES[kind as AlertKind] ?? { zh: kind, en: kind };

/** Our JSON format: `{"event": "alert.raised" | "test", "alert": …}`, HMAC-signed over the timestamp and the body. */
export function jsonRequest(input: { secret: string; deliveryId: string; alert: AlertPayloadAlert; event?: 'alert.raised' | 'test'; nowSeconds?: number }): OutgoingRequest {
  const timestamp = input.nowSeconds ?? Math.floor(Date.now() / 1000);
  const body = JSON.stringify({ event: input.event ?? 'alert.raised', deliveryId: input.deliveryId, alert: { ...input.alert, title: titleOf(input.alert.kind).en } });
  return {
    body,
    headers: {
      'content-type': 'application/json',
      [TIMESTAMP_HEADER]: String(timestamp),
      [SIGNATURE_HEADER]: signPayload(input.secret, timestamp, body),
      [DELIVERY_HEADER]: input.deliveryId,
    },
  };
}

const SEVERITY_ZH: Record<string, string> = { INFO: '<font color="info">提示</font>', WARNING: '<font color="warning">警告</font>', CRITICAL: '<font color="warning">严重</font>' };
const FACT_LABELS_ZH: Record<string, string> = {
  deviceCode: '设备编号',
  deviceType: '设备类型',
  lastSeenAt: '最后心跳',
  offlineMinutes: '离线分钟数',
  thresholdMinutes: '阈值(分钟)',
  failures: '连续失败次数',
  threshold: '阈值',
  outOrderNo: '订单号',
  totalFen: '金额(分)',
  amountFen: '金额(分)',
  orderCompletedAt: '完结时间',
  daysFailing: '失败天数',
  outRefundNo: '退款单号',
  refundState: '退款状态',
  hoursPending: '已等待小时',
  billDate: '账单日期',
  complaintId: '投诉单号',
  rate: '投诉率',
};
const SUBJECT_ZH: Record<string, string> = { device: '设备', session: '订单', refund: '退款', reconciliation: '对账', complaint: '投诉', payout: '打款', 'merchant-account': '商户号' };

/** Beijing time, as Chinese operations teams read it: `2026-12-06 15:04`. */
function beijing(iso: string): string {
  const t = new Date(iso);
  if (Number.isNaN(t.getTime())) return iso;
  return new Date(t.getTime() + 8 * 3600_000).toISOString().slice(0, 16).replace('T', ' ');
}

/** Markdown for a WeCom (企业微信) group robot, in Chinese; at most 4096 bytes as the robot API requires. */
export function wecomMarkdown(alert: AlertPayloadAlert, test = false): string {
  const title = titleOf(alert.kind).zh;
  const lines = [
    `**${test ? '【测试】' : ''}【紫竹告警】${title}** ${SEVERITY_ZH[alert.severity] ?? alert.severity}`,
    `> 组织：${alert.organizationName}`,
    `> 对象：${SUBJECT_ZH[alert.subjectType] ?? alert.subjectType} ${alert.subjectId}`,
    ...Object.entries(alert.facts)
      .filter(([, v]) => v !== null && v !== undefined && typeof v !== 'object')
      .map(([k, v]) => `> ${FACT_LABELS_ZH[k] ?? k}：${/At$/.test(k) && typeof v === 'string' ? beijing(v) : String(v)}`),
    `> 时间：${beijing(alert.raisedAt)}（北京时间）`,
  ];
  let content = lines.join('\n');
  while (Buffer.byteLength(content) > 4096) content = content.slice(0, -50);
  return content;
}

/** The WeCom group robot's message: `{"msgtype":"markdown","markdown":{"content":…}}`, posted to the robot's URL (…/cgi-bin/webhook/send?key=…). */
export function wecomRequest(alert: AlertPayloadAlert, test = false): OutgoingRequest {
  return { headers: { 'content-type': 'application/json' }, body: JSON.stringify({ msgtype: 'markdown', markdown: { content: wecomMarkdown(alert, test) } }) };
}
