import { Controller, Get, Header } from '@nestjs/common';
import { ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { JWK } from 'jose';
import { z } from 'zod';
import { Public } from '../decorators/public.decorator.js';
import { SigningKeys } from './signing-keys.js';

/** A JSON Web Key Set (RFC 7517) of public Ed25519 keys. */
const jwksResponse = z.object({
  keys: z.array(
    z
      .object({ kty: z.string(), kid: z.string(), alg: z.string().optional() })
      .catchall(z.unknown()),
  ),
});

@ApiTags('auth')
@Controller('.well-known')
export class JwksController {
  constructor(private readonly keys: SigningKeys) {}

  @Get('jwks.json')
  @Public()
  @Header('cache-control', 'public, max-age=300')
  @ApiOperation({ summary: 'Public keys that verify access tokens (one `kid` per key).' })
  @ApiResponse({ status: 200, standardSchema: jwksResponse })
  jwks(): { keys: JWK[] } {
    return this.keys.jwks();
  }
}
