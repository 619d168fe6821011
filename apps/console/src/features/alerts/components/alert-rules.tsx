import { useEffect } from 'react';
import { Alert, App, Button, Card, Flex, Form, InputNumber, Space, Switch, Tag, Typography } from 'antd';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { Schemas } from '@zizhu/api-client';
import { Problem } from '@/components/problem';
import { useCan } from '@/lib/me';
import { toProblem } from '@/lib/problem';
import { alertRulesQuery, saveRules, useRulesChanged } from '../api/alerts';
import { NS } from '../i18n';

type Rule = Schemas['AlertRuleDto'];
type Kind = Schemas['AlertRuleChangeDto']['kind'];
interface Values {
  rules: { enabled: boolean; threshold: number | null }[];
}

/** The organisation's alert rules: each on or off with its parameter; where it comes from (own, brand, default). */
export function AlertRules() {
  const { t } = useTranslation(NS);
  const { message } = App.useApp();
  const query = useQuery(alertRulesQuery());
  const editable = useCan('alerts.write');
  const [form] = Form.useForm<Values>();
  const changed = useRulesChanged();
  const rules = query.data?.rules;
  useEffect(() => {
    if (rules) form.setFieldsValue({ rules: rules.map((r) => ({ enabled: r.enabled, threshold: r.threshold })) });
  }, [rules, form]);
  const save = useMutation({
    mutationFn: (values: Values) =>
      // the form's rows are the rules' order: row i is rules[i]
      saveRules((rules ?? []).map((rule, i) => ({ kind: rule.kind as Kind, enabled: values.rules[i]?.enabled ?? rule.enabled, ...(rule.unit ? { threshold: values.rules[i]?.threshold ?? null } : {}) }))),
    onSuccess: async () => {
      await changed();
      void message.success(t('rules.saved'));
    },
    onError: (error) => {
      const problem = toProblem(error);
      // `rules.<i>.<field>` from the API lands on that rule's field
      const onFields = problem.errors.flatMap((e) => {
        const match = /^rules\.(\d+)\.(enabled|threshold)$/.exec(e.field);
        return match ? [{ name: ['rules', Number(match[1]), match[2] as 'enabled' | 'threshold'] as ['rules', number, 'threshold'], errors: [...e.messages] }] : [];
      });
      form.setFields(onFields);
    },
  });
  const reset = useMutation({ mutationFn: (kind: Kind) => saveRules([{ kind, reset: true }]), onSuccess: () => changed() });
  if (query.error) return <Problem error={query.error} onRetry={() => void query.refetch()} />;
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }} data-testid="alert-rules">
      <Alert type="info" showIcon title={t('rules.intro')} />
      {save.error && toProblem(save.error).errors.length === 0 ? <Problem error={save.error} /> : null}
      <Form form={form} layout="vertical" disabled={!editable} onFinish={(values) => save.mutate(values)}>
        <Flex vertical gap={8}>
          {(rules ?? []).map((rule: Rule, i) => (
            <Card size="small" key={rule.kind} data-testid={`rule-${rule.kind}`}>
              <Flex justify="space-between" align="center" gap="small" wrap>
                <Space orientation="vertical" size={0} style={{ minWidth: 0, flex: '1 1 220px' }}>
                  <Typography.Text strong>{t(`kinds.${rule.kind}`)}</Typography.Text>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {t(`rules.describe.${rule.kind}`)}
                  </Typography.Text>
                  <Space size={4}>
                    <Tag>{t(`rules.source.${rule.source}`)}</Tag>
                    {rule.source === 'OWN' && editable ? (
                      <Button size="small" type="link" onClick={() => reset.mutate(rule.kind as Kind)}>
                        {t('rules.reset')}
                      </Button>
                    ) : null}
                  </Space>
                </Space>
                <Space align="start" wrap>
                  {rule.unit ? (
                    <Form.Item name={['rules', i, 'threshold']} label={t('rules.threshold')} style={{ marginBottom: 0 }}>
                      <InputNumber
                        aria-label={`${t(`kinds.${rule.kind}`)} ${t('rules.threshold')}`}
                        min={rule.min ?? undefined}
                        max={rule.max ?? undefined}
                        step={rule.unit === 'PERCENT' ? 0.001 : 1}
                        suffix={t(`rules.units.${rule.unit}`)}
                        style={{ width: 150 }}
                      />
                    </Form.Item>
                  ) : null}
                  <Form.Item name={['rules', i, 'enabled']} label={t('rules.enabled')} valuePropName="checked" style={{ marginBottom: 0 }}>
                    <Switch aria-label={`${t(`kinds.${rule.kind}`)} ${t('rules.enabled')}`} />
                  </Form.Item>
                </Space>
              </Flex>
            </Card>
          ))}
        </Flex>
        {editable ? (
          <Button type="primary" htmlType="submit" loading={save.isPending} style={{ marginTop: 12 }}>
            {t('rules.save')}
          </Button>
        ) : null}
      </Form>
    </Space>
  );
}
