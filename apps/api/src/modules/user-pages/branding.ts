import type { UserPagesConfig } from '../../config/app-config.js';

/** The built-in accent colour: WeChat green. */
export const DEFAULT_BRAND_COLOR = '#07C160';

/** What one organisation set (organization_brandings); null = not set, inherited. */
export interface BrandingFields {
  readonly brandName: string | null;
  readonly color: string | null;
  readonly otherPaymentUrl: string | null;
  readonly servicePhone: string | null;
}

export const BRANDING_FIELDS = ['brandName', 'color', 'otherPaymentUrl', 'servicePhone'] as const;
export type BrandingField = (typeof BRANDING_FIELDS)[number];

/** Where a resolved value came from. */
export type BrandingSource = 'OWN' | 'BRAND' | 'ENVIRONMENT' | 'DEFAULT';

/** What the user pages of a device show (README.md "Branding"). */
export interface Branding {
  readonly name: string;
  readonly color: string;
  readonly otherPaymentUrl: string | null;
  readonly servicePhone: string | null;
  readonly sources: Readonly<Record<BrandingField, BrandingSource>>;
}

export interface BrandingLayers {
  /** The device owner's own branding. */
  readonly own: BrandingFields | null;
  /** Its franchise brand's, when the owner is a franchisee (franchisees inherit the brand's look); else null. */
  readonly brand: BrandingFields | null;
  /** USER_PAGES_* of the environment. */
  readonly env: UserPagesConfig | undefined;
  /** The built-in default name: the device owner's organisation name. */
  readonly orgName: string;
}

/**
 * Field by field: the owner's own value, else its franchise brand's, else the environment's, else the built-in default
 * (the owner's name, WeChat green, no other way to pay, no phone).
 */
export function resolveBranding(layers: BrandingLayers): Branding {
  const env: BrandingFields = {
    brandName: layers.env?.brandName || null,
    color: layers.env?.brandColor ?? null,
    otherPaymentUrl: layers.env?.otherPaymentUrl ?? null,
    servicePhone: layers.env?.servicePhone ?? null,
  };
  const defaults: BrandingFields = { brandName: layers.orgName, color: DEFAULT_BRAND_COLOR, otherPaymentUrl: null, servicePhone: null };
  const chain: [BrandingSource, BrandingFields | null][] = [
    ['OWN', layers.own],
    ['BRAND', layers.brand],
    ['ENVIRONMENT', env],
    ['DEFAULT', defaults],
  ];
  const pick = (field: BrandingField): [string | null, BrandingSource] => {
    for (const [source, fields] of chain) {
      const value = fields?.[field];
      if (value !== null && value !== undefined && value !== '') return [value, source];
    }
    return [null, 'DEFAULT'];
  };
  const [name, nameSource] = pick('brandName');
  const [color, colorSource] = pick('color');
  const [otherPaymentUrl, urlSource] = pick('otherPaymentUrl');
  const [servicePhone, phoneSource] = pick('servicePhone');
  return {
    name: name ?? layers.orgName,
    color: color ?? DEFAULT_BRAND_COLOR,
    otherPaymentUrl,
    servicePhone,
    sources: { brandName: nameSource, color: colorSource, otherPaymentUrl: urlSource, servicePhone: phoneSource },
  };
}

/** A row of organization_brandings (snake case, as `query` answers it) as fields; undefined/null row = nothing set. */
export function brandingFieldsOf(row: { brand_name: string | null; color: string | null; other_payment_url: string | null; service_phone: string | null } | null | undefined): BrandingFields | null {
  if (!row) return null;
  return { brandName: row.brand_name, color: row.color, otherPaymentUrl: row.other_payment_url, servicePhone: row.service_phone };
}

/** Whether `url` may be an other-payment link: https, or http only to localhost / 127.0.0.1 (a local demo). */
export function isAllowedPaymentUrl(url: string): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  if (parsed.username || parsed.password) return false;
  if (parsed.protocol === 'https:') return parsed.hostname.length > 0;
  return parsed.protocol === 'http:' && (parsed.hostname === 'localhost' || parsed.hostname === '127.0.0.1');
}
