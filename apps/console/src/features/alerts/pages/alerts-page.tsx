import { Space, Tabs, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useCan } from '@/lib/me';
import { AlertInbox } from '../components/alert-inbox';
import { AlertRules } from '../components/alert-rules';
import { AlertWebhook } from '../components/alert-webhook';
import { NS } from '../i18n';
import type { AlertsSearch } from '../search';
import type { AlertAction } from '../components/alert-inbox';

/** /alerts: the inbox, the rules and (for admins) the webhook, one tab each; the tab is in the URL. */
export function AlertsPage({ search, onSearchChange, alertAction }: { search: AlertsSearch; onSearchChange: (search: AlertsSearch) => void; alertAction?: AlertAction }) {
  const { t } = useTranslation(NS);
  const admin = useCan('alerts.write');
  const tab = search.tab === 'webhook' && !admin ? 'inbox' : (search.tab ?? 'inbox');
  return (
    <Space orientation="vertical" size="small" style={{ width: '100%' }} data-testid="alerts">
      <div>
        <Typography.Title level={3} style={{ margin: 0 }}>
          {t('title')}
        </Typography.Title>
        <Typography.Text type="secondary">{t('subtitle')}</Typography.Text>
      </div>
      <Tabs
        activeKey={tab}
        onChange={(key) => onSearchChange(key === 'inbox' ? {} : { tab: key as AlertsSearch['tab'] })}
        items={[
          { key: 'inbox', label: t('tabs.inbox'), children: tab === 'inbox' ? <AlertInbox search={search} onSearchChange={onSearchChange} {...(alertAction ? { alertAction } : {})} /> : null },
          { key: 'rules', label: t('tabs.rules'), children: tab === 'rules' ? <AlertRules /> : null },
          ...(admin ? [{ key: 'webhook', label: t('tabs.webhook'), children: tab === 'webhook' ? <AlertWebhook /> : null }] : []),
        ]}
      />
    </Space>
  );
}
