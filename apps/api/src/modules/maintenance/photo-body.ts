import type { FastifyInstance } from 'fastify';
import { installRawBodyRoute, type RawBodyRequest } from '../../platform/errors/raw-body-route.js';
import { maintenanceErrors } from './maintenance.errors.js';
import { PHOTO_MAX_BYTES } from './ticket-rules.js';

const PHOTO_ROUTE = /^\/v1\/maintenance\/tickets\/[^/?]+\/photos(?:\?|$)/;
const PHOTO_BODY_TYPE = 'application/x-zizhu-ticket-photo';

export type PhotoRequest = RawBodyRequest;

export const photoTooLargeError = () =>
  maintenanceErrors.TICKET_PHOTO_TOO_LARGE(`A ticket photo is limited to ${PHOTO_MAX_BYTES} bytes (5 MiB).`, { errors: [{ field: 'body', messages: [`must be at most ${PHOTO_MAX_BYTES} bytes`] }] });

/**
 * `POST /v1/maintenance/tickets/{id}/photos` takes the photo's raw bytes (at most 5 MiB, 413 TICKET_PHOTO_TOO_LARGE), read
 * whatever Content-Type the client declared; the service checks the declared type after authentication (422
 * TICKET_PHOTO_INVALID naming `contentType`: image/jpeg, image/png, image/webp).
 */
export function installTicketPhotoBody(instance: FastifyInstance): void {
  installRawBodyRoute(instance, { url: PHOTO_ROUTE, bodyType: PHOTO_BODY_TYPE, maxBytes: PHOTO_MAX_BYTES, tooLarge: photoTooLargeError, emptyWithoutType: true });
}
