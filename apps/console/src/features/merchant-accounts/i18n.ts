import { registerNamespace } from '@/lib/i18n';
import zh from '@/locales/zh-CN/merchant-accounts.json' with { type: 'json' };
import en from '@/locales/en/merchant-accounts.json' with { type: 'json' };

export const MERCHANT_ACCOUNTS_NS = registerNamespace('merchantAccounts', { 'zh-CN': zh, en });
