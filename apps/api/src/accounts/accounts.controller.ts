import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { z } from 'zod';
import { CurrentSession } from '../auth/decorators/current-user.decorator.js';
import { Public } from '../auth/decorators/public.decorator.js';
import type { SessionUser } from '../auth/guards/authenticated-user.js';
import { ApiProblems } from '../platform/openapi/problem-responses.js';
import { AuthRateLimit } from '../platform/rate-limit/rate-limit.decorators.js';
import { AccountsService } from './accounts.service.js';
import {
  type MailRequestedResponse,
  RESET_REQUESTED,
  VERIFICATION_REQUESTED,
  forgotPasswordBody,
  mailRequestedResponse,
  resetPasswordBody,
  verifyEmailBody,
} from './dto/account.schemas.js';

/**
 * Email verification and password reset. Mails are sent by the worker, so the routes that ask
 * for one answer 202: accepted, not yet sent.
 */
@ApiTags('auth')
@Controller('v1/auth')
export class AccountsController {
  constructor(private readonly accounts: AccountsService) {}

  @Post('email/verify')
  @Public()
  @AuthRateLimit({ account: false })
  @HttpCode(204)
  @ApiOperation({
    summary: 'Verify your email with the token of the verification mail; the token works once.',
  })
  @ApiResponse({ status: 204, description: 'The email is verified.' })
  @ApiProblems('invalid_account_token', 'dependency_unavailable')
  async verifyEmail(
    @Body({ schema: verifyEmailBody }) body: z.output<typeof verifyEmailBody>,
  ): Promise<void> {
    await this.accounts.verifyEmail(body.token);
  }

  @Post('email/resend')
  @AuthRateLimit({ account: false })
  @HttpCode(202)
  @ApiBearerAuth()
  @ApiOperation({
    summary: 'Send a new verification mail; the token of the earlier one stops working.',
  })
  @ApiResponse({ status: 202, standardSchema: mailRequestedResponse })
  @ApiProblems('email_already_verified', 'account_rate_limited', 'dependency_unavailable')
  async resendVerification(@CurrentSession() user: SessionUser): Promise<MailRequestedResponse> {
    await this.accounts.resendVerification(user.id);
    return VERIFICATION_REQUESTED;
  }

  @Post('password/forgot')
  @Public()
  @AuthRateLimit()
  @HttpCode(202)
  @ApiOperation({
    summary:
      'Ask for a password reset mail. The answer is the same whether or not an account has this email.',
  })
  @ApiResponse({ status: 202, standardSchema: mailRequestedResponse })
  @ApiProblems('dependency_unavailable')
  async forgotPassword(
    @Body({ schema: forgotPasswordBody }) body: z.output<typeof forgotPasswordBody>,
  ): Promise<MailRequestedResponse> {
    await this.accounts.forgotPassword(body.email);
    return RESET_REQUESTED;
  }

  @Post('password/reset')
  @Public()
  @AuthRateLimit({ account: false })
  @HttpCode(204)
  @ApiOperation({
    summary:
      'Set a new password with the token of the reset mail; every session of the account ends.',
  })
  @ApiResponse({ status: 204, description: 'The password is set; sign in with it.' })
  @ApiProblems(
    'invalid_account_token',
    'weak_password',
    'account_rate_limited',
    'dependency_unavailable',
  )
  async resetPassword(
    @Body({ schema: resetPasswordBody }) body: z.output<typeof resetPasswordBody>,
  ): Promise<void> {
    await this.accounts.resetPassword(body.token, body.password);
  }
}
