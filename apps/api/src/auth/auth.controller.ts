import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { z } from 'zod';
import { verifyMfaBody } from '../mfa/dto/mfa.schemas.js';
import { AuthService, type LoginResult } from './auth.service.js';
import { CurrentSession } from './decorators/current-user.decorator.js';
import { Public } from './decorators/public.decorator.js';
import { loginBody, logoutBody, refreshBody, registerBody } from './dto/auth.schemas.js';
import { type TokenResponse, loginResponse, tokenResponse } from './dto/token-response.js';
import type { SessionUser } from './guards/authenticated-user.js';
import { ApiProblems } from '../platform/openapi/problem-responses.js';
import { AuthRateLimit } from '../platform/rate-limit/rate-limit.decorators.js';

@ApiTags('auth')
@Controller('v1/auth')
export class AuthController {
  constructor(private readonly auth: AuthService) {}

  @Post('register')
  @Public()
  @AuthRateLimit()
  @HttpCode(201)
  @ApiOperation({ summary: 'Create an account and sign in.' })
  @ApiResponse({ status: 201, standardSchema: tokenResponse })
  @ApiProblems('weak_password', 'email_taken', 'dependency_unavailable')
  register(
    @Body({ schema: registerBody }) body: z.output<typeof registerBody>,
  ): Promise<TokenResponse> {
    return this.auth.register(body);
  }

  @Post('login')
  @Public()
  @AuthRateLimit()
  @HttpCode(200)
  @ApiOperation({
    summary:
      'Sign in with email and password: tokens, or `mfaRequired` and an mfaToken when the account uses TOTP.',
  })
  @ApiResponse({ status: 200, standardSchema: loginResponse })
  @ApiProblems('invalid_credentials', 'dependency_unavailable')
  login(@Body({ schema: loginBody }) body: z.output<typeof loginBody>): Promise<LoginResult> {
    return this.auth.login(body);
  }

  @Post('mfa/verify')
  @Public()
  // Per address, and per account: the user id inside the mfaToken (rate-limit.account.ts).
  @AuthRateLimit()
  @HttpCode(200)
  @ApiOperation({
    summary:
      'Complete a sign-in with MFA: the mfaToken from login and a code of the authenticator app, or a recovery code.',
  })
  @ApiResponse({ status: 200, standardSchema: tokenResponse })
  @ApiProblems('invalid_mfa_token', 'invalid_mfa_code', 'dependency_unavailable')
  verifyMfa(
    @Body({ schema: verifyMfaBody }) body: z.output<typeof verifyMfaBody>,
  ): Promise<TokenResponse> {
    const { mfaToken, ...factor } = body;
    return this.auth.verifyMfa(mfaToken, factor);
  }

  @Post('refresh')
  @Public()
  @AuthRateLimit({ account: false })
  @HttpCode(200)
  @ApiOperation({
    summary: 'Trade a refresh token for new tokens; the old refresh token is spent.',
  })
  @ApiResponse({ status: 200, standardSchema: tokenResponse })
  @ApiProblems('invalid_refresh_token', 'dependency_unavailable')
  refresh(
    @Body({ schema: refreshBody }) body: z.output<typeof refreshBody>,
  ): Promise<TokenResponse> {
    return this.auth.refresh(body.refreshToken);
  }

  @Post('logout')
  @HttpCode(204)
  @ApiBearerAuth()
  @ApiOperation({ summary: 'End this session: its refresh and access tokens stop working.' })
  @ApiResponse({ status: 204, description: 'Signed out.' })
  async logout(
    @CurrentSession() user: SessionUser,
    @Body({ schema: logoutBody }) body: z.output<typeof logoutBody>,
  ): Promise<void> {
    await this.auth.logout(user, body?.refreshToken);
  }
}
