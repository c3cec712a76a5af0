import { SetMetadata } from '@nestjs/common';
import type { Role } from '@libs/database';

export const ROLES = 'auth:roles';

/** Restricts a route to these roles (403 for an authenticated user without one of them). */
export const Roles = (...roles: Role[]): MethodDecorator & ClassDecorator =>
  SetMetadata(ROLES, roles);
