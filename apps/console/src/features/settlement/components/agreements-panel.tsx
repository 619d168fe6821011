import { useMemo, useState } from 'react';
import { Alert, Button, Card, Flex, Space, Table, Typography } from 'antd';
import { EditOutlined } from '@ant-design/icons';
import { useQueries, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Can } from '@/components/can';
import { DetailDrawer } from '@/components/detail-drawer';
import { ListPage } from '@/components/list-page';
import { Problem } from '@/components/problem';
import { Time } from '@/components/time';
import { agreementHistoryQuery, agreementsInForceQuery, type Agreement } from '../api/get-agreements';
import type { Organization } from '../api/get-counterparties';
import { NS } from '../i18n';
import { todayInShanghai } from '../period';
import { AdjustmentsPanel } from './adjustments-panel';
import { AgreementDialog } from './agreement-dialog';
import { PayeePanel } from './payee-panel';
import { Terms } from './terms';

type Kind = Agreement['kind'];

/** The agreement in force today (from the one request per parent), or "none yet", or the problem. */
function CurrentTerms({ agreement, loading, error }: { agreement: Agreement | undefined; loading: boolean; error: unknown }) {
  const { t } = useTranslation(NS);
  if (loading) return <Typography.Text type="secondary">…</Typography.Text>;
  if (error) return <Problem error={error} />;
  if (!agreement) return <Typography.Text type="warning">{t('agreements.none')}</Typography.Text>;
  return (
    <Space orientation="vertical" size={0}>
      <Terms agreement={agreement} />
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {t('agreements.since', { date: agreement.effectiveFrom, version: agreement.version })}
      </Typography.Text>
    </Space>
  );
}

/** One franchisee's (customer's) versions, newest first, and "set a new agreement from a date". */
function AgreementHistory({ organization, kind }: { organization: Organization; kind: Kind }) {
  const { t } = useTranslation(NS);
  const history = useQuery(agreementHistoryQuery(organization.id));
  const [editing, setEditing] = useState(false);
  const today = todayInShanghai();
  const items = history.data?.items ?? [];
  // the version in force today: the newest whose effectiveFrom is not in the future
  const inForce = items.find((a) => a.effectiveFrom <= today);
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }} data-testid="agreement-history">
      <Can permission="settlement.write">
        <Button type="primary" icon={<EditOutlined />} onClick={() => setEditing(true)}>
          {t('agreements.setNew')}
        </Button>
      </Can>
      {history.error ? <Problem error={history.error} onRetry={() => void history.refetch()} /> : null}
      {history.isLoading ? <Card loading /> : null}
      {history.data && items.length === 0 ? <Alert type="info" showIcon title={t('agreements.noneYet')} /> : null}
      {items.length > 0 ? (
        <Table<Agreement>
          size="small"
          rowKey="id"
          pagination={false}
          dataSource={items}
          scroll={{ x: 'max-content' }}
          columns={[
            { title: t('agreements.version'), dataIndex: 'version', render: (v: number, a) => (a.id === inForce?.id ? t('agreements.versionInForce', { version: v }) : v) },
            { title: t('agreement.effectiveFrom'), dataIndex: 'effectiveFrom' },
            { title: t('agreements.terms'), key: 'terms', render: (_v, a) => <Terms agreement={a} /> },
            { title: t('agreement.note'), dataIndex: 'note', render: (v: string | null) => v ?? '—' },
            { title: t('agreements.createdAt'), dataIndex: 'createdAt', render: (v: string) => <Time value={v} /> },
          ]}
        />
      ) : null}
      {/* a franchisee is paid by WeChat transfer to its payee (the brand sets it here) */}
      {kind === 'FRANCHISE' ? <PayeePanel organizationId={organization.id} organizationName={organization.name} /> : null}
      {/* manual adjustments on its open statements (the brand or reseller books them here) */}
      <AdjustmentsPanel organizationId={organization.id} organizationName={organization.name} />
      <AgreementDialog organization={organization} kind={kind} current={inForce ?? items[0]} open={editing} onClose={() => setEditing(false)} />
    </Space>
  );
}

/** Agreements per franchisee (or customer): the terms in force for each, a drawer with the history. */
export function AgreementsPanel({
  counterparties,
  loading,
  error,
  kind,
  selectedId,
  onSelect,
}: {
  counterparties: readonly Organization[];
  loading: boolean;
  error: unknown;
  kind: Kind;
  selectedId: string | undefined;
  onSelect: (id: string | undefined) => void;
}) {
  const { t } = useTranslation(NS);
  const selected = counterparties.find((o) => o.id === selectedId);
  // the terms in force of every child in one request per parent (a brand or reseller: one; the platform admin: one per parent)
  const parents = useMemo(() => [...new Set(counterparties.map((o) => o.parentId).filter((id): id is string => Boolean(id)))], [counterparties]);
  const inForce = useQueries({ queries: parents.map((id) => agreementsInForceQuery(id)) });
  const byOrganization = new Map(inForce.flatMap((q) => q.data?.items ?? []).map((a) => [a.organizationId, a]));
  const termsLoading = inForce.some((q) => q.isLoading);
  const termsError = inForce.find((q) => q.error)?.error;
  const terms = (o: Organization) => <CurrentTerms agreement={byOrganization.get(o.id)} loading={termsLoading} error={termsError} />;
  const show = (o: Organization) => (
    <Button type="link" style={{ padding: 0 }} onClick={() => onSelect(o.id)}>
      {o.name}
    </Button>
  );
  return (
    <>
      <ListPage<Organization>
        testId="agreements-list"
        title={t(kind === 'FRANCHISE' ? 'agreements.titleFranchise' : 'agreements.titleReseller')}
        subtitle={t('agreements.subtitle')}
        rows={counterparties}
        rowKey="id"
        loading={loading}
        error={error}
        columns={[
          { title: t(kind === 'FRANCHISE' ? 'filters.franchisee' : 'filters.customer'), key: 'name', render: (_v, o) => show(o) },
          { title: t('agreements.inForce'), key: 'terms', render: (_v, o) => terms(o) },
        ]}
        renderCard={(o) => (
          <Flex vertical gap={4}>
            {show(o)}
            {terms(o)}
          </Flex>
        )}
      />
      <DetailDrawer open={Boolean(selected)} title={selected ? t('agreements.drawerTitle', { organization: selected.name }) : ''} onClose={() => onSelect(undefined)}>
        {/* the platform admin sees franchisees and customers alike: each gets the agreement of its kind */}
        {selected ? <AgreementHistory organization={selected} kind={selected.kind === 'CUSTOMER' ? 'RESELLER' : selected.kind === 'FRANCHISEE' ? 'FRANCHISE' : kind} /> : null}
      </DetailDrawer>
    </>
  );
}
