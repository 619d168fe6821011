/**
 * The acceptance kit's rules (issue 14, step 2.3 of WeChat's guide): what evidence the review asks for, where each
 * piece comes from, which file types the evidence store takes, what an evidence purpose may be, and when a run is
 * complete. Pure: the stored run, its evidence and its sessions come in as arguments.
 */
import { STEP_KEYS, type StepKey } from './onboarding-rules.js';

/** 10 MiB: the largest evidence file (a screen recording of one flow fits). */
export const EVIDENCE_MAX_BYTES = 10 * 1024 * 1024;

/** The file types the evidence store takes: images, video, PDF, XLSX and plain text. */
export const EVIDENCE_CONTENT_TYPES = [
  'image/png',
  'image/jpeg',
  'image/webp',
  'image/gif',
  'video/mp4',
  'video/quicktime',
  'video/webm',
  'application/pdf',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  'text/plain',
] as const;
export type EvidenceContentType = (typeof EVIDENCE_CONTENT_TYPES)[number];

export const isEvidenceContentType = (value: string | undefined): value is EvidenceContentType => value !== undefined && (EVIDENCE_CONTENT_TYPES as readonly string[]).includes(value);

export type EvidenceSource = 'REAL_WECHAT_APP' | 'PLATFORM';

export const CHECKLIST_KEYS = ['SCREEN_RECORDING', 'ONSITE_VIDEO', 'COMPLETED_ORDER_DETAIL', 'CANCELLED_ORDER_DETAIL', 'PLATFORM_RECORDS'] as const;
export type ChecklistKey = (typeof CHECKLIST_KEYS)[number];

export interface ChecklistDefinition {
  key: ChecklistKey;
  /** zh-CN label (the console shows its own locale's text by key). */
  label: string;
  source: EvidenceSource;
  /** Where to take it (zh-CN). */
  where: string;
  /** An upload (or "not applicable" with a reason) is required before the run may be finished. */
  upload: boolean;
}

const ORDER_DETAIL_PATH = '微信 → 我 → 服务 → 微信支付分 → 查看订单（或“全部订单”），打开该订单';

/** The evidence WeChat's guide asks for at 2.3 acceptance, in the order it lists them. */
export const CHECKLIST: readonly ChecklistDefinition[] = [
  {
    key: 'SCREEN_RECORDING',
    label: '手机录屏（完整流程）',
    source: 'REAL_WECHAT_APP',
    where: '用真实手机的系统录屏，从微信“扫一扫”设备二维码开始，经支付分确认、使用、结束，到订单完成页，一镜到底。',
    upload: true,
  },
  {
    key: 'ONSITE_VIDEO',
    label: '现场第三人称视频',
    source: 'REAL_WECHAT_APP',
    where: '另一人在设备旁拍摄：用户扫码、设备出货/开始服务、结束，与录屏是同一次使用。',
    upload: true,
  },
  {
    key: 'COMPLETED_ORDER_DETAIL',
    label: '完成订单的订单详情页截图',
    source: 'REAL_WECHAT_APP',
    where: `${ORDER_DETAIL_PATH}（本次验收的已完成订单，订单号见下方平台记录）。`,
    upload: true,
  },
  {
    key: 'CANCELLED_ORDER_DETAIL',
    label: '取消订单的订单详情页截图',
    source: 'REAL_WECHAT_APP',
    where: `${ORDER_DETAIL_PATH}（本次验收的已取消订单，订单号见下方平台记录）。`,
    upload: true,
  },
  {
    key: 'PLATFORM_RECORDS',
    label: '两笔订单的订单号与时间（平台记录）',
    source: 'PLATFORM',
    where: '由本平台记录，无需上传：验收中完成订单和取消订单的商户订单号、微信支付订单号与时间。',
    upload: false,
  },
];

export const isChecklistKey = (value: string): value is ChecklistKey => (CHECKLIST_KEYS as readonly string[]).includes(value);

export type EvidencePurpose = { kind: 'step'; step: StepKey } | { kind: 'acceptance'; runId: string; item: ChecklistKey };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/**
 * A purpose as the store takes it: `step:<1.1|1.2|1.3|1.4|2.1|2.2|2.3>` or `acceptance:<runId>:<item key>` where
 * the item is one the operator uploads (not the platform's records). Anything else: null.
 */
export function parsePurpose(value: string | undefined): EvidencePurpose | null {
  if (value === undefined) return null;
  const step = /^step:(.+)$/.exec(value);
  if (step) return (STEP_KEYS as readonly string[]).includes(step[1]!) ? { kind: 'step', step: step[1] as StepKey } : null;
  const acceptance = /^acceptance:([^:]+):([^:]+)$/.exec(value);
  if (!acceptance || !UUID.test(acceptance[1]!) || !isChecklistKey(acceptance[2]!)) return null;
  const item = CHECKLIST.find((c) => c.key === acceptance[2])!;
  return item.upload ? { kind: 'acceptance', runId: acceptance[1]!, item: item.key } : null;
}

export const purposeOf = (p: EvidencePurpose): string => (p.kind === 'step' ? `step:${p.step}` : `acceptance:${p.runId}:${p.item}`);

export interface ChecklistState {
  key: ChecklistKey;
  evidenceIds: string[];
  notApplicableReason: string | null;
  done: boolean;
}

/**
 * Each item's state: an upload item is done with at least one file or when marked not applicable with a reason;
 * the platform's records are done once both sessions are recorded.
 */
export function checklistStates(evidence: ReadonlyMap<ChecklistKey, string[]>, notApplicable: Readonly<Record<string, string>>, bothSessions: boolean): ChecklistState[] {
  return CHECKLIST.map((c) => {
    const ids = evidence.get(c.key) ?? [];
    const reason = c.upload ? (notApplicable[c.key]?.trim() || null) : null;
    return { key: c.key, evidenceIds: ids, notApplicableReason: reason, done: c.upload ? ids.length > 0 || reason !== null : bothSessions };
  });
}

/** What keeps a run from being finished (empty: it may be). */
export function missingForFinish(items: readonly ChecklistState[], paid: boolean, cancelled: boolean): string[] {
  const missing: string[] = [];
  if (!paid) missing.push('completedSession');
  if (!cancelled) missing.push('cancelledSession');
  for (const i of items) if (!i.done && CHECKLIST.find((c) => c.key === i.key)!.upload) missing.push(i.key);
  return missing;
}
