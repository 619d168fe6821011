import { riskFundFor, tryQuote, type PricingPlan, type Quote, type Usage } from '@zizhu/pricing';
import type { DeviceType } from '../fleet/fleet.entities.js';
import { assertServiceFits } from '../merchants/merchant-gateway.service.js';
import { CANCEL_REASONS } from '../sessions/session-engine.service.js';
import type { SessionRow } from '../sessions/session.model.js';
import { runningQuote, type MeterReading } from '../sessions/sessions.mappers.js';
import { frameBody, scanBody, storyboardPage, type StoryboardFrame } from './pages.js';
import type { DeviceContext } from './user-page-contexts.service.js';

/** The sample session starts on a fixed Monday morning (Asia/Shanghai): the figures do not move from one print to the next. */
const SAMPLE_START = Date.parse('2026-01-05T10:00:00+08:00');
const MINUTE = 60_000;

/** A described sample usage: what the user did, and the same usage as the pricing engine takes it. */
export interface SampleUsage {
  /** The finished session, as `quote` takes it. */
  readonly usage: Usage;
  /** In words (zh-CN), e.g. 使用 2 小时 30 分钟. */
  readonly words: string;
  /** Halfway: the time and the meter reading the in-use screen is estimated at (as the live page's running cost). */
  readonly inUse: { readonly atMs: number; readonly reading: MeterReading | null; readonly words: string };
}

const duration = (minutes: number): string => {
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  return [h ? `${h} 小时` : '', m ? `${m} 分钟` : ''].filter(Boolean).join(' ');
};

/**
 * The sample the storyboard prices, by the parts of the plan: 2 h 30 min of rental (in use at 40 min), a 2-hour charge of
 * 14 kWh (7 kWh at 1 h), 1.5 L of water (0.5 L after 1 min), the first two items of the catalogue once each. Only what
 * the user does is chosen here; every amount is the pricing engine's.
 */
export function sampleUsage(plan: PricingPlan, type: DeviceType): SampleUsage {
  const energy = plan.energy !== undefined && type === 'EV_CHARGER';
  const volume = plan.volume !== undefined;
  const items = plan.items?.catalog.slice(0, 2) ?? [];
  const minutes = energy ? 120 : plan.rental ? 150 : volume ? 3 : 2;
  const inUseMinutes = energy ? 60 : plan.rental ? 40 : 1;
  const startedAt = new Date(SAMPLE_START).toISOString();
  const endedAt = new Date(SAMPLE_START + minutes * MINUTE).toISOString();
  const usage: { -readonly [K in keyof Usage]: Usage[K] } = { startedAt, endedAt };
  const words: string[] = [];
  const inUseWords: string[] = [];
  const atMs = SAMPLE_START + inUseMinutes * MINUTE;
  let reading: MeterReading | null = null;
  if (plan.rental || energy) {
    words.push(`${energy ? '充电' : '使用'} ${duration(minutes)}`);
    inUseWords.push(`${energy ? '充电' : '使用'} ${duration(inUseMinutes)}`);
  }
  if (energy) {
    usage.energy = [{ from: startedAt, to: endedAt, wattHours: 14_000 }];
    words.push('共 14 度电');
    reading = { occurredAt: new Date(atMs), wattHours: 7_000 };
    inUseWords.push('已充 7 度电');
  }
  if (volume) {
    usage.volumeMillilitres = 1_500;
    words.push('取水 1.5 升');
    reading = { occurredAt: new Date(atMs), volumeMillilitres: 500 };
    inUseWords.push('已取水 0.5 升');
  }
  if (items.length > 0) {
    usage.items = items.map((i) => ({ sku: i.sku, count: 1 }));
    words.push(`取走 ${items.map((i) => `${i.name} ×1`).join('、')}`);
    inUseWords.push('柜门打开、正在选购');
  }
  return { usage, words: words.join('，'), inUse: { atMs, reading, words: inUseWords.join('，') } };
}

/** Why no storyboard can be drawn for a device (the caller turns it into its error). */
export type StoryboardRefusal = { readonly field: 'plan' | 'payscoreService' | 'appid'; readonly message: string };

export interface StoryboardInput {
  readonly context: DeviceContext;
  readonly mchid: string;
  readonly qrUrl: string;
  readonly generatedAt: Date;
  readonly nonce: string;
}

const yuan = (fen: number): string => `¥${(fen / 100).toFixed(2)}`;
const TYPE_ZH: Record<string, string> = { FRIDGE: '自助售货柜', POWERBANK_CABINET: '充电宝柜', EV_CHARGER: '充电桩', WATER_VALVE: '饮水机' };

/**
 * The printable storyboard of one device's user flow (issue 14: the 1.1 attachment's 交互流程图), with its operator's
 * effective branding: 1 scan page, 2 confirmation hand-off, 3 in use, 4 finished with the charge lines, 5 assessment
 * failed, 6 cancelled. Frame 1 is `scanBody`; frames 2–6 are drawn in the browser by PAGE_SCRIPT's own renderers from
 * the sample sessions below, whose amounts come from the pricing engine for the device's plan (`riskFundFor`, the
 * sessions' `runningQuote`, `quote`). Refused, as the live scan would refuse it: a device without a plan the engine can
 * price, without a Pay Score service, whose service does not fit it (`assertServiceFits`: the scenario of its type, its risk
 * fund within the service's cap) or whose merchant account lists no appid.
 */
export function flowStoryboard(input: StoryboardInput): { html: string; quote: Quote; sample: SampleUsage } | StoryboardRefusal {
  const { context } = input;
  const { plan, view, branding, device } = context;
  if (!plan || !view.rule) return { field: 'plan', message: `device ${device.code} has no pricing plan the pages can describe` };
  const { binding } = context;
  if (!binding) return { field: 'payscoreService', message: `device ${device.code} charges through no Pay Score service` };
  const fund = riskFundFor(plan, binding.scenario);
  if (!fund.ok) return { field: 'plan', message: fund.error.message };
  // the live scan's scenario/risk-cap guard: no image of a flow WeChat would refuse (or revoke the merchant for)
  try {
    assertServiceFits(binding, device.type as DeviceType, fund.value.amountFen);
  } catch (e) {
    return { field: 'payscoreService', message: (e as Error).message.replace(/\.$/, '') };
  }
  // the live pages answer "not available" without a mini-program to sign in with
  if (context.appid === null) return { field: 'appid', message: `the merchant account of device ${device.code} lists no mini-program appid, so its pages cannot sign the user in` };
  const sample = sampleUsage(plan, device.type as DeviceType);
  const priced = tryQuote(plan, sample.usage);
  if (!priced.ok) return { field: 'plan', message: priced.error.message };
  const quote = priced.value;
  // the in-use figure exactly as the live page's: the sessions' runningQuote over a session started at the sample start
  const running = runningQuote(
    { state: 'IN_USE', service_started_at: new Date(SAMPLE_START), plan, device_type: device.type } as unknown as SessionRow,
    sample.inUse.reading,
    sample.inUse.atMs,
  );
  const base = { outOrderNo: '（示例订单号）', riskFundFen: fund.value.amountFen, businessView: null };
  const session = (key: string, state: string, extra: Record<string, unknown> = {}) => ({ key, session: { sessionId: `storyboard-${key}`, state, ...base, ...extra } });
  const data = {
    view: 'storyboard',
    code: device.code,
    type: device.type,
    appid: context.appid,
    simulator: null,
    otherPaymentUrl: branding.otherPaymentUrl,
    frames: [
      session('hand-off', 'AWAITING_CONFIRMATION'),
      session('in-use', 'IN_USE', running ? { runningFen: running.totalFen } : {}),
      session('finished', 'PAID', { totalFen: quote.totalFen, paidFen: quote.totalFen, lines: quote.lines.map((l) => ({ label: l.label, amountFen: l.amountFen })) }),
      session('assessment-failed', 'AWAITING_CONFIRMATION'),
      session('cancelled', 'CANCELLED', { cancelReason: CANCEL_REASONS.userCancelled }),
    ],
  };
  const inUseCaption = running
    ? `示例：${sample.inUse.words}时的当前费用 ${yuan(running.totalFen)}（计价引擎按本方案估算，每 2 秒刷新）。`
    : `示例：${sample.inUse.words}；本方案按取走的商品计价，结束时才有费用。`;
  const frames: StoryboardFrame[] = [
    {
      key: 'scan',
      title: '扫码进入',
      caption: `用户扫设备二维码（${input.qrUrl}）：设备、收费规则（计价引擎的 describePlan）、微信支付分 | 550分及以上 ${view.depositWaived ? '免押金' : '先享后付'}。`,
      body: scanBody(view, true),
    },
    {
      key: 'hand-off',
      title: '确认支付分订单',
      caption: `点击后在微信中调起支付分确认页（小程序 wx.openBusinessView，businessType wxpayScoreUse），用户确认后开始使用；最多扣款 ${yuan(fund.value.amountFen)}（本方案的封顶）。`,
      body: frameBody(),
    },
    { key: 'in-use', title: '使用中', caption: inUseCaption + (device.type === 'POWERBANK_CABINET' ? ' 下方为充电宝归还说明。' : ''), body: frameBody() },
    {
      key: 'finished',
      title: '结束并扣款',
      caption: `示例：${sample.words}，计价引擎按本方案计算为 ${yuan(quote.totalFen)}，明细如图；订单详情经 wx.openBusinessView（wxpayScoreDetail）打开。`,
      body: frameBody(),
    },
    {
      key: 'assessment-failed',
      title: '支付分评估未通过',
      caption: branding.otherPaymentUrl ? '用户未能确认订单（如评估未通过）：不扣款，引导其他方式支付或取消。' : '用户未能确认订单（如评估未通过）：不扣款，本设备只支持微信支付分，明确停止。',
      body: frameBody(),
    },
    { key: 'cancelled', title: '订单已取消', caption: '用户不再使用并取消：不扣款。', body: frameBody() },
  ];
  const date = new Date(input.generatedAt.getTime() + 8 * 3600_000).toISOString().slice(0, 10);
  const html = storyboardPage({
    title: `${branding.name} · 用户侧交互流程图`,
    lead: `设备 ${view.name}（${TYPE_ZH[device.type] ?? device.type} · ${device.code}）· 商户号 ${input.mchid} · 收费规则：${view.rule} · 生成于 ${date}`,
    brand: branding.name,
    color: branding.color,
    phone: branding.servicePhone,
    frames,
    notes: [
      '每一帧由线上用户页面的同一套渲染函数生成（扫码页、会话各状态），品牌名称、颜色与客服电话为该运营方当前生效的设置。',
      `示例金额不是真实订单：由计价引擎（@zizhu/pricing）按本设备的收费方案计算（${sample.words}）。`,
      '微信支付分 logo 为示意占位（标注“示意”），提交前须替换为微信支付提供的官方 logo。',
      '支付分确认页与订单详情页由微信展示，不在本图中。',
    ],
    nonce: input.nonce,
    data,
  });
  return { html, quote, sample };
}
