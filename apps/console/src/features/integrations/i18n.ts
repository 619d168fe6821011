import { registerNamespace } from '@/lib/i18n';
import zh from './locales/zh-CN.json' with { type: 'json' };
import en from './locales/en.json' with { type: 'json' };

/** The integrations feature's texts (zh-CN is the source). */
export const NS = registerNamespace('integrations', { 'zh-CN': zh, en });
