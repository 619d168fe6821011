import { Alert, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { NS } from '../i18n';

/** A secret shown once, with a copy button and the warning that it will not be shown again. */
export function SecretOnce({ title, secret, testId }: { title: string; secret: string; testId: string }) {
  const { t } = useTranslation(NS);
  return (
    <Alert
      type="warning"
      showIcon
      data-testid={testId}
      title={title}
      description={
        <Space orientation="vertical" size={4} style={{ width: '100%' }}>
          <Typography.Text code copyable style={{ wordBreak: 'break-all' }}>
            {secret}
          </Typography.Text>
          <Typography.Text type="secondary">{t('secretOnce')}</Typography.Text>
        </Space>
      }
    />
  );
}
