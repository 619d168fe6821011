// Small JSON helpers shared by the routes and the domain.
import { paramError } from './wx-error.js';

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
export type JsonObject = { [key: string]: Json };

export const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Key-order-independent serialisation: used to compare re-entered requests ("原参重入"). */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (isObject(value)) {
    return `{${Object.keys(value)
      .filter((k) => value[k] !== undefined)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonicalJson(value[k])}`)
      .join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

const FOUR_BYTE_UTF8 = /[\u{10000}-\u{10FFFF}]/u;

/** Parses a WeChat request body: a JSON object with no 4-byte UTF-8 characters (payscore-protocol §2.1). */
export function parseWxBody(raw: string): Record<string, unknown> {
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch {
    throw paramError('请求体不是合法的JSON');
  }
  if (!isObject(value)) throw paramError('请求体必须是JSON对象');
  if (FOUR_BYTE_UTF8.test(raw)) throw paramError('不支持4字节的UTF-8字符（如emoji）');
  return value;
}
