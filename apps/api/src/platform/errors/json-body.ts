import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { platformErrors } from './domain-error.js';

/** No request body we accept nests deeper than this (a plan is about 6 levels deep). */
export const MAX_JSON_DEPTH = 32;

const OPEN_BRACKET = 0x5b; // [
const OPEN_BRACE = 0x7b; // {
const CLOSE_BRACKET = 0x5d; // ]
const CLOSE_BRACE = 0x7d; // }
const QUOTE = 0x22; // "
const BACKSLASH = 0x5c; // \

/**
 * The deepest nesting of arrays and objects in a JSON text, counted in one pass over its bytes without
 * recursion (strings are skipped, escapes included), stopping as soon as `limit` is exceeded. It does not
 * validate the text: the parser does that afterwards. The structural characters are ASCII, so UTF-8
 * bytes can be scanned directly.
 */
export function jsonDepthExceeds(text: Uint8Array, limit: number): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (inString) {
      if (c === BACKSLASH) i++;
      else if (c === QUOTE) inString = false;
    } else if (c === QUOTE) inString = true;
    else if (c === OPEN_BRACKET || c === OPEN_BRACE) {
      if (++depth > limit) return true;
    } else if (c === CLOSE_BRACKET || c === CLOSE_BRACE) depth--;
  }
  return false;
}

/**
 * JSON bodies: refused with 400 `REQUEST_TOO_DEEP` (field `body`) when nested deeper than MAX_JSON_DEPTH,
 * before parsing (a body of 100,000 nested `[` parses fine, then overflows the stack in validation),
 * otherwise parsed by Fastify's own parser (prototype poisoning refused). Text bodies are not parsed at
 * all (415): every route takes JSON. Call before `app.init()`. The raw bytes device and Pay Score
 * signatures are checked over are captured earlier, in a `preParsing` hook, so they are untouched.
 */
export function installJsonBodyParser(app: NestFastifyApplication, bodyLimit: number): void {
  const instance = app.getHttpAdapter().getInstance();
  const parseJson = instance.getDefaultJsonParser('error', 'error');
  instance.removeContentTypeParser('text/plain');
  app.useBodyParser('application/json', { bodyLimit }, (request, body, done) => {
    if (jsonDepthExceeds(body, MAX_JSON_DEPTH)) {
      done(
        platformErrors.REQUEST_TOO_DEEP(`The JSON body nests deeper than ${MAX_JSON_DEPTH} levels.`, {
          errors: [{ field: 'body', messages: [`body must not nest arrays and objects deeper than ${MAX_JSON_DEPTH} levels`] }],
        }),
        undefined,
      );
      return;
    }
    parseJson(request as never, body as unknown as string, done);
  });
}
