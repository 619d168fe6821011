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
const U = 0x75; // u
const ZERO = 0x30; // 0

/**
 * What a JSON text holds that no route accepts, found in one pass over its bytes without recursion:
 * nesting deeper than `limit` (a body of 100,000 nested `[` parses, then overflows the stack in validation)
 * or a `\u0000` escape (PostgreSQL stores no NUL character in text or jsonb: it failed as a 500). It does
 * not validate the text: the parser does that afterwards. The structural characters are ASCII, so UTF-8
 * bytes can be scanned directly.
 */
export function inspectJson(text: Uint8Array, limit: number): 'TOO_DEEP' | 'NUL' | null {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (inString) {
      if (c === BACKSLASH) {
        if (text[i + 1] === U && text[i + 2] === ZERO && text[i + 3] === ZERO && text[i + 4] === ZERO && text[i + 5] === ZERO) return 'NUL';
        i++;
      } else if (c === QUOTE) inString = false;
    } else if (c === QUOTE) inString = true;
    else if (c === OPEN_BRACKET || c === OPEN_BRACE) {
      if (++depth > limit) return 'TOO_DEEP';
    } else if (c === CLOSE_BRACKET || c === CLOSE_BRACE) depth--;
  }
  return null;
}

const nulCharacter = (field: string) =>
  platformErrors.REQUEST_NUL_CHARACTER(undefined, { errors: [{ field, messages: [`${field} must not contain a NUL character (\\u0000)`] }] });

/**
 * Input no route accepts, refused as 400 problem+json before it reaches validation or the database:
 * - JSON bodies nested deeper than MAX_JSON_DEPTH (`REQUEST_TOO_DEEP`), or holding `\u0000`
 *   (`REQUEST_NUL_CHARACTER`), refused unparsed; otherwise Fastify's own parser (prototype poisoning refused);
 * - a `%00` in the path or query (`REQUEST_NUL_CHARACTER`, field `url`);
 * - text bodies are not parsed at all (415): every route takes JSON.
 * Call before `app.init()`. The raw bytes device and Pay Score signatures are checked over are captured
 * earlier, in a `preParsing` hook, so they are untouched.
 */
export function installInputGuards(app: NestFastifyApplication, bodyLimit: number): void {
  const instance = app.getHttpAdapter().getInstance();
  instance.addHook('onRequest', (request, _reply, done) => {
    done(/%00/i.test(request.url) ? nulCharacter('url') : undefined);
  });
  const parseJson = instance.getDefaultJsonParser('error', 'error');
  instance.removeContentTypeParser('text/plain');
  app.useBodyParser('application/json', { bodyLimit }, (request, body, done) => {
    const problem = inspectJson(body, MAX_JSON_DEPTH);
    if (problem === 'TOO_DEEP') {
      done(
        platformErrors.REQUEST_TOO_DEEP(`The JSON body nests deeper than ${MAX_JSON_DEPTH} levels.`, {
          errors: [{ field: 'body', messages: [`body must not nest arrays and objects deeper than ${MAX_JSON_DEPTH} levels`] }],
        }),
        undefined,
      );
      return;
    }
    if (problem === 'NUL') {
      done(nulCharacter('body'), undefined);
      return;
    }
    parseJson(request as never, body as unknown as string, done);
  });
}
