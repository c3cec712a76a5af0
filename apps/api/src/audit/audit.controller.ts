import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { z } from 'zod';
import { CurrentSession } from '../auth/decorators/current-user.decorator.js';
import { Roles } from '../auth/decorators/roles.decorator.js';
import type { SessionUser } from '../auth/guards/authenticated-user.js';
import { ApiProblems } from '../platform/openapi/problem-responses.js';
import type { Page } from '../platform/pagination/cursor.js';
import { AuditService } from './audit.service.js';
import {
  type AuditEventResponse,
  type SecurityEventResponse,
  auditEventPage,
  listAuditEventsQuery,
  securityEventPage,
  securityEventsQuery,
  toAuditEventResponse,
  toSecurityEventResponse,
} from './dto/audit.schemas.js';

/**
 * Reading the audit log. Neither route declares @Scopes: API keys cannot read it, only a
 * signed-in person (an administrator for the whole log, anyone for their own account).
 */
@ApiTags('audit')
@ApiBearerAuth()
@Controller('v1')
export class AuditController {
  constructor(private readonly audit: AuditService) {}

  @Get('admin/audit-events')
  @Roles('admin')
  @ApiOperation({
    summary: 'The audit log (admin), newest first; filter by actor, action, target and time range.',
  })
  @ApiResponse({ status: 200, standardSchema: auditEventPage })
  @ApiProblems('forbidden')
  async list(
    @Query({ schema: listAuditEventsQuery }) query: z.output<typeof listAuditEventsQuery>,
  ): Promise<Page<AuditEventResponse>> {
    const page = await this.audit.list(query);
    return { data: page.data.map(toAuditEventResponse), nextCursor: page.nextCursor };
  }

  @Get('users/me/security-events')
  @ApiOperation({
    summary:
      'Sign-ins and security changes of your account (password, keys, role, status), newest first.',
  })
  @ApiResponse({ status: 200, standardSchema: securityEventPage })
  async listMine(
    @CurrentSession() user: SessionUser,
    @Query({ schema: securityEventsQuery }) query: z.output<typeof securityEventsQuery>,
  ): Promise<Page<SecurityEventResponse>> {
    const page = await this.audit.listSecurityEvents(user.id, query);
    return {
      data: page.data.map((event) => toSecurityEventResponse(event, user.id)),
      nextCursor: page.nextCursor,
    };
  }
}
