import { describe, expect, it } from '@jest/globals';
import { isAllowedPaymentUrl, resolveBranding, type BrandingFields } from './branding.js';

const none: BrandingFields = { brandName: null, color: null, otherPaymentUrl: null, servicePhone: null };

describe('resolveBranding: own → franchise brand → environment → built-in, field by field', () => {
  it('falls back to the owner’s name, WeChat green, no other payment and no phone when nothing is set', () => {
    expect(resolveBranding({ own: null, brand: null, env: undefined, orgName: '西湖店' })).toEqual({
      name: '西湖店',
      color: '#07C160',
      otherPaymentUrl: null,
      servicePhone: null,
      sources: { brandName: 'DEFAULT', color: 'DEFAULT', otherPaymentUrl: 'DEFAULT', servicePhone: 'DEFAULT' },
    });
  });

  it('takes each field from the first layer that sets it', () => {
    const resolved = resolveBranding({
      own: { ...none, brandName: '西湖店' },
      brand: { ...none, color: '#ff6600', servicePhone: '400-100-2000', brandName: '鲜柜' },
      env: { brandColor: '#123456', otherPaymentUrl: 'https://env.example.com/pay', servicePhone: '95017' },
      orgName: '鲜柜 西湖加盟店',
    });
    expect(resolved).toEqual({
      name: '西湖店',
      color: '#ff6600',
      otherPaymentUrl: 'https://env.example.com/pay',
      servicePhone: '400-100-2000',
      sources: { brandName: 'OWN', color: 'BRAND', otherPaymentUrl: 'ENVIRONMENT', servicePhone: 'BRAND' },
    });
  });

  it('treats an empty environment name as unset', () => {
    expect(resolveBranding({ own: none, brand: null, env: { brandName: '' }, orgName: 'X' }).name).toBe('X');
  });
});

describe('isAllowedPaymentUrl', () => {
  it('allows https anywhere and http only to localhost or 127.0.0.1', () => {
    expect(isAllowedPaymentUrl('https://pay.example.com/other')).toBe(true);
    expect(isAllowedPaymentUrl('http://localhost:3000/pay')).toBe(true);
    expect(isAllowedPaymentUrl('http://127.0.0.1/pay')).toBe(true);
    expect(isAllowedPaymentUrl('http://pay.example.com/other')).toBe(false);
    expect(isAllowedPaymentUrl('http://localhost.evil.example/pay')).toBe(false);
    expect(isAllowedPaymentUrl('https://user:pw@pay.example.com/')).toBe(false);
    expect(isAllowedPaymentUrl('javascript:alert(1)')).toBe(false);
    expect(isAllowedPaymentUrl('not a url')).toBe(false);
  });
});
