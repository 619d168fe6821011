/**
 * The onboarding tracker's rules (issue 14): the steps of WeChat's guide for unattended self-service merchants, who
 * does each, what it needs, and what blocks it. Pure: the stored states, the platform's own checks and the clock
 * come in as arguments.
 */

export const STEP_KEYS = ['1.1', '1.2', '1.3', '1.4', '2.1', '2.2', '2.3'] as const;
export type StepKey = (typeof STEP_KEYS)[number];
export const STEP_STATES = ['TODO', 'IN_PROGRESS', 'SUBMITTED', 'DONE'] as const;
export type StoredState = (typeof STEP_STATES)[number];
export type StepState = StoredState | 'BLOCKED';

export const SUBJECT_TYPES = ['ENTERPRISE', 'INSTITUTION', 'GOVERNMENT', 'OTHER_ORGANIZATION', 'INDIVIDUAL_BUSINESS', 'MICRO_MERCHANT', 'SERVICE_PROVIDER'] as const;
export type SubjectType = (typeof SUBJECT_TYPES)[number];
/** 个体工商户, 小微商户 and 服务商 cannot apply for direct (直连) Pay Score. */
export const REFUSED_SUBJECT_TYPES: readonly SubjectType[] = ['INDIVIDUAL_BUSINESS', 'MICRO_MERCHANT', 'SERVICE_PROVIDER'];

export interface StepDefinition {
  key: StepKey;
  title: string;
  who: string;
  needs: string[];
}

export const STEPS: readonly StepDefinition[] = [
  { key: '1.1', title: '发送申请表及附件', who: '运营方（邮件发送给微信支付）', needs: ['申请表（表 1.1，可由本平台生成）', '交互流程图、设备照片、营业执照、采购协议、投诉截图、微信群名称'] },
  { key: '1.2', title: '商户号', who: '运营方（微信支付商户平台）', needs: ['已开通的商户号', '在本平台录入并校验通过的商户凭证'] },
  { key: '1.3', title: '客服电话验证', who: '运营方', needs: ['完成验证的客服电话'] },
  { key: '1.4', title: '服务 ID 申请问卷', who: '运营方提交，微信支付审核（7–10 个工作日）', needs: ['服务 ID 申请问卷', '登记与设备场景一致的服务 ID'] },
  { key: '2.1', title: '线上签约并配置测试白名单', who: '运营方（商户平台）', needs: ['线上签约', '测试账号加入白名单'] },
  { key: '2.2', title: '确认模式联调', who: '运营方与本平台', needs: ['该服务 ID 上至少一笔完成（已支付）订单和一笔取消订单'] },
  { key: '2.3', title: '验收', who: '运营方提交，微信支付审核（仅周二、周四）', needs: ['手机录屏（完整流程）', '现场第三人称视频', '一笔完成订单和一笔取消订单的订单详情页截图'] },
];

/** What the platform sees for itself. */
export interface PlatformChecks {
  credentialsValidated: boolean;
  /** Enabled Pay Score services registered on the account. */
  services: number;
  /** Devices bound to a service whose scenario does not fit their type ("device code → scenario"). */
  scenarioMismatches: string[];
  /** Service ids on which the platform has seen at least one PAID and one CANCELLED order. */
  debuggedServiceIds: string[];
}

export interface StoredStep {
  state: StoredState;
  /** Asia/Shanghai date the step was submitted or done (YYYY-MM-DD), when recorded. */
  submittedOn: string | null;
}

export interface StepView extends StepDefinition {
  state: StepState;
  blockers: string[];
  checks: string[];
  /** 1.4: the earliest and latest expected answer (7 and 10 working days after submission); 2.3: the review day. */
  expected: { from: string; to: string } | null;
}

export interface Tracker {
  refused: string | null;
  nextAction: { step: StepKey; text: string } | null;
  steps: StepView[];
  notes: string[];
}

const dayMs = 86_400_000;
const toDate = (day: string): Date => new Date(`${day}T00:00:00Z`);
const toDay = (d: Date): string => d.toISOString().slice(0, 10);

/**
 * Which days are worked: Monday to Friday, minus the configured public holidays, plus the configured weekend days worked
 * in exchange (调休). Both lists come from configuration (ONBOARDING_HOLIDAYS, ONBOARDING_WORKING_WEEKENDS): the platform
 * ships no holiday table of its own. The empty calendar is weekends only.
 */
export interface WorkCalendar {
  readonly holidays: readonly string[];
  readonly workingWeekends: readonly string[];
}

export const WEEKENDS_ONLY: WorkCalendar = { holidays: [], workingWeekends: [] };

/** Whether `day` (YYYY-MM-DD) is a working day under `calendar`. */
export function isWorkingDay(day: string, calendar: WorkCalendar = WEEKENDS_ONLY): boolean {
  if (calendar.workingWeekends.includes(day)) return true;
  if (calendar.holidays.includes(day)) return false;
  const w = toDate(day).getUTCDay();
  return w !== 0 && w !== 6;
}

/** `n` working days after `day` under `calendar` (weekends and configured holidays skipped, 调休 weekend days counted). */
export function addWorkingDays(day: string, n: number, calendar: WorkCalendar = WEEKENDS_ONLY): string {
  let d = toDate(day);
  let left = n;
  while (left > 0) {
    d = new Date(d.getTime() + dayMs);
    if (isWorkingDay(toDay(d), calendar)) left -= 1;
  }
  return toDay(d);
}

/** Today in Asia/Shanghai (YYYY-MM-DD). */
export function shanghaiDay(now: Date): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
}

/**
 * The next Tuesday or Thursday after today in Asia/Shanghai that is not a configured holiday (WeChat reviews acceptance
 * only on those days; a Tuesday or Thursday off is assumed to have no review).
 */
export function nextReviewDay(now: Date, calendar: WorkCalendar = WEEKENDS_ONLY): string {
  let d = toDate(shanghaiDay(now));
  do d = new Date(d.getTime() + dayMs);
  while ((d.getUTCDay() !== 2 && d.getUTCDay() !== 4) || calendar.holidays.includes(toDay(d)));
  return toDay(d);
}

/** What the tracker says about the working days it counts with. */
export function calendarNote(calendar: WorkCalendar): string {
  const last = [...calendar.holidays, ...calendar.workingWeekends].sort().at(-1);
  if (!last) return '工作日只跳过周末，未计入法定节假日与调休（平台未配置节假日：ONBOARDING_HOLIDAYS、ONBOARDING_WORKING_WEEKENDS）。';
  return `工作日按平台配置的法定节假日与调休计算（配置到 ${last}）；此后的日期只跳过周末。`;
}

export function isRefused(subject: SubjectType | null): boolean {
  return subject !== null && REFUSED_SUBJECT_TYPES.includes(subject);
}

const SUBJECT_LABEL: Record<SubjectType, string> = {
  ENTERPRISE: '企业',
  INSTITUTION: '事业单位',
  GOVERNMENT: '政府机关',
  OTHER_ORGANIZATION: '其他组织',
  INDIVIDUAL_BUSINESS: '个体工商户',
  MICRO_MERCHANT: '小微商户',
  SERVICE_PROVIDER: '服务商',
};

/** Why a stored state may not be set (the PUT refuses it), or null when it may. */
export function refusalOf(step: StepKey, state: StoredState, stored: ReadonlyMap<StepKey, StoredStep>, subject: SubjectType | null, checks: PlatformChecks): string | null {
  if (isRefused(subject)) return `${SUBJECT_LABEL[subject!]}不能申请直连微信支付分`;
  const view = tracker(stored, subject, checks, new Date(0)).steps.find((s) => s.key === step)!;
  if (state === 'TODO' || state === 'IN_PROGRESS') return view.state === 'BLOCKED' ? view.blockers.join('；') : null;
  if (view.blockers.length) return view.blockers.join('；');
  if (state === 'DONE' && step === '2.2' && view.state !== 'DONE') return '联调完成由平台判断：该服务 ID 上需至少一笔已支付和一笔已取消的订单';
  return null;
}

/** The tracker: every step's effective state, blockers and checks, and the next action. */
export function tracker(stored: ReadonlyMap<StepKey, StoredStep>, subject: SubjectType | null, checks: PlatformChecks, now: Date, calendar: WorkCalendar = WEEKENDS_ONLY): Tracker {
  const notes = [calendarNote(calendar)];
  if (isRefused(subject)) {
    const reason = `${SUBJECT_LABEL[subject!]}不能申请直连微信支付分（仅企业、事业单位、政府机关及其他组织可以）；接入到此为止。`;
    return { refused: reason, nextAction: null, steps: STEPS.map((d) => ({ ...d, state: 'BLOCKED', blockers: [reason], checks: [], expected: null })), notes };
  }
  const stateOf = (k: StepKey): StoredState => stored.get(k)?.state ?? 'TODO';
  const views: StepView[] = [];
  const phoneVerified = stateOf('1.3') === 'DONE';
  for (const d of STEPS) {
    const blockers: string[] = [];
    const own: string[] = [];
    let state: StepState = stateOf(d.key);
    let expected: StepView['expected'] = null;
    if (subject === null && d.key === '1.1') blockers.push('请先填写主体类型（个体工商户、小微商户、服务商不能申请直连支付分）');
    if ((d.key === '1.1' || d.key === '1.2' || d.key === '1.4') && !phoneVerified) blockers.push('1.1–1.4 的材料须一起提交，须先完成 1.3 客服电话验证');
    if (d.key === '1.2') {
      own.push(checks.credentialsValidated ? '商户凭证已校验通过' : '商户凭证尚未校验通过');
      if (!checks.credentialsValidated && state === 'DONE') state = 'IN_PROGRESS';
    }
    if (d.key === '1.4') {
      own.push(checks.services > 0 ? `已登记 ${checks.services} 个服务 ID` : '尚未登记服务 ID');
      if (checks.scenarioMismatches.length) blockers.push(`服务 ID 的场景与设备不符：${checks.scenarioMismatches.join('、')}`);
      const submitted = stored.get('1.4')?.submittedOn;
      if (submitted) expected = { from: addWorkingDays(submitted, 7, calendar), to: addWorkingDays(submitted, 10, calendar) };
      if (state === 'DONE' && checks.services === 0) state = 'SUBMITTED';
    }
    if (d.key.startsWith('2.')) {
      const firstPhase = views.filter((v) => v.key.startsWith('1.'));
      if (firstPhase.some((v) => v.state !== 'DONE')) blockers.push('须先完成 1.1–1.4');
    }
    const doneView = (k: StepKey): boolean => views.find((v) => v.key === k)?.state === 'DONE';
    if (d.key === '2.2') {
      if (!doneView('2.1')) blockers.push('须先完成 2.1 签约与白名单');
      // orders seen on a service id are shown whatever the other steps say, but they make 2.2 DONE only once its
      // prerequisites (1.1–1.4, 2.1) are: orders taken before signing and whitelisting are not the guide's debugging
      const seen = checks.debuggedServiceIds.length > 0;
      own.push(
        seen
          ? `平台已看到完成与取消订单：${checks.debuggedServiceIds.join('、')}${blockers.length ? '（前置步骤完成后才算联调完成）' : ''}`
          : '平台尚未看到同一服务 ID 上的一笔已支付和一笔已取消订单',
      );
      state = seen ? 'DONE' : state === 'DONE' ? 'IN_PROGRESS' : state;
    }
    if (d.key === '2.3') {
      if (!doneView('2.1')) blockers.push('须先完成 2.1 签约与白名单');
      if (!doneView('2.2')) blockers.push('须先完成 2.2 联调');
      const review = nextReviewDay(now, calendar);
      expected = { from: review, to: review };
    }
    // phase 2 follows the guide's order strictly: a blocked step is BLOCKED even when recorded (or seen) DONE
    if (blockers.length && (state !== 'DONE' || d.key.startsWith('2.'))) state = 'BLOCKED';
    views.push({ ...d, state, blockers, checks: own, expected });
  }
  const next = views.find((v) => v.state !== 'DONE' && v.state !== 'BLOCKED' && v.state !== 'SUBMITTED') ?? views.find((v) => v.state === 'BLOCKED');
  const nextAction = next ? { step: next.key, text: next.state === 'BLOCKED' ? next.blockers[0]! : `${next.key} ${next.title}：${next.needs.join('；')}` } : null;
  return { refused: null, nextAction, steps: views, notes };
}
