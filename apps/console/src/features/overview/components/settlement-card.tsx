import type { MouseEvent, ReactNode } from 'react';
import { Card, Col, Row, Statistic } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Problem } from '@/components/problem';
import { can } from '@/lib/access';
import { dayIn, formatFen } from '@/lib/format';
import { useMe } from '@/lib/me';
import { settlementRoleOf, type SettlementRole } from '@/lib/settlement-role';
import { settlementEarningsQuery, settlementStatementsQuery } from '../api/get-settlement-figures';
import { OVERVIEW_NS } from '../i18n';

const SETTLEMENT = '/settlement';

function Figure({ label, fen, testId, onNavigate }: { label: ReactNode; fen: number | undefined; testId: string; onNavigate?: ((href: string) => void) | undefined }) {
  const follow = (event: MouseEvent<HTMLAnchorElement>) => {
    if (!onNavigate || event.metaKey || event.ctrlKey || event.shiftKey || event.button !== 0) return;
    event.preventDefault();
    onNavigate(SETTLEMENT);
  };
  return (
    <a href={SETTLEMENT} onClick={follow} data-testid={testId} style={{ display: 'block', color: 'inherit' }}>
      <Statistic title={label} value={formatFen(fen)} loading={fen === undefined} />
    </a>
  );
}

type Sum = { fen: number | undefined; error: unknown };

function useSum(query: Parameters<typeof settlementStatementsQuery>[0], field: 'payableFen' | 'resellerFeeFen', enabled: boolean): Sum {
  const result = useQuery({ ...settlementStatementsQuery(query), enabled });
  return { fen: result.data?.items.reduce((sum, s) => sum + s[field], 0), error: result.error };
}

/**
 * The settlement figures of the login's role, each a link to /settlement: a franchise brand this month's
 * commission and its franchisees' share; a franchisee today's share and what is on its way to it; a hardware
 * reseller this month's fees and what its customers have not paid; a customer what it owes its reseller.
 */
export function SettlementCard({ organizationId, onNavigate }: { organizationId?: string | undefined; onNavigate?: ((href: string) => void) | undefined }) {
  const { t } = useTranslation(OVERVIEW_NS);
  const me = useMe();
  const role: SettlementRole = can(me, 'settlement.read') ? settlementRoleOf(me) : 'NONE';
  const today = dayIn(new Date(), 'Asia/Shanghai');
  const monthStart = `${today.slice(0, 8)}01`;
  const subject = organizationId ?? me?.organizationId ?? '';
  const brand = role === 'BRAND' || role === 'FRANCHISEE';
  const earnings = useQuery({
    ...settlementEarningsQuery(subject, role === 'FRANCHISEE' ? today : monthStart, today),
    enabled: brand && Boolean(subject),
  });
  const closed = useSum({ status: 'CLOSED', ...(organizationId ? { organizationId } : {}) }, 'payableFen', role === 'FRANCHISEE' || role === 'RESELLER' || role === 'CUSTOMER');
  const open = useSum({ status: 'OPEN' }, 'payableFen', role === 'CUSTOMER');
  const fees = useSum({ from: monthStart }, 'resellerFeeFen', role === 'RESELLER');
  if (role === 'NONE') return null;
  const figures: [string, number | undefined][] =
    role === 'BRAND'
      ? [
          ['brandCommission', earnings.data?.commissionFen],
          ['brandShare', earnings.data?.shareFen],
        ]
      : role === 'FRANCHISEE'
        ? [
            ['franchiseeToday', earnings.data?.shareFen],
            ['franchiseeOnItsWay', closed.fen],
          ]
        : role === 'RESELLER'
          ? [
              ['resellerFees', fees.fen],
              ['resellerUnpaid', closed.fen],
            ]
          : [
              ['customerClosed', closed.fen],
              ['customerOpen', open.fen],
            ];
  const error = earnings.error ?? closed.error ?? open.error ?? fees.error;
  return (
    <Card size="small" title={t(`settlement.title${role}`)} data-testid="settlement-card">
      {error ? <Problem error={error} /> : null}
      <Row gutter={16}>
        {figures.map(([key, fen]) => (
          <Col xs={12} key={key}>
            <Figure label={t(`settlement.${key}`)} fen={error ? 0 : fen} testId={`settlement-${key}`} onNavigate={onNavigate} />
          </Col>
        ))}
      </Row>
    </Card>
  );
}
