import { Module } from '@nestjs/common';
import { SupportController } from './support.controller.js';
import { SupportService } from './support.service.js';

/** Customer-service lookup (issue 16): sessions by what a user quotes, with charges, refunds, complaints and device reports. */
@Module({
  controllers: [SupportController],
  providers: [SupportService],
})
export class SupportModule {}
