import { useState, type ReactNode } from 'react';
import { Alert, Button, Card, Flex, Form, Input } from 'antd';
import { useTranslation } from 'react-i18next';
import { Problem } from '@/components/problem';
import { toProblem } from '@/lib/problem';
import '../i18n';
import { planProblems, serverPlanErrors, type PlanDraft } from './plan-draft';
import { PlanEditor } from './plan-editor';

export interface PlanFormProps {
  readonly initialName: string;
  readonly initialPlan: PlanDraft;
  readonly submitText: ReactNode;
  readonly submitting: boolean;
  /** The last failed save or preview: its field errors land on the fields, the rest shows as a problem. */
  readonly error: unknown;
  readonly onSubmit: (values: { name: string; plan: PlanDraft }) => void;
  readonly onCancel: () => void;
  /** Shown above the buttons (a conflict notice…). */
  readonly notice?: ReactNode;
  /** More labelled fields beside the name (the owner…). */
  readonly extraFields?: ReactNode;
}

/** A plan's name and its editor; submits only a plan the pricing engine accepts. */
export function PlanForm({ initialName, initialPlan, submitText, submitting, error, onSubmit, onCancel, notice, extraFields }: PlanFormProps) {
  const { t } = useTranslation('plans');
  const [name, setName] = useState(initialName);
  const [plan, setPlan] = useState<PlanDraft>(initialPlan);
  const [attempted, setAttempted] = useState(false);
  // server errors belong to the values they were answered for: editing a value clears them
  const [editedSince, setEditedSince] = useState<unknown>(null);
  const problem = error ? toProblem(error) : null;
  const fresh = problem !== null && error !== editedSince;
  const nameErrors = problem?.errors.filter((e) => e.field === 'name').flatMap((e) => e.messages) ?? [];
  const planErrors = problem ? serverPlanErrors(problem) : {};
  const fieldErrorCount = nameErrors.length + Object.keys(planErrors).length;
  const nameMissing = attempted && name.trim() === '';
  const invalid = attempted && Object.keys(planProblems(plan)).length > 0;
  return (
    <Flex vertical gap="middle">
      <Card size="small">
        <Form layout="vertical" component="div">
          <Form.Item
            label={t('edit.name')}
            htmlFor="plan-name"
            required
            validateStatus={nameMissing || (fresh && nameErrors.length > 0) ? 'error' : undefined}
            help={nameMissing ? t('edit.nameRequired') : fresh && nameErrors.length > 0 ? nameErrors.join('; ') : undefined}
            style={extraFields ? undefined : { marginBottom: 0 }}
          >
            <Input
              id="plan-name"
              value={name}
              maxLength={100}
              onChange={(e) => {
                setName(e.target.value);
                setEditedSince(error);
              }}
            />
          </Form.Item>
          {extraFields}
        </Form>
      </Card>
      <PlanEditor
        value={plan}
        onChange={(next) => {
          setPlan(next);
          setEditedSince(error);
        }}
        serverErrors={fresh ? planErrors : {}}
      />
      {/* what stops the save stays in view while the operator scrolls the editor (a phone shows a fraction of it) */}
      <Flex vertical gap="small" style={{ position: 'sticky', bottom: 0, padding: '8px 0', background: 'var(--ant-color-bg-layout, #f5f5f5)', zIndex: 2 }}>
        {invalid ? <Alert type="error" showIcon title={t('edit.invalid')} /> : null}
        {problem && fieldErrorCount === 0 ? <Problem error={error} /> : null}
        {notice}
        <Flex gap="small" justify="flex-end" wrap>
          <Button onClick={onCancel} disabled={submitting}>
            {t('edit.cancel')}
          </Button>
          <Button
            type="primary"
            loading={submitting}
            onClick={() => {
              setAttempted(true);
              if (submitting || name.trim() === '' || Object.keys(planProblems(plan)).length > 0) return;
              onSubmit({ name: name.trim(), plan });
            }}
          >
            {submitText}
          </Button>
        </Flex>
      </Flex>
    </Flex>
  );
}
