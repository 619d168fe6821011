import i18next, { type Resource } from 'i18next';
import { initReactI18next } from 'react-i18next';
import commonZh from '../locales/zh-CN/common.json' with { type: 'json' };
import commonEn from '../locales/en/common.json' with { type: 'json' };
import errorsZh from '../locales/zh-CN/errors.json' with { type: 'json' };
import errorsEn from '../locales/en/errors.json' with { type: 'json' };
import { preferences, type Language } from './preferences';

// zh-CN is the source language. One namespace per feature (registered by the feature itself when its
// code loads) plus `common` and `errors`. A missing key shows as ⟦ns:key⟧ so nobody ships it unseen.

export const LANGUAGES: readonly Language[] = ['zh-CN', 'en'];

const resources: Resource = {
  'zh-CN': { common: commonZh, errors: errorsZh },
  en: { common: commonEn, errors: errorsEn },
};

void i18next.use(initReactI18next).init({
  resources,
  lng: preferences.get().language,
  fallbackLng: false,
  defaultNS: 'common',
  ns: ['common', 'errors'],
  interpolation: { escapeValue: false },
  returnNull: false,
  returnEmptyString: false,
  parseMissingKeyHandler: (key: string) => `⟦${key}⟧`,
  initAsync: false,
});

preferences.subscribe(() => {
  const { language } = preferences.get();
  if (i18next.language !== language) void i18next.changeLanguage(language);
});

type Bundle = Record<string, unknown>;

/** A feature's own texts: `registerNamespace('devices', { 'zh-CN': zh, en })` at the top of its i18n.ts. */
export function registerNamespace(ns: string, bundles: Record<Language, Bundle>): string {
  for (const language of LANGUAGES) {
    if (!i18next.hasResourceBundle(language, ns)) i18next.addResourceBundle(language, ns, bundles[language], true, false);
  }
  return ns;
}

export { i18next };
