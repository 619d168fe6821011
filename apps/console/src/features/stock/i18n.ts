import { registerNamespace } from '@/lib/i18n';
import zh from './locales/zh-CN.json' with { type: 'json' };
import en from './locales/en.json' with { type: 'json' };

export const STOCK_NS = registerNamespace('stock', { 'zh-CN': zh, en });
