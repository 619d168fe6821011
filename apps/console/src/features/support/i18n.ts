import { registerNamespace } from '@/lib/i18n';
import zh from './locales/zh-CN.json' with { type: 'json' };
import en from './locales/en.json' with { type: 'json' };

/** The customer-service lookup's texts (zh-CN is the source). */
export const NS = registerNamespace('support', { 'zh-CN': zh, en });
