import { Descriptions, Form, Input, Space, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { Can } from '@/components/can';
import { FilterBar } from '@/components/filter-bar';
import { ListPage } from '@/components/list-page';
import { sitesQuery, type SiteListSearch, type SiteRow } from '../api/sites';
import { CreateSiteButton } from '../components/create-site-button';
import { SITES_NS } from '../i18n';

type Filters = Omit<SiteListSearch, 'page' | 'pageSize'>;
const EMPTY: Filters = {};

/** /sites: the sites (点位) with address, city and device counts by status. */
export function SitesListPage({ search, onSearch }: { search: SiteListSearch; onSearch: (next: SiteListSearch) => void }) {
  const { t } = useTranslation(SITES_NS);
  const list = useQuery(sitesQuery(search));
  const { page, pageSize, ...filters } = search;
  const counts = (row: SiteRow) => (
    <Space size={4}>
      <span>{row.deviceCount}</span>
      <Typography.Text type="success">{`${t('online')} ${row.onlineCount}`}</Typography.Text>
      {row.faultedCount > 0 ? <Typography.Text type="danger">{`${t('faulted')} ${row.faultedCount}`}</Typography.Text> : null}
    </Space>
  );
  const links = (row: SiteRow) => (
    <Space wrap>
      <Link to="/devices" search={{ siteId: row.id, page: 1, pageSize: 20 }}>
        {t('viewDevices')}
      </Link>
      <Link to="/sites/$siteId/qr" params={{ siteId: row.id }} search={{}}>
        {t('qrSheet')}
      </Link>
    </Space>
  );
  return (
    <ListPage<SiteRow>
      title={t('title')}
      subtitle={t('subtitle')}
      testId="sites-list"
      extra={
        <Can permission="sites.write">
          <CreateSiteButton />
        </Can>
      }
      filters={
        <FilterBar<Filters> values={filters} empty={EMPTY} onChange={(next) => onSearch({ ...next, page: 1, pageSize })}>
          <Form.Item name="q" label={t('search')}>
            <Input allowClear style={{ width: 180 }} />
          </Form.Item>
          <Form.Item name="city" label={t('city')}>
            <Input allowClear style={{ width: 120 }} />
          </Form.Item>
        </FilterBar>
      }
      rowKey="id"
      rows={list.data?.items}
      loading={list.isLoading}
      error={list.error}
      onRetry={() => void list.refetch()}
      filtered={Object.values(filters).some((v) => v !== undefined)}
      emptyAction={
        <Can permission="sites.write">
          <CreateSiteButton />
        </Can>
      }
      pagination={{ page, pageSize, total: list.data?.total ?? 0, onChange: (nextPage, nextSize) => onSearch({ ...search, page: nextSize === pageSize ? nextPage : 1, pageSize: nextSize }) }}
      columns={[
        { key: 'name', title: t('name'), dataIndex: 'name' },
        { key: 'city', title: t('city'), dataIndex: 'city' },
        { key: 'address', title: t('address'), dataIndex: 'address' },
        { key: 'devices', title: t('devices'), render: (_, row) => counts(row) },
        { key: 'links', title: t('actions'), render: (_, row) => links(row) },
      ]}
      renderCard={(row) => (
        <Space orientation="vertical" size={4} style={{ width: '100%' }}>
          <Typography.Text strong>{row.name}</Typography.Text>
          <Descriptions size="small" column={1}>
            <Descriptions.Item label={t('city')}>{row.city}</Descriptions.Item>
            <Descriptions.Item label={t('address')}>{row.address}</Descriptions.Item>
            <Descriptions.Item label={t('devices')}>{counts(row)}</Descriptions.Item>
          </Descriptions>
          {links(row)}
        </Space>
      )}
    />
  );
}
