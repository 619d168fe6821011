import { Card, Flex, Space, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { ChoiceFilter } from '@/components/choice-filter';
import { ListPage } from '@/components/list-page';
import { Time } from '@/components/time';
import { useMe } from '@/lib/me';
import { assigneesQuery, ticketsQuery, type Ticket } from '../api/tickets';
import { AutoTickets } from '../components/auto-tickets';
import { OpenTicketButton } from '../components/open-ticket';
import { TicketState } from '../components/ticket-state';
import { NS } from '../i18n';
import { PAGE_SIZES, STATES, type TicketsSearch } from '../search';

/** /maintenance: the tickets the login may see, filtered by state, assignee and device (in the URL). */
export function TicketsPage({ search, onSearchChange }: { search: TicketsSearch; onSearchChange: (search: TicketsSearch) => void }) {
  const { t } = useTranslation(NS);
  const me = useMe();
  const query = useQuery(ticketsQuery(search));
  const assignees = useQuery(assigneesQuery());
  const pageSize = search.pageSize ?? PAGE_SIZES[0];
  const set = (patch: Partial<TicketsSearch>) => {
    const next: TicketsSearch = { ...search, ...patch, page: undefined };
    onSearchChange(Object.fromEntries(Object.entries(next).filter(([, v]) => v !== undefined)) as TicketsSearch);
  };
  // the caller itself first (a technician's "my tickets"), then who else may take tickets
  const people = [
    ...(me ? [{ value: me.user.id, label: t('filters.mine') }] : []),
    ...(assignees.data ?? []).filter((a) => a.id !== me?.user.id).map((a) => ({ value: a.id, label: a.displayName })),
  ];
  const assignee = (r: Ticket) => r.assigneeName ?? <Typography.Text type="secondary">{t('unassigned')}</Typography.Text>;
  const device = (r: Ticket) => (
    <Link to="/devices/$deviceId" params={{ deviceId: r.deviceId }}>
      <Typography.Text code>{r.deviceCode}</Typography.Text>
    </Link>
  );
  const title = (r: Ticket) => (
    <Link to="/maintenance/$ticketId" params={{ ticketId: r.id }}>
      {r.title}
    </Link>
  );
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <ListPage<Ticket>
        testId="maintenance-tickets"
        title={t('title')}
        subtitle={t('subtitle')}
        extra={<OpenTicketButton primary />}
        filters={
          <Flex gap="small" wrap align="center">
            <ChoiceFilter<NonNullable<TicketsSearch['state']>>
              label={t('filters.state')}
              allText={t('filters.all')}
              minWidth={140}
              value={search.state}
              onChange={(state) => set({ state })}
              options={STATES.map((s) => ({ value: s, label: t(`states.${s}`) }))}
            />
            <ChoiceFilter<string>
              label={t('filters.assignee')}
              allText={t('filters.all')}
              minWidth={180}
              value={search.assigneeId}
              loading={assignees.isFetching}
              onChange={(assigneeId) => set({ assigneeId })}
              options={people}
            />
            {search.deviceId ? (
              <ChoiceFilter<string>
                label={t('filters.device')}
                allText={t('filters.all')}
                minWidth={160}
                value={search.deviceId}
                onChange={(deviceId) => set({ deviceId })}
                options={[{ value: search.deviceId, label: query.data?.items[0]?.deviceCode ?? search.deviceId.slice(0, 8) }]}
              />
            ) : null}
          </Flex>
        }
        rows={query.data?.items}
        rowKey="id"
        loading={query.isFetching}
        error={query.error}
        onRetry={() => void query.refetch()}
        filtered={Boolean(search.state || search.assigneeId || search.deviceId)}
        pagination={{
          page: search.page ?? 1,
          pageSize,
          total: query.data?.total ?? 0,
          onChange: (page, size) => onSearchChange({ ...search, page: size === pageSize ? page : 1, pageSize: size }),
        }}
        columns={[
          { title: t('fields.device'), key: 'device', render: (_v, r) => device(r) },
          { title: t('fields.title'), key: 'title', render: (_v, r) => title(r) },
          { title: t('fields.state'), key: 'state', render: (_v, r) => <TicketState state={r.state} /> },
          { title: t('fields.assignee'), key: 'assignee', render: (_v, r) => assignee(r) },
          { title: t('fields.openedAt'), dataIndex: 'openedAt', render: (v: string) => <Time value={v} /> },
        ]}
        renderCard={(r) => (
          <Card size="small" title={device(r)} extra={<TicketState state={r.state} />}>
            <Space orientation="vertical" size={2}>
              {title(r)}
              <span>{assignee(r)}</span>
              <Time value={r.openedAt} />
            </Space>
          </Card>
        )}
      />
      <AutoTickets />
    </Space>
  );
}
