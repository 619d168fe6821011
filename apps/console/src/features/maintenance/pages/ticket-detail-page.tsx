import { useRef, useState } from 'react';
import { ArrowLeftOutlined } from '@ant-design/icons';
import { Button, Card, Descriptions, Flex, Input, List, Modal, Select, Space, Timeline, Typography } from 'antd';
import { useMutation, useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { Problem } from '@/components/problem';
import { Time } from '@/components/time';
import { useCan } from '@/lib/me';
import { addNote, assigneesQuery, downloadPhoto, ticketQuery, transitionTicket, updateTicket, uploadPhoto, useTicketChanged, type TicketAction } from '../api/tickets';
import { TicketState } from '../components/ticket-state';
import { NS } from '../i18n';

/** /maintenance/<ticketId>: the ticket, its lifecycle actions, assignee, thread of notes and photos. */
export function TicketDetailPage({ ticketId }: { ticketId: string }) {
  const { t } = useTranslation(NS);
  const query = useQuery(ticketQuery(ticketId));
  const mayWrite = useCan('maintenance.write');
  const ticket = query.data;
  const assignees = useQuery({ ...assigneesQuery(ticket?.deviceId), enabled: Boolean(ticket) && mayWrite });
  const changed = useTicketChanged();
  const [pending, setPending] = useState<TicketAction | null>(null);
  const [transitionNote, setTransitionNote] = useState('');
  const [note, setNote] = useState('');
  const fileInput = useRef<HTMLInputElement>(null);
  const done = () => changed(ticketId);

  const transition = useMutation({
    mutationFn: (body: { action: TicketAction; note?: string }) => transitionTicket(ticketId, body),
    onSuccess: async () => {
      setPending(null);
      setTransitionNote('');
      await done();
    },
  });
  const assign = useMutation({ mutationFn: (assigneeId: string | null) => updateTicket(ticketId, { assigneeId }), onSuccess: done });
  const comment = useMutation({
    mutationFn: () => addNote(ticketId, note),
    onSuccess: async () => {
      setNote('');
      await done();
    },
  });
  const upload = useMutation({ mutationFn: (file: File) => uploadPhoto(ticketId, file), onSuccess: done });
  const download = useMutation({ mutationFn: (photo: { id: string; name: string }) => downloadPhoto(ticketId, photo) });

  if (query.error) return <Problem error={query.error} onRetry={() => void query.refetch()} />;
  if (!ticket) return <Card loading />;
  const closed = ticket.state === 'CLOSED';
  const writable = mayWrite && !closed;
  const error = transition.error ?? assign.error ?? comment.error ?? upload.error ?? download.error;
  const stamp = (at: string | null) => (at ? <Time value={at} /> : '—');

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }} data-testid="ticket-detail">
      <Flex justify="space-between" align="center" wrap gap="small">
        <Space wrap>
          <Link to="/maintenance" aria-label={t('detail.back')}>
            <ArrowLeftOutlined />
          </Link>
          <Typography.Title level={3} style={{ margin: 0 }}>
            {ticket.title}
          </Typography.Title>
          <TicketState state={ticket.state} />
        </Space>
        {mayWrite ? (
          <Space wrap>
            {ticket.actions.map((action) => (
              <Button key={action} type={action === 'resolve' ? 'primary' : 'default'} onClick={() => setPending(action)}>
                {t(`actions.${action}`)}
              </Button>
            ))}
          </Space>
        ) : null}
      </Flex>
      {error ? <Problem error={error} /> : null}
      <Card size="small">
        <Descriptions size="small" column={{ xs: 1, md: 2 }}>
          <Descriptions.Item label={t('fields.device')}>
            <Link to="/devices/$deviceId" params={{ deviceId: ticket.deviceId }}>
              <Typography.Text code>{ticket.deviceCode}</Typography.Text>
            </Link>
          </Descriptions.Item>
          <Descriptions.Item label={t('fields.assignee')}>
            {writable ? (
              <Select
                aria-label={t('detail.assign')}
                style={{ minWidth: 200 }}
                allowClear
                placeholder={t('unassigned')}
                value={ticket.assigneeId ?? undefined}
                loading={assignees.isFetching || assign.isPending}
                onChange={(value?: string) => assign.mutate(value ?? null)}
                options={[
                  ...(ticket.assigneeId && !(assignees.data ?? []).some((a) => a.id === ticket.assigneeId) ? [{ value: ticket.assigneeId, label: ticket.assigneeName ?? ticket.assigneeId }] : []),
                  ...(assignees.data ?? []).map((a) => ({ value: a.id, label: a.displayName })),
                ]}
              />
            ) : (
              (ticket.assigneeName ?? t('unassigned'))
            )}
          </Descriptions.Item>
          <Descriptions.Item label={t('fields.description')} span={2}>
            {ticket.description || '—'}
          </Descriptions.Item>
          <Descriptions.Item label={t('fields.openedAt')}>{stamp(ticket.openedAt)}</Descriptions.Item>
          <Descriptions.Item label={t('fields.startedAt')}>{stamp(ticket.startedAt)}</Descriptions.Item>
          <Descriptions.Item label={t('fields.resolvedAt')}>{stamp(ticket.resolvedAt)}</Descriptions.Item>
          <Descriptions.Item label={t('fields.closedAt')}>{stamp(ticket.closedAt)}</Descriptions.Item>
          {ticket.reopenedAt ? <Descriptions.Item label={t('fields.reopenedAt')}>{stamp(ticket.reopenedAt)}</Descriptions.Item> : null}
          {ticket.resolution ? (
            <Descriptions.Item label={t('fields.resolution')} span={2}>
              {ticket.resolution}
            </Descriptions.Item>
          ) : null}
        </Descriptions>
      </Card>
      <Card size="small" title={t('detail.thread')}>
        <Timeline
          items={ticket.events.map((e) => ({
            key: e.id,
            content: (
              <Space orientation="vertical" size={0}>
                <Typography.Text strong>
                  {e.kind === 'STATE' ? (
                    <>
                      {e.fromState ? <TicketState state={e.fromState} /> : null}→ {e.toState ? <TicketState state={e.toState} /> : null}
                    </>
                  ) : (
                    t(`events.${e.kind}`)
                  )}
                  {e.kind === 'ASSIGNED' || e.kind === 'PHOTO' ? ` ${e.body}` : ''}
                </Typography.Text>
                {e.body && e.kind !== 'ASSIGNED' && e.kind !== 'PHOTO' ? <Typography.Paragraph style={{ margin: 0, whiteSpace: 'pre-wrap' }}>{e.body}</Typography.Paragraph> : null}
                <Typography.Text type="secondary">
                  {e.createdByName ?? ''} <Time value={e.createdAt} />
                </Typography.Text>
              </Space>
            ),
          }))}
        />
        {writable ? (
          <Space.Compact style={{ width: '100%' }}>
            <Input.TextArea aria-label={t('detail.addNote')} placeholder={t('detail.notePlaceholder')} value={note} onChange={(e) => setNote(e.target.value)} autoSize={{ minRows: 1, maxRows: 6 }} maxLength={4000} />
            <Button type="primary" disabled={!note.trim()} loading={comment.isPending} onClick={() => comment.mutate()}>
              {t('detail.send')}
            </Button>
          </Space.Compact>
        ) : null}
      </Card>
      <Card
        size="small"
        title={t('detail.photos')}
        extra={
          writable ? (
            <>
              <input
                ref={fileInput}
                type="file"
                accept="image/jpeg,image/png,image/webp"
                hidden
                data-testid="photo-input"
                onChange={(e) => {
                  const file = e.target.files?.[0];
                  if (file) upload.mutate(file);
                  e.target.value = '';
                }}
              />
              <Button loading={upload.isPending} onClick={() => fileInput.current?.click()} title={t('detail.uploadHelp')}>
                {t('detail.upload')}
              </Button>
            </>
          ) : null
        }
      >
        <List
          size="small"
          dataSource={ticket.photos}
          locale={{ emptyText: t('detail.noPhotos') }}
          renderItem={(p) => (
            <List.Item
              actions={[
                <Button key="download" size="small" onClick={() => download.mutate(p)}>
                  {t('detail.download')}
                </Button>,
              ]}
            >
              <Space>
                <Typography.Text>{p.name}</Typography.Text>
                <Typography.Text type="secondary">{t('detail.size', { kb: Math.ceil(p.size / 1024) })}</Typography.Text>
                <Time value={p.uploadedAt} />
              </Space>
            </List.Item>
          )}
        />
      </Card>
      <Modal
        open={pending !== null}
        title={pending ? t(`actions.${pending}`) : ''}
        okText={t('detail.confirm')}
        confirmLoading={transition.isPending}
        onCancel={() => setPending(null)}
        onOk={() => pending && transition.mutate({ action: pending, ...(transitionNote.trim() ? { note: transitionNote.trim() } : {}) })}
      >
        <Input.TextArea
          aria-label={pending === 'resolve' || pending === 'close' ? t('fields.resolution') : t('detail.transitionNote')}
          placeholder={pending === 'resolve' || (pending === 'close' && !ticket.resolution) ? t('detail.resolutionRequired') : t('detail.transitionNote')}
          value={transitionNote}
          onChange={(e) => setTransitionNote(e.target.value)}
          rows={3}
          maxLength={4000}
        />
      </Modal>
    </Space>
  );
}
