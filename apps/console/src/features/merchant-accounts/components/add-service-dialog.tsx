import { Form, Input, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { ConfirmAction } from '@/components/confirm-action';
import { parseYuan } from '@/lib/format';
import { useAddPayscoreService } from '../api/account-actions';
import { MERCHANT_ACCOUNTS_NS } from '../i18n';
import { MODES, SCENARIOS, type MerchantAccount, type PayscoreService } from './model';

interface ServiceFields {
  serviceId: string;
  name: string;
  scenario: PayscoreService['scenario'];
  mode: PayscoreService['mode'];
  riskCapYuan: string;
}

/** Registers a Pay Score service WeChat approved for this mchid: its id, scenario, mode and risk cap. */
export function AddServiceDialog({ open, onClose, account }: { open: boolean; onClose: () => void; account: MerchantAccount }) {
  const { t } = useTranslation(MERCHANT_ACCOUNTS_NS);
  const add = useAddPayscoreService(account.id);
  const required = (field: string) => ({ required: true, whitespace: true, message: t('credentials.required', { field }) });
  return (
    <ConfirmAction<ServiceFields>
      open={open}
      onClose={onClose}
      reason="none"
      title={t('services.addTitle', { mchid: account.mchid })}
      consequences={t('services.addConsequences', { mchid: account.mchid })}
      okText={t('services.add')}
      initialValues={{ scenario: 'POWERBANK_RENTAL', mode: 'DEPOSIT_WAIVED' }}
      onConfirm={async (values) =>
        add.mutateAsync({
          params: { path: { id: account.id } },
          body: {
            serviceId: values.serviceId.trim(),
            name: values.name.trim(),
            scenario: values.scenario,
            mode: values.mode,
            riskCapFen: parseYuan(values.riskCapYuan) ?? 0,
          },
        })
      }
    >
      <Form.Item name="serviceId" label={t('services.serviceId')} rules={[required(t('services.serviceId')), { pattern: /^\d{10,40}$/, message: t('services.serviceIdDigits') }]}>
        <Input inputMode="numeric" />
      </Form.Item>
      <Form.Item name="name" label={t('services.name')} rules={[required(t('services.name'))]}>
        <Input maxLength={100} />
      </Form.Item>
      <Form.Item name="scenario" label={t('services.scenario')} extra={t('services.scenarioHelp')} rules={[{ required: true }]}>
        <Select options={SCENARIOS.map((s) => ({ value: s, label: t(`scenario.${s}`) }))} />
      </Form.Item>
      <Form.Item name="mode" label={t('services.mode')} rules={[{ required: true }]}>
        <Select options={MODES.map((m) => ({ value: m, label: t(`mode.${m}`) }))} />
      </Form.Item>
      <Form.Item
        name="riskCapYuan"
        label={t('services.riskCap')}
        extra={t('services.riskCapHelp')}
        rules={[
          required(t('services.riskCap')),
          {
            validator: async (_rule, value?: string) => {
              if (value && !((parseYuan(value) ?? 0) >= 1)) throw new Error(t('services.riskCapInvalid'));
            },
          },
        ]}
      >
        <Input inputMode="decimal" prefix="¥" />
      </Form.Item>
    </ConfirmAction>
  );
}
