import { Card, Table, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { Problem } from '@/components/problem';
import { Time } from '@/components/time';
import { useCan } from '@/lib/me';
import { ticketsQuery, type Ticket } from '../api/tickets';
import { NS } from '../i18n';
import { OpenTicketButton } from './open-ticket';
import { TicketState } from './ticket-state';

/** The tickets section of a device's page: its history of faults, newest first, and "report a fault". */
export function DeviceTickets({ deviceId }: { deviceId: string }) {
  const { t } = useTranslation(NS);
  const allowed = useCan('maintenance.read');
  const query = useQuery({ ...ticketsQuery({ deviceId, pageSize: 20 }), enabled: allowed });
  if (!allowed) return null;
  return (
    <Card title={t('device.title')} size="small" extra={<OpenTicketButton deviceId={deviceId} />} data-testid="device-tickets">
      {query.error ? <Problem error={query.error} onRetry={() => void query.refetch()} /> : null}
      <Table<Ticket>
        size="small"
        rowKey="id"
        loading={query.isFetching}
        dataSource={query.data?.items ?? []}
        pagination={false}
        locale={{ emptyText: t('device.empty') }}
        columns={[
          {
            title: t('fields.title'),
            key: 'title',
            render: (_v, r) => (
              <Link to="/maintenance/$ticketId" params={{ ticketId: r.id }}>
                {r.title}
              </Link>
            ),
          },
          { title: t('fields.state'), key: 'state', render: (_v, r) => <TicketState state={r.state} /> },
          { title: t('fields.assignee'), key: 'assignee', render: (_v, r) => r.assigneeName ?? <Typography.Text type="secondary">{t('unassigned')}</Typography.Text> },
          { title: t('fields.openedAt'), dataIndex: 'openedAt', render: (v: string) => <Time value={v} /> },
        ]}
      />
    </Card>
  );
}
