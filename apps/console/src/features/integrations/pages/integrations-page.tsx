import { Space, Tabs, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { ApiKeys } from '../components/api-keys';
import { WebhookEndpoints } from '../components/webhook-endpoints';
import { NS } from '../i18n';

export type IntegrationsTab = 'keys' | 'webhooks';

/** /integrations: the organisation's API keys and its business-event webhooks, one tab each; the tab is in the URL. */
export function IntegrationsPage({ tab, onTabChange }: { tab: IntegrationsTab; onTabChange: (tab: IntegrationsTab) => void }) {
  const { t } = useTranslation(NS);
  return (
    <Space orientation="vertical" size="small" style={{ width: '100%' }} data-testid="integrations">
      <div>
        <Typography.Title level={3} style={{ margin: 0 }}>
          {t('title')}
        </Typography.Title>
        <Typography.Text type="secondary">{t('subtitle')}</Typography.Text>
      </div>
      <Tabs
        activeKey={tab}
        onChange={(key) => onTabChange(key as IntegrationsTab)}
        items={[
          { key: 'keys', label: t('tabs.keys'), children: tab === 'keys' ? <ApiKeys /> : null },
          { key: 'webhooks', label: t('tabs.webhooks'), children: tab === 'webhooks' ? <WebhookEndpoints /> : null },
        ]}
      />
    </Space>
  );
}
