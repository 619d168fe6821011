import { useEffect, useState, type ReactNode } from 'react';
import { Badge, Button, Card, Form, Grid, Space } from 'antd';
import { FilterOutlined } from '@ant-design/icons';
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
  /** On a phone, fold the whole bar behind one button (default); false when the bar folds its own rarer fields. */
  readonly foldOnPhone?: boolean;
}

/**
 * The filters of a list. The URL is the state: the form shows what the URL says and writes back on
 * submit, so a filtered list can be shared and the back button works.
 */
export function FilterBar<Values extends object>({ values, onChange, empty, children, foldOnPhone = true }: FilterBarProps<Values>) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const phone = Grid.useBreakpoint().md === false && foldOnPhone;
  const [open, setOpen] = useState(false);
  const active = Object.keys(strip(values)).filter((key) => !['page', 'pageSize', 'cursor', 'limit', 'offset'].includes(key)).length;
  useEffect(() => {
    form.resetFields();
    form.setFieldsValue(values as Parameters<typeof form.setFieldsValue>[0]);
  }, [form, values]);
  // on a phone the filters fold behind one button that says how many are set
  if (phone && !open) {
    return (
      <Badge count={active} size="small">
        <Button icon={<FilterOutlined />} onClick={() => setOpen(true)} aria-expanded={false}>
          {t('actions.filters')}
        </Button>
      </Badge>
    );
  }
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
            {phone ? (
              <Button type="link" onClick={() => setOpen(false)} aria-expanded>
                {t('actions.hideFilters')}
              </Button>
            ) : null}
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
