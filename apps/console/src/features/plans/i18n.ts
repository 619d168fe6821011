import { registerNamespace } from '@/lib/i18n';
import zh from './locales/zh-CN.json' with { type: 'json' };
import en from './locales/en.json' with { type: 'json' };

/** The `plans` namespace; every module of the feature that shows text imports this first. */
export const PLANS_NS = registerNamespace('plans', { 'zh-CN': zh, en });
