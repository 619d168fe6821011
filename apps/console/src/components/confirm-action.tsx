import { useEffect, useRef, useState, type ReactNode } from 'react';
import { Alert, Form, Input, Modal, Typography } from 'antd';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { newIdempotencyKey } from '@/lib/ids';
import { toProblem } from '@/lib/problem';
import { Problem } from './problem';

export interface ConfirmActionProps<Values extends object, Result> {
  readonly open: boolean;
  readonly onClose: () => void;
  readonly title: ReactNode;
  /** What will happen, spelled out: the amount, who is affected, what WeChat will do. */
  readonly consequences: ReactNode;
  readonly okText?: ReactNode;
  readonly danger?: boolean;
  readonly reason?: 'required' | 'optional' | 'none';
  /** Extra Form.Items (amount, time…), each with a label. */
  readonly children?: ReactNode;
  readonly initialValues?: Partial<Values>;
  /** Does the action. The key was made when the dialog opened: a double click or a retry sends the same one. */
  readonly onConfirm: (values: Values & { reason?: string }, idempotencyKey: string) => Promise<Result>;
  readonly onDone?: (result: Result) => void;
}

/**
 * Every operator action goes through this dialog: consequences first, a reason, one idempotency key per
 * opening, a button that shows progress and cannot submit twice, server field errors on their fields.
 */
export function ConfirmAction<Values extends object, Result = unknown>(props: ConfirmActionProps<Values, Result>) {
  const { t } = useTranslation();
  const [form] = Form.useForm();
  const [key, setKey] = useState<string | null>(null);
  // set synchronously on the first click, so a second click before React re-renders cannot act again
  const inFlight = useRef(false);
  const { open } = props;
  const mutation = useMutation({
    mutationFn: ({ values, idempotencyKey }: { values: Values & { reason?: string }; idempotencyKey: string }) => props.onConfirm(values, idempotencyKey),
    onSettled: () => {
      inFlight.current = false;
    },
    onSuccess: (result) => {
      props.onDone?.(result);
      props.onClose();
    },
    onError: (error) => {
      const problem = toProblem(error);
      const fields = problem.errors.filter((e) => form.getFieldInstance(e.field.split('.')) !== undefined);
      if (fields.length > 0) form.setFields(fields.map((e) => ({ name: e.field.split('.'), errors: [...e.messages] })));
    },
  });
  const { reset } = mutation;
  useEffect(() => {
    if (open) {
      setKey(newIdempotencyKey());
      reset();
      form.resetFields();
    } else setKey(null);
  }, [open, form, reset]);
  const reasonMode = props.reason ?? 'required';
  const submit = async () => {
    if (!key || inFlight.current) return;
    inFlight.current = true;
    let values: Values & { reason?: string };
    try {
      values = (await form.validateFields()) as Values & { reason?: string };
    } catch {
      inFlight.current = false;
      return; // the fields show what is missing
    }
    mutation.mutate({ values, idempotencyKey: key });
  };
  return (
    <Modal
      open={open}
      title={props.title}
      onCancel={props.onClose}
      onOk={() => void submit()}
      okText={mutation.isPending ? t('confirm.working') : (props.okText ?? t('actions.confirm'))}
      cancelText={t('actions.cancel')}
      okButtonProps={{ danger: props.danger ?? false, loading: mutation.isPending, disabled: !key }}
      cancelButtonProps={{ disabled: mutation.isPending }}
      closable={!mutation.isPending}
      mask={{ closable: !mutation.isPending }}
      destroyOnHidden
    >
      <Alert type={props.danger ? 'warning' : 'info'} title={props.consequences} style={{ marginBottom: 16 }} />
      <Form form={form} layout="vertical" initialValues={props.initialValues} onFinish={() => void submit()}>
        {props.children}
        {reasonMode !== 'none' ? (
          <Form.Item
            name="reason"
            label={t('confirm.reason')}
            rules={reasonMode === 'required' ? [{ required: true, whitespace: true, message: t('confirm.reasonRequired') }] : []}
          >
            <Input.TextArea rows={2} maxLength={500} placeholder={t('confirm.reasonPlaceholder')} />
          </Form.Item>
        ) : null}
      </Form>
      {mutation.isError ? <Problem error={mutation.error} /> : null}
      {key ? (
        <Typography.Text type="secondary" style={{ fontSize: 12 }} data-testid="idempotency-key">
          {t('confirm.idempotency', { key })}
        </Typography.Text>
      ) : null}
    </Modal>
  );
}
