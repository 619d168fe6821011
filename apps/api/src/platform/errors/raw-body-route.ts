import { PassThrough } from 'node:stream';
import type { FastifyInstance, FastifyRequest } from 'fastify';

/** The Content-Type the client declared on a raw-body route (checked by its service, after authentication). */
export type RawBodyRequest = FastifyRequest & { declaredContentType?: string };

/** The media type of a Content-Type header, without parameters, lower case. */
export function mediaTypeOf(header: string | string[] | undefined): string | undefined {
  const value = Array.isArray(header) ? header[0] : header;
  return value?.split(';')[0]?.trim().toLowerCase() || undefined;
}

export interface RawBodyRoute {
  /** `POST` requests whose URL matches are read as bytes; every other request is untouched. */
  readonly url: RegExp;
  /** The private media type the bytes are parsed under, whatever the client declared. */
  readonly bodyType: string;
  readonly maxBytes: number;
  /** The refusal of a body over `maxBytes` (from Content-Length up front, or while reading a chunked one). */
  readonly tooLarge: () => Error;
  /** An empty body reaches the handler without a Content-Type (its service refuses it by name). */
  readonly emptyWithoutType?: boolean;
}

/**
 * A route that takes a file's raw bytes (complaint images, onboarding evidence): the body is read as bytes up to
 * `maxBytes` and the declared Content-Type kept on the request as `declaredContentType`, for the service to check
 * after authentication — so an unauthenticated caller learns nothing about the types a route takes.
 */
export function installRawBodyRoute(instance: FastifyInstance, route: RawBodyRoute): void {
  instance.addContentTypeParser(route.bodyType, { parseAs: 'buffer', bodyLimit: route.maxBytes }, (_request: FastifyRequest, body: Buffer, done: (error: Error | null, body?: Buffer) => void) => done(null, body));
  instance.addHook('preParsing', async (request: RawBodyRequest, _reply, payload) => {
    if (request.method !== 'POST' || !route.url.test(request.url)) return payload;
    request.declaredContentType = mediaTypeOf(request.headers['content-type']);
    if (Number(request.headers['content-length'] ?? 0) > route.maxBytes) throw route.tooLarge();
    const chunks: Buffer[] = [];
    let size = 0;
    for await (const chunk of payload) {
      const bytes = typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer);
      size += bytes.length;
      if (size > route.maxBytes) throw route.tooLarge(); // chunked: no content-length to refuse up front
      chunks.push(bytes);
    }
    if (size > 0) request.headers['content-type'] = route.bodyType;
    else if (route.emptyWithoutType) delete request.headers['content-type'];
    const replay = new PassThrough();
    replay.end(Buffer.concat(chunks));
    return replay;
  });
}
