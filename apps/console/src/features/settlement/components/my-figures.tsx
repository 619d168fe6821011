import { Alert, Card, Col, Row, Statistic, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Problem } from '@/components/problem';
import { formatFen } from '@/lib/format';
import { toProblem } from '@/lib/problem';
import { agreementInForceQuery } from '../api/get-agreements';
import { earningsQuery } from '../api/get-earnings';
import { ledgerFiguresQuery } from '../api/get-ledger-figures';
import { statementsQuery } from '../api/get-statements';
import { NS } from '../i18n';
import { periodStartOf, todayInShanghai } from '../period';

/** Σ payable of the statements in a status, exact: the API's totals per status over every page (one row fetched). */
function useStatementSum(status: 'OPEN' | 'CLOSED') {
  const query = useQuery(statementsQuery({ status, limit: 1, offset: 0 }));
  const total = query.data?.totals.find((x) => x.status === status);
  return { query, count: total?.count ?? 0, payableFen: total?.payableFen ?? 0 };
}

function Figure({ title, value, note, testId, loading }: { title: string; value: string; note?: string | undefined; testId: string; loading?: boolean | undefined }) {
  return (
    <Card size="small" loading={loading ?? false} data-testid={testId}>
      <Statistic title={title} value={value} />
      {note ? <Typography.Text type="secondary">{note}</Typography.Text> : null}
    </Card>
  );
}

/**
 * A franchisee's "my earnings": today's and this period's share (net − commission, contracts.md §8; the period
 * is its agreement's), and what is on its way to it — the closed statements not yet settled (fixed fees and
 * adjustments included there).
 */
export function MyEarnings({ organizationId }: { organizationId: string }) {
  const { t } = useTranslation(NS);
  const today = todayInShanghai();
  const agreement = useQuery(agreementInForceQuery(organizationId));
  const noAgreement = agreement.error ? toProblem(agreement.error).code === 'AGREEMENT_NOT_FOUND' : false;
  const period = agreement.data?.period ?? 'MONTHLY';
  const periodStart = periodStartOf(today, period);
  const todays = useQuery(earningsQuery(organizationId, today, today));
  const periods = useQuery({ ...earningsQuery(organizationId, periodStart, today), enabled: !agreement.isLoading });
  const onItsWay = useStatementSum('CLOSED');
  const error = todays.error ?? periods.error ?? onItsWay.query.error ?? (agreement.error && !noAgreement ? agreement.error : null);
  return (
    <Row gutter={[16, 16]} data-testid="my-earnings">
      {noAgreement ? (
        <Col span={24}>
          <Alert type="info" showIcon title={t('mine.noAgreement')} />
        </Col>
      ) : null}
      {error ? (
        <Col span={24}>
          <Problem error={error} />
        </Col>
      ) : null}
      <Col xs={24} md={8}>
        <Figure
          testId="mine-today"
          title={t('mine.today')}
          value={formatFen(todays.data?.shareFen)}
          note={todays.data ? t('mine.netAndCommission', { net: formatFen(todays.data.netFen), commission: formatFen(todays.data.commissionFen) }) : undefined}
          loading={todays.isLoading}
        />
      </Col>
      <Col xs={24} md={8}>
        <Figure
          testId="mine-period"
          title={t('mine.period', { period: t(`period.${period}`), from: periodStart })}
          value={formatFen(periods.data?.shareFen)}
          note={periods.data ? t('mine.netAndCommission', { net: formatFen(periods.data.netFen), commission: formatFen(periods.data.commissionFen) }) : undefined}
          loading={periods.isLoading || agreement.isLoading}
        />
      </Col>
      <Col xs={24} md={8}>
        <Figure
          testId="mine-on-its-way"
          title={t('mine.onItsWay')}
          value={formatFen(onItsWay.payableFen)}
          note={t('mine.onItsWayNote', { count: onItsWay.count })}
          loading={onItsWay.query.isLoading}
        />
      </Col>
    </Row>
  );
}

/** A reseller's customer: what it owes its reseller — closed fee statements not yet settled, and the open period so far. */
export function OwedToReseller() {
  const { t } = useTranslation(NS);
  const closed = useStatementSum('CLOSED');
  const open = useStatementSum('OPEN');
  const error = closed.query.error ?? open.query.error;
  return (
    <Row gutter={[16, 16]} data-testid="owed-to-reseller">
      {error ? (
        <Col span={24}>
          <Problem error={error} />
        </Col>
      ) : null}
      <Col xs={24} md={12}>
        <Figure
          testId="owed-closed"
          title={t('owed.closed')}
          value={formatFen(closed.payableFen)}
          note={t('owed.closedNote', { count: closed.count })}
          loading={closed.query.isLoading}
        />
      </Col>
      <Col xs={24} md={12}>
        <Figure testId="owed-open" title={t('owed.open')} value={formatFen(open.payableFen)} note={t('owed.openNote')} loading={open.query.isLoading} />
      </Col>
    </Row>
  );
}

/**
 * A brand's own figures for this calendar month so far, from its ledger accounts (GET /v1/ledger/figures): when it
 * collects it is the merchant of record and has no statement of its own, so what it earned (commission, fees) and the
 * WeChat channel fee it bore (less what its agreements passed on to franchisees) are shown here.
 */
export function BrandFigures({ organizationId }: { organizationId: string }) {
  const { t } = useTranslation(NS);
  const to = todayInShanghai();
  const from = periodStartOf(to, 'MONTHLY');
  const figures = useQuery(ledgerFiguresQuery(organizationId, from, to));
  const f = figures.data;
  return (
    <Row gutter={[16, 16]} data-testid="brand-figures">
      <Col span={24}>
        <Typography.Text type="secondary">{t('brandFigures.title', { from, to })}</Typography.Text>
      </Col>
      {figures.error ? (
        <Col span={24}>
          <Problem error={figures.error} />
        </Col>
      ) : null}
      <Col xs={24} md={8}>
        <Figure testId="brand-commission" title={t('brandFigures.commission')} value={formatFen(f?.commissionFen)} note={f ? t('brandFigures.feeIncome', { fee: formatFen(f.feeIncomeFen) }) : undefined} loading={figures.isLoading} />
      </Col>
      <Col xs={24} md={8}>
        <Figure
          testId="brand-channel-fee"
          title={t('brandFigures.channelFee')}
          value={formatFen(f?.channelFeeFen)}
          note={f ? t('brandFigures.passedOn', { fee: formatFen(f.channelFeePassedOnFen) }) : undefined}
          loading={figures.isLoading}
        />
      </Col>
      <Col xs={24} md={8}>
        <Figure testId="brand-adjustments" title={t('brandFigures.adjustments')} value={formatFen(f?.adjustmentFen)} note={t('brandFigures.adjustmentsNote')} loading={figures.isLoading} />
      </Col>
    </Row>
  );
}
