import { registerNamespace } from '@/lib/i18n';
import zh from './locales/zh-CN.json' with { type: 'json' };
import en from './locales/en.json' with { type: 'json' };

export const MERCHANT_ACCOUNTS_NS = registerNamespace('merchant-accounts', { 'zh-CN': zh, en });
