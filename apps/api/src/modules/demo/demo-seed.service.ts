import { randomBytes } from 'node:crypto';
import { Inject, Injectable, Logger, Optional } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../../config/app-config.js';
import { Transactions } from '../../platform/database/transactions.js';
import { seedDemoFleet, demoDevicesFile, writeDemoDevicesFile, type DemoDeviceEntry } from '../fleet/demo-fleet.js';
import { DEVICE_SECRET_BOX, DeviceSecretBox } from '../fleet/device-secrets.js';
import { passwordHasher } from '../identity/password-hasher.js';
import { UserEntity } from '../identity/user.entity.js';
import { OrganizationEntity } from '../organizations/organization.entity.js';
import { DEMO_LOGINS, DEMO_ORGS, DEMO_PASSWORD, demoOrgPath } from './demo-data.js';

/** Seeds the demo organisations and logins into an empty database, never into one that holds data. */
@Injectable()
export class DemoSeedService {
  private readonly logger = new Logger('DemoSeed');

  private readonly box: DeviceSecretBox;

  /** Without the app (a bare database in a test): device secrets sealed under a throwaway key, no file written. */
  constructor(
    @Optional() @Inject(DEVICE_SECRET_BOX) box?: DeviceSecretBox,
    @Optional() @Inject(APP_CONFIG) private readonly config?: AppConfig,
  ) {
    this.box = box ?? new DeviceSecretBox(randomBytes(32));
  }

  async seedIfEmpty(transactions: Transactions): Promise<boolean> {
    const passwordHash = await passwordHasher.hash(DEMO_PASSWORD);
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
      devices = await seedDemoFleet(m, this.box);
      this.logger.log(`seeded the demo: ${Object.keys(DEMO_ORGS).length} organisations, ${DEMO_LOGINS.length} logins, ${devices.length} devices`);
      return true;
    });
    const file = this.config ? demoDevicesFile(this.config) : null;
    if (seeded && file) {
      writeDemoDevicesFile(file, devices);
      this.logger.log(`wrote the demo devices and their secrets to ${file}`);
    }
    return seeded;
  }
}
