// GET /sns/jscode2session (contracts.md §6): a code `test:<openid>` yields that openid.
import { randomBytes } from 'node:crypto';

export function jscode2session(query: Record<string, string | undefined>): Record<string, unknown> {
  if (!query['appid']) return { errcode: 41002, errmsg: 'appid missing' };
  const code = query['js_code'];
  if (!code) return { errcode: 41008, errmsg: 'missing code' };
  if (query['grant_type'] !== undefined && query['grant_type'] !== 'authorization_code') {
    return { errcode: 40002, errmsg: 'invalid grant_type' };
  }
  const m = /^test:([A-Za-z0-9_-]{1,128})$/.exec(code);
  if (!m || !m[1]) return { errcode: 40029, errmsg: 'invalid code' };
  return { openid: m[1], session_key: randomBytes(16).toString('base64') };
}
