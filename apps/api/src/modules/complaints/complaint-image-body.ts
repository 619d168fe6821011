import { COMPLAINT_IMAGE_MAX_BYTES } from '@zizhu/payscore';
import type { FastifyInstance } from 'fastify';
import { installRawBodyRoute, type RawBodyRequest } from '../../platform/errors/raw-body-route.js';
import { complaintErrors } from './complaints.errors.js';

/** The image types WeChat takes for complaint evidence (jpg / png / bmp), with the file extension each is uploaded under. */
export const COMPLAINT_IMAGE_TYPES = { 'image/jpeg': 'jpg', 'image/png': 'png', 'image/bmp': 'bmp' } as const;
export type ComplaintImageType = keyof typeof COMPLAINT_IMAGE_TYPES;
/** 2 MiB: WeChat's limit (2 MB) read as binary megabytes, as its own check does. */
export const COMPLAINT_IMAGE_LIMIT_BYTES = COMPLAINT_IMAGE_MAX_BYTES;

const IMAGES_ROUTE = /^\/v1\/complaints\/[^/?]+\/images(?:\?|$)/;

export const isComplaintImageType = (value: string | undefined): value is ComplaintImageType => value !== undefined && Object.hasOwn(COMPLAINT_IMAGE_TYPES, value);


/** The image type the bytes are, by their magic number (never by the header alone). */
export function detectImageType(bytes: Uint8Array): ComplaintImageType | null {
  if (bytes.length >= 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'image/jpeg';
  if (bytes.length >= 8 && [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a].every((b, i) => bytes[i] === b)) return 'image/png';
  if (bytes.length >= 14 && bytes[0] === 0x42 && bytes[1] === 0x4d) return 'image/bmp';
  return null;
}

export const imageTypeError = (detail: string, field: 'content-type' | 'body') =>
  complaintErrors.COMPLAINT_IMAGE_TYPE(detail, { errors: [{ field, messages: [field === 'content-type' ? 'must be image/jpeg, image/png or image/bmp' : 'must be the bytes of a JPEG, PNG or BMP image of the declared type'] }] });

export const imageTooLargeError = () =>
  complaintErrors.COMPLAINT_IMAGE_TOO_LARGE(`The image is limited to ${COMPLAINT_IMAGE_LIMIT_BYTES} bytes (2 MiB).`, { errors: [{ field: 'body', messages: [`must be at most ${COMPLAINT_IMAGE_LIMIT_BYTES} bytes`] }] });

/** The body of the images route is read as bytes under this private media type, whatever the client declared. */
const IMAGE_BODY_TYPE = 'application/x-zizhu-complaint-image';

/** `POST /v1/complaints/{id}/images` with the Content-Type the client declared (checked by the service, after authentication). */
export type ComplaintImageRequest = RawBodyRequest;

/**
 * `POST /v1/complaints/{id}/images` takes the image's raw bytes, at most 2 MiB (413 COMPLAINT_IMAGE_TOO_LARGE, refused
 * from Content-Length up front or while reading, like any body limit). Whatever Content-Type the client declared, the
 * body is read as bytes and the declared type kept for the service, which checks it after authentication (415
 * COMPLAINT_IMAGE_TYPE naming the header or the body). Registered on the fastify instance by createApp; other routes
 * (and other uses of image types) are untouched.
 */
export function installComplaintImageBody(instance: FastifyInstance): void {
  installRawBodyRoute(instance, { url: IMAGES_ROUTE, bodyType: IMAGE_BODY_TYPE, maxBytes: COMPLAINT_IMAGE_LIMIT_BYTES, tooLarge: imageTooLargeError });
}
