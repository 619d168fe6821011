import { useCallback, useMemo } from 'react';
import { Alert, Space, Tabs, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useMe } from '@/lib/me';
import { organizationsQuery } from '../api/get-counterparties';
import { AdjustmentsPanel } from '../components/adjustments-panel';
import { AgreementsPanel } from '../components/agreements-panel';
import { EarningsPanel } from '../components/earnings-panel';
import { BrandFigures, MyEarnings, OwedToReseller } from '../components/my-figures';
import { PayeePanel } from '../components/payee-panel';
import { PayoutsList } from '../components/payouts-list';
import { SplitsList } from '../components/splits-list';
import { StatementDrawer } from '../components/statement-drawer';
import { StatementsList } from '../components/statements-list';
import { NS } from '../i18n';
import { counterpartyKindOf, settlementRoleOf } from '@/lib/settlement-role';
import type { SettlementSearch, Tab } from '../search';

export interface SettlementPageProps {
  readonly search: SettlementSearch;
  readonly onSearchChange: (search: SettlementSearch) => void;
}

/**
 * `/settlement`, by who is looking: a franchise brand gets statements, agreements and earnings per franchisee;
 * a hardware reseller its customers' fee statements and their agreements (never revenue); a franchisee "my
 * earnings" and its statements; a reseller's customer what it owes. The brand's payouts are a tab of their own.
 */
export function SettlementPage({ search, onSearchChange }: SettlementPageProps) {
  const { t } = useTranslation(NS);
  const me = useMe();
  const role = settlementRoleOf(me);
  const counterpartyKind = counterpartyKindOf(role);
  const organizations = useQuery({ ...organizationsQuery(), enabled: role !== 'NONE' });
  const all = organizations.data;
  const counterparties = useMemo(
    () => (all ?? []).filter((o) => (me?.organizationKind === 'PLATFORM' ? o.kind === 'FRANCHISEE' || o.kind === 'CUSTOMER' : o.kind === counterpartyKind)),
    [all, counterpartyKind, me?.organizationKind],
  );
  const names = useMemo(() => new Map((all ?? []).map((o) => [o.id, o.name])), [all]);
  const organizationName = useCallback((id: string) => names.get(id) ?? (id === me?.organizationId ? me.organizationName : id.slice(0, 8)), [names, me]);
  const drawer = (
    <StatementDrawer
      id={search.statementId}
      organizationName={organizationName}
      onClose={() => {
        const { statementId: _closed, ...rest } = search;
        onSearchChange(rest);
      }}
    />
  );

  if (!me) return null;
  if (role === 'NONE')
    return (
      <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
        <Typography.Title level={3} style={{ margin: 0 }}>
          {t('title')}
        </Typography.Title>
        <Alert type="info" showIcon title={t('nobody')} data-testid="settlement-none" />
      </Space>
    );

  if (role === 'FRANCHISEE') {
    // a franchisee: its earnings, who its brand pays, and its statements and (when it collects itself) its splits
    const own: Tab = search.tab === 'splits' ? 'splits' : 'statements';
    return (
      <Space orientation="vertical" size="large" style={{ width: '100%' }}>
        <Typography.Title level={3} style={{ margin: 0 }}>
          {t('mine.title')}
        </Typography.Title>
        <MyEarnings organizationId={me.organizationId} />
        <PayeePanel organizationId={me.organizationId} organizationName={me.organizationName} />
        <AdjustmentsPanel organizationId={me.organizationId} organizationName={me.organizationName} />
        <Tabs
          activeKey={own}
          onChange={(next) => onSearchChange({ ...(next === 'statements' ? {} : { tab: next as Tab }) })}
          destroyOnHidden
          items={[
            {
              key: 'statements',
              label: t('tabs.statements'),
              children: <StatementsList search={search} onSearchChange={onSearchChange} view="FRANCHISE" organizationName={organizationName} title={t('statements.mine')} />,
            },
            { key: 'splits', label: t('tabs.splits'), children: <SplitsList search={search} onSearchChange={onSearchChange} organizationName={organizationName} /> },
          ]}
        />
        {drawer}
      </Space>
    );
  }

  if (role === 'CUSTOMER')
    return (
      <Space orientation="vertical" size="large" style={{ width: '100%' }}>
        <Typography.Title level={3} style={{ margin: 0 }}>
          {t('owed.title')}
        </Typography.Title>
        <OwedToReseller />
        <AdjustmentsPanel organizationId={me.organizationId} organizationName={me.organizationName} />
        <StatementsList
          search={search}
          onSearchChange={onSearchChange}
          view="RESELLER"
          organizationName={organizationName}
          title={t('statements.mine')}
        />
        {drawer}
      </Space>
    );

  const view = role === 'RESELLER' ? 'RESELLER' : 'FRANCHISE';
  const tabs: Tab[] = role === 'RESELLER' ? ['statements', 'agreements'] : ['statements', 'agreements', 'earnings', 'payouts', 'splits'];
  const tab = search.tab && tabs.includes(search.tab) ? search.tab : 'statements';
  const switchTab = (next: string) => onSearchChange({ ...(next === 'statements' ? {} : { tab: next as Tab }) });
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Typography.Title level={3} style={{ margin: 0 }}>
        {t('title')}
      </Typography.Title>
      {role === 'BRAND' && me.organizationKind !== 'PLATFORM' ? <BrandFigures organizationId={me.organizationId} /> : null}
      <Tabs
        activeKey={tab}
        onChange={switchTab}
        destroyOnHidden
        items={tabs.map((key) => ({
          key,
          label: t(`tabs.${key}`),
          children:
            key === 'statements' ? (
              <StatementsList
                search={search}
                onSearchChange={onSearchChange}
                view={view}
                counterparties={counterparties}
                organizationName={organizationName}
                title={t(view === 'FRANCHISE' ? 'statements.titleFranchise' : 'statements.titleReseller')}
                subtitle={t(view === 'FRANCHISE' ? 'statements.subtitleFranchise' : 'statements.subtitleReseller')}
              />
            ) : key === 'agreements' ? (
              <AgreementsPanel
                counterparties={counterparties}
                loading={organizations.isLoading}
                error={organizations.error}
                kind={view}
                selectedId={search.organizationId}
                onSelect={(id) => onSearchChange({ tab: 'agreements', ...(id ? { organizationId: id } : {}) })}
              />
            ) : key === 'payouts' ? (
              <PayoutsList search={search} onSearchChange={onSearchChange} counterparties={counterparties} organizationName={organizationName} />
            ) : key === 'splits' ? (
              <SplitsList search={search} onSearchChange={onSearchChange} counterparties={counterparties} organizationName={organizationName} />
            ) : (
              <EarningsPanel
                brandId={me.organizationId}
                franchisees={counterparties}
                range={{ ...(search.from ? { from: search.from } : {}), ...(search.to ? { to: search.to } : {}) }}
                onRangeChange={(range) => onSearchChange({ tab: 'earnings', ...range })}
              />
            ),
        }))}
      />
      {drawer}
    </Space>
  );
}
