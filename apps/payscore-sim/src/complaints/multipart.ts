// A minimal multipart/form-data reader for the image upload (POST /v3/merchant-service/images/upload): parts by name,
// each with its headers and raw bytes. Enough for what WeChat accepts there (a `meta` JSON part and a `file` part).
import { paramError } from '../platform/wx-error.js';

export interface FormPart {
  readonly name: string;
  readonly filename?: string;
  readonly contentType?: string;
  readonly data: Buffer;
}

export function boundaryOf(contentType: string | undefined): string | undefined {
  const m = /boundary=(?:"([^"]+)"|([^;\s]+))/i.exec(contentType ?? '');
  return m ? (m[1] ?? m[2]) : undefined;
}

/** Parses the body; throws 400 PARAM_ERROR when it is not multipart with that boundary. */
export function parseMultipart(body: Buffer, boundary: string): Map<string, FormPart> {
  const parts = new Map<string, FormPart>();
  const delimiter = Buffer.from(`--${boundary}`);
  let pos = body.indexOf(delimiter);
  if (pos < 0) throw paramError('请求体不是multipart/form-data格式', 'file');
  for (;;) {
    pos += delimiter.length;
    if (body.subarray(pos, pos + 2).toString('latin1') === '--') break;
    pos += 2; // CRLF after the delimiter
    const headerEnd = body.indexOf('\r\n\r\n', pos);
    if (headerEnd < 0) throw paramError('multipart格式错误', 'file');
    const headers = body.subarray(pos, headerEnd).toString('utf8');
    const next = body.indexOf(Buffer.from(`\r\n--${boundary}`), headerEnd + 4);
    if (next < 0) throw paramError('multipart格式错误', 'file');
    const data = body.subarray(headerEnd + 4, next);
    const name = /name="([^"]*)"/i.exec(headers)?.[1];
    const filename = /filename="([^"]*)"/i.exec(headers)?.[1];
    const contentType = /content-type:\s*([^\r\n]+)/i.exec(headers)?.[1]?.trim();
    if (name) parts.set(name, { name, ...(filename !== undefined ? { filename } : {}), ...(contentType ? { contentType } : {}), data });
    pos = next + 2;
  }
  return parts;
}
