import { useState } from 'react';
import { Button, Form, Input, Modal } from 'antd';
import { useMutation } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { Can } from '@/components/can';
import { Problem } from '@/components/problem';
import { createTicket, findDeviceByCode, useTicketChanged } from '../api/tickets';
import { NS } from '../i18n';

interface Values {
  deviceCode?: string;
  title: string;
  description?: string;
}

/**
 * "Open a ticket" by hand: for a known device (its page) or by device code (the list); the new ticket opens. Shown to
 * logins that may write tickets.
 */
export function OpenTicketButton({ deviceId, primary = false }: { deviceId?: string; primary?: boolean }) {
  const { t } = useTranslation(NS);
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm<Values>();
  const navigate = useNavigate();
  const changed = useTicketChanged();
  const create = useMutation({
    mutationFn: async (values: Values) => {
      const device = deviceId ?? (await findDeviceByCode(values.deviceCode!.trim())).id;
      return createTicket({ deviceId: device, title: values.title, ...(values.description ? { description: values.description } : {}) });
    },
    onSuccess: async (ticket) => {
      await changed();
      setOpen(false);
      form.resetFields();
      void navigate({ to: '/maintenance/$ticketId', params: { ticketId: ticket.id } });
    },
  });
  return (
    <Can permission="maintenance.write">
      <Button type={primary ? 'primary' : 'default'} onClick={() => setOpen(true)}>
        {deviceId ? t('openTicket') : t('create')}
      </Button>
      <Modal
        title={t('createTitle')}
        open={open}
        okText={t('createSubmit')}
        confirmLoading={create.isPending}
        onOk={() => void form.validateFields().then((values) => create.mutate(values))}
        onCancel={() => setOpen(false)}
        destroyOnHidden
      >
        {create.error ? <Problem error={create.error} /> : null}
        <Form form={form} layout="vertical">
          {deviceId ? null : (
            <Form.Item name="deviceCode" label={t('fields.deviceCode')} extra={t('deviceCodeHelp')} rules={[{ required: true }]}>
              <Input />
            </Form.Item>
          )}
          <Form.Item name="title" label={t('fields.title')} rules={[{ required: true, max: 200 }]}>
            <Input />
          </Form.Item>
          <Form.Item name="description" label={t('fields.description')} rules={[{ max: 4000 }]}>
            <Input.TextArea rows={3} />
          </Form.Item>
        </Form>
      </Modal>
    </Can>
  );
}

/** "Open ticket" on a device alert of the inbox: one ticket per alert (the existing one opens when there is one). */
export function OpenTicketFromAlert({ alertId }: { alertId: string }) {
  const { t } = useTranslation(NS);
  const navigate = useNavigate();
  const changed = useTicketChanged();
  const create = useMutation({
    mutationFn: () => createTicket({ alertId }),
    onSuccess: async (ticket) => {
      await changed();
      void navigate({ to: '/maintenance/$ticketId', params: { ticketId: ticket.id } });
    },
  });
  return (
    <Can permission="maintenance.write">
      <Button size="small" loading={create.isPending} onClick={() => create.mutate()} data-testid={`open-ticket-${alertId}`}>
        {t('openFromAlert')}
      </Button>
      {create.error ? <Problem error={create.error} /> : null}
    </Can>
  );
}
