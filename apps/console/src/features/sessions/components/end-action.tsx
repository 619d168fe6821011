import { Button, Flex, Form, Input, InputNumber, Select } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { ConfirmAction } from '@/components/confirm-action';
import { useFormatTime } from '@/components/time';
import { formatFen } from '@/lib/format';
import { usePreferences } from '@/lib/preferences';
import { fromZonedInput, toZonedInput } from '@/lib/zoned';
import type { SessionDetail } from '../api/get-session';
import { endSession, useSessionChanged } from '../api/session-actions';
import { NS } from '../i18n';

interface EndValues {
  endedAt: string;
  wattHours?: number;
  volumeMillilitres?: number;
  items?: { sku?: string; count?: number }[];
}

/** When the service began as the API prices it: the device's own start, else the start command, else creation. */
function startOf(session: SessionDetail): string | null {
  return session.times['serviceStartedAt'] ?? session.times['startingAt'] ?? session.times['createdAt'] ?? null;
}

/** The usage the API needs besides the end time: a charger's energy, a valve's water. */
export function usageFor(session: SessionDetail, values: EndValues, endedAt: string): Record<string, unknown> | undefined {
  if (session.deviceType === 'EV_CHARGER' && values.wattHours !== undefined && values.wattHours !== null) {
    return { energy: [{ from: startOf(session) ?? endedAt, to: endedAt, wattHours: values.wattHours }] };
  }
  if (session.deviceType === 'WATER_VALVE' && values.volumeMillilitres !== undefined && values.volumeMillilitres !== null) {
    return { volumeMillilitres: values.volumeMillilitres };
  }
  const items = (values.items ?? []).filter((i) => i.sku && i.count).map((i) => ({ sku: i.sku!.trim(), count: i.count! }));
  if (session.deviceType === 'FRIDGE' && items.length > 0) return { items };
  return undefined;
}

/** End a session the device did not report ended: priced, the device stopped, the Pay Score order completed. */
export function EndAction({ session, open, onClose }: { session: SessionDetail; open: boolean; onClose: () => void }) {
  const { t } = useTranslation(NS);
  const changed = useSessionChanged();
  const formatTime = useFormatTime();
  const { timeZone } = usePreferences();
  const started = startOf(session);
  return (
    <ConfirmAction<EndValues>
      open={open}
      onClose={onClose}
      danger
      title={t('end.title', { outOrderNo: session.outOrderNo })}
      okText={t('end.ok')}
      consequences={`${t('end.consequences', { device: session.deviceCode, planVersion: session.planVersion })} ${
        session.runningFen === null ? t('end.runningUnknown') : t('end.runningNow', { amount: formatFen(session.runningFen) })
      }`}
      initialValues={{
        endedAt: toZonedInput(new Date(), timeZone),
        ...(session.meterReading?.wattHours !== undefined ? { wattHours: session.meterReading.wattHours } : {}),
        ...(session.meterReading?.volumeMillilitres !== undefined ? { volumeMillilitres: session.meterReading.volumeMillilitres } : {}),
      }}
      onConfirm={(values, key) => {
        const endedAt = (fromZonedInput(values.endedAt, timeZone) ?? new Date(Number.NaN)).toISOString();
        const usage = usageFor(session, values, endedAt);
        return endSession(session.id, { endedAt, reason: values.reason ?? '', ...(usage ? { usage } : {}) }, key);
      }}
      onDone={() => void changed(session.id)}
    >
      <Form.Item
        name="endedAt"
        label={t('end.endedAt')}
        extra={started ? t('end.endedAtHint', { started: formatTime(started), timeZone }) : undefined}
        rules={[
          { required: true, message: t('end.endedAtRequired') },
          {
            validator: async (_rule, value: string) => {
              const at = fromZonedInput(value ?? '', timeZone)?.getTime();
              if (at === undefined) throw new Error(t('end.endedAtRequired'));
              if (at > Date.now() + 60_000 || (started !== null && at < new Date(started).getTime() - 60_000)) throw new Error(t('end.endedAtRange'));
            },
          },
        ]}
      >
        <Input type="datetime-local" />
      </Form.Item>
      {session.deviceType === 'EV_CHARGER' ? (
        <Form.Item name="wattHours" label={t('end.wattHours')} extra={t('end.usageHint')}>
          <InputNumber min={0} precision={0} style={{ width: '100%' }} />
        </Form.Item>
      ) : null}
      {session.deviceType === 'FRIDGE' ? (
        <Form.List name="items">
          {(fields, { add, remove }) => (
            <Form.Item label={t('end.items')} extra={t('end.itemsHint')}>
              {fields.map((field) => (
                <Flex key={field.key} gap="small" align="start" wrap>
                  <Form.Item name={[field.name, 'sku']} rules={[{ required: true, whitespace: true, message: t('end.skuRequired') }]} style={{ flex: 2, minWidth: 140 }}>
                    {session.itemCatalog ? (
                      // the plan version's catalog: only SKUs the API can price
                      <Select
                        aria-label={t('end.sku')}
                        placeholder={t('end.sku')}
                        showSearch={{ optionFilterProp: 'label' }}
                        options={session.itemCatalog.map((item) => ({ value: item.sku, label: `${item.name} (${item.sku}) ${formatFen(item.priceFen)}` }))}
                      />
                    ) : (
                      <Input aria-label={t('end.sku')} placeholder={t('end.sku')} />
                    )}
                  </Form.Item>
                  <Form.Item name={[field.name, 'count']} rules={[{ required: true, message: t('end.countRequired') }]} style={{ flex: 1, minWidth: 90 }}>
                    <InputNumber aria-label={t('end.count')} placeholder={t('end.count')} min={1} precision={0} style={{ width: '100%' }} />
                  </Form.Item>
                  <Button aria-label={t('end.removeItem')} icon={<DeleteOutlined />} onClick={() => remove(field.name)} />
                </Flex>
              ))}
              <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ count: 1 })} block>
                {t('end.addItem')}
              </Button>
            </Form.Item>
          )}
        </Form.List>
      ) : null}
      {session.deviceType === 'WATER_VALVE' ? (
        <Form.Item name="volumeMillilitres" label={t('end.volumeMillilitres')} extra={t('end.usageHint')}>
          <InputNumber min={0} precision={0} style={{ width: '100%' }} />
        </Form.Item>
      ) : null}
    </ConfirmAction>
  );
}
