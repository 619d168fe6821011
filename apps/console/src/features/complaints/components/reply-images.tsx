import { Button, Space, Tag, Typography, Upload } from 'antd';
import { DeleteOutlined, UploadOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { toProblem } from '@/lib/problem';
import { IMAGE_MAX_BYTES, IMAGE_TYPES, MAX_IMAGES, uploadComplaintImage } from '../api/upload-image';
import { NS } from '../i18n';

export interface ReplyImage {
  readonly uid: string;
  readonly name: string;
  readonly state: 'uploading' | 'done' | 'error';
  readonly mediaId?: string;
  readonly error?: string;
}

/**
 * Up to four images for a reply, each uploaded to WeChat (through the API) as soon as it is picked; the list shows
 * every upload's state and error. The reply is sent with the media ids of those that are done.
 */
export function ReplyImages({ complaintId, images, onChange }: { complaintId: string; images: readonly ReplyImage[]; onChange: (update: (images: readonly ReplyImage[]) => readonly ReplyImage[]) => void }) {
  const { t } = useTranslation(NS);
  const set = (uid: string, patch: Partial<ReplyImage>) => onChange((list) => list.map((i) => (i.uid === uid ? { ...i, ...patch } : i)));
  const pick = (file: File & { uid: string }) => {
    const uid = file.uid;
    if (!(IMAGE_TYPES as readonly string[]).includes(file.type)) {
      onChange((list) => [...list, { uid, name: file.name, state: 'error', error: t('reply.imageType') }]);
      return false;
    }
    if (file.size > IMAGE_MAX_BYTES) {
      onChange((list) => [...list, { uid, name: file.name, state: 'error', error: t('reply.imageSize') }]);
      return false;
    }
    onChange((list) => [...list, { uid, name: file.name, state: 'uploading' }]);
    uploadComplaintImage(complaintId, file).then(
      (mediaId) => set(uid, { state: 'done', mediaId }),
      (error: unknown) => {
        const p = toProblem(error);
        set(uid, { state: 'error', error: p.detail || p.code });
      },
    );
    return false; // uploaded here, not by antd's own request
  };
  const full = images.length >= MAX_IMAGES;
  return (
    <Space orientation="vertical" size="small" style={{ width: '100%' }}>
      <Upload accept={IMAGE_TYPES.join(',')} multiple showUploadList={false} disabled={full} beforeUpload={(file) => pick(file)}>
        <Button icon={<UploadOutlined />} disabled={full}>
          {t('reply.addImage', { count: images.length, max: MAX_IMAGES })}
        </Button>
      </Upload>
      {images.map((image) => (
        <Space key={image.uid} size="small" wrap data-testid="reply-image" data-upload={image.state}>
          <Typography.Text ellipsis style={{ maxWidth: 200 }}>
            {image.name}
          </Typography.Text>
          <Tag color={image.state === 'done' ? 'success' : image.state === 'error' ? 'error' : 'processing'}>{t(`reply.upload.${image.state}`)}</Tag>
          {image.error ? <Typography.Text type="danger">{image.error}</Typography.Text> : null}
          <Button size="small" type="text" icon={<DeleteOutlined />} aria-label={t('reply.removeImage')} onClick={() => onChange((list) => list.filter((i) => i.uid !== image.uid))} />
        </Space>
      ))}
    </Space>
  );
}
