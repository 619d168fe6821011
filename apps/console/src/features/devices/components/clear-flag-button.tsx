import { useState } from 'react';
import { App, Button, Form, Input, Modal, Typography } from 'antd';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Can } from '@/components/can';
import { Problem } from '@/components/problem';
import { clearPowerBankFlag, type PowerBank } from '../api/power-banks';
import { powerBankKeys } from '../api/keys';
import { DEVICES_NS } from '../i18n';

/**
 * "Clear flag" on a flagged power bank: a dialog asks why (the note goes to the audit log), then the list and the
 * cabinets' inventories reload. Shown to logins that may change devices (the API refuses the others).
 */
export function ClearFlagButton({ bank }: { bank: PowerBank }) {
  const { t } = useTranslation(DEVICES_NS);
  const { message } = App.useApp();
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm<{ note: string }>();
  const queryClient = useQueryClient();
  const clear = useMutation({
    mutationFn: (note: string) => clearPowerBankFlag(bank.id, note),
    onSuccess: async () => {
      setOpen(false);
      form.resetFields();
      void message.success(t('banks.clearFlag.done', { bankId: bank.bankId }));
      await Promise.all([queryClient.invalidateQueries({ queryKey: powerBankKeys.lists() }), queryClient.invalidateQueries({ queryKey: powerBankKeys.inventory() })]);
    },
  });
  if (!bank.flag) return null;
  return (
    <Can permission="devices.write">
      <Button size="small" onClick={() => setOpen(true)} data-testid={`clear-flag-${bank.bankId}`}>
        {t('banks.clearFlag.button')}
      </Button>
      <Modal
        title={t('banks.clearFlag.title', { bankId: bank.bankId })}
        open={open}
        okText={t('banks.clearFlag.submit')}
        confirmLoading={clear.isPending}
        onOk={() => void form.validateFields().then((values) => clear.mutate(values.note.trim()), () => undefined)}
        onCancel={() => setOpen(false)}
        destroyOnHidden
      >
        <Typography.Paragraph type="secondary">{t('banks.clearFlag.help', { flag: t(`banks.flag.${bank.flag}`) })}</Typography.Paragraph>
        {clear.error ? <Problem error={clear.error} /> : null}
        <Form form={form} layout="vertical">
          <Form.Item name="note" label={t('banks.clearFlag.note')} rules={[{ required: true, whitespace: true, message: t('banks.clearFlag.noteRequired') }, { max: 500 }]}>
            <Input.TextArea rows={3} maxLength={500} />
          </Form.Item>
        </Form>
      </Modal>
    </Can>
  );
}
