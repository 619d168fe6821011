import { useState } from 'react';
import { Button, Flex, Form, Select, Typography } from 'antd';
import { ArrowLeftOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import '../i18n';
import { useMe } from '@/lib/me';
import { useCreatePlan } from '../api/create-plan';
import { planOwners, useOrganizations } from '../api/list-owners';
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
  const me = useMe();
  const owners = planOwners(me, useOrganizations().data);
  // the caller's own organisation unless it picks one whose fleet it operates
  const [ownerId, setOwnerId] = useState<string | undefined>(undefined);
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
        extraFields={
          owners.length > 1 ? (
            <Form.Item label={t('edit.owner')} htmlFor="plan-owner" style={{ marginBottom: 0 }}>
              <Select
                id="plan-owner"
                aria-label={t('edit.owner')}
                value={ownerId ?? me?.organizationId}
                onChange={(id: string) => setOwnerId(id)}
                options={owners.map((o) => ({ value: o.id, label: o.name }))}
              />
            </Form.Item>
          ) : null
        }
        onSubmit={(values) =>
          create.mutate(
            { ...values, ...(ownerId && ownerId !== me?.organizationId ? { organizationId: ownerId } : {}) },
            { onSuccess: (plan) => onCreated(plan.id) },
          )
        }
      />
    </Flex>
  );
}
