import { useSyncExternalStore } from 'react';
import { DEFAULT_TIME_ZONE } from './format';

// What the user picked for this browser: language and time zone. Preferences, not server state.
export type Language = 'zh-CN' | 'en';

export interface Preferences {
  readonly language: Language;
  readonly timeZone: string;
}

const KEY = 'zizhu.preferences';
const listeners = new Set<() => void>();

function read(): Preferences {
  try {
    const stored = JSON.parse(globalThis.localStorage?.getItem(KEY) ?? '{}') as Partial<Preferences>;
    return {
      language: stored.language === 'en' ? 'en' : 'zh-CN',
      timeZone: typeof stored.timeZone === 'string' && stored.timeZone ? stored.timeZone : DEFAULT_TIME_ZONE,
    };
  } catch {
    return { language: 'zh-CN', timeZone: DEFAULT_TIME_ZONE };
  }
}

let current = read();

export const preferences = {
  get: (): Preferences => current,
  set(patch: Partial<Preferences>): void {
    current = { ...current, ...patch };
    globalThis.localStorage?.setItem(KEY, JSON.stringify(current));
    for (const listener of listeners) listener();
  },
  subscribe(listener: () => void): () => void {
    listeners.add(listener);
    return () => listeners.delete(listener);
  },
};

export function usePreferences(): Preferences {
  return useSyncExternalStore(preferences.subscribe, preferences.get, preferences.get);
}
