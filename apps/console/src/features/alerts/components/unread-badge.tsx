import { Badge, Button } from 'antd';
import { BellOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { useCan } from '@/lib/me';
import { unreadCountQuery } from '../api/alerts';
import { NS } from '../i18n';

/** The shell header's bell: the calling login's unread alerts, a link to the inbox (only for logins that may read alerts). */
export function UnreadBadge() {
  const allowed = useCan('alerts.read');
  return allowed ? <Bell /> : null;
}

function Bell() {
  const { t } = useTranslation(NS);
  const { data } = useQuery(unreadCountQuery());
  const unread = data?.unread ?? 0;
  return (
    <Link to="/alerts" search={{ unread: true }} aria-label={`${t('badge')}: ${unread}`} data-testid="alerts-badge">
      <Badge count={unread} size="small" overflowCount={99}>
        <Button size="small" icon={<BellOutlined />} aria-hidden tabIndex={-1} />
      </Badge>
    </Link>
  );
}
