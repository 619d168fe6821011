import { useState } from 'react';
import { Button, Descriptions, Flex, Form, Input, Select, Space, Typography } from 'antd';
import type { TableProps } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { Schemas } from '@zizhu/api-client';
import { DetailDrawer } from '@/components/detail-drawer';
import { FilterBar } from '@/components/filter-bar';
import { ListPage } from '@/components/list-page';
import { Time } from '@/components/time';
import { auditLogQuery, auditOrganizationsQuery, auditUsersQuery, type AuditSearch } from '../api/get-audit-log';
import { AUDIT_NS } from '../i18n';

type Entry = Schemas['AuditEntryDto'];
type Filters = Omit<AuditSearch, 'cursor'>;
const EMPTY: Filters = {};

/** `/audit`: who did what to which resource, newest first; filters and the page cursor live in the URL. */
export function AuditPage({ search, onSearch }: { search: AuditSearch; onSearch: (next: AuditSearch) => void }) {
  const { t } = useTranslation(AUDIT_NS);
  const log = useQuery(auditLogQuery(search));
  const users = useQuery(auditUsersQuery());
  const organizations = useQuery(auditOrganizationsQuery());
  const [open, setOpen] = useState<Entry | null>(null);
  const userName = new Map((users.data ?? []).map((u) => [u.id, u.displayName]));
  const orgName = new Map((organizations.data ?? []).map((o) => [o.id, o.name]));
  const actor = (e: Entry) => (e.actorUserId ? (userName.get(e.actorUserId) ?? e.actorUserId.slice(0, 8)) : t('system'));
  const resource = (e: Entry) => (
    <span>
      <Typography.Text>{e.resourceType}</Typography.Text>
      {e.resourceId ? <Typography.Text type="secondary"> {e.resourceId}</Typography.Text> : null}
    </span>
  );
  const action = (e: Entry) => (
    <Typography.Link code onClick={() => setOpen(e)} data-testid={`entry-${e.id}`}>
      {e.action}
    </Typography.Link>
  );
  const columns: TableProps<Entry>['columns'] = [
    { key: 'occurredAt', title: t('fields.occurredAt'), render: (_, e) => <Time value={e.occurredAt} /> },
    { key: 'action', title: t('fields.action'), render: (_, e) => action(e) },
    { key: 'resource', title: t('fields.resource'), render: (_, e) => resource(e) },
    { key: 'actor', title: t('fields.actor'), render: (_, e) => actor(e) },
    { key: 'organization', title: t('fields.organization'), render: (_, e) => orgName.get(e.organizationId) ?? e.organizationId.slice(0, 8) },
  ];
  const filters: Filters = Object.fromEntries(Object.entries(search).filter(([k, v]) => k !== 'cursor' && v !== undefined));
  const filtered = Object.keys(filters).length > 0;
  const nextCursor = log.data?.nextCursor ?? null;
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <ListPage<Entry>
        testId="audit-log"
        title={t('title')}
        subtitle={t('subtitle')}
        filters={
          <FilterBar<Filters> values={filters} empty={EMPTY} onChange={(next) => onSearch(next)}>
            <Form.Item name="action" label={t('fields.action')} htmlFor="audit-action">
              <Input id="audit-action" placeholder={t('placeholders.action')} allowClear />
            </Form.Item>
            <Form.Item name="resourceType" label={t('fields.resourceType')} htmlFor="audit-resource-type">
              <Input id="audit-resource-type" placeholder={t('placeholders.resourceType')} allowClear />
            </Form.Item>
            <Form.Item name="resourceId" label={t('fields.resourceId')} htmlFor="audit-resource-id">
              <Input id="audit-resource-id" allowClear />
            </Form.Item>
            <Form.Item name="actorUserId" label={t('fields.actor')} htmlFor="audit-actor">
              <Select
                id="audit-actor"
                allowClear
                showSearch={{ optionFilterProp: 'label' }}
                style={{ minWidth: 180 }}
                options={(users.data ?? []).map((u) => ({ value: u.id, label: u.displayName }))}
              />
            </Form.Item>
            {(organizations.data?.length ?? 0) > 1 ? (
              <Form.Item name="organizationId" label={t('fields.organization')} htmlFor="audit-organization">
                <Select
                  id="audit-organization"
                  allowClear
                  showSearch={{ optionFilterProp: 'label' }}
                  style={{ minWidth: 180 }}
                  options={(organizations.data ?? []).map((o) => ({ value: o.id, label: o.name }))}
                />
              </Form.Item>
            ) : null}
            <Form.Item name="from" label={t('fields.from')} htmlFor="audit-from">
              <Input id="audit-from" type="date" />
            </Form.Item>
            <Form.Item name="to" label={t('fields.to')} htmlFor="audit-to">
              <Input id="audit-to" type="date" />
            </Form.Item>
          </FilterBar>
        }
        filtered={filtered}
        columns={columns}
        rows={log.data?.items}
        rowKey="id"
        loading={log.isLoading}
        error={log.error}
        onRetry={() => void log.refetch()}
        renderCard={(e) => (
          <Space orientation="vertical" size={2} style={{ width: '100%' }}>
            {action(e)}
            {resource(e)}
            <Typography.Text type="secondary">
              {actor(e)} · <Time value={e.occurredAt} />
            </Typography.Text>
          </Space>
        )}
      />
      <Flex justify="end" gap="small" wrap>
        <Button disabled={!search.cursor} onClick={() => onSearch(filters)}>
          {t('paging.first')}
        </Button>
        <Button type="primary" disabled={!nextCursor} onClick={() => nextCursor && onSearch({ ...filters, cursor: nextCursor })}>
          {t('paging.next')}
        </Button>
      </Flex>
      <DetailDrawer open={open !== null} onClose={() => setOpen(null)} title={open?.action ?? ''}>
        {open ? (
          <Space orientation="vertical" style={{ width: '100%' }}>
            <Descriptions size="small" column={1} bordered>
              <Descriptions.Item label={t('fields.occurredAt')}>
                <Time value={open.occurredAt} />
              </Descriptions.Item>
              <Descriptions.Item label={t('fields.actor')}>{actor(open)}</Descriptions.Item>
              <Descriptions.Item label={t('fields.resource')}>{resource(open)}</Descriptions.Item>
              <Descriptions.Item label={t('fields.requestId')}>{open.requestId ?? '—'}</Descriptions.Item>
            </Descriptions>
            <Typography.Title level={5}>{t('fields.before')}</Typography.Title>
            <pre data-testid="audit-before" style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-all' }}>{open.before ? JSON.stringify(open.before, null, 2) : '—'}</pre>
            <Typography.Title level={5}>{t('fields.after')}</Typography.Title>
            <pre data-testid="audit-after" style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-all' }}>{open.after ? JSON.stringify(open.after, null, 2) : '—'}</pre>
          </Space>
        ) : null}
      </DetailDrawer>
    </Space>
  );
}
