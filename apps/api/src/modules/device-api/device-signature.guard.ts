import { PassThrough } from 'node:stream';
import { type CanActivate, createParamDecorator, type ExecutionContext, Injectable } from '@nestjs/common';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { type AuthenticatedDevice, DeviceAuthenticator } from './device-authenticator.service.js';

type DeviceRequest = FastifyRequest & { rawBody?: Buffer; device?: AuthenticatedDevice };

/**
 * Keeps the exact body bytes of device requests (the signature covers them) as `request.rawBody`, by
 * reading the payload before the JSON parser and handing it on. Registered on the fastify instance by
 * createApp; every other route is untouched.
 */
export function captureDeviceRawBody(instance: FastifyInstance): void {
  instance.addHook('preParsing', async (request: DeviceRequest, _reply, payload) => {
    if (request.method === 'GET' || request.method === 'HEAD' || !(request.url.startsWith('/device/') || request.url.startsWith('/v1/payscore/notify/'))) return payload;
    const chunks: Buffer[] = [];
    for await (const chunk of payload) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer));
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
