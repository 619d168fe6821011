import { registerNamespace } from '@/lib/i18n';
import zh from '@/locales/zh-CN/overview.json' with { type: 'json' };
import en from '@/locales/en/overview.json' with { type: 'json' };

export const OVERVIEW_NS = registerNamespace('overview', { 'zh-CN': zh, en });
