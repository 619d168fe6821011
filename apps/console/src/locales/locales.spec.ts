import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from '@jest/globals';

// Every text exists in both languages: zh-CN is the source, en must have the same keys, and no value is empty.
function keys(value: unknown, prefix = ''): string[] {
  if (typeof value !== 'object' || value === null) return [prefix];
  return Object.entries(value).flatMap(([k, v]) => keys(v, prefix ? `${prefix}.${k}` : k));
}

function bundles(): { name: string; zh: unknown; en: unknown }[] {
  const root = new URL('../', import.meta.url);
  const found: { name: string; zh: unknown; en: unknown }[] = [];
  for (const ns of readdirSync(new URL('locales/zh-CN/', root))) {
    found.push({
      name: `common/${ns}`,
      zh: JSON.parse(readFileSync(new URL(`locales/zh-CN/${ns}`, root), 'utf8')),
      en: JSON.parse(readFileSync(new URL(`locales/en/${ns}`, root), 'utf8')),
    });
  }
  for (const feature of readdirSync(new URL('features/', root))) {
    let files: string[] = [];
    try {
      files = readdirSync(new URL(`features/${feature}/locales/`, root));
    } catch {
      continue;
    }
    if (files.length > 0)
      found.push({
        name: feature,
        zh: JSON.parse(readFileSync(new URL(`features/${feature}/locales/zh-CN.json`, root), 'utf8')),
        en: JSON.parse(readFileSync(new URL(`features/${feature}/locales/en.json`, root), 'utf8')),
      });
  }
  return found;
}

describe('the console texts', () => {
  it.each(bundles().map((b) => [b.name, b] as const))('%s has the same keys in zh-CN and en, none empty', (_name, bundle) => {
    expect(keys(bundle.en).sort()).toEqual(keys(bundle.zh).sort());
    const values = [bundle.zh, bundle.en].flatMap((b) => JSON.stringify(b).match(/:""/g) ?? []);
    expect(values).toEqual([]);
  });
});
