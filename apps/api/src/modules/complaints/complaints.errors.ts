import { defineErrors } from '../../platform/errors/domain-error.js';

export const complaintErrors = defineErrors({
  COMPLAINT_NOT_FOUND: [404, 'No such complaint.'],
  COMPLAINT_NOT_YOURS_TO_ACT: [404, 'No such complaint among those of your merchant accounts (only the merchant of record acts on a complaint).'],
  COMPLAINT_PROCESSED: [409, 'The complaint is already processed.'],
  COMPLAINT_NO_SESSION: [422, 'The complaint names no session of this platform; refund it from WeChat Pay’s merchant platform.'],
  COMPLAINT_NO_PHONE: [404, 'WeChat sent no payer phone for this complaint.'],
  COMPLAINT_NOTIFY_REJECTED: [401, 'The complaint callback did not verify.'],
  COMPLAINT_NOTIFY_UNKNOWN_ACCOUNT: [404, 'No merchant account receives complaint callbacks here.'],
  COMPLAINT_NOTIFICATION_URL_FAILED: [502, 'WeChat Pay did not register the complaint notification URL.'],
  COMPLAINT_IMAGE_TOO_LARGE: [413, 'The image is larger than 2 MiB (WeChat’s limit).'],
  COMPLAINT_IMAGE_TYPE: [415, 'The image must be a JPEG, PNG or BMP (Content-Type image/jpeg, image/png or image/bmp, and bytes to match).'],
  COMPLAINT_IMAGE_UPLOAD_FAILED: [502, 'WeChat Pay did not take the image.'],
  COMPLAINT_MEDIA_NOT_FOUND: [404, 'No such image on this complaint.'],
  COMPLAINT_MEDIA_UNAVAILABLE: [502, 'WeChat Pay did not hand over the image.'],
});
