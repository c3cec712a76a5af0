import { SetMetadata, applyDecorators } from '@nestjs/common';
import { ApiExtension } from '@nestjs/swagger';
import type { ApiKeyScope } from '../../api-keys/api-key-scopes.js';

export const SCOPES = 'auth:scopes';

/**
 * Opens a route to API keys holding all of these scopes (403 for a key without them); routes
 * without it refuse API keys. Access tokens of signed-in users are not limited by scopes. The
 * OpenAPI operation lists them as `x-api-key-scopes`.
 */
export const Scopes = (
  ...scopes: [ApiKeyScope, ...ApiKeyScope[]]
): MethodDecorator & ClassDecorator =>
  applyDecorators(SetMetadata(SCOPES, scopes), ApiExtension('x-api-key-scopes', scopes));
