import { Body, Controller, Delete, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { z } from 'zod';
import { CurrentSession } from '../auth/decorators/current-user.decorator.js';
import { Roles } from '../auth/decorators/roles.decorator.js';
import type { SessionUser } from '../auth/guards/authenticated-user.js';
import { ApiProblems } from '../platform/openapi/problem-responses.js';
import { ApiKeysService } from './api-keys.service.js';
import {
  type ApiKeyListResponse,
  type CreatedApiKeyResponse,
  apiKeyIdParam,
  apiKeyListResponse,
  createApiKeyBody,
  createdApiKeyResponse,
  toApiKeyResponse,
  userIdParam,
} from './dto/api-key.schemas.js';

/**
 * Key management is for signed-in users only: no route here declares @Scopes, so an API key
 * can neither mint nor revoke keys.
 */
@ApiTags('api-keys')
@ApiBearerAuth()
@Controller('v1/users')
export class ApiKeysController {
  constructor(private readonly apiKeys: ApiKeysService) {}

  @Post('me/api-keys')
  @HttpCode(201)
  @ApiOperation({
    summary: 'Create an API key; the response is the only time the key itself is shown.',
  })
  @ApiResponse({ status: 201, standardSchema: createdApiKeyResponse })
  @ApiProblems('api_key_scope_not_allowed', 'api_key_limit_reached')
  async create(
    @CurrentSession() user: SessionUser,
    @Body({ schema: createApiKeyBody }) body: z.output<typeof createApiKeyBody>,
  ): Promise<CreatedApiKeyResponse> {
    const { key, record } = await this.apiKeys.create(user, body);
    return { ...toApiKeyResponse(record), key };
  }

  @Get('me/api-keys')
  @ApiOperation({ summary: 'Your API keys, newest first, without their secrets.' })
  @ApiResponse({ status: 200, standardSchema: apiKeyListResponse })
  async listMine(@CurrentSession() user: SessionUser): Promise<ApiKeyListResponse> {
    return { items: (await this.apiKeys.list(user.id)).map(toApiKeyResponse) };
  }

  @Delete('me/api-keys/:keyId')
  @HttpCode(204)
  @ApiOperation({ summary: 'Revoke one of your API keys; it stops working at once.' })
  @ApiResponse({ status: 204, description: 'Revoked.' })
  @ApiProblems('api_key_not_found')
  async revokeMine(
    @CurrentSession() user: SessionUser,
    @Param('keyId', { schema: apiKeyIdParam }) keyId: string,
  ): Promise<void> {
    await this.apiKeys.revoke(user.id, keyId);
  }

  @Get(':id/api-keys')
  @Roles('admin')
  @ApiOperation({ summary: "A user's API keys (admin), without their secrets." })
  @ApiResponse({ status: 200, standardSchema: apiKeyListResponse })
  async list(@Param('id', { schema: userIdParam }) userId: string): Promise<ApiKeyListResponse> {
    return { items: (await this.apiKeys.list(userId)).map(toApiKeyResponse) };
  }

  @Delete(':id/api-keys/:keyId')
  @Roles('admin')
  @HttpCode(204)
  @ApiOperation({ summary: "Revoke a user's API key (admin)." })
  @ApiResponse({ status: 204, description: 'Revoked.' })
  @ApiProblems('api_key_not_found')
  async revoke(
    @Param('id', { schema: userIdParam }) userId: string,
    @Param('keyId', { schema: apiKeyIdParam }) keyId: string,
  ): Promise<void> {
    await this.apiKeys.revoke(userId, keyId);
  }
}
