import { Controller, Get, Header, Param, Query, Redirect } from '@nestjs/common';
import { ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { AuthService } from '../auth.service.js';
import { Public } from '../decorators/public.decorator.js';
import { type TokenResponse, tokenResponse } from '../dto/token-response.js';
import {
  type AuthorizeQuery,
  authorizeQuery,
  type CallbackQuery,
  callbackQuery,
  providerParam,
} from './dto/oidc.schemas.js';
import { OidcService } from './oidc.service.js';
import { ApiProblems } from '../../platform/openapi/problem-responses.js';

/** Sign-in with an OpenID Connect provider: the browser is sent there and comes back with a code. */
@ApiTags('auth')
@Public()
@Controller('v1/auth/oidc/:provider')
export class OidcController {
  constructor(
    private readonly oidc: OidcService,
    private readonly auth: AuthService,
  ) {}

  @Get('authorize')
  @Redirect()
  @Header('Cache-Control', 'no-store')
  @ApiOperation({
    summary: 'Start signing in with an identity provider.',
    description:
      'Redirects to the provider (authorization code flow with PKCE S256, state and nonce). ' +
      'The attempt expires after 10 minutes and can complete once.',
  })
  @ApiResponse({
    status: 302,
    description: "Redirect to the provider's authorization endpoint",
    headers: { Location: { description: 'Authorization URL', schema: { type: 'string' } } },
  })
  @ApiProblems('oidc_invalid_request', 'oidc_provider_unknown', 'oidc_provider_unavailable')
  async authorize(
    @Param('provider', { schema: providerParam }) provider: string,
    @Query({ schema: authorizeQuery }) query: AuthorizeQuery,
  ): Promise<{ url: string; statusCode: 302 }> {
    const url = await this.oidc.authorize(provider, query.returnTo);
    return { url: url.href, statusCode: 302 };
  }

  @Get('callback')
  @Header('Cache-Control', 'no-store')
  @ApiOperation({
    summary: 'Finish signing in: the provider redirects the browser here.',
    description:
      'Creates the account on first sign-in, or links it to an account with the same verified email.',
  })
  @ApiResponse({ status: 200, standardSchema: tokenResponse })
  @ApiProblems(
    'oidc_invalid_request',
    'oidc_login_failed',
    'oidc_provider_unknown',
    'oidc_provider_unavailable',
    'dependency_unavailable',
  )
  async callback(
    @Param('provider', { schema: providerParam }) provider: string,
    @Query({ schema: callbackQuery }) query: CallbackQuery,
  ): Promise<TokenResponse> {
    const { returnTo: _returnTo, ...identity } = await this.oidc.callback(
      provider,
      new URLSearchParams(query),
    );
    return this.auth.signInWithOidc(identity);
  }
}
