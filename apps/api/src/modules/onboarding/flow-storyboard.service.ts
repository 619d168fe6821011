import { randomBytes } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../../config/app-config.js';
import { Clock } from '../../platform/clock/clock.js';
import { TenantReads } from '../../platform/tenancy/tenant-reads.js';
import { merchantErrors } from '../merchants/merchants.errors.js';
import { flowStoryboard } from '../user-pages/storyboard.js';
import { UserPageContexts } from '../user-pages/user-page-contexts.service.js';
import { ACCOUNT_DEVICES_SQL } from './account-devices.js';
import { ApplicationPackService, PACK_ACCOUNT_SQL, type PackAccountRow } from './application-pack.service.js';
import { onboardingErrors } from './onboarding.errors.js';

/** The storyboard page and the nonce its inline script and style carry (the controller sets the CSP from it). */
export interface StoryboardAnswer {
  readonly html: string;
  readonly nonce: string;
  readonly deviceCode: string;
}

/**
 * The interaction flow image of a merchant account (issue 14, the 1.1 attachment): the storyboard of one of its devices'
 * user pages with the operator's effective branding (user-pages/storyboard.ts). The account and its devices are read
 * under the caller's row-level security (the pack's readers; anyone else 404), then what the live pages show for that
 * device is read as they read it.
 */
@Injectable()
export class FlowStoryboardService {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly reads: TenantReads,
    private readonly packs: ApplicationPackService,
    private readonly contexts: UserPageContexts,
    private readonly clock: Clock,
  ) {}

  async storyboard(id: string, deviceId: string | undefined): Promise<StoryboardAnswer> {
    const [accounts = [], devices = []] = (await this.reads.run([
      { text: PACK_ACCOUNT_SQL, values: [id] },
      // a device with a plan first: the default is the first such device by code
      { text: `SELECT d.id, d.code, d.plan_id FROM (${ACCOUNT_DEVICES_SQL}) d ORDER BY (d.plan_id IS NULL), d.code`, values: [id, this.clock.now()] },
    ])) as [PackAccountRow[], { id: string; code: string; plan_id: string | null }[]];
    const account = accounts[0];
    if (!account || !this.packs.mayRead(account)) throw merchantErrors.MERCHANT_ACCOUNT_NOT_FOUND();
    const device = deviceId === undefined ? devices[0] : devices.find((d) => d.id === deviceId);
    if (!device) {
      if (deviceId !== undefined) throw onboardingErrors.FLOW_STORYBOARD_DEVICE_NOT_FOUND(`No device ${deviceId} charges through this merchant account.`, { errors: [{ field: 'deviceId', messages: ['is not a device of this merchant account'] }] });
      throw onboardingErrors.FLOW_STORYBOARD_UNAVAILABLE('No device charges through this merchant account yet.', { errors: [{ field: 'deviceId', messages: ['the account has no device'] }] });
    }
    const context = await this.contexts.forCode(device.code);
    if (!context) throw onboardingErrors.FLOW_STORYBOARD_DEVICE_NOT_FOUND();
    const nonce = randomBytes(16).toString('base64');
    const built = flowStoryboard({
      context,
      mchid: account.mchid,
      qrUrl: `${this.config.payscore.publicBaseUrl}/d/${encodeURIComponent(device.code)}`,
      generatedAt: this.clock.now(),
      nonce,
    });
    if (!('html' in built)) throw onboardingErrors.FLOW_STORYBOARD_UNAVAILABLE(`${built.field}: ${built.message}.`, { errors: [{ field: built.field, messages: [built.message] }] });
    return { html: built.html, nonce, deviceCode: device.code };
  }
}
