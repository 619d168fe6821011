import { Module } from '@nestjs/common';
import { FleetModule } from '../fleet/fleet.module.js';
import { DemoSeedService } from './demo-seed.service.js';

@Module({ imports: [FleetModule], providers: [DemoSeedService], exports: [DemoSeedService] })
export class DemoModule {}
