import { Empty, List, Space, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { Problem } from '@/components/problem';
import { Time } from '@/components/time';
import { sessionComplaintsQuery } from '../api/complaints';
import { NS } from '../i18n';
import { ComplaintStateTag, Deadlines } from './complaint-bits';

/** The complaints on one session, for its page: each linked to the complaint. */
export function SessionComplaints({ sessionId }: { sessionId: string }) {
  const { t } = useTranslation(NS);
  const query = useQuery(sessionComplaintsQuery(sessionId));
  if (query.error) return <Problem error={query.error} onRetry={() => void query.refetch()} />;
  const items = query.data?.items ?? [];
  if (!query.isLoading && items.length === 0) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('session.none')} />;
  return (
    <List
      data-testid="session-complaints"
      loading={query.isLoading}
      dataSource={items}
      rowKey="id"
      renderItem={(c) => (
        <List.Item>
          <Space orientation="vertical" size={2} style={{ width: '100%' }}>
            <Space size="small" wrap>
              <Link to="/complaints/$complaintId" params={{ complaintId: c.id }}>
                {c.complaintId}
              </Link>
              <ComplaintStateTag state={c.state} />
              <Typography.Text type="secondary">
                <Time value={c.complaintTime} seconds={false} />
              </Typography.Text>
            </Space>
            <Typography.Text>{c.detail}</Typography.Text>
            <Deadlines complaint={c} />
          </Space>
        </List.Item>
      )}
    />
  );
}
