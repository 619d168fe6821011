import { Space, Typography } from 'antd';
import { ArrowLeftOutlined } from '@ant-design/icons';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { previewImport, useImportDevices } from '../api/mutations';
import { DeviceImportForm } from '../components/device-import-form';
import { DEVICES_NS } from '../i18n';

/** /devices/import: a CSV of devices, previewed row by row before anything is stored. */
export function DeviceImportPage() {
  const { t } = useTranslation(DEVICES_NS);
  const run = useImportDevices();
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Space>
        <Link to="/devices" aria-label={t('detail.back')}>
          <ArrowLeftOutlined />
        </Link>
        <Typography.Title level={3} style={{ margin: 0 }}>
          {t('import.title')}
        </Typography.Title>
      </Space>
      <DeviceImportForm preview={previewImport} importDevices={(csv) => run.mutateAsync(csv)} />
    </Space>
  );
}
