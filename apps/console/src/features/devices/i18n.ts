import { registerNamespace } from '@/lib/i18n';
import zh from '@/locales/zh-CN/devices.json' with { type: 'json' };
import en from '@/locales/en/devices.json' with { type: 'json' };

export const DEVICES_NS = registerNamespace('devices', { 'zh-CN': zh, en });
