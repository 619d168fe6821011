import { useState } from 'react';
import { Button, Form, Input, InputNumber } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { ConfirmAction } from '@/components/confirm-action';
import { useCreateSite, type CreateSite } from '../api/sites';
import { SITES_NS } from '../i18n';

/** The "new site" dialog; the API's field errors land on their fields. */
export function CreateSiteButton() {
  const { t } = useTranslation(SITES_NS);
  const [open, setOpen] = useState(false);
  const create = useCreateSite();
  const required = (field: string) => [{ required: true, whitespace: true, message: t('required', { field }) }];
  return (
    <>
      <Button type="primary" icon={<PlusOutlined />} onClick={() => setOpen(true)}>
        {t('create')}
      </Button>
      <ConfirmAction<CreateSite, unknown>
        open={open}
        onClose={() => setOpen(false)}
        title={t('createTitle')}
        consequences={t('createConsequences')}
        reason="none"
        okText={t('common:actions.create')}
        onConfirm={(values) => {
          const body: CreateSite = { name: values.name, address: values.address, city: values.city };
          if (typeof values.latitude === 'number') body.latitude = values.latitude;
          if (typeof values.longitude === 'number') body.longitude = values.longitude;
          return create.mutateAsync(body);
        }}
      >
        <Form.Item name="name" label={t('name')} rules={required(t('name'))}>
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item name="address" label={t('address')} rules={required(t('address'))}>
          <Input maxLength={500} />
        </Form.Item>
        <Form.Item name="city" label={t('city')} rules={required(t('city'))}>
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item name="latitude" label={t('latitude')}>
          <InputNumber min={-90} max={90} step={0.0001} style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="longitude" label={t('longitude')}>
          <InputNumber min={-180} max={180} step={0.0001} style={{ width: '100%' }} />
        </Form.Item>
      </ConfirmAction>
    </>
  );
}
