import { Body, Controller, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { z } from 'zod';
import { CurrentSession, CurrentUser } from '../auth/decorators/current-user.decorator.js';
import { Roles } from '../auth/decorators/roles.decorator.js';
import { Scopes } from '../auth/decorators/scopes.decorator.js';
import { changePasswordBody } from '../auth/dto/auth.schemas.js';
import type { AuthenticatedUser, SessionUser } from '../auth/guards/authenticated-user.js';
import { ApiProblems } from '../platform/openapi/problem-responses.js';
import type { Page } from '../platform/pagination/cursor.js';
import {
  type UserResponse,
  adminUpdateUserBody,
  listUsersQuery,
  updateMeBody,
  userIdParam,
  userPage,
  userResponse,
} from './dto/user.schemas.js';
import { UsersService } from './users.service.js';

@ApiTags('users')
@ApiBearerAuth()
@Controller('v1/users')
export class UsersController {
  constructor(private readonly users: UsersService) {}

  @Get('me')
  @Scopes('users:read')
  @ApiOperation({ summary: 'The signed-in user.' })
  @ApiResponse({ status: 200, standardSchema: userResponse })
  me(@CurrentUser() user: AuthenticatedUser): Promise<UserResponse> {
    return this.users.get(user.id);
  }

  @Patch('me')
  @ApiOperation({ summary: 'Change your profile.' })
  @ApiResponse({ status: 200, standardSchema: userResponse })
  updateMe(
    @CurrentUser() user: AuthenticatedUser,
    @Body({ schema: updateMeBody }) body: z.output<typeof updateMeBody>,
  ): Promise<UserResponse> {
    return this.users.rename(user.id, body.name);
  }

  @Post('me/password')
  @HttpCode(204)
  @ApiOperation({ summary: 'Change your password; every other session is signed out.' })
  @ApiResponse({ status: 204, description: 'Changed.' })
  @ApiProblems('wrong_password', 'weak_password')
  async changePassword(
    @CurrentSession() user: SessionUser,
    @Body({ schema: changePasswordBody }) body: z.output<typeof changePasswordBody>,
  ): Promise<void> {
    await this.users.changePassword(user, body);
  }

  @Get()
  @Scopes('users:read')
  @Roles('admin')
  @ApiOperation({ summary: 'List users (admin), oldest first; `q` matches email or name.' })
  @ApiResponse({ status: 200, standardSchema: userPage })
  @ApiProblems('forbidden')
  list(
    @Query({ schema: listUsersQuery }) query: z.output<typeof listUsersQuery>,
  ): Promise<Page<UserResponse>> {
    return this.users.list(query);
  }

  @Get(':id')
  @Scopes('users:read')
  @Roles('admin')
  @ApiOperation({ summary: 'A user (admin).' })
  @ApiResponse({ status: 200, standardSchema: userResponse })
  @ApiProblems('forbidden', 'user_not_found')
  get(@Param('id', { schema: userIdParam }) id: string): Promise<UserResponse> {
    return this.users.get(id);
  }

  @Patch(':id')
  @Roles('admin')
  @ApiOperation({
    summary: "Change a user's role or disable them (admin); disabling ends their sessions.",
  })
  @ApiResponse({ status: 200, standardSchema: userResponse })
  @ApiProblems('forbidden', 'user_not_found')
  update(
    @Param('id', { schema: userIdParam }) id: string,
    @Body({ schema: adminUpdateUserBody }) body: z.output<typeof adminUpdateUserBody>,
  ): Promise<UserResponse> {
    return this.users.adminUpdate(id, body);
  }
}
