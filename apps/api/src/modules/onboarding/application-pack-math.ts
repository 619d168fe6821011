import type { PayscoreScenario } from '@zizhu/pricing';

/**
 * The pure rules of the application pack (contracts.md §10): the amount ranges, largest-remainder percents,
 * the operating model, the business summary and the attachments checklist. No I/O: the figures come from SQL.
 */

export const AMOUNT_RANGES = ['0-10', '10-50', '50-99', '99+'] as const;
export type AmountRange = (typeof AMOUNT_RANGES)[number];

/** Upper bounds in fen, inclusive: 0-10 is ≤ 1000, 10-50 is (1000, 5000], 50-99 is (5000, 9900], 99+ above. */
export const RANGE_UPPER_FEN = { '0-10': 1000, '10-50': 5000, '50-99': 9900 } as const;

export function rangeOf(paidFen: number): AmountRange {
  if (paidFen <= RANGE_UPPER_FEN['0-10']) return '0-10';
  if (paidFen <= RANGE_UPPER_FEN['10-50']) return '10-50';
  if (paidFen <= RANGE_UPPER_FEN['50-99']) return '50-99';
  return '99+';
}

/**
 * Whole percents adding up to 100 by largest remainder: each share's floor, then the points left over go to
 * the largest remainders; equal remainders go to the lower range (the earlier one). All zero when total is 0.
 */
export function largestRemainderPercents(counts: readonly number[]): number[] {
  const total = counts.reduce((a, b) => a + b, 0);
  if (total === 0) return counts.map(() => 0);
  const floors = counts.map((c) => Math.floor((c * 100) / total));
  const remainders = counts.map((c, i) => ({ i, r: (c * 100) % total }));
  let left = 100 - floors.reduce((a, b) => a + b, 0);
  remainders.sort((a, b) => b.r - a.r || a.i - b.i);
  for (const { i } of remainders) {
    if (left <= 0) break;
    floors[i] = floors[i]! + 1;
    left -= 1;
  }
  return floors;
}

export type OrganizationKind = 'PLATFORM' | 'OPERATOR' | 'FRANCHISEE' | 'CUSTOMER';
export type OperatingModelCode = 'SELF_RUN' | 'FRANCHISE' | 'HARDWARE_SALE';
export type OperatingModel = '纯自营' | '加盟' | '硬件售卖';

/** §10: a self-run operator and a reseller's customer → 纯自营; a franchise brand or its franchisee → 加盟; a reseller's own account → 硬件售卖. */
export function operatingModelOf(kind: OrganizationKind, model: OperatingModelCode | null): OperatingModel {
  if (kind === 'FRANCHISEE') return '加盟';
  if (kind === 'CUSTOMER') return '纯自营';
  if (model === 'FRANCHISE') return '加盟';
  if (model === 'HARDWARE_SALE') return '硬件售卖';
  return '纯自营';
}

export const DEFAULT_SYSTEM_SOFTWARE = 'zizhu (开源)';
export const DEFAULT_EXPECTED_CHANNEL = '小程序';

const SCENARIO_SERVICE: Record<PayscoreScenario, string> = {
  VENDING: '智能售货柜（冰柜）自助购物：扫码开门、取货关门后按所取商品结算',
  POWERBANK_RENTAL: '共享充电宝租借：扫码免押借出、归还后按时长计费',
  EV_CHARGING: '电动汽车充电：扫码启动充电、结束后按电量计费',
  WATER: '自助饮水机取水：扫码出水、结束后按水量计费',
};

/** 业务简介, from the scenarios of the account's Pay Score services (ordered as given). */
export function businessSummary(scenarios: readonly PayscoreScenario[]): string {
  if (scenarios.length === 0) return '无人自助设备服务（尚未登记支付分服务）。';
  const lines = scenarios.map((s) => SCENARIO_SERVICE[s]);
  return `通过无人自助设备提供服务，用户使用微信支付分免押金/先享后付，服务结束后自动扣款：${lines.join('；')}。`;
}

/** 营业执照经营范围 rule per scenario: what the scope must mention for WeChat to approve that scenario. */
export const LICENCE_SCOPE_RULES: Record<PayscoreScenario, string> = {
  VENDING: '营业执照经营范围须包含食品销售（或预包装食品销售）或自动售货机销售',
  POWERBANK_RENTAL: '营业执照经营范围须包含租赁（如充电宝租赁、日用品出租）',
  EV_CHARGING: '营业执照经营范围须包含充电服务（电动汽车充电基础设施运营）',
  WATER: '营业执照经营范围须包含饮用水或自动售水服务',
};

export interface AttachmentItem {
  key: 'interaction-flow' | 'device-photos' | 'business-licence' | 'purchase-agreement' | 'complaints-cleared' | 'wechat-group';
  title: string;
  rule: string;
  link: string | null;
  /** Something the platform can see that this item is not met yet; null when it cannot tell or nothing is wrong. */
  warning: string | null;
}

/** `accountId`: the interaction flow links to the console's storyboard of that account (GET …/flow-storyboard). */
export function attachmentsChecklist(scenarios: readonly PayscoreScenario[], openComplaints: number, accountId: string): AttachmentItem[] {
  return [
    {
      key: 'interaction-flow',
      title: '交互流程图',
      rule: '用户侧完整流程截图：扫码页（含微信支付分标识与分数门槛）、确认、使用中、结束扣费、评估不通过、取消（平台按本商户号的设备、收费规则和品牌生成，可打印或另存为 PDF）',
      link: `/onboarding/${accountId}/flow`,
      warning: null,
    },
    { key: 'device-photos', title: '设备照片', rule: '每类设备的实拍照片（含二维码张贴位置）', link: null, warning: null },
    {
      key: 'business-licence',
      title: '营业执照',
      rule: scenarios.length ? [...new Set(scenarios.map((s) => LICENCE_SCOPE_RULES[s]))].join('；') : '营业执照经营范围须覆盖所申请的场景',
      link: null,
      warning: null,
    },
    { key: 'purchase-agreement', title: '设备采购协议', rule: '设备采购（或租赁）合同，证明设备归属', link: null, warning: null },
    {
      key: 'complaints-cleared',
      title: '投诉截图（投诉须处理完毕）',
      rule: '商户平台消费者投诉须全部处理完毕，附处理完毕的截图',
      link: '/complaints',
      warning: openComplaints > 0 ? `尚有 ${openComplaints} 条投诉未处理完毕` : null,
    },
    { key: 'wechat-group', title: '微信群名称', rule: '与微信支付对接的微信群名称', link: null, warning: null },
  ];
}

/** The district of a Chinese address (…市XX区/县), or null when none is written. */
export function districtOf(address: string): string | null {
  const m = /^([^省市]{1,10}?(?:区|县|旗))/u.exec(address.replace(/^.*?市/u, ''));
  return m?.[1] ?? null;
}
