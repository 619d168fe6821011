import { Body, Controller, Get, HttpCode, Post, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import { Public, TenantScoped } from '../../platform/auth/access-policy.js';
import { authErrors } from '../../platform/auth/auth.errors.js';
import { ApiErrors } from '../../platform/errors/api-errors.js';
import { platformErrors } from '../../platform/errors/domain-error.js';
import { RequestContext } from '../../platform/tenancy/request-context.js';
import { OrganizationsService } from '../organizations/organizations.service.js';
import { AuthService } from './auth.service.js';
import { LoginDto, RefreshDto, TokensDto } from './dto/auth.dto.js';
import { MeDto } from './dto/user.dto.js';
import { toUserDto, UsersService } from './users.service.js';

@ApiTags('auth')
@Controller('v1')
export class AuthController {
  constructor(
    private readonly auth: AuthService,
    private readonly users: UsersService,
    private readonly organizations: OrganizationsService,
    private readonly context: RequestContext,
  ) {}

  @Post('auth/login')
  @Public()
  @HttpCode(200)
  @ApiOperation({
    summary: 'Sign in with a login and password',
    description:
      'Exchanges a login (email or phone) and password for an access token (Bearer, short-lived) and a refresh token (one use, starts a sign-in session). ' +
      'Failed attempts are limited per (login, client address): the first few are free, then each one doubles the wait; an address with many failures ' +
      'across logins is closed for a while to logins that never signed in from it. A refused attempt answers 429 with a `Retry-After` header and `retryAfterSeconds`.',
  })
  @ApiOkResponse({ type: TokensDto })
  @ApiErrors(platformErrors.VALIDATION_FAILED, authErrors.AUTH_INVALID_CREDENTIALS, authErrors.AUTH_RATE_LIMITED)
  login(@Body() body: LoginDto, @Req() request: FastifyRequest): Promise<TokensDto> {
    return this.auth.login(body.login, body.password, request.ip);
  }

  @Post('auth/refresh')
  @Public()
  @HttpCode(200)
  @ApiOperation({
    summary: 'Exchange a refresh token for a new token pair',
    description:
      'Rotates the refresh token: answers a new access token and a new refresh token, and the one sent is spent. ' +
      'Presenting a spent refresh token again revokes its whole session (every token of its family): 401 `AUTH_REFRESH_REUSED`.',
  })
  @ApiOkResponse({ type: TokensDto, description: 'A new pair; the refresh token sent is spent.' })
  @ApiErrors(platformErrors.VALIDATION_FAILED, authErrors.AUTH_REFRESH_INVALID, authErrors.AUTH_REFRESH_REUSED)
  refresh(@Body() body: RefreshDto): Promise<TokensDto> {
    return this.auth.refresh(body.refreshToken);
  }

  @Post('auth/logout')
  @Public()
  @HttpCode(204)
  @ApiOperation({
    summary: 'Sign out',
    description:
      'Anyone holding the refresh token may call it. Ends that sign-in session: its refresh tokens, and the access tokens issued in it, ' +
      'are refused from the next request on (401 AUTH_TOKEN_REVOKED) in every API process; the user’s other sessions stay signed in. ' +
      'An unknown or already revoked token is accepted silently (204).',
  })
  @ApiNoContentResponse({ description: 'The session (refresh-token family and its access tokens) is revoked.' })
  @ApiErrors(platformErrors.VALIDATION_FAILED)
  logout(@Body() body: RefreshDto): Promise<void> {
    return this.auth.logout(body.refreshToken);
  }

  @Get('me')
  @TenantScoped()
  @ApiBearerAuth()
  @ApiOperation({ summary: 'Show the signed-in user', description: 'The caller’s own login (id, email, phone, role) and its organisation’s id, name, kind and operating model.' })
  @ApiOkResponse({ type: MeDto })
  @ApiErrors()
  async me(): Promise<MeDto> {
    const principal = this.context.principal;
    const [user, org] = await Promise.all([this.users.get(principal.userId), this.organizations.get(principal.tenantId)]);
    return { user: toUserDto(user), organizationId: org.id, organizationName: org.name, organizationKind: org.kind, operatingModel: org.operatingModel };
  }
}
