import { Alert, Button, Card, Col, Flex, Form, Grid, Input, InputNumber, Row, Select, Space, Switch, Table, Typography } from 'antd';
import { useMemo, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { formatFen } from '@/lib/format';
import '../i18n';
import { getIn, NEW_PART, PLAN_PARTS, planProblems, SAMPLE, sampleQuote, setIn, type PlanDraft, type PlanPart, type SampleSession } from './plan-draft';
import { RuleText } from './rule-text';
import { YuanInput } from './yuan-input';

export interface PlanEditorProps {
  value: PlanDraft;
  onChange(next: PlanDraft): void;
  /** Field errors the server answered for the last save (path without `plan.`), shown until the field changes. */
  serverErrors?: Record<string, string[]>;
}

/**
 * The editor for every plan type of contracts.md §3 (per hour with free minutes / daily cap / total cap, per item,
 * per kWh with time-of-use bands, per litre, or a mix), with the billing rule text in Chinese and English and a
 * quote of a sample session, both from `@zizhu/pricing` as the operator types; errors sit on their fields.
 */
export function PlanEditor({ value, onChange, serverErrors = {} }: PlanEditorProps) {
  const { t } = useTranslation('plans');
  const screens = Grid.useBreakpoint();
  const problems = useMemo(() => ({ ...serverErrors, ...planProblems(value) }), [value, serverErrors]);
  const valid = Object.keys(planProblems(value)).length === 0;
  const set = (path: string, v: unknown) => onChange(setIn(value, path, v));

  const field = (path: string, label: string, input: ReactNode, errors: string[] | undefined = problems[path]) => (
    <Form.Item key={path} label={label} htmlFor={`plan-${path}`} validateStatus={errors ? 'error' : undefined} help={errors?.join('; ')}>
      {input}
    </Form.Item>
  );
  const number = (path: string, label: string, opts: { optional?: boolean; fen?: boolean } = {}) => {
    const current = getIn(value, path);
    if (opts.fen)
      return field(
        path,
        label,
        <YuanInput id={`plan-${path}`} label={label} value={current} onChange={(fen) => set(path, fen === undefined ? (opts.optional ? undefined : null) : fen)} />,
        // text that is not an amount stays in the plan as typed (so nothing else is saved instead); say what is wanted
        typeof current === 'string' ? [t('field.yuanInvalid')] : problems[path],
      );
    return field(
      path,
      label,
      <InputNumber
        id={`plan-${path}`}
        aria-label={label}
        style={{ width: '100%' }}
        value={typeof current === 'number' ? current : null}
        onChange={(v) => set(path, v === null ? (opts.optional ? undefined : null) : v)}
      />,
    );
  };
  const text = (path: string, label: string) =>
    field(path, label, <Input id={`plan-${path}`} aria-label={label} value={String(getIn(value, path) ?? '')} onChange={(e) => set(path, e.target.value)} />);
  const select = (path: string, label: string, options: string[], optional = false) =>
    field(
      path,
      label,
      <Select
        id={`plan-${path}`}
        aria-label={label}
        allowClear={optional}
        value={getIn(value, path) as string | undefined}
        onChange={(v) => set(path, v ?? undefined)}
        options={options.map((o) => ({ value: o, label: t(`option.${o}`) }))}
      />,
    );

  const rows = (path: string) => (getIn(value, path) as unknown[] | undefined) ?? [];
  const part = (name: PlanPart, body: ReactNode) => {
    const on = value[name] !== undefined;
    return (
      <Card
        key={name}
        size="small"
        title={t(`part.${name}`)}
        extra={
          <Switch
            aria-label={t('part.toggle', { part: t(`part.${name}`) })}
            checked={on}
            onChange={(checked) => set(name, checked ? NEW_PART[name] : undefined)}
          />
        }
      >
        {on ? body : <Typography.Text type="secondary">{t('part.off')}</Typography.Text>}
        {on && problems[name] ? <Alert type="error" showIcon title={problems[name]!.join('; ')} /> : null}
      </Card>
    );
  };

  // the fields on the left, the rule text and the sample quote beside them (below them on a phone), in view while typing
  return (
    <Row gutter={[16, 16]} align="top">
      <Col xs={24} lg={14}>
        <Form layout="vertical" component="div">
          <Flex vertical gap="small">
            {PLAN_PARTS.map((name) =>
              part(
                name,
                name === 'rental' ? (
                  <>
                    {number('rental.unitFen', t('field.unitFen'), { fen: true })}
                    {number('rental.unitMinutes', t('field.unitMinutes'))}
                    {number('rental.freeMinutes', t('field.freeMinutes'), { optional: true })}
                    {select('rental.freeMode', t('field.freeMode'), ['grace', 'deduct'], true)}
                    {number('rental.dailyCapFen', t('field.dailyCapFen'), { optional: true, fen: true })}
                    {select('rental.dayBoundary', t('field.dayBoundary'), ['rolling-24h', 'calendar'], true)}
                  </>
                ) : name === 'items' ? (
                  <>
                    {rows('items.catalog').map((_, i) => (
                      <Space key={i} wrap align="start" style={{ width: '100%', borderBottom: '1px dashed rgba(5, 5, 5, 0.12)', marginBottom: 12 }}>
                        {text(`items.catalog[${i}].sku`, t('field.sku'))}
                        {text(`items.catalog[${i}].name`, t('field.itemName'))}
                        {number(`items.catalog[${i}].priceFen`, t('field.priceFen'), { fen: true })}
                        <Button
                          onClick={() =>
                            set(
                              'items.catalog',
                              rows('items.catalog').filter((__, j) => j !== i),
                            )
                          }
                        >
                          {t('action.removeRow')}
                        </Button>
                      </Space>
                    ))}
                    <Button onClick={() => set('items.catalog', [...rows('items.catalog'), { sku: '', name: '', priceFen: 0 }])}>{t('action.addItem')}</Button>
                  </>
                ) : name === 'energy' ? (
                  <>
                    {rows('energy.bands').map((_, i) => (
                      <Space key={i} wrap align="start" style={{ width: '100%', borderBottom: '1px dashed rgba(5, 5, 5, 0.12)', marginBottom: 12 }}>
                        {text(`energy.bands[${i}].from`, t('field.from'))}
                        {text(`energy.bands[${i}].to`, t('field.to'))}
                        {number(`energy.bands[${i}].energyFenPerKwh`, t('field.energyFenPerKwh'), { fen: true })}
                        {number(`energy.bands[${i}].serviceFenPerKwh`, t('field.serviceFenPerKwh'), { fen: true })}
                        <Button
                          onClick={() =>
                            set(
                              'energy.bands',
                              rows('energy.bands').filter((__, j) => j !== i),
                            )
                          }
                        >
                          {t('action.removeRow')}
                        </Button>
                      </Space>
                    ))}
                    <Button
                      onClick={() => set('energy.bands', [...rows('energy.bands'), { from: '00:00', to: '24:00', energyFenPerKwh: 0, serviceFenPerKwh: 0 }])}
                    >
                      {t('action.addBand')}
                    </Button>
                  </>
                ) : (
                  <>
                    {number('volume.fenPerLitre', t('field.fenPerLitre'), { fen: true })}
                    {number('volume.stepMillilitres', t('field.stepMillilitres'))}
                  </>
                ),
              ),
            )}
            <Card size="small" title={t('part.common')}>
              {text('timezone', t('field.timezone'))}
              {number('minimumFen', t('field.minimumFen'), { optional: true, fen: true })}
              {number('totalCapFen', t('field.totalCapFen'), { optional: true, fen: true })}
            </Card>
          </Flex>
        </Form>
      </Col>
      <Col xs={24} lg={10} style={screens.lg ? { position: 'sticky', top: 16 } : undefined}>
        <Flex vertical gap="middle">
          {problems[''] ? <Alert type="error" showIcon title={problems['']!.join('; ')} /> : null}
          <Card size="small" title={t('rule.title')}>
            <RuleText plan={valid ? value : null} />
          </Card>
          <SampleQuote plan={valid ? value : null} />
        </Flex>
      </Col>
    </Row>
  );
}

/** A sample session the operator adjusts, priced as it would be charged. */
function SampleQuote({ plan }: { plan: PlanDraft | null }) {
  const { t } = useTranslation('plans');
  const [sample, setSample] = useState<SampleSession>(SAMPLE);
  const catalog = ((plan?.['items'] as { catalog?: { sku: string; name: string }[] } | undefined)?.catalog ?? []).filter((i) => i.sku);
  const result = plan ? sampleQuote(plan, sample) : null;
  const num = (key: 'minutes' | 'kwh' | 'litres', label: string) => (
    <Form.Item label={label} htmlFor={`sample-${key}`}>
      <InputNumber id={`sample-${key}`} aria-label={label} min={0} value={sample[key]} onChange={(v) => setSample({ ...sample, [key]: v ?? 0 })} />
    </Form.Item>
  );
  return (
    <Card size="small" title={t('sample.title')}>
      <Form layout="inline" component="div">
        <Form.Item label={t('sample.start')} htmlFor="sample-start">
          <Input
            id="sample-start"
            type="datetime-local"
            aria-label={t('sample.start')}
            value={sample.start}
            onChange={(e) => setSample({ ...sample, start: e.target.value })}
          />
        </Form.Item>
        {num('minutes', t('sample.minutes'))}
        {plan?.['energy'] ? num('kwh', t('sample.kwh')) : null}
        {plan?.['volume'] ? num('litres', t('sample.litres')) : null}
        {catalog.map((item) => (
          <Form.Item key={item.sku} label={t('sample.count', { name: item.name || item.sku })} htmlFor={`sample-item-${item.sku}`}>
            <InputNumber
              id={`sample-item-${item.sku}`}
              aria-label={t('sample.count', { name: item.name || item.sku })}
              min={0}
              value={sample.items[item.sku] ?? 0}
              onChange={(v) => setSample({ ...sample, items: { ...sample.items, [item.sku]: v ?? 0 } })}
            />
          </Form.Item>
        ))}
      </Form>
      {result && 'quote' in result ? (
        <>
          <Typography.Title level={5} data-testid="sample-total">
            {t('sample.total', { amount: formatFen(result.quote.totalFen) })}
          </Typography.Title>
          <Table
            size="small"
            pagination={false}
            rowKey={(line) => `${line.kind}:${line.label}:${line.detail}`}
            dataSource={[...result.quote.lines]}
            columns={[
              { title: t('sample.line'), dataIndex: 'label', render: (label: string) => <span style={{ whiteSpace: 'nowrap' }}>{label}</span> },
              { title: t('sample.detail'), dataIndex: 'detail' },
              { title: t('sample.amount'), dataIndex: 'amountFen', render: (fen: number) => formatFen(fen), align: 'right' },
            ]}
          />
        </>
      ) : result ? (
        <Alert type="warning" showIcon title={result.error === 'start' ? t('sample.startInvalid') : result.error} />
      ) : (
        <Typography.Text type="secondary">{t('rule.invalid')}</Typography.Text>
      )}
    </Card>
  );
}
