import { authFetch, CONSOLE_HEADER } from '@/lib/auth';
import { ApiProblem, toProblem } from '@/lib/problem';

// Routes that take a file's raw bytes (complaint images, onboarding evidence) and routes that answer bytes behind the
// token: the typed client sends and reads JSON only, so these go through the same authenticated fetch (bearer token,
// one shared refresh on a 401) and turn a refusal into the same ApiProblem.

function bytesOf(file: Blob): Promise<Uint8Array<ArrayBuffer>> {
  // FileReader rather than Blob.arrayBuffer: the component tests' jsdom has only the former
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(new Uint8Array(reader.result as ArrayBuffer));
    reader.onerror = () => reject(reader.error ?? new Error('unreadable file'));
    reader.readAsArrayBuffer(file);
  });
}

const url = (path: string) => `${globalThis.location?.origin ?? ''}${path}`;

/** POSTs the file's bytes (Content-Type: its own, or octet-stream) to `path`; answers the JSON the API sent back. */
export async function postRawFile(path: string, file: Blob): Promise<unknown> {
  const request = new Request(url(path), {
    method: 'POST',
    headers: { ...CONSOLE_HEADER, 'content-type': file.type || 'application/octet-stream' },
    body: await bytesOf(file),
  });
  const response = await authFetch(request);
  const body = (await response.json().catch(() => ({}))) as unknown;
  if (!response.ok) throw new ApiProblem(toProblem(body, response.status));
  return body;
}

/** GETs bytes that need the token (a link would carry none). */
export async function fetchBlob(path: string): Promise<Blob> {
  const response = await authFetch(new Request(url(path), { headers: { ...CONSOLE_HEADER } }));
  if (!response.ok) throw new ApiProblem(toProblem(await response.json().catch(() => ({})), response.status));
  return response.blob();
}
