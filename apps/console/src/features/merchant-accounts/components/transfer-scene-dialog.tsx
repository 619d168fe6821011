import { Button, Form, Input, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import { ConfirmAction } from '@/components/confirm-action';
import { useSetTransferScene } from '../api/account-actions';
import { MERCHANT_ACCOUNTS_NS } from '../i18n';
import type { MerchantAccount } from './model';

interface SceneFields {
  sceneId: string;
  reportInfos: { infoType: string; infoContent: string }[];
}

/** The longest a filled-in `{period}` (YYYYMMDD-YYYYMMDD) makes a report item's content: WeChat takes 32 characters. */
const filledLength = (content: string) => content.replaceAll('{period}', 'YYYYMMDD-YYYYMMDD').length;

/**
 * The WeChat transfer scene this account's payouts to franchisees are sent under (商家转账 transfer_scene_id and its
 * report items), as WeChat approved it for the merchant. The API checks the same rules and names the field it refuses.
 */
export function TransferSceneDialog({ open, onClose, account }: { open: boolean; onClose: () => void; account: MerchantAccount }) {
  const { t } = useTranslation(MERCHANT_ACCOUNTS_NS);
  const set = useSetTransferScene(account.id);
  const scene = account.transferScene;
  return (
    <ConfirmAction<SceneFields>
      open={open}
      onClose={onClose}
      reason="none"
      title={t('transferScene.title', { mchid: account.mchid })}
      consequences={t('transferScene.consequences')}
      okText={t('transferScene.submit')}
      initialValues={{ sceneId: scene.sceneId, reportInfos: scene.reportInfos.map((r) => ({ ...r })) }}
      onConfirm={(values) =>
        set.mutateAsync({
          params: { path: { id: account.id } },
          body: { sceneId: values.sceneId.trim(), reportInfos: values.reportInfos.map((r) => ({ infoType: r.infoType.trim(), infoContent: r.infoContent.trim() })) },
        })
      }
    >
      <Form.Item name="sceneId" label={t('transferScene.sceneId')} extra={t('transferScene.sceneIdHelp')} rules={[{ required: true, pattern: /^\d{4}$/, message: t('transferScene.sceneIdInvalid') }]}>
        <Input inputMode="numeric" maxLength={4} />
      </Form.Item>
      <Form.List
        name="reportInfos"
        rules={[
          {
            validator: async (_rule, items?: SceneFields['reportInfos']) => {
              if (!items || items.length < 1 || items.length > 5) throw new Error(t('transferScene.itemsCount'));
              const types = items.map((i) => i?.infoType?.trim());
              if (new Set(types).size !== types.length) throw new Error(t('transferScene.itemsUnique'));
            },
          },
        ]}
      >
        {(fields, { add, remove }, { errors }) => (
          <>
            {fields.map((field, n) => (
              <Space key={field.key} align="start" wrap data-testid={`report-info-${n}`}>
                <Form.Item name={[field.name, 'infoType']} label={t('transferScene.infoType', { n: n + 1 })} rules={[{ required: true, whitespace: true, message: t('transferScene.required') }]}>
                  <Input maxLength={15} />
                </Form.Item>
                <Form.Item
                  name={[field.name, 'infoContent']}
                  label={t('transferScene.infoContent', { n: n + 1 })}
                  rules={[
                    { required: true, whitespace: true, message: t('transferScene.required') },
                    {
                      validator: async (_rule, value?: string) => {
                        if (value && filledLength(value.trim()) > 32) throw new Error(t('transferScene.contentTooLong'));
                      },
                    },
                  ]}
                >
                  <Input />
                </Form.Item>
                <Button onClick={() => remove(field.name)} disabled={fields.length <= 1}>
                  {t('transferScene.remove')}
                </Button>
              </Space>
            ))}
            <Form.ErrorList errors={errors} />
            <Button onClick={() => add({ infoType: '', infoContent: '' })} disabled={fields.length >= 5}>
              {t('transferScene.add')}
            </Button>
          </>
        )}
      </Form.List>
    </ConfirmAction>
  );
}
