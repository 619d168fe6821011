import { postRawFile } from '@/lib/raw-upload';

export const IMAGE_TYPES = ['image/jpeg', 'image/png', 'image/bmp'] as const;
export const IMAGE_MAX_BYTES = 2 * 1024 * 1024;
export const MAX_IMAGES = 4;

// POST /v1/complaints/{id}/images takes the raw image bytes (lib/raw-upload).

/** Uploads one image (the raw bytes) to WeChat for this complaint's merchant; answers its media id. */
export async function uploadComplaintImage(complaintId: string, file: Blob): Promise<string> {
  const body = await postRawFile(`/v1/complaints/${complaintId}/images`, file);
  return (body as { mediaId: string }).mediaId;
}
