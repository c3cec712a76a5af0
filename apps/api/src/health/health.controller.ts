import { Controller, Get, HttpCode, ServiceUnavailableException } from '@nestjs/common';
import { ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { Public } from '../auth/decorators/public.decorator.js';
import { HealthCheckService, type HealthCheckResult } from '@nestjs/terminus';
import { LifecycleService } from '../platform/lifecycle/lifecycle.service.js';
import { ApiProblems, PLATFORM_PROBLEMS } from '../platform/openapi/problem-responses.js';
import { problem } from '../platform/problem/problem-details.js';
import { ProblemException } from '../platform/problem/problem.exception.js';
import { DependenciesHealth } from './dependencies.health.js';
import { liveResponse, readyResponse } from './health.schemas.js';

function notReady(detail: string, checks: Record<string, string>): ProblemException {
  return new ProblemException(problem(503, { detail, checks }), { 'retry-after': '5' });
}

@ApiTags('health')
@Public()
@Controller('health')
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly dependencies: DependenciesHealth,
    private readonly lifecycle: LifecycleService,
  ) {}

  @Get('live')
  @HttpCode(200)
  @ApiOperation({ summary: 'Liveness: 200 while the process runs; never checks dependencies.' })
  @ApiResponse({ status: 200, standardSchema: liveResponse })
  live(): { status: 'ok' } {
    return { status: 'ok' };
  }

  @Get('ready')
  @ApiOperation({
    summary:
      'Readiness: 200 when PostgreSQL and Redis answer; 503 otherwise or once shutdown begins.',
  })
  @ApiResponse({ status: 200, standardSchema: readyResponse })
  @ApiProblems(PLATFORM_PROBLEMS.notReady)
  async ready(): Promise<HealthCheckResult> {
    if (this.lifecycle.isShuttingDown) throw notReady('Shutting down.', {});
    try {
      return await this.health.check(this.dependencies.indicators());
    } catch (error) {
      if (!(error instanceof ServiceUnavailableException)) throw error;
      const result = error.getResponse() as HealthCheckResult;
      const checks = Object.fromEntries(
        Object.entries(result.details).map(([name, { status }]) => [name, status]),
      );
      throw notReady('A dependency is not answering.', checks);
    }
  }
}
