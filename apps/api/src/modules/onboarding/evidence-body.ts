import type { FastifyInstance } from 'fastify';
import { installRawBodyRoute, type RawBodyRequest } from '../../platform/errors/raw-body-route.js';
import { EVIDENCE_MAX_BYTES } from './acceptance-rules.js';
import { onboardingErrors } from './onboarding.errors.js';

const EVIDENCE_ROUTE = /^\/v1\/merchant-accounts\/[^/?]+\/evidence(?:\?|$)/;

/** The body of the evidence route is read as bytes under this private media type, whatever the client declared. */
const EVIDENCE_BODY_TYPE = 'application/x-zizhu-onboarding-evidence';

/** `POST /v1/merchant-accounts/{id}/evidence` with the Content-Type the client declared (checked by the service, after authentication). */
export type EvidenceRequest = RawBodyRequest;

export const evidenceTooLargeError = () =>
  onboardingErrors.EVIDENCE_TOO_LARGE(`An evidence file is limited to ${EVIDENCE_MAX_BYTES} bytes (10 MiB).`, { errors: [{ field: 'body', messages: [`must be at most ${EVIDENCE_MAX_BYTES} bytes`] }] });

/**
 * `POST /v1/merchant-accounts/{id}/evidence` takes the file's raw bytes, at most 10 MiB (413 EVIDENCE_TOO_LARGE,
 * refused from Content-Length up front or while reading). As for complaint images (`complaint-image-body.ts`),
 * whatever Content-Type the client declared the body is read as bytes and the declared type kept for the service,
 * which checks it after authentication (422 EVIDENCE_INVALID naming `contentType`). An empty body reaches the
 * service without a type and is refused there (naming `body`). Other routes are untouched.
 */
export function installEvidenceBody(instance: FastifyInstance): void {
  installRawBodyRoute(instance, { url: EVIDENCE_ROUTE, bodyType: EVIDENCE_BODY_TYPE, maxBytes: EVIDENCE_MAX_BYTES, tooLarge: evidenceTooLargeError, emptyWithoutType: true });
}
