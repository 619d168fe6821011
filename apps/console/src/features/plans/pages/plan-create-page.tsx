import { Button, Flex, Typography } from 'antd';
import { ArrowLeftOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import '../i18n';
import { useCreatePlan } from '../api/create-plan';
import { NEW_PLAN } from '../components/plan-draft';
import { PlanForm } from '../components/plan-form';

export interface PlanCreatePageProps {
  readonly onCreated: (planId: string) => void;
  readonly onCancel: () => void;
}

/** A new plan at version 1, edited with its rule text and a sample quote before it is saved. */
export function PlanCreatePage({ onCreated, onCancel }: PlanCreatePageProps) {
  const { t } = useTranslation('plans');
  const create = useCreatePlan();
  return (
    <Flex vertical gap="middle" data-testid="plan-create">
      <Flex align="center" gap="small">
        <Button type="text" icon={<ArrowLeftOutlined />} aria-label={t('detail.back')} onClick={onCancel} />
        <Typography.Title level={3} style={{ margin: 0 }}>
          {t('edit.createTitle')}
        </Typography.Title>
      </Flex>
      <PlanForm
        initialName=""
        initialPlan={NEW_PLAN}
        submitText={t('edit.create')}
        submitting={create.isPending}
        error={create.error}
        onCancel={onCancel}
        onSubmit={(values) => create.mutate(values, { onSuccess: (plan) => onCreated(plan.id) })}
      />
    </Flex>
  );
}
