import { Controller, Get, HttpCode } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { DataSource } from 'typeorm';
import { Public } from '../../platform/auth/access-policy.js';
import { ApiErrors } from '../../platform/errors/api-errors.js';
import { platformErrors } from '../../platform/errors/domain-error.js';

class HealthDto {
  status!: 'ok';
}

@ApiTags('health')
@Controller('health')
@Public()
export class HealthController {
  constructor(private readonly dataSource: DataSource) {}

  /** The process is up (for restarts). */
  @Get('live')
  @HttpCode(200)
  @ApiOperation({ summary: 'Check that the process is up', description: 'Liveness, for restarts: answers `{"status": "ok"}` while the process runs; touches nothing else.' })
  @ApiOkResponse({ type: HealthDto })
  @ApiErrors()
  live(): HealthDto {
    return { status: 'ok' };
  }

  /** The process can serve: the database answers (for load balancers). */
  @Get('ready')
  @ApiOperation({ summary: 'Check that the process can serve', description: 'Readiness, for load balancers: answers `{"status": "ok"}` when the database answers a query, 503 otherwise.' })
  @ApiOkResponse({ type: HealthDto })
  @ApiErrors(platformErrors.DATABASE_UNAVAILABLE)
  async ready(): Promise<HealthDto> {
    try {
      await this.dataSource.query('SELECT 1');
    } catch {
      throw platformErrors.DATABASE_UNAVAILABLE();
    }
    return { status: 'ok' };
  }
}
