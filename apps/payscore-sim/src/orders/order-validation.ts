// Field rules of payscore-protocol.md §3.2, §4 and §9.1, answered as WeChat does (400 PARAM_ERROR …).
import { isObject } from '../platform/json.js';
import { paramError } from '../platform/wx-error.js';
import { type Scenario } from '../merchants/merchant-registry.js';
import { type PostDiscount, type PostPayment, type RiskFund, type RiskFundName, type TimeRange } from './order-model.js';

export const OUT_ORDER_NO = /^[A-Za-z0-9_\-|*@]{1,32}$/;
const RISK_FUND_NAMES: readonly RiskFundName[] = ['DEPOSIT', 'ADVANCE', 'CASH_DEPOSIT', 'ESTIMATE_ORDER_COST'];

/** Length in characters (code points), as WeChat counts Chinese characters as 1. */
const chars = (s: string): number => [...s].length;

export function str(body: Record<string, unknown>, field: string, max: number, required: true, path?: string): string;
export function str(body: Record<string, unknown>, field: string, max: number, required: false, path?: string): string | undefined;
export function str(body: Record<string, unknown>, field: string, max: number, required: boolean, path = field): string | undefined {
  const v = body[field];
  if (v === undefined || v === null) {
    if (required) throw paramError(`缺少参数${path}`, path);
    return undefined;
  }
  if (typeof v !== 'string') throw paramError(`${path}类型错误，应为字符串`, path);
  if (required && v === '') throw paramError(`${path}不能为空`, path);
  if (chars(v) > max) throw paramError(`${path}长度超过${max}`, path);
  return v;
}

export function fen(body: Record<string, unknown>, field: string, required: true, path?: string): number;
export function fen(body: Record<string, unknown>, field: string, required: false, path?: string): number | undefined;
export function fen(body: Record<string, unknown>, field: string, required: boolean, path = field): number | undefined {
  const v = body[field];
  if (v === undefined || v === null) {
    if (required) throw paramError(`缺少参数${path}`, path);
    return undefined;
  }
  if (typeof v !== 'number' || !Number.isSafeInteger(v) || v < 0) throw paramError(`${path}必须是非负整数（单位：分）`, path);
  return v;
}

export function outOrderNo(value: string): string {
  if (!OUT_ORDER_NO.test(value)) throw paramError('out_order_no只能是1-32位数字、字母或_-|*@', 'out_order_no');
  return value;
}

export function postPayments(value: unknown, required: boolean): PostPayment[] {
  if (value === undefined || value === null) {
    if (required) throw paramError('缺少参数post_payments', 'post_payments');
    return [];
  }
  if (!Array.isArray(value)) throw paramError('post_payments必须是数组', 'post_payments');
  if (required && value.length === 0) throw paramError('post_payments至少一项', 'post_payments');
  if (value.length > 100) throw paramError('post_payments最多100项', 'post_payments');
  const seen = new Set<string>();
  return value.map((item, i) => {
    const path = `post_payments[${i}]`;
    if (!isObject(item)) throw paramError(`${path}必须是对象`, path);
    const name = str(item, 'name', 20, true, `${path}.name`);
    const amount = fen(item, 'amount', false, `${path}.amount`);
    const description = str(item, 'description', 30, false, `${path}.description`);
    const count = item['count'];
    if (count !== undefined && (typeof count !== 'number' || !Number.isInteger(count) || count < 1 || count > 100)) {
      throw paramError(`${path}.count取值范围1-100`, `${path}.count`);
    }
    if (amount === undefined && description === undefined) throw paramError(`${path}填写name时amount与description至少填一个`, path);
    if (name !== '商品信息') {
      if (seen.has(name)) throw paramError(`post_payments.name重复：${name}`, `${path}.name`);
      seen.add(name);
    }
    const out: PostPayment = { name };
    if (amount !== undefined) out.amount = amount;
    if (description !== undefined) out.description = description;
    if (count !== undefined) out.count = count as number;
    return out;
  });
}

export function postDiscounts(value: unknown): PostDiscount[] | undefined {
  if (value === undefined || value === null) return undefined;
  if (!Array.isArray(value)) throw paramError('post_discounts必须是数组', 'post_discounts');
  if (value.length > 30) throw paramError('post_discounts最多30项', 'post_discounts');
  const seen = new Set<string>();
  return value.map((item, i) => {
    const path = `post_discounts[${i}]`;
    if (!isObject(item)) throw paramError(`${path}必须是对象`, path);
    const name = str(item, 'name', 20, true, `${path}.name`);
    const description = str(item, 'description', 30, true, `${path}.description`);
    const amount = fen(item, 'amount', false, `${path}.amount`);
    const count = item['count'];
    if (count !== undefined && (typeof count !== 'number' || !Number.isInteger(count) || count < 1 || count > 100)) {
      throw paramError(`${path}.count取值范围1-100`, `${path}.count`);
    }
    if (seen.has(name)) throw paramError(`post_discounts.name重复：${name}`, `${path}.name`);
    seen.add(name);
    const out: PostDiscount = { name, description };
    if (amount !== undefined) out.amount = amount;
    if (count !== undefined) out.count = count as number;
    return out;
  });
}

export function riskFund(value: unknown): RiskFund {
  if (!isObject(value)) throw paramError('缺少参数risk_fund', 'risk_fund');
  const name = value['name'];
  if (typeof name !== 'string' || !RISK_FUND_NAMES.includes(name as RiskFundName)) {
    throw paramError(`risk_fund.name必须是${RISK_FUND_NAMES.join('|')}之一`, 'risk_fund.name');
  }
  const amount = fen(value, 'amount', true, 'risk_fund.amount');
  if (amount <= 0) throw paramError('risk_fund.amount必须大于0', 'risk_fund.amount');
  const description = str(value, 'description', 30, false, 'risk_fund.description');
  const out: RiskFund = { name: name as RiskFundName, amount };
  if (description !== undefined) out.description = description;
  return out;
}

export function timeRange(value: unknown, required: boolean): TimeRange | undefined {
  if (value === undefined || value === null) {
    if (required) throw paramError('缺少参数time_range', 'time_range');
    return undefined;
  }
  if (!isObject(value)) throw paramError('time_range必须是对象', 'time_range');
  const out: Partial<TimeRange> = {};
  for (const f of ['start_time', 'end_time'] as const) {
    const v = str(value, f, 14, false, `time_range.${f}`);
    if (v !== undefined) out[f] = v;
  }
  for (const f of ['start_time_remark', 'end_time_remark'] as const) {
    const v = str(value, f, 20, false, `time_range.${f}`);
    if (v !== undefined) out[f] = v;
  }
  return out as TimeRange;
}

/** Σpost_payments.amount − Σpost_discounts.amount; undefined when no item carries an amount (§9.1). */
export function expectedTotal(payments: readonly PostPayment[], discounts: readonly PostDiscount[] | undefined): number | undefined {
  const withAmount = payments.some((p) => p.amount !== undefined) || (discounts ?? []).some((d) => d.amount !== undefined);
  if (!withAmount) return undefined;
  const pay = payments.reduce((s, p) => s + (p.amount ?? 0), 0);
  const disc = (discounts ?? []).reduce((s, d) => s + (d.amount ?? 0), 0);
  return pay - disc;
}

/** The §9.6 templates whose items carry no amount and no count: exactly these names, once each, per phase. */
const NO_AMOUNT_TEMPLATES: Partial<Record<Scenario, { create: readonly string[]; complete: readonly string[] }>> = {
  POWERBANK_RENTAL: { create: ['收费标准'], complete: ['收费标准', '使用时长'] },
  EV_CHARGING: { create: ['计费规则'], complete: ['计费规则', '费用明细'] },
};

/**
 * Industry templates of §9.6 — names, amounts and counts. VENDING: nothing at create; at completion (and modify) only
 * `商品信息` items, each with amount, description and count. POWERBANK_RENTAL / EV_CHARGING: exactly the template's
 * items (create: the rate item; completion and modify: the rate item + `使用时长` / `费用明细`), each with a description
 * and **no amount and no count**, and no discount carrying an amount (the amount is total_amount alone). WATER: WeChat
 * publishes none, so nothing is checked. WeChat enforces these at launch review, not in the API, so the simulator
 * reports violations as warnings unless the `industryTemplates: "strict"` setting is on.
 */
export function templateViolations(
  scenario: Scenario,
  phase: 'create' | 'complete',
  payments: readonly PostPayment[],
  discounts: readonly PostDiscount[] = [],
): string[] {
  const problems: string[] = [];
  if (scenario === 'VENDING') {
    if (phase === 'create' && payments.length > 0) problems.push('VENDING: create must not carry post_payments');
    if (phase === 'complete') {
      payments.forEach((p, i) => {
        if (p.name !== '商品信息' || p.amount === undefined || p.description === undefined || p.count === undefined) {
          problems.push(`VENDING: post_payments[${i}] must be {name:"商品信息", amount, description, count}`);
        }
      });
    }
    return problems;
  }
  const t = NO_AMOUNT_TEMPLATES[scenario];
  if (!t) return problems;
  const expected = t[phase];
  const names = payments.map((p) => p.name);
  if (names.length !== expected.length || !expected.every((n) => names.includes(n))) {
    problems.push(`${scenario}: post_payments must be exactly ${expected.join(' + ')}, got ${names.length > 0 ? names.join(' + ') : 'none'}`);
  }
  payments.forEach((p, i) => {
    if (p.amount !== undefined) problems.push(`${scenario}: post_payments[${i}] (${p.name}) must carry no amount: the template shows none`);
    if (p.count !== undefined) problems.push(`${scenario}: post_payments[${i}] (${p.name}) must carry no count`);
    if (p.description === undefined) problems.push(`${scenario}: post_payments[${i}] (${p.name}) needs a description`);
  });
  discounts.forEach((d, i) => {
    if (d.amount !== undefined) problems.push(`${scenario}: post_discounts[${i}] (${d.name}) must carry no amount: the template shows none`);
  });
  return problems;
}

export type PostPaymentList = readonly PostPayment[];
export type PostDiscountList = readonly PostDiscount[] | undefined;
