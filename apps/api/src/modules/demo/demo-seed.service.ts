import { randomBytes } from 'node:crypto';
import { Inject, Injectable, Logger, Optional } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import { APP_CONFIG, type AppConfig } from '../../config/app-config.js';
import { Clock } from '../../platform/clock/clock.js';
import { EnvelopeKeyring } from '../../platform/crypto/envelope.js';
import { Transactions } from '../../platform/database/transactions.js';
import { seedDemoFleet, demoDevicesFile, writeDemoDevicesFile, type DemoDeviceEntry } from '../fleet/demo-fleet.js';
import { seedDemoAgreements } from './demo-agreements.js';
import { seedDemoStock } from './demo-stock.js';
import { DEVICE_SECRET_BOX, DeviceSecretBox } from '../fleet/device-secrets.js';
import { passwordHasher } from '../identity/password-hasher.js';
import { UserEntity } from '../identity/user.entity.js';
import { MerchantBootService } from '../merchants/merchant-boot.service.js';
import { OrganizationEntity } from '../organizations/organization.entity.js';
import { DEMO_LOGINS, DEMO_ORGS, DEMO_PASSWORD, demoOrgPath } from './demo-data.js';
import { seedDemoMerchants } from './demo-merchants.js';

/** Seeds the demo organisations and logins into an empty database, never into one that holds data. */
@Injectable()
export class DemoSeedService {
  private readonly logger = new Logger('DemoSeed');

  private readonly box: DeviceSecretBox;

  /** Without the app (a bare database in a test): device secrets sealed under a throwaway key, no file written. */
  constructor(
    @Optional() @Inject(DEVICE_SECRET_BOX) box?: DeviceSecretBox,
    @Optional() @Inject(APP_CONFIG) private readonly config?: AppConfig,
    @Optional() private readonly moduleRef?: ModuleRef,
    @Optional() private readonly clock?: Clock,
  ) {
    this.box = box ?? new DeviceSecretBox(randomBytes(32));
  }

  async seedIfEmpty(transactions: Transactions): Promise<boolean> {
    const passwordHash = await passwordHasher.hash(DEMO_PASSWORD);
    // merchant credentials are sealed under the app's keyring (a throwaway one without the app)
    const merchants = this.merchantBoot();
    const keyring = merchants?.keyring ?? new EnvelopeKeyring(randomBytes(32));
    let devices: DemoDeviceEntry[] = [];
    const seeded = await transactions.asSystem(async (m) => {
      // two API processes starting together on one server: the second waits, then finds data and stops
      await m.query(`SELECT pg_advisory_xact_lock(hashtext('zizhu:demo-seed'))`);
      const [{ count }] = (await m.query(`SELECT count(*)::int AS count FROM organizations`)) as [{ count: number }];
      if (count > 0) return false;
      for (const org of Object.values(DEMO_ORGS)) {
        await m.insert(OrganizationEntity, { ...org, path: demoOrgPath(org) });
      }
      for (const login of DEMO_LOGINS) {
        await m.insert(UserEntity, { tenantId: DEMO_ORGS[login.org].id, email: login.email, phone: null, passwordHash, role: login.role, displayName: login.displayName });
      }
      const accounts = await seedDemoMerchants(m, keyring);
      devices = await seedDemoFleet(m, this.box);
      // the current month on the business clock (a test that pins the clock gets that month's agreements)
      await seedDemoAgreements(m, this.clock?.now());
      await seedDemoStock(m);
      this.logger.log(`seeded the demo: ${Object.keys(DEMO_ORGS).length} organisations, ${DEMO_LOGINS.length} logins, ${devices.length} devices, ${accounts} merchant accounts`);
      return true;
    });
    const file = this.config ? demoDevicesFile(this.config) : null;
    if (seeded && file) {
      writeDemoDevicesFile(file, devices);
      this.logger.log(`wrote the demo devices and their secrets to ${file}`);
    }
    // with the simulator: the new accounts are registered now (the boot step ran before the seed)
    if (seeded) await merchants?.ensureRegisteredWithSimulator();
    return seeded;
  }

  private merchantBoot(): MerchantBootService | undefined {
    try {
      return this.moduleRef?.get(MerchantBootService, { strict: false });
    } catch {
      return undefined;
    }
  }
}
