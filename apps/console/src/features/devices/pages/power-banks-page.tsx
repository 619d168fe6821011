import { Descriptions, Form, Input, Select, Space, Tag, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { FilterBar } from '@/components/filter-bar';
import { ListPage } from '@/components/list-page';
import { StateTag } from '@/components/state-tag';
import { Time } from '@/components/time';
import { ClearFlagButton } from '../components/clear-flag-button';
import { POWER_BANK_STATES, powerBanksQuery, type PowerBank, type PowerBankListSearch } from '../api/power-banks';
import { DEVICES_NS } from '../i18n';

type Filters = Omit<PowerBankListSearch, 'page' | 'pageSize'>;
const EMPTY: Filters = {};

/** /power-banks: every power bank the login may see, flagged ones first, with its state, place, charge and flag. */
export function PowerBanksPage({ search, onSearch }: { search: PowerBankListSearch; onSearch: (next: PowerBankListSearch) => void }) {
  const { t } = useTranslation(DEVICES_NS);
  const list = useQuery(powerBanksQuery(search));
  const { page, pageSize, ...filters } = search;
  const where = (b: PowerBank) =>
    b.deviceId && b.deviceCode ? (
      <Link to="/devices/$deviceId" params={{ deviceId: b.deviceId }}>
        <Typography.Text code>{b.deviceCode}</Typography.Text>
        {b.slot !== null ? ` · ${t('inventory.slot')} ${b.slot}` : ''}
      </Link>
    ) : b.rentedFromDeviceCode ? (
      <Typography.Text type="secondary">{t('banks.rentedFrom', { code: b.rentedFromDeviceCode })}</Typography.Text>
    ) : (
      '—'
    );
  const flag = (b: PowerBank) =>
    b.flag ? (
      <Space orientation="vertical" size={0}>
        <Tag color="error" data-flag={b.flag}>
          {t(`banks.flag.${b.flag}`)}
        </Tag>
        {b.flagDetail ? <Typography.Text type="secondary" style={{ fontSize: 12 }}>{b.flagDetail}</Typography.Text> : null}
        <ClearFlagButton bank={b} />
      </Space>
    ) : (
      '—'
    );
  const charge = (b: PowerBank) => (b.chargePercent === null ? '—' : `${b.chargePercent}%`);
  return (
    <ListPage<PowerBank>
      title={t('banks.title')}
      subtitle={t('banks.subtitle')}
      testId="power-banks-list"
      filters={
        <FilterBar<Filters> values={filters} empty={EMPTY} onChange={(next) => onSearch({ ...next, page: 1, pageSize })}>
          <Form.Item name="bankId" label={t('banks.bankId')}>
            <Input allowClear style={{ width: 160 }} />
          </Form.Item>
          <Form.Item name="state" label={t('banks.state')}>
            <Select allowClear placeholder={t('list.any')} style={{ width: 140 }} options={POWER_BANK_STATES.map((s) => ({ value: s, label: t(`common:state.${s}`) }))} />
          </Form.Item>
          <Form.Item name="flagged" label={t('banks.flagged')}>
            <Select
              allowClear
              placeholder={t('list.any')}
              style={{ width: 120 }}
              options={[
                { value: true, label: t('banks.flaggedOnly') },
                { value: false, label: t('banks.unflaggedOnly') },
              ]}
            />
          </Form.Item>
        </FilterBar>
      }
      rowKey="id"
      rows={list.data?.items}
      loading={list.isLoading}
      error={list.error}
      onRetry={() => void list.refetch()}
      filtered={Object.values(filters).some((v) => v !== undefined)}
      pagination={{ page, pageSize, total: list.data?.total ?? 0, onChange: (nextPage, nextSize) => onSearch({ ...search, page: nextSize === pageSize ? nextPage : 1, pageSize: nextSize }) }}
      columns={[
        { key: 'bankId', title: t('banks.bankId'), render: (_, b) => <Typography.Text code>{b.bankId}</Typography.Text> },
        { key: 'state', title: t('banks.state'), render: (_, b) => <StateTag state={b.state} /> },
        { key: 'where', title: t('banks.where'), render: (_, b) => where(b) },
        { key: 'charge', title: t('banks.charge'), render: (_, b) => charge(b) },
        { key: 'flag', title: t('banks.flagColumn'), render: (_, b) => flag(b) },
        { key: 'updatedAt', title: t('banks.updatedAt'), render: (_, b) => <Time value={b.updatedAt} /> },
      ]}
      renderCard={(b) => (
        <Space orientation="vertical" size={4} style={{ width: '100%' }}>
          <Space>
            <Typography.Text code>{b.bankId}</Typography.Text>
            <StateTag state={b.state} />
          </Space>
          <Descriptions size="small" column={1}>
            <Descriptions.Item label={t('banks.where')}>{where(b)}</Descriptions.Item>
            <Descriptions.Item label={t('banks.charge')}>{charge(b)}</Descriptions.Item>
            <Descriptions.Item label={t('banks.flagColumn')}>{flag(b)}</Descriptions.Item>
          </Descriptions>
        </Space>
      )}
    />
  );
}
