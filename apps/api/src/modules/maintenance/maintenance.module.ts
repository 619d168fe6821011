import { Module } from '@nestjs/common';
import { MaintenanceController } from './maintenance.controller.js';
import { MaintenanceJobs } from './maintenance.jobs.js';
import { MaintenanceService } from './maintenance.service.js';

/** Maintenance tickets for device faults (issue 16): opened by hand or from an alert, worked by admins and technicians. */
@Module({
  controllers: [MaintenanceController],
  providers: [MaintenanceService, MaintenanceJobs],
})
export class MaintenanceModule {}
