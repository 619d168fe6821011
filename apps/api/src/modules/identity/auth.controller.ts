import { Body, Controller, Get, HttpCode, Post, Req, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiHeader, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Public, TenantScoped, WITH_TECHNICIANS } from '../../platform/auth/access-policy.js';
import { authErrors } from '../../platform/auth/auth.errors.js';
import { ApiErrors } from '../../platform/errors/api-errors.js';
import { platformErrors } from '../../platform/errors/domain-error.js';
import { RequestContext } from '../../platform/tenancy/request-context.js';
import { OrganizationsService } from '../organizations/organizations.service.js';
import { AuthService } from './auth.service.js';
import { LoginDto, RefreshDto, TokensDto } from './dto/auth.dto.js';
import { MeDto } from './dto/user.dto.js';
import { permissionsOf } from './permissions.js';
import { RefreshCookie } from './refresh-cookie.js';
import { toUserDto, UsersService } from './users.service.js';

@ApiTags('auth')
@Controller('v1')
export class AuthController {
  constructor(
    private readonly auth: AuthService,
    private readonly users: UsersService,
    private readonly organizations: OrganizationsService,
    private readonly context: RequestContext,
    private readonly cookie: RefreshCookie,
  ) {}

  @Post('auth/login')
  @Public()
  @HttpCode(200)
  @ApiOperation({
    summary: 'Sign in with a login and password',
    description:
      'Exchanges a login (email or phone) and password for an access token (Bearer, short-lived) and a refresh token (one use, starts a sign-in session). ' +
      'Failed attempts are limited per (login, client address): the first few are free, then each one doubles the wait; an address with many failures ' +
      'across logins is closed for a while to logins that never signed in from it. A refused attempt answers 429 with a `Retry-After` header and `retryAfterSeconds`. ' +
      'The refresh token is also set in the `zizhu_refresh` cookie (HttpOnly, SameSite=Strict, Path=/v1/auth, Secure except over http to a loopback host) for the console.',
  })
  @ApiOkResponse({ type: TokensDto })
  @ApiErrors(platformErrors.VALIDATION_FAILED, authErrors.AUTH_INVALID_CREDENTIALS, authErrors.AUTH_RATE_LIMITED)
  async login(@Body() body: LoginDto, @Req() request: FastifyRequest, @Res({ passthrough: true }) reply: FastifyReply): Promise<TokensDto> {
    const tokens = await this.auth.login(body.login, body.password, request.ip);
    this.cookie.set(request, reply, tokens.refreshToken);
    return tokens;
  }

  @Post('auth/refresh')
  @Public()
  @HttpCode(200)
  @ApiOperation({
    summary: 'Exchange a refresh token for a new token pair',
    description:
      'Rotates the refresh token: answers a new access token and a new refresh token, and the one sent is spent. ' +
      'Presenting a spent refresh token again revokes its whole session (every token of its family): 401 `AUTH_REFRESH_REUSED`. ' +
      'The token comes from the body, or, when the body has none (`{}`), from the `zizhu_refresh` cookie with the header `X-Zizhu-Console: 1` (the console); ' +
      'the new refresh token is set in the cookie too. A token refused from the cookie clears it.',
  })
  @ApiHeader({ name: 'X-Zizhu-Console', required: false, description: 'Send `1` when the refresh token is to come from the `zizhu_refresh` cookie.' })
  @ApiOkResponse({ type: TokensDto, description: 'A new pair; the refresh token sent is spent.' })
  @ApiErrors(
    platformErrors.VALIDATION_FAILED,
    authErrors.AUTH_REFRESH_MISSING,
    authErrors.AUTH_REFRESH_INVALID,
    authErrors.AUTH_REFRESH_REUSED,
    authErrors.AUTH_CONSOLE_HEADER_REQUIRED,
  )
  async refresh(@Body() body: RefreshDto, @Req() request: FastifyRequest, @Res({ passthrough: true }) reply: FastifyReply): Promise<TokensDto> {
    const { token, from } = this.cookie.tokenOf(request, body.refreshToken);
    try {
      const tokens = await this.auth.refresh(token);
      this.cookie.set(request, reply, tokens.refreshToken);
      return tokens;
    } catch (error) {
      if (from === 'cookie') this.cookie.clear(request, reply); // a dead cookie is not sent again
      throw error;
    }
  }

  @Post('auth/logout')
  @Public()
  @HttpCode(204)
  @ApiOperation({
    summary: 'Sign out',
    description:
      'Anyone holding the refresh token may call it. Ends that sign-in session: its refresh tokens, and the access tokens issued in it, ' +
      'are refused from the next request on (401 AUTH_TOKEN_REVOKED) in every API process; the user’s other sessions stay signed in. ' +
      'An unknown or already revoked token is accepted silently (204). The token comes from the body, or, when the body has none (`{}`), from the ' +
      '`zizhu_refresh` cookie with the header `X-Zizhu-Console: 1`; the cookie is cleared either way.',
  })
  @ApiHeader({ name: 'X-Zizhu-Console', required: false, description: 'Send `1` when the refresh token is to come from the `zizhu_refresh` cookie.' })
  @ApiNoContentResponse({ description: 'The session (refresh-token family and its access tokens) is revoked, and the cookie cleared.' })
  @ApiErrors(platformErrors.VALIDATION_FAILED, authErrors.AUTH_REFRESH_MISSING, authErrors.AUTH_CONSOLE_HEADER_REQUIRED)
  async logout(@Body() body: RefreshDto, @Req() request: FastifyRequest, @Res({ passthrough: true }) reply: FastifyReply): Promise<void> {
    const { token } = this.cookie.tokenOf(request, body.refreshToken);
    this.cookie.clear(request, reply);
    await this.auth.logout(token);
  }

  @Get('me')
  @TenantScoped(...WITH_TECHNICIANS)
  @ApiBearerAuth()
  @ApiOperation({
    summary: 'Show the signed-in user',
    description:
      'The caller’s own login (id, email, phone, role), its organisation’s id, name, kind and operating model, and `permissions`: the codes of what it may do ' +
      '(default deny), derived from the role and the organisation’s kind in one place (modules/identity/permissions.ts).',
  })
  @ApiOkResponse({ type: MeDto })
  @ApiErrors()
  async me(): Promise<MeDto> {
    const principal = this.context.principal;
    const [user, org] = await Promise.all([this.users.get(principal.userId), this.organizations.get(principal.tenantId)]);
    return {
      user: toUserDto(user),
      organizationId: org.id,
      organizationName: org.name,
      organizationKind: org.kind,
      operatingModel: org.operatingModel,
      permissions: permissionsOf({ role: user.role, organizationKind: org.kind, operatingModel: org.operatingModel }),
    };
  }
}
