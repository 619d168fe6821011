import { Body, Controller, Get, HttpCode, Post, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags, ApiTooManyRequestsResponse, ApiUnauthorizedResponse } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import { Public, TenantScoped } from '../../platform/auth/access-policy.js';
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
    summary: 'Sign in',
    description:
      'Anyone may call it. Exchanges a login (email or phone) and password for an access token and a refresh token. ' +
      'Failed attempts are limited per (login, client address): the first few are free, then each one doubles the wait; ' +
      'an address with many failures across logins is closed for a while to logins that never signed in from it. ' +
      'Errors: 400 VALIDATION_FAILED, 401 AUTH_INVALID_CREDENTIALS, 429 AUTH_RATE_LIMITED (Retry-After header and `retryAfterSeconds`).',
  })
  @ApiOkResponse({ type: TokensDto })
  @ApiUnauthorizedResponse({ description: 'AUTH_INVALID_CREDENTIALS' })
  @ApiTooManyRequestsResponse({ description: 'AUTH_RATE_LIMITED, with Retry-After and retryAfterSeconds' })
  login(@Body() body: LoginDto, @Req() request: FastifyRequest): Promise<TokensDto> {
    return this.auth.login(body.login, body.password, request.ip);
  }

  @Post('auth/refresh')
  @Public()
  @HttpCode(200)
  @ApiOkResponse({ type: TokensDto, description: 'A new pair; the refresh token sent is spent.' })
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
      'are refused from the next request on (401 AUTH_TOKEN_REVOKED) in every API process; the user\'s other sessions stay signed in. ' +
      'An unknown token is accepted silently. Errors: 400 VALIDATION_FAILED.',
  })
  @ApiNoContentResponse({ description: 'The session (refresh-token family and its access tokens) is revoked.' })
  logout(@Body() body: RefreshDto): Promise<void> {
    return this.auth.logout(body.refreshToken);
  }

  @Get('me')
  @TenantScoped()
  @ApiBearerAuth()
  @ApiOkResponse({ type: MeDto })
  async me(): Promise<MeDto> {
    const principal = this.context.principal;
    const [user, org] = await Promise.all([this.users.get(principal.userId), this.organizations.get(principal.tenantId)]);
    return { user: toUserDto(user), organizationId: org.id, organizationName: org.name, organizationKind: org.kind, operatingModel: org.operatingModel };
  }
}
