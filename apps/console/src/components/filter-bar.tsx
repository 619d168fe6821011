import { useEffect, type ReactNode } from 'react';
import { Button, Card, Form, Space } from 'antd';
import { useTranslation } from 'react-i18next';

export interface FilterBarProps<Values extends object> {
  /** The filters as they are in the URL. */
  readonly values: Values;
  /** Writes new filters to the URL (page back to 1). */
  readonly onChange: (values: Values) => void;
  /** The empty filter set `reset` returns to. */
  readonly empty: Values;
  /** Form.Item fields, each with a label. */
  readonly children: ReactNode;
}

/**
 * The filters of a list. The URL is the state: the form shows what the URL says and writes back on
 * submit, so a filtered list can be shared and the back button works.
 */
export function FilterBar<Values extends object>({ values, onChange, empty, children }: FilterBarProps<Values>) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  useEffect(() => {
    form.resetFields();
    form.setFieldsValue(values as Parameters<typeof form.setFieldsValue>[0]);
  }, [form, values]);
  return (
    <Card size="small">
      <Form<Values>
        form={form}
        layout="inline"
        role="search"
        onFinish={(next) => onChange({ ...empty, ...strip(next) })}
        style={{ rowGap: 8 }}
      >
        {children}
        <Form.Item>
          <Space>
            <Button type="primary" htmlType="submit">
              {t('actions.search')}
            </Button>
            <Button onClick={() => onChange(empty)}>{t('actions.reset')}</Button>
          </Space>
        </Form.Item>
      </Form>
    </Card>
  );
}

/** Empty strings and empty arrays mean "no filter" and stay out of the URL. */
function strip<Values extends object>(values: Values): Partial<Values> {
  return Object.fromEntries(
    Object.entries(values).filter(([, v]) => v !== undefined && v !== null && v !== '' && !(Array.isArray(v) && v.length === 0)),
  ) as Partial<Values>;
}
