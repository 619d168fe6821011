import { Descriptions, Typography } from 'antd';
import { describePlan, validatePlan, type PricingPlan } from '@zizhu/pricing';
import { useTranslation } from 'react-i18next';
import '../i18n';

/** The billing rule as the user reads it, in Chinese and English, straight from the pricing engine. */
export function RuleText({ plan, testId = 'rule' }: { plan: Record<string, unknown> | null; testId?: string }) {
  const { t } = useTranslation('plans');
  if (!plan || !validatePlan(plan).ok) return <Typography.Text type="secondary">{t('rule.invalid')}</Typography.Text>;
  return (
    <Descriptions column={1} size="small">
      <Descriptions.Item label={t('rule.zh')}>
        <span data-testid={`${testId}-zh`} lang="zh-CN">
          {describePlan(plan as unknown as PricingPlan, 'zh-CN')}
        </span>
      </Descriptions.Item>
      <Descriptions.Item label={t('rule.en')}>
        <span data-testid={`${testId}-en`} lang="en">
          {describePlan(plan as unknown as PricingPlan, 'en')}
        </span>
      </Descriptions.Item>
    </Descriptions>
  );
}
