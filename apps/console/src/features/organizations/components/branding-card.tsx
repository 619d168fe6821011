import { useEffect } from 'react';
import { App, Button, Card, Form, Input, Space, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { Schemas } from '@zizhu/api-client';
import { Can } from '@/components/can';
import { Problem } from '@/components/problem';
import { toProblem } from '@/lib/problem';
import { brandingQuery, usePutBranding } from '../api/branding';
import { ORGANIZATIONS_NS } from '../i18n';
import type { OrganizationNode } from './model';

type Values = { brandName?: string; color?: string; otherPaymentUrl?: string; servicePhone?: string };
type Field = keyof Values;
const FIELDS: readonly Field[] = ['brandName', 'color', 'otherPaymentUrl', 'servicePhone'];
const COLOR = /^#(?:[0-9a-fA-F]{3}|[0-9a-fA-F]{6})$/;
const PHONE = /^[0-9]+(?:-[0-9]+)*$/;

/** https, or http only to localhost / 127.0.0.1 (the API's rule). */
export function isAllowedPaymentUrl(value: string): boolean {
  try {
    const url = new URL(value);
    if (url.protocol === 'https:') return url.hostname.length > 0;
    return url.protocol === 'http:' && (url.hostname === 'localhost' || url.hostname === '127.0.0.1');
  } catch {
    return false;
  }
}

const clean = (value: string | undefined): string | null => {
  const trimmed = value?.trim() ?? '';
  return trimmed === '' ? null : trimmed;
};

/**
 * The organisation's branding of the reference user pages at `/d/<code>`: name, accent colour, other way to pay and
 * 客服电话; an empty field inherits (placeholder: what the pages show now). A live preview of the title bar and footer,
 * and a link opening one of its devices' pages.
 */
export function BrandingCard({ organization }: { organization: OrganizationNode }) {
  const { t } = useTranslation(ORGANIZATIONS_NS);
  const { message } = App.useApp();
  const query = useQuery({ ...brandingQuery(organization.id), retry: false });
  const put = usePutBranding();
  const [form] = Form.useForm<Values>();
  const data: Schemas['BrandingDto'] | undefined = query.data;
  useEffect(() => {
    if (!data) return;
    form.resetFields();
    form.setFieldsValue({
      brandName: data.own.brandName ?? '',
      color: data.own.color ?? '',
      otherPaymentUrl: data.own.otherPaymentUrl ?? '',
      servicePhone: data.own.servicePhone ?? '',
    });
  }, [data, form]);
  const watched = Form.useWatch([], form) as Values | undefined;

  if (query.error) {
    if (toProblem(query.error).status === 404) return null; // not this caller's to brand (a reseller's customer): no card
    return <Problem error={query.error} onRetry={() => void query.refetch()} />;
  }

  const effective = data?.effective;
  const inherited = (field: Field): string | null => {
    if (!data) return null;
    const source = data.sources[field];
    return source === 'OWN' ? null : data.effective[field];
  };
  // the preview: what is typed when it is valid, else what the pages show without it
  const typedColor = clean(watched?.color);
  const previewColor = typedColor && COLOR.test(typedColor) ? typedColor : (inherited('color') ?? effective?.color ?? '#07C160');
  const previewName = clean(watched?.brandName) ?? inherited('brandName') ?? effective?.brandName ?? organization.name;
  const typedPhone = clean(watched?.servicePhone);
  const previewPhone = typedPhone && PHONE.test(typedPhone) ? typedPhone : inherited('servicePhone');

  const save = async (values: Values) => {
    try {
      await put.mutateAsync({
        params: { path: { id: organization.id } },
        body: { brandName: clean(values.brandName), color: clean(values.color), otherPaymentUrl: clean(values.otherPaymentUrl), servicePhone: clean(values.servicePhone) },
      });
      void message.success(t('branding.saved'));
    } catch (error) {
      const fields = toProblem(error).errors.filter((e): e is { field: Field; messages: readonly string[] } => (FIELDS as readonly string[]).includes(e.field));
      form.setFields(fields.map((e) => ({ name: e.field, errors: [...e.messages] })));
    }
  };
  const placeholder = (field: Field) => {
    const value = inherited(field);
    return value ? t('branding.inherits', { value, source: t(`branding.source.${data!.sources[field]}`) }) : t('branding.none');
  };

  return (
    <Card
      size="small"
      data-testid="branding-card"
      loading={query.isLoading}
      title={t('branding.title')}
      extra={
        data?.previewDeviceCode ? (
          <a href={`/d/${encodeURIComponent(data.previewDeviceCode)}`} target="_blank" rel="noreferrer" data-testid="branding-open">
            {t('branding.open', { code: data.previewDeviceCode })}
          </a>
        ) : (
          <Typography.Text type="secondary">{t('branding.noDevice')}</Typography.Text>
        )
      }
    >
      <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
        <Typography.Text type="secondary">{t(organization.kind === 'FRANCHISEE' ? 'branding.introFranchisee' : 'branding.intro')}</Typography.Text>
        <div data-testid="branding-preview" style={{ maxWidth: 320, border: '1px solid #eee', borderRadius: 8, overflow: 'hidden' }} aria-label={t('branding.preview')}>
          <div data-testid="branding-swatch" style={{ background: previewColor, color: '#fff', padding: '8px 12px', fontWeight: 600 }}>
            {previewName}
          </div>
          <div style={{ padding: '8px 12px', background: '#f7f7f7' }}>
            <div style={{ background: previewColor, color: '#fff', borderRadius: 6, textAlign: 'center', padding: 6 }}>{t('branding.previewButton')}</div>
          </div>
          {previewPhone ? (
            <div data-testid="branding-preview-phone" style={{ textAlign: 'center', fontSize: 12, color: '#888', padding: 6 }}>
              {t('branding.previewPhone', { phone: previewPhone })}
            </div>
          ) : null}
        </div>
        {put.error && toProblem(put.error).errors.length === 0 ? <Problem error={put.error} /> : null}
        <Form<Values> form={form} layout="vertical" onFinish={(values) => void save(values)} disabled={!data}>
          <Form.Item name="brandName" label={t('branding.brandName')} rules={[{ max: 32, message: t('branding.brandNameTooLong') }]}>
            <Input maxLength={32} placeholder={placeholder('brandName')} />
          </Form.Item>
          <Form.Item
            name="color"
            label={t('branding.color')}
            rules={[{ validator: async (_rule, value?: string) => (clean(value) === null || COLOR.test(clean(value)!) ? undefined : Promise.reject(new Error(t('branding.colorInvalid')))) }]}
          >
            <Input
              maxLength={7}
              placeholder={placeholder('color')}
              prefix={<span aria-hidden style={{ display: 'inline-block', width: 14, height: 14, borderRadius: 3, background: previewColor }} />}
            />
          </Form.Item>
          <Form.Item
            name="otherPaymentUrl"
            label={t('branding.otherPaymentUrl')}
            extra={t('branding.otherPaymentUrlHelp')}
            rules={[{ validator: async (_rule, value?: string) => (clean(value) === null || isAllowedPaymentUrl(clean(value)!) ? undefined : Promise.reject(new Error(t('branding.urlInvalid')))) }]}
          >
            <Input inputMode="url" maxLength={500} placeholder={placeholder('otherPaymentUrl')} />
          </Form.Item>
          <Form.Item
            name="servicePhone"
            label={t('branding.servicePhone')}
            extra={t('branding.servicePhoneHelp')}
            rules={[
              {
                validator: async (_rule, value?: string) => {
                  const phone = clean(value);
                  return phone === null || (PHONE.test(phone) && phone.length >= 3 && phone.length <= 20) ? undefined : Promise.reject(new Error(t('branding.phoneInvalid')));
                },
              },
            ]}
          >
            <Input inputMode="tel" maxLength={20} placeholder={placeholder('servicePhone')} />
          </Form.Item>
          <Can permission="organizations.write">
            <Button type="primary" htmlType="submit" loading={put.isPending}>
              {t('branding.save')}
            </Button>
          </Can>
        </Form>
      </Space>
    </Card>
  );
}
