import { useState } from 'react';
import { Button, Empty, Image, Space, Table, Timeline, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { ConfirmAction } from '@/components/confirm-action';
import { StateTag } from '@/components/state-tag';
import { Time } from '@/components/time';
import { readPayerPhone } from '../api/complaints';
import { useComplaintImage } from '../api/media';
import { NS } from '../i18n';
import type { ComplaintAction, ComplaintDetail, NegotiationEntry } from '../types';

function Thumbs({ complaintId, urls, testId }: { complaintId: string; urls: readonly string[]; testId?: string }) {
  if (urls.length === 0) return null;
  return (
    <Image.PreviewGroup>
      <Space wrap size="small" data-testid={testId}>
        {urls.map((url) => (
          <Thumb key={url} complaintId={complaintId} url={url} />
        ))}
      </Space>
    </Image.PreviewGroup>
  );
}

function Thumb({ complaintId, url }: { complaintId: string; url: string }) {
  const { t } = useTranslation(NS);
  const image = useComplaintImage(complaintId, url);
  if (image.state === 'failed') {
    return (
      <Typography.Text type="danger" data-testid="media-failed">
        {t('detail.imageFailed')}
      </Typography.Text>
    );
  }
  return <Image src={image.state === 'ready' ? image.src : undefined} data-state={image.state} width={96} height={96} style={{ objectFit: 'cover' }} alt="" />;
}

/** The user's images (and the operation images WeChat attached), loaded through the API. */
export function ComplaintImages({ complaint }: { complaint: ComplaintDetail }) {
  const { t } = useTranslation(NS);
  const groups = complaint.media.filter((m) => m.urls.length > 0);
  if (groups.length === 0) return <Typography.Text type="secondary">{t('detail.noImages')}</Typography.Text>;
  return (
    <Space orientation="vertical" size="small">
      {groups.map((m) => (
        <div key={m.mediaType}>
          <Typography.Text type="secondary">{t(`mediaTypes.${m.mediaType}`)}</Typography.Text>
          <Thumbs complaintId={complaint.id} urls={m.urls} testId={`media-${m.mediaType}`} />
        </div>
      ))}
    </Space>
  );
}

/** WeChat's negotiation history, oldest first: who did what, when, with its images. */
export function NegotiationTimeline({ complaint }: { complaint: ComplaintDetail }) {
  const { t, i18n } = useTranslation(NS);
  const entries = (complaint.history as NegotiationEntry[]).slice().sort((a, b) => Date.parse(a.operate_time ?? '') - Date.parse(b.operate_time ?? ''));
  if (entries.length === 0) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('detail.noHistory')} />;
  const typeText = (type: string | undefined) => (type && i18n.exists(`${NS}:operateTypes.${type}`) ? t(`operateTypes.${type}`) : (type ?? '—'));
  return (
    <Timeline
      data-testid="negotiation-history"
      items={entries.map((e, index) => ({
        key: e.log_id ?? String(index),
        children: (
          <Space orientation="vertical" size={2}>
            <Space size="small" wrap>
              <Typography.Text strong>{typeText(e.operate_type)}</Typography.Text>
              <Typography.Text type="secondary">{e.operator ?? ''}</Typography.Text>
              <Typography.Text type="secondary">
                <Time value={e.operate_time} />
              </Typography.Text>
            </Space>
            {e.operate_details ? <Typography.Text>{e.operate_details}</Typography.Text> : null}
            <Thumbs complaintId={complaint.id} urls={(e.complaint_media_list ?? []).flatMap((m) => m.media_url ?? [])} />
          </Space>
        ),
      }))}
    />
  );
}

/** The merchant's actions as jobs: what was asked, its state at WeChat, the error of a failed one. */
export function ActionsTable({ actions }: { actions: readonly ComplaintAction[] }) {
  const { t } = useTranslation(NS);
  return (
    <Table<ComplaintAction>
      data-testid="complaint-actions"
      size="small"
      rowKey="id"
      pagination={false}
      scroll={{ x: true }}
      dataSource={[...actions]}
      locale={{ emptyText: t('detail.noActions') }}
      columns={[
        { title: t('actionFields.kind'), dataIndex: 'kind', render: (v: string) => t(`kinds.${v}`) },
        { title: t('actionFields.state'), dataIndex: 'state', render: (v: string) => <StateTag state={v} /> },
        { title: t('actionFields.error'), dataIndex: 'error', render: (v: string | null) => (v ? <Typography.Text type="danger">{v}</Typography.Text> : '—') },
        { title: t('actionFields.createdAt'), dataIndex: 'createdAt', render: (v: string) => <Time value={v} /> },
        { title: t('actionFields.finishedAt'), dataIndex: 'finishedAt', render: (v: string | null) => <Time value={v} /> },
      ]}
    />
  );
}

/** The payer's phone, decrypted only when an operator confirms that this audited read is needed. */
export function PayerPhone({ complaint }: { complaint: ComplaintDetail }) {
  const { t } = useTranslation(NS);
  const [open, setOpen] = useState(false);
  const [phone, setPhone] = useState<string | null>(null);
  if (!complaint.hasPayerPhone) return <Typography.Text type="secondary">{t('phone.none')}</Typography.Text>;
  if (phone) return <Typography.Text copyable data-testid="payer-phone">{phone}</Typography.Text>;
  return (
    <>
      <Button size="small" onClick={() => setOpen(true)}>
        {t('phone.reveal')}
      </Button>
      <ConfirmAction<object, string>
        open={open}
        onClose={() => setOpen(false)}
        title={t('phone.title')}
        consequences={t('phone.consequences')}
        okText={t('phone.ok')}
        reason="none"
        onConfirm={() => readPayerPhone(complaint.id)}
        onDone={setPhone}
      />
    </>
  );
}
