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
 * Publishing a new version: edit → preview (the devices it reprices) → confirm → PUT with the version the edit
 * started from, so a version someone else published meanwhile is refused (409) rather than overwritten; a
 * preview that already sees a newer version says so without asking to publish.
 */
export function PlanPublisher({ plan, onPublished, onCancel, onReload }: PlanPublisherProps) {
  const { t } = useTranslation('plans');
  const preview = usePreviewPlan(plan.id);
  const update = useUpdatePlan(plan.id);
  const [pending, setPending] = useState<{ name: string; plan: Record<string, unknown>; repricing: PlanRepricing } | null>(null);
  // the version this edit started from (the plan prop refetches underneath; a reload remounts the publisher)
  const [baseVersion] = useState(plan.currentVersion);
  // a preview that finds a newer current version: someone published since this edit started
  const [staleBase, setStaleBase] = useState(false);
  const error = update.error ?? preview.error;
  const conflict = staleBase || (error ? toProblem(error).code === 'PLAN_VERSION_CONFLICT' : false);
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
          preview.mutate(values.plan, {
            onSuccess: (repricing) => {
              if (repricing.currentVersion !== baseVersion) setStaleBase(true);
              else setPending({ ...values, repricing });
            },
          });
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
              expectedVersion: baseVersion,
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
