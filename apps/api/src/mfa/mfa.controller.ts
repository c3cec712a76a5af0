import { Body, Controller, Delete, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { z } from 'zod';
import { CurrentSession } from '../auth/decorators/current-user.decorator.js';
import { Roles } from '../auth/decorators/roles.decorator.js';
import type { SessionUser } from '../auth/guards/authenticated-user.js';
import { ApiProblems } from '../platform/openapi/problem-responses.js';
import { AuthRateLimit } from '../platform/rate-limit/rate-limit.decorators.js';
import {
  type MfaStatusResponse,
  type RecoveryCodesResponse,
  type TotpEnrolmentResponse,
  confirmTotpBody,
  disableTotpBody,
  mfaStatusResponse,
  recoveryCodesResponse,
  toMfaStatusResponse,
  totpEnrolmentResponse,
  userIdParam,
} from './dto/mfa.schemas.js';
import { MfaService } from './mfa.service.js';

/**
 * The user's own authenticator, and the administrators' reset. Signed-in users only: no route
 * declares @Scopes, so an API key can neither read the MFA status, enrol nor turn MFA off. The sign-in step itself is
 * POST /v1/auth/mfa/verify (AuthController).
 */
@ApiTags('mfa')
@ApiBearerAuth()
@Controller('v1/users')
export class MfaController {
  constructor(private readonly mfa: MfaService) {}

  @Get('me/mfa')
  @ApiOperation({
    summary: 'Whether your sign-in asks for a TOTP code, and how many recovery codes are left.',
  })
  @ApiResponse({ status: 200, standardSchema: mfaStatusResponse })
  async status(@CurrentSession() user: SessionUser): Promise<MfaStatusResponse> {
    return toMfaStatusResponse(await this.mfa.status(user.id));
  }

  @Post('me/mfa/totp')
  @HttpCode(201)
  @ApiOperation({
    summary:
      'Start TOTP enrolment: a new secret for your authenticator app, off until a code confirms it.',
  })
  @ApiResponse({ status: 201, standardSchema: totpEnrolmentResponse })
  @ApiProblems('mfa_already_enabled', 'mfa_requires_password')
  enrol(@CurrentSession() user: SessionUser): Promise<TotpEnrolmentResponse> {
    return this.mfa.startEnrolment(user.id);
  }

  @Post('me/mfa/totp/confirm')
  @AuthRateLimit({ account: false })
  @HttpCode(200)
  @ApiOperation({
    summary:
      'Turn TOTP on with a first code; answers the 10 recovery codes, the only time they are shown.',
  })
  @ApiResponse({ status: 200, standardSchema: recoveryCodesResponse })
  @ApiProblems('invalid_mfa_code', 'mfa_enrolment_not_started', 'mfa_already_enabled')
  confirm(
    @CurrentSession() user: SessionUser,
    @Body({ schema: confirmTotpBody }) body: z.output<typeof confirmTotpBody>,
  ): Promise<RecoveryCodesResponse> {
    return this.mfa.confirmEnrolment(user.id, body.code);
  }

  @Delete('me/mfa/totp')
  @AuthRateLimit({ account: false })
  @HttpCode(204)
  @ApiOperation({
    summary: 'Turn TOTP off: needs your password and a current code; recovery codes go with it.',
  })
  @ApiResponse({ status: 204, description: 'Turned off.' })
  @ApiProblems('wrong_password', 'invalid_mfa_code', 'mfa_not_enabled')
  async disable(
    @CurrentSession() user: SessionUser,
    @Body({ schema: disableTotpBody }) body: z.output<typeof disableTotpBody>,
  ): Promise<void> {
    await this.mfa.disable(user.id, body);
  }

  @Delete(':id/mfa')
  @Roles('admin')
  @HttpCode(204)
  @ApiOperation({
    summary:
      "Reset a user's multi-factor sign-in (admin): authenticator, recovery codes and pending sign-ins go.",
  })
  @ApiResponse({ status: 204, description: 'Reset (also when the user had none).' })
  @ApiProblems('forbidden', 'user_not_found')
  async reset(@Param('id', { schema: userIdParam }) userId: string): Promise<void> {
    await this.mfa.reset(userId);
  }
}
