import { Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatFen } from '@/lib/format';
import type { Agreement } from '../api/get-agreements';
import { NS } from '../i18n';

/** Basis points as a percentage without floating point: 2000 → `20.00%`. */
export function basisPointsText(bp: number): string {
  return `${Math.floor(bp / 100)}.${String(bp % 100).padStart(2, '0')}%`;
}

/** Percent as typed (`20`, `12.5`, `12.34`) → basis points, or null when it is not a percentage of at most 100. */
export function parsePercent(text: string): number | null {
  const match = /^\s*(\d{1,3})(?:\.(\d{0,2}))?\s*$/.exec(text);
  if (!match) return null;
  const bp = Number(match[1]) * 100 + Number((match[2] ?? '').padEnd(2, '0'));
  return bp <= 10_000 ? bp : null;
}

/** An agreement's terms in one line (each money figure through the fen formatter). */
export function Terms({ agreement }: { agreement: Agreement }) {
  const { t } = useTranslation(NS);
  const parts: string[] = [];
  if (agreement.kind === 'FRANCHISE') {
    if (agreement.commissionBasisPoints !== null)
      parts.push(t('terms.commission', { percent: basisPointsText(agreement.commissionBasisPoints), bp: agreement.commissionBasisPoints }));
    if (agreement.fixedFeePerDeviceMonthFen) parts.push(t('terms.fixedFee', { amount: formatFen(agreement.fixedFeePerDeviceMonthFen) }));
    if (agreement.minimumMonthFen) parts.push(t('terms.minimum', { amount: formatFen(agreement.minimumMonthFen) }));
    if (agreement.channelFeePassedOn) parts.push(t('terms.channelFeePassedOn'));
  } else {
    if (agreement.platformFeePerActiveDeviceMonthFen !== null) parts.push(t('terms.platformFee', { amount: formatFen(agreement.platformFeePerActiveDeviceMonthFen) }));
    if (agreement.fixedMonthFen) parts.push(t('terms.fixedMonth', { amount: formatFen(agreement.fixedMonthFen) }));
  }
  return (
    <Space size={4} wrap>
      <Typography.Text>{parts.join(' · ')}</Typography.Text>
      <Tag>{t(`period.${agreement.period}`)}</Tag>
      {agreement.collection ? <Tag color={agreement.collection === 'FRANCHISEE_COLLECTS' ? 'purple' : 'blue'}>{t(`collection.${agreement.collection}`)}</Tag> : null}
    </Space>
  );
}
