import { Controller, Get, Headers, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { Public } from '../auth/access-policy.js';
import { defineErrors, platformErrors } from '../errors/domain-error.js';
import { MetricsService } from './metrics.service.js';

export const metricsErrors = defineErrors({
  METRICS_TOKEN_INVALID: [401, 'Metrics need the bearer token configured as METRICS_TOKEN.'],
});

/**
 * `GET /metrics` on the API's port, for Prometheus: answers only with `Authorization: Bearer <METRICS_TOKEN>`,
 * and is not there at all (404 ROUTE_NOT_FOUND) when no token is configured. Like the health routes it is public
 * to the access guard (a scraper has no user token); the metrics token is checked here. Left out of the OpenAPI
 * document: it is an operator's endpoint, not part of the API clients are generated from.
 */
@ApiExcludeController()
@Controller('metrics')
@Public()
export class MetricsController {
  constructor(private readonly metrics: MetricsService) {}

  @Get()
  async scrape(@Headers('authorization') authorization: string | undefined, @Res({ passthrough: true }) reply: FastifyReply): Promise<string> {
    if (!this.metrics.isServedOnApiPort) throw platformErrors.ROUTE_NOT_FOUND();
    if (!this.metrics.authorised(authorization)) {
      void reply.header('www-authenticate', 'Bearer');
      throw metricsErrors.METRICS_TOKEN_INVALID();
    }
    void reply.header('content-type', this.metrics.contentType).header('cache-control', 'no-store');
    return this.metrics.exposition();
  }
}
