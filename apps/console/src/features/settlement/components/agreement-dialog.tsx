import { Form, Input, Select, Switch, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { ConfirmAction } from '@/components/confirm-action';
import { parseYuan } from '@/lib/format';
import type { Agreement } from '../api/get-agreements';
import { putAgreement, useAgreementChanged, type PutAgreement } from '../api/put-agreement';
import { NS } from '../i18n';
import { todayInShanghai } from '../period';
import { basisPointsText, parsePercent } from './terms';

// The form's fields carry the API's names (so a 422's field errors land on them) but hold what an operator
// types: percentages and yuan. They become basis points and fen on the way out.
interface AgreementForm {
  effectiveFrom: string;
  commissionBasisPoints?: string;
  fixedFeePerDeviceMonthFen?: string;
  minimumMonthFen?: string;
  period?: Agreement['period'];
  collection?: NonNullable<Agreement['collection']>;
  maxProfitSharingRatioBasisPoints?: string;
  channelFeePassedOn?: boolean;
  platformFeePerActiveDeviceMonthFen?: string;
  fixedMonthFen?: string;
  note?: string;
}

const PERIODS = ['MONTHLY', 'WEEKLY', 'DAILY'] as const;
const COLLECTIONS = ['BRAND_COLLECTS', 'FRANCHISEE_COLLECTS'] as const;

function fenText(fen: number | null | undefined): string | undefined {
  if (fen === null || fen === undefined) return undefined;
  return `${(fen - (fen % 100)) / 100}.${String(fen % 100).padStart(2, '0')}`;
}

function percentText(bp: number | null | undefined): string | undefined {
  return bp === null || bp === undefined ? undefined : basisPointsText(bp).slice(0, -1);
}

/** The form as the API's body: percent → basis points, yuan → fen; empty optional fields are left out. */
export function toPutAgreement(kind: Agreement['kind'], values: AgreementForm): PutAgreement {
  const fen = (text: string | undefined) => (text && text.trim() ? (parseYuan(text) ?? undefined) : undefined);
  const bp = (text: string | undefined) => (text && text.trim() ? (parsePercent(text) ?? undefined) : undefined);
  const body: PutAgreement = { effectiveFrom: values.effectiveFrom };
  const set = <K extends keyof PutAgreement>(key: K, value: PutAgreement[K] | undefined) => {
    if (value !== undefined && value !== '') body[key] = value;
  };
  if (kind === 'FRANCHISE') {
    set('commissionBasisPoints', bp(values.commissionBasisPoints));
    set('fixedFeePerDeviceMonthFen', fen(values.fixedFeePerDeviceMonthFen));
    set('minimumMonthFen', fen(values.minimumMonthFen));
    set('collection', values.collection);
    if (values.collection === 'FRANCHISEE_COLLECTS') set('maxProfitSharingRatioBasisPoints', bp(values.maxProfitSharingRatioBasisPoints));
    // WeChat's channel fee is passed on only where the brand collects; left out, it is not (the API's default)
    else if (values.channelFeePassedOn) set('channelFeePassedOn', true);
  } else {
    set('platformFeePerActiveDeviceMonthFen', fen(values.platformFeePerActiveDeviceMonthFen));
    set('fixedMonthFen', fen(values.fixedMonthFen));
  }
  set('period', values.period);
  set('note', values.note?.trim() || undefined);
  return body;
}

function PercentHint({ name }: { name: keyof AgreementForm }) {
  const { t } = useTranslation(NS);
  return (
    <Form.Item noStyle shouldUpdate={(a: AgreementForm, b: AgreementForm) => a[name] !== b[name]}>
      {({ getFieldValue }) => {
        const bp = parsePercent(String(getFieldValue(name) ?? ''));
        return bp === null ? null : (
          <Typography.Text type="secondary" data-testid={`${name}-bp`}>
            {t('agreement.basisPoints', { bp })}
          </Typography.Text>
        );
      }}
    </Form.Item>
  );
}

/**
 * "Set a new agreement from a date": a franchisee's (commission in %, sent as basis points; fixed fee per device
 * per month; minimum per month; period; who collects; whether WeChat's channel fee is passed on) or a reseller customer's (platform fee per active device
 * per month; fixed monthly fee). The API's refusals (a closed period, a commission above the profit-sharing
 * maximum) land on their fields.
 */
export function AgreementDialog({
  organization,
  kind,
  current,
  open,
  onClose,
}: {
  organization: { id: string; name: string };
  kind: Agreement['kind'];
  current: Agreement | undefined;
  open: boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation(NS);
  const changed = useAgreementChanged();
  const percentRule = { validator: async (_r: unknown, v: unknown) => (v === undefined || v === '' || parsePercent(String(v)) !== null ? undefined : Promise.reject(new Error(t('agreement.percentInvalid')))) };
  const yuanRule = { validator: async (_r: unknown, v: unknown) => (v === undefined || v === '' || parseYuan(String(v)) !== null ? undefined : Promise.reject(new Error(t('agreement.yuanInvalid')))) };
  const initialValues: Partial<AgreementForm> = {
    effectiveFrom: todayInShanghai(),
    period: current?.period ?? 'MONTHLY',
    ...(kind === 'FRANCHISE'
      ? {
          commissionBasisPoints: percentText(current?.commissionBasisPoints),
          fixedFeePerDeviceMonthFen: fenText(current?.fixedFeePerDeviceMonthFen),
          minimumMonthFen: fenText(current?.minimumMonthFen),
          collection: current?.collection ?? 'BRAND_COLLECTS',
          maxProfitSharingRatioBasisPoints: percentText(current?.maxProfitSharingRatioBasisPoints ?? 3000),
          channelFeePassedOn: current?.channelFeePassedOn ?? false,
        }
      : {
          platformFeePerActiveDeviceMonthFen: fenText(current?.platformFeePerActiveDeviceMonthFen),
          fixedMonthFen: fenText(current?.fixedMonthFen),
        }),
  };
  return (
    <ConfirmAction<AgreementForm, Agreement>
      open={open}
      onClose={onClose}
      title={t('agreement.dialogTitle', { organization: organization.name })}
      reason="none"
      okText={t('agreement.save')}
      consequences={t(kind === 'FRANCHISE' ? 'agreement.consequencesFranchise' : 'agreement.consequencesReseller', { organization: organization.name })}
      initialValues={initialValues}
      onConfirm={(values) => putAgreement(organization.id, toPutAgreement(kind, values))}
      onDone={() => void changed(organization.id)}
    >
      <Form.Item name="effectiveFrom" label={t('agreement.effectiveFrom')} rules={[{ required: true, message: t('agreement.required') }]} extra={t('agreement.effectiveFromHelp')}>
        <Input type="date" />
      </Form.Item>
      {kind === 'FRANCHISE' ? (
        <>
          <Form.Item label={t('agreement.commission')} required>
            <Form.Item name="commissionBasisPoints" noStyle rules={[{ required: true, message: t('agreement.required') }, percentRule]}>
              <Input inputMode="decimal" suffix="%" aria-label={t('agreement.commission')} style={{ maxWidth: 200 }} />
            </Form.Item>{' '}
            <PercentHint name="commissionBasisPoints" />
          </Form.Item>
          <Form.Item name="fixedFeePerDeviceMonthFen" label={t('agreement.fixedFee')} rules={[yuanRule]}>
            <Input inputMode="decimal" prefix="¥" style={{ maxWidth: 200 }} />
          </Form.Item>
          <Form.Item name="minimumMonthFen" label={t('agreement.minimum')} rules={[yuanRule]} extra={t('agreement.minimumHelp')}>
            <Input inputMode="decimal" prefix="¥" style={{ maxWidth: 200 }} />
          </Form.Item>
          <Form.Item name="collection" label={t('agreement.collection')} extra={t('agreement.collectionHelp')}>
            <Select options={COLLECTIONS.map((c) => ({ value: c, label: t(`collection.${c}`) }))} style={{ maxWidth: 240 }} />
          </Form.Item>
          <Form.Item noStyle shouldUpdate={(a: AgreementForm, b: AgreementForm) => a.collection !== b.collection}>
            {({ getFieldValue }) =>
              getFieldValue('collection') === 'FRANCHISEE_COLLECTS' ? (
                <Form.Item label={t('agreement.maxRatio')} extra={t('agreement.maxRatioHelp')}>
                  <Form.Item name="maxProfitSharingRatioBasisPoints" noStyle rules={[percentRule]}>
                    <Input inputMode="decimal" suffix="%" aria-label={t('agreement.maxRatio')} style={{ maxWidth: 200 }} />
                  </Form.Item>{' '}
                  <PercentHint name="maxProfitSharingRatioBasisPoints" />
                </Form.Item>
              ) : (
                <Form.Item name="channelFeePassedOn" label={t('agreement.channelFeePassedOn')} valuePropName="checked" extra={t('agreement.channelFeePassedOnHelp')}>
                  <Switch aria-label={t('agreement.channelFeePassedOn')} />
                </Form.Item>
              )
            }
          </Form.Item>
        </>
      ) : (
        <>
          <Form.Item name="platformFeePerActiveDeviceMonthFen" label={t('agreement.platformFee')} rules={[{ required: true, message: t('agreement.required') }, yuanRule]}>
            <Input inputMode="decimal" prefix="¥" style={{ maxWidth: 200 }} />
          </Form.Item>
          <Form.Item name="fixedMonthFen" label={t('agreement.fixedMonth')} rules={[yuanRule]}>
            <Input inputMode="decimal" prefix="¥" style={{ maxWidth: 200 }} />
          </Form.Item>
        </>
      )}
      <Form.Item name="period" label={t('agreement.period')}>
        <Select options={PERIODS.map((p) => ({ value: p, label: t(`period.${p}`) }))} style={{ maxWidth: 200 }} />
      </Form.Item>
      <Form.Item name="note" label={t('agreement.note')}>
        <Input.TextArea rows={2} maxLength={500} />
      </Form.Item>
    </ConfirmAction>
  );
}
