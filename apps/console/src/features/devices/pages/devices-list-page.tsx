import { Button, Descriptions, Form, Input, Select, Space, Typography } from 'antd';
import { UploadOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { Can } from '@/components/can';
import { FilterBar } from '@/components/filter-bar';
import { ListPage } from '@/components/list-page';
import { StateTag } from '@/components/state-tag';
import { Time } from '@/components/time';
import { useCan } from '@/lib/me';
import { DEVICE_STATUSES, DEVICE_TYPES, devicesQuery, organizationOptionsQuery, siteOptionsQuery, type DeviceListSearch, type DeviceRow } from '../api/devices';
import { DEVICES_NS } from '../i18n';

type Filters = Omit<DeviceListSearch, 'page' | 'pageSize'>;
const EMPTY: Filters = {};

/** /devices: every device the login may see, with its status, type, site, plan and last heartbeat. */
export function DevicesListPage({ search, onSearch }: { search: DeviceListSearch; onSearch: (next: DeviceListSearch) => void }) {
  const { t } = useTranslation(DEVICES_NS);
  const list = useQuery(devicesQuery(search));
  const sites = useQuery(siteOptionsQuery());
  // a technician reads no organisations (its console is devices, sites and tickets)
  const organizations = useQuery({ ...organizationOptionsQuery(), enabled: useCan('organizations.read') });
  // a brand filters by franchisee, a reseller by customer; a single organisation needs no filter
  const organizationOptions = (organizations.data ?? []).map((o) => ({ value: o.id, label: o.name }));
  const { page, pageSize, ...filters } = search;
  const siteOptions = (sites.data?.items ?? []).map((s) => ({ value: s.id, label: s.name }));
  const codeLink = (row: DeviceRow) => (
    <Link to="/devices/$deviceId" params={{ deviceId: row.id }}>
      <Typography.Text code>{row.code}</Typography.Text>
    </Link>
  );
  // a plan the caller may not see (a reseller watching its customer's device) shows as a dash, not as "none"
  const plan = (row: DeviceRow) => row.planName ?? (row.planId ? '—' : <Typography.Text type="secondary">{t('list.noPlan')}</Typography.Text>);
  return (
    <ListPage<DeviceRow>
      title={t('list.title')}
      subtitle={t('list.subtitle')}
      testId="devices-list"
      extra={
        <Can permission="devices.write">
          <Link to="/devices/import">
            <Button icon={<UploadOutlined />}>{t('list.import')}</Button>
          </Link>
        </Can>
      }
      filters={
        <FilterBar<Filters> values={filters} empty={EMPTY} onChange={(next) => onSearch({ ...next, page: 1, pageSize })}>
          <Form.Item name="code" label={t('list.code')}>
            <Input allowClear placeholder={t('list.codePlaceholder')} style={{ width: 180 }} />
          </Form.Item>
          <Form.Item name="status" label={t('list.status')}>
            <Select allowClear placeholder={t('list.any')} style={{ width: 120 }} options={DEVICE_STATUSES.map((s) => ({ value: s, label: t(`common:state.${s}`) }))} />
          </Form.Item>
          <Form.Item name="type" label={t('list.type')}>
            <Select allowClear placeholder={t('list.any')} style={{ width: 150 }} options={DEVICE_TYPES.map((type) => ({ value: type, label: t(`type.${type}`) }))} />
          </Form.Item>
          {organizationOptions.length > 1 ? (
            <Form.Item name="organizationId" label={t('list.organization')}>
              <Select allowClear showSearch={{ optionFilterProp: 'label' }} placeholder={t('list.any')} style={{ width: 200 }} options={organizationOptions} />
            </Form.Item>
          ) : null}
          <Form.Item name="siteId" label={t('list.site')}>
            <Select allowClear showSearch={{ optionFilterProp: 'label' }} placeholder={t('list.any')} style={{ width: 200 }} options={siteOptions} loading={sites.isLoading} />
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
        { key: 'code', title: t('list.code'), render: (_, row) => codeLink(row) },
        { key: 'status', title: t('list.status'), render: (_, row) => <StateTag state={row.status} /> },
        { key: 'type', title: t('list.type'), render: (_, row) => t(`type.${row.type}`) },
        { key: 'site', title: t('list.site'), dataIndex: 'siteName' },
        { key: 'plan', title: t('list.plan'), render: (_, row) => plan(row) },
        { key: 'lastSeenAt', title: t('list.lastHeartbeat'), render: (_, row) => <Time value={row.lastSeenAt} /> },
      ]}
      renderCard={(row) => (
        <Space orientation="vertical" size={4} style={{ width: '100%' }}>
          <Space>
            {codeLink(row)}
            <StateTag state={row.status} />
          </Space>
          <Descriptions size="small" column={1}>
            <Descriptions.Item label={t('list.type')}>{t(`type.${row.type}`)}</Descriptions.Item>
            <Descriptions.Item label={t('list.site')}>{row.siteName}</Descriptions.Item>
            <Descriptions.Item label={t('list.plan')}>{plan(row)}</Descriptions.Item>
            <Descriptions.Item label={t('list.lastHeartbeat')}>
              <Time value={row.lastSeenAt} />
            </Descriptions.Item>
          </Descriptions>
        </Space>
      )}
    />
  );
}
