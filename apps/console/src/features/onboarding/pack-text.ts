import type { Me } from '@/lib/access';
import type { MerchantAccount, Pack } from './api/onboarding';

/** Fen as the table writes an amount: `12.30 元`. */
export function yuan(fen: number): string {
  const sign = fen < 0 ? '-' : '';
  const abs = Math.abs(fen);
  return `${sign}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')} 元`;
}

export type PackLabel = (key: string, values?: Record<string, unknown>) => string;

/**
 * Table 1.1 as plain text for the body of the application email, one row a line (`名称：值`), lists indented; the row
 * names come from `label` (the console passes its zh-CN texts: the email goes to WeChat in Chinese).
 */
export function packText(pack: Pack, label: PackLabel): string {
  const lines: string[] = [];
  const row = (key: string, value: string) => lines.push(`${label(`rows.${key}`)}：${value}`);
  row('subjectName', pack.subjectName);
  row('businessSummary', pack.businessSummary);
  row('mchid', pack.mchid);
  row('systemSoftware', pack.systemSoftware);
  row('operatingModel', pack.operatingModel);
  row('dailyOrders', `${pack.dailyOrders}（${label('pack.window', { from: pack.from, to: pack.to, days: pack.days, sessions: pack.sessions })}）`);
  row('averageTicket', yuan(pack.averageTicketFen));
  row('expectedDailyOrders', pack.expectedDailyOrders === null ? label('pack.notEntered') : String(pack.expectedDailyOrders));
  row('amountDistribution', pack.amountDistribution.map((r) => `${label(`ranges.${r.range}`)} ${r.percent}%（${r.count}）`).join('，'));
  for (const warning of pack.warnings) lines.push(`  ${label('pack.warning')}：${warning}`);
  row('billingRules', pack.billingRules.length === 0 ? label('pack.none') : '');
  for (const rule of pack.billingRules) lines.push(`  - ${rule}`);
  row('expectedChannel', pack.expectedChannel);
  row('offlineScenes', pack.cities.map((c) => label('pack.city', { city: c.city, sites: c.sites, devices: c.devices })).join('；') || label('pack.none'));
  for (const site of pack.sites) lines.push(`  - ${[site.city, site.district, site.place].filter(Boolean).join(' ')}（${site.address}）${label('pack.devices', { count: site.devices })}`);
  row('attachments', '');
  for (const a of pack.attachments) lines.push(`  □ ${a.title}：${a.rule}${a.warning ? `（${a.warning}）` : ''}`);
  return lines.join('\n');
}

/**
 * The accounts whose onboarding this login may read, as the API decides (others answer 404): the platform admin all; an
 * admin those of its own organisation, and a franchise brand's admin those of its franchisees too.
 */
export function readableAccounts(me: Me | undefined, accounts: readonly MerchantAccount[]): MerchantAccount[] {
  if (!me) return [];
  if (me.user.role === 'PLATFORM_ADMIN') return [...accounts];
  if (!['OPERATOR_ADMIN', 'CUSTOMER_ADMIN', 'FRANCHISEE_ADMIN'].includes(me.user.role)) return [];
  const brand = me.user.role === 'OPERATOR_ADMIN' && me.operatingModel === 'FRANCHISE';
  return accounts.filter((a) => a.organizationId === me.organizationId || brand);
}
