import { Button, Flex, Form, Input, Select, Typography } from 'antd';
import type { TableProps } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { Schemas } from '@zizhu/api-client';
import { Can } from '@/components/can';
import { FilterBar } from '@/components/filter-bar';
import { ListPage } from '@/components/list-page';
import { Time } from '@/components/time';
import '../i18n';
import { PlanTypeTag } from '../components/plan-type-tag';
import { useOrganizations } from '../api/list-owners';
import { DEVICE_TYPES, PLAN_TYPES, usePlans, type PlansFilters, type PlansSearch } from '../api/list-plans';

type PlanRow = Schemas['PlanSummaryDto'];

const EMPTY: PlansFilters = { type: undefined, deviceType: undefined, q: undefined };

export interface PlansListPageProps {
  /** The list's state, from the URL. */
  readonly search: PlansSearch;
  /** Writes a new state to the URL. */
  readonly onSearch: (next: PlansSearch) => void;
  readonly onOpen: (planId: string) => void;
  readonly onCreate: () => void;
}

/** The pricing plans of the fleet: server-paginated, filtered by type, device type and name in the URL. */
export function PlansListPage({ search, onSearch, onOpen, onCreate }: PlansListPageProps) {
  const { t } = useTranslation('plans');
  const query = usePlans(search);
  const organizations = useOrganizations().data;
  const ownerName = (id: string) => organizations?.find((o) => o.id === id)?.name ?? '—';
  // a franchise brand sees its franchisees' plans too: then say whose each one is
  const manyOwners = new Set(query.data?.items.map((row) => row.organizationId)).size > 1;
  const filters: PlansFilters = { type: search.type, deviceType: search.deviceType, q: search.q };
  const open = (row: PlanRow) => (
    <a
      href={`/plans/${row.id}`}
      onClick={(event) => {
        if (event.metaKey || event.ctrlKey || event.shiftKey || event.button !== 0) return;
        event.preventDefault();
        onOpen(row.id);
      }}
    >
      {row.name}
    </a>
  );
  const columns: TableProps<PlanRow>['columns'] = [
    { key: 'name', title: t('list.name'), render: (_, row) => open(row) },
    { key: 'type', title: t('list.type'), render: (_, row) => <PlanTypeTag type={row.type} /> },
    ...(manyOwners ? [{ key: 'owner', title: t('list.owner'), render: (_: unknown, row: PlanRow) => ownerName(row.organizationId) }] : []),
    { key: 'version', title: t('list.version'), render: (_, row) => t('list.versionValue', { version: row.currentVersion }) },
    { key: 'devices', title: t('list.devices'), align: 'right', render: (_, row) => row.deviceCount },
    { key: 'updatedAt', title: t('list.updatedAt'), render: (_, row) => <Time value={row.updatedAt} seconds={false} /> },
  ];
  return (
    <ListPage<PlanRow>
      testId="plans-list"
      title={t('title')}
      subtitle={t('list.subtitle')}
      extra={
        <Can permission="plans.write">
          <Button type="primary" icon={<PlusOutlined />} onClick={onCreate}>
            {t('list.create')}
          </Button>
        </Can>
      }
      filters={
        <FilterBar<PlansFilters> values={filters} empty={EMPTY} onChange={(next) => onSearch({ ...search, ...EMPTY, ...next, page: 1 })}>
          <Form.Item name="type" label={t('list.filterType')} htmlFor="plans-filter-type">
            <Select
              id="plans-filter-type"
              aria-label={t('list.filterType')}
              allowClear
              placeholder={t('list.any')}
              style={{ minWidth: 140 }}
              options={PLAN_TYPES.map((type) => ({ value: type, label: t(`type.${type}`) }))}
            />
          </Form.Item>
          <Form.Item name="deviceType" label={t('list.filterDeviceType')} htmlFor="plans-filter-device-type">
            <Select
              id="plans-filter-device-type"
              aria-label={t('list.filterDeviceType')}
              allowClear
              placeholder={t('list.any')}
              style={{ minWidth: 160 }}
              options={DEVICE_TYPES.map((type) => ({ value: type, label: t(`deviceType.${type}`) }))}
            />
          </Form.Item>
          <Form.Item name="q" label={t('list.filterQ')} htmlFor="plans-filter-q">
            <Input id="plans-filter-q" allowClear placeholder={t('list.filterQPlaceholder')} maxLength={100} />
          </Form.Item>
        </FilterBar>
      }
      columns={columns}
      rows={query.data?.items}
      rowKey="id"
      loading={query.isFetching}
      error={query.error}
      onRetry={() => void query.refetch()}
      filtered={Boolean(search.type || search.deviceType || search.q)}
      emptyAction={
        <Can permission="plans.write">
          <Button type="primary" onClick={onCreate}>
            {t('list.create')}
          </Button>
        </Can>
      }
      pagination={{
        page: search.page,
        pageSize: search.pageSize,
        total: query.data?.total ?? 0,
        onChange: (page, pageSize) => onSearch({ ...search, page: pageSize === search.pageSize ? page : 1, pageSize }),
      }}
      renderCard={(row) => (
        <Flex vertical gap={4}>
          <Flex justify="space-between" align="center" gap="small">
            <Typography.Text strong>{open(row)}</Typography.Text>
            <PlanTypeTag type={row.type} />
          </Flex>
          <Typography.Text type="secondary">
            {t('list.versionValue', { version: row.currentVersion })} · {t('list.deviceCount', { count: row.deviceCount })}
          </Typography.Text>
          {manyOwners ? <Typography.Text type="secondary">{ownerName(row.organizationId)}</Typography.Text> : null}
          <Typography.Text type="secondary">
            <Time value={row.updatedAt} seconds={false} />
          </Typography.Text>
        </Flex>
      )}
    />
  );
}
