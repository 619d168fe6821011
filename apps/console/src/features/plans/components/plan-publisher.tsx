import { useState } from 'react';
import { Alert, Button } from 'antd';
import { useTranslation } from 'react-i18next';
import { toProblem } from '@/lib/problem';
import '../i18n';
import type { PlanDetail } from '../api/get-plan';
import { usePreviewPlan, type PlanRepricing } from '../api/preview-plan';
import { useUpdatePlan } from '../api/update-plan';
import { PlanForm } from './plan-form';
import { RepriceConfirm } from './reprice-confirm';

export interface PlanPublisherProps {
  readonly plan: PlanDetail;
  readonly onPublished: (version: number) => void;
  readonly onCancel: () => void;
  /** Reloads the plan (after someone else published a version meanwhile). */
  readonly onReload: () => void;
}

/**
 * Publishing a new version: edit → preview (the devices it reprices) → confirm → PUT with the version the
 * preview was made for, so a version published meanwhile is refused (409) rather than overwritten.
 */
export function PlanPublisher({ plan, onPublished, onCancel, onReload }: PlanPublisherProps) {
  const { t } = useTranslation('plans');
  const preview = usePreviewPlan(plan.id);
  const update = useUpdatePlan(plan.id);
  const [pending, setPending] = useState<{ name: string; plan: Record<string, unknown>; repricing: PlanRepricing } | null>(null);
  const error = update.error ?? preview.error;
  const conflict = error ? toProblem(error).code === 'PLAN_VERSION_CONFLICT' : false;
  return (
    <>
      <PlanForm
        initialName={plan.name}
        initialPlan={plan.plan}
        submitText={t('edit.preview')}
        submitting={preview.isPending || update.isPending}
        error={conflict ? null : error}
        onCancel={onCancel}
        notice={
          conflict ? (
            <Alert
              type="warning"
              showIcon
              role="alert"
              title={t('edit.conflict')}
              action={
                <Button size="small" onClick={onReload}>
                  {t('edit.reload')}
                </Button>
              }
            />
          ) : null
        }
        onSubmit={(values) => {
          update.reset();
          preview.mutate(values.plan, { onSuccess: (repricing) => setPending({ ...values, repricing }) });
        }}
      />
      <RepriceConfirm
        open={pending !== null}
        repricing={pending?.repricing ?? null}
        saving={update.isPending}
        onCancel={() => setPending(null)}
        onConfirm={() => {
          if (!pending || update.isPending) return;
          update.mutate(
            {
              plan: pending.plan,
              expectedVersion: pending.repricing.currentVersion,
              ...(pending.name !== plan.name ? { name: pending.name } : {}),
            },
            {
              onSuccess: (saved) => onPublished(saved.currentVersion),
              onSettled: () => setPending(null),
            },
          );
        }}
      />
    </>
  );
}
