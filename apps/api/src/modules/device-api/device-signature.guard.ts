import { PassThrough } from 'node:stream';
import { type CanActivate, createParamDecorator, type ExecutionContext, Injectable } from '@nestjs/common';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { deviceApiErrors } from './device-api.errors.js';
import { type AuthenticatedDevice, DeviceAuthenticator } from './device-authenticator.service.js';

type DeviceRequest = FastifyRequest & { rawBody?: Buffer; device?: AuthenticatedDevice };

/**
 * The most a device may send per route, in bytes: a heartbeat is firmware and a little telemetry, an
 * event a few fields and at most a fridge's item list. Larger bodies are refused with 413
 * DEVICE_BODY_TOO_LARGE while being read (never buffered whole, never stored), before the signature is
 * checked. Other device routes (acks) keep the API's global limit.
 */
export const DEVICE_BODY_LIMITS: Readonly<Record<string, number>> = {
  '/device/v1/heartbeat': 4 * 1024,
  '/device/v1/events': 16 * 1024,
};

/**
 * Keeps the exact body bytes of device requests (the signature covers them) as `request.rawBody`, by
 * reading the payload before the JSON parser and handing it on, up to the route's DEVICE_BODY_LIMITS.
 * Registered on the fastify instance by createApp; every other route is untouched.
 */
export function captureDeviceRawBody(instance: FastifyInstance): void {
  instance.addHook('preParsing', async (request: DeviceRequest, _reply, payload) => {
    if (request.method === 'GET' || request.method === 'HEAD' || !(request.url.startsWith('/device/') || request.url.startsWith('/v1/payscore/notify/') || request.url.startsWith('/v1/payouts/transfer-notify/'))) return payload;
    const limit = DEVICE_BODY_LIMITS[request.url.split('?')[0]!];
    const tooLarge = () => deviceApiErrors.DEVICE_BODY_TOO_LARGE(`A request to ${request.url.split('?')[0]} is limited to ${limit} bytes.`);
    if (limit !== undefined && Number(request.headers['content-length'] ?? 0) > limit) throw tooLarge();
    const chunks: Buffer[] = [];
    let size = 0;
    for await (const chunk of payload) {
      const bytes = typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer);
      size += bytes.length;
      if (limit !== undefined && size > limit) throw tooLarge(); // (chunked: no content-length to refuse up front)
      chunks.push(bytes);
    }
    const raw = Buffer.concat(chunks);
    request.rawBody = raw;
    const replay = new PassThrough();
    replay.end(raw);
    return replay;
  });
}

/** Device routes: the global AccessGuard lets @DeviceAuth() through, this guard checks the signature. */
@Injectable()
export class DeviceSignatureGuard implements CanActivate {
  constructor(private readonly authenticator: DeviceAuthenticator) {}

  async canActivate(execution: ExecutionContext): Promise<boolean> {
    const request = execution.switchToHttp().getRequest<DeviceRequest>();
    request.device = await this.authenticator.authenticate({
      method: request.method,
      url: request.url,
      headers: request.headers,
      rawBody: request.rawBody,
    });
    return true;
  }
}

/** The device that signed this request (set by DeviceSignatureGuard). */
export const CurrentDevice = createParamDecorator((_data: unknown, execution: ExecutionContext): AuthenticatedDevice => {
  const device = execution.switchToHttp().getRequest<DeviceRequest>().device;
  if (!device) throw new Error('CurrentDevice used on a route without DeviceSignatureGuard');
  return device;
});
