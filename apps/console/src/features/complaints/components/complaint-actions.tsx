import { useEffect, useState } from 'react';
import { Button, Form, Input, InputNumber, Radio, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import { ConfirmAction } from '@/components/confirm-action';
import { formatFen, parseYuan } from '@/lib/format';
import { useMe } from '@/lib/me';
import { completeComplaint, refundComplaint, replyToComplaint, updateRefundProgress, useComplaintChanged } from '../api/complaints';
import { mayAct } from '../access';
import { NS } from '../i18n';
import type { ComplaintDetail } from '../types';
import { ReplyImages, type ReplyImage } from './reply-images';

type Which = 'reply' | 'progress' | 'refund' | 'complete' | null;
export const REPLY_MAX = 200;

/** What the merchant of record can do with a complaint; nothing for anyone else (a franchisee reads only). */
export function ComplaintActions({ complaint }: { complaint: ComplaintDetail }) {
  const { t } = useTranslation(NS);
  const me = useMe();
  const [which, setWhich] = useState<Which>(null);
  if (!mayAct(me, complaint) || complaint.state === 'PROCESSED') return null;
  const close = () => setWhich(null);
  return (
    <>
      <Space wrap>
        <Button type="primary" onClick={() => setWhich('reply')}>
          {t('reply.button')}
        </Button>
        <Button onClick={() => setWhich('progress')}>{t('progress.button')}</Button>
        {complaint.sessionId ? (
          <Button danger onClick={() => setWhich('refund')}>
            {t('refund.button')}
          </Button>
        ) : null}
        <Button onClick={() => setWhich('complete')}>{t('complete.button')}</Button>
      </Space>
      <ReplyAction complaint={complaint} open={which === 'reply'} onClose={close} />
      <RefundProgressAction complaint={complaint} open={which === 'progress'} onClose={close} />
      <RefundAction complaint={complaint} open={which === 'refund'} onClose={close} />
      <CompleteAction complaint={complaint} open={which === 'complete'} onClose={close} />
    </>
  );
}

interface ActionProps {
  readonly complaint: ComplaintDetail;
  readonly open: boolean;
  readonly onClose: () => void;
}

function ReplyAction({ complaint, open, onClose }: ActionProps) {
  const { t } = useTranslation(NS);
  const changed = useComplaintChanged();
  const [images, setImages] = useState<readonly ReplyImage[]>([]);
  useEffect(() => {
    if (open) setImages([]);
  }, [open]);
  return (
    <ConfirmAction<{ content: string }>
      open={open}
      onClose={onClose}
      title={t('reply.title', { complaintId: complaint.complaintId })}
      consequences={t('reply.consequences')}
      okText={t('reply.ok')}
      reason="none"
      onConfirm={(values, key) => {
        const mediaIds = images.flatMap((i) => (i.state === 'done' && i.mediaId ? [i.mediaId] : []));
        return replyToComplaint(complaint.id, { content: values.content.trim(), ...(mediaIds.length > 0 ? { images: mediaIds } : {}) }, key);
      }}
      onDone={() => void changed(complaint.id)}
    >
      <Form.Item
        name="content"
        label={t('reply.content')}
        rules={[
          { required: true, whitespace: true, message: t('reply.contentRequired') },
          { max: REPLY_MAX, message: t('reply.contentTooLong', { max: REPLY_MAX }) },
        ]}
      >
        <Input.TextArea rows={4} maxLength={REPLY_MAX} showCount autoComplete="off" />
      </Form.Item>
      <Form.Item
        name="images"
        label={t('reply.images')}
        extra={t('reply.imagesHint')}
        rules={[
          {
            validator: () =>
              images.some((i) => i.state === 'uploading')
                ? Promise.reject(new Error(t('reply.imagesUploading')))
                : images.some((i) => i.state === 'error')
                  ? Promise.reject(new Error(t('reply.imagesFailed')))
                  : Promise.resolve(),
          },
        ]}
      >
        <ReplyImages complaintId={complaint.id} images={images} onChange={(update) => setImages(update)} />
      </Form.Item>
    </ConfirmAction>
  );
}

interface ProgressValues {
  action: 'APPROVE' | 'REJECT';
  launchRefundDay?: number;
  rejectReason?: string;
  remark?: string;
}

function RefundProgressAction({ complaint, open, onClose }: ActionProps) {
  const { t } = useTranslation(NS);
  const changed = useComplaintChanged();
  return (
    <ConfirmAction<ProgressValues>
      open={open}
      onClose={onClose}
      title={t('progress.title')}
      consequences={t('progress.consequences', { asked: formatFen(complaint.applyRefundFen), order: formatFen(complaint.orderFen) })}
      okText={t('progress.ok')}
      reason="none"
      initialValues={{ action: 'APPROVE', launchRefundDay: 0 }}
      onConfirm={(v, key) =>
        updateRefundProgress(
          complaint.id,
          v.action === 'APPROVE'
            ? { action: 'APPROVE', launchRefundDay: v.launchRefundDay ?? 0, ...(v.remark?.trim() ? { remark: v.remark.trim() } : {}) }
            : { action: 'REJECT', rejectReason: (v.rejectReason ?? '').trim(), ...(v.remark?.trim() ? { remark: v.remark.trim() } : {}) },
          key,
        )
      }
      onDone={() => void changed(complaint.id)}
    >
      <Form.Item name="action" label={t('progress.decision')}>
        <Radio.Group
          optionType="button"
          options={[
            { value: 'APPROVE', label: t('progress.approve') },
            { value: 'REJECT', label: t('progress.reject') },
          ]}
        />
      </Form.Item>
      <Form.Item noStyle shouldUpdate={(a: ProgressValues, b: ProgressValues) => a.action !== b.action}>
        {({ getFieldValue }) =>
          getFieldValue('action') === 'REJECT' ? (
            <Form.Item name="rejectReason" label={t('progress.rejectReason')} rules={[{ required: true, whitespace: true, message: t('progress.rejectReasonRequired') }]}>
              <Input.TextArea rows={2} maxLength={200} showCount />
            </Form.Item>
          ) : (
            <Form.Item name="launchRefundDay" label={t('progress.launchRefundDay')} extra={t('progress.launchRefundDayHint')} rules={[{ required: true, message: t('progress.launchRefundDayHint') }]}>
              <InputNumber min={0} max={7} precision={0} style={{ width: 120 }} />
            </Form.Item>
          )
        }
      </Form.Item>
      <Form.Item name="remark" label={t('progress.remark')}>
        <Input maxLength={200} />
      </Form.Item>
    </ConfirmAction>
  );
}

function RefundAction({ complaint, open, onClose }: ActionProps) {
  const { t } = useTranslation(NS);
  const changed = useComplaintChanged();
  const paid = complaint.orderFen ?? 0;
  const initial = Math.min(complaint.applyRefundFen ?? paid, paid);
  return (
    <ConfirmAction<{ amountYuan: string }>
      open={open}
      onClose={onClose}
      danger
      title={t('refund.title', { outOrderNo: complaint.outOrderNo ?? '' })}
      consequences={t('refund.consequences', { asked: formatFen(complaint.applyRefundFen), paid: formatFen(paid) })}
      okText={t('refund.ok')}
      initialValues={{ amountYuan: (initial / 100).toFixed(2), reason: t('refund.defaultReason') } as never}
      onConfirm={(values, key) => refundComplaint(complaint.id, { amountFen: parseYuan(values.amountYuan) ?? 0, reason: (values.reason ?? '').trim() }, key)}
      onDone={() => void changed(complaint.id)}
    >
      <Form.Item
        name="amountYuan"
        label={t('refund.amount')}
        extra={t('refund.amountHint', { paid: formatFen(paid) })}
        rules={[
          { required: true, message: t('refund.amountRequired') },
          {
            validator: (_rule, value: string | undefined) => {
              if (!value) return Promise.resolve();
              const fen = parseYuan(value);
              if (fen === null) return Promise.reject(new Error(t('refund.amountInvalid')));
              if (fen < 1 || fen > paid) return Promise.reject(new Error(t('refund.amountRange', { paid: formatFen(paid) })));
              return Promise.resolve();
            },
          },
        ]}
      >
        <Input inputMode="decimal" prefix="¥" autoComplete="off" />
      </Form.Item>
    </ConfirmAction>
  );
}

function CompleteAction({ complaint, open, onClose }: ActionProps) {
  const { t } = useTranslation(NS);
  const changed = useComplaintChanged();
  return (
    <ConfirmAction<object>
      open={open}
      onClose={onClose}
      title={t('complete.title')}
      consequences={complaint.repliedAt ? t('complete.consequences') : t('complete.notReplied')}
      okText={t('complete.ok')}
      reason="none"
      onConfirm={(_values, key) => completeComplaint(complaint.id, key)}
      onDone={() => void changed(complaint.id)}
    />
  );
}
