import { Body, Controller, Get, HttpCode, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { TenantScoped } from '../../platform/auth/access-policy.js';
import { ApiErrors } from '../../platform/errors/api-errors.js';
import { platformErrors } from '../../platform/errors/domain-error.js';
import { UuidParam } from '../../platform/errors/uuid-param.js';
import { organizationErrors } from '../organizations/organizations.errors.js';
import { CreateUserDto, UserDto, UserListQueryDto } from './dto/user.dto.js';
import { identityErrors } from './identity.errors.js';
import { toUserDto, UsersService } from './users.service.js';

@ApiTags('users')
@ApiBearerAuth()
@Controller('v1/users')
@TenantScoped('OPERATOR_ADMIN', 'OPERATOR_STAFF', 'FRANCHISEE_ADMIN', 'CUSTOMER_ADMIN')
export class UsersController {
  constructor(private readonly users: UsersService) {}

  @Get()
  @ApiOperation({
    summary: 'List logins',
    description: 'The logins of the organisations the caller may see (its own and those under it), oldest first; `organizationId` narrows to one organisation.',
  })
  @ApiOkResponse({ type: [UserDto] })
  @ApiErrors(platformErrors.VALIDATION_FAILED)
  async list(@Query() query: UserListQueryDto): Promise<UserDto[]> {
    return (await this.users.list(query.organizationId)).map(toUserDto);
  }

  @Get(':id')
  @ApiOperation({ summary: 'Get a login', description: 'One login the caller may see; any other id answers 404.' })
  @ApiOkResponse({ type: UserDto })
  @ApiErrors(platformErrors.VALIDATION_FAILED, identityErrors.USER_NOT_FOUND)
  async get(@UuidParam() id: string): Promise<UserDto> {
    return toUserDto(await this.users.get(id));
  }

  @Post()
  @TenantScoped('OPERATOR_ADMIN', 'FRANCHISEE_ADMIN', 'CUSTOMER_ADMIN')
  @ApiOperation({
    summary: 'Create a login',
    description:
      'Adds a login (email or phone, password, role) to the caller’s organisation or, with `organizationId`, to one directly under it whose data it may see ' +
      '(a hardware reseller does not manage its customers’ logins). The role must fit the organisation’s kind ' +
      '(operator: `OPERATOR_ADMIN`, `OPERATOR_STAFF` or `TECHNICIAN`; franchisee: `FRANCHISEE_ADMIN` or `TECHNICIAN`; customer: `CUSTOMER_ADMIN` or `TECHNICIAN`). ' +
      'A `TECHNICIAN` sees the fleet (sites, devices) and works maintenance tickets, never money. Never with an API key (USER_API_KEY_REFUSED). Audited.',
  })
  @ApiCreatedResponse({ type: UserDto })
  @ApiErrors(
    platformErrors.VALIDATION_FAILED,
    identityErrors.USER_LOGIN_REQUIRED,
    organizationErrors.ORGANIZATION_NOT_FOUND,
    identityErrors.USER_ORGANIZATION_NOT_FOUND,
    identityErrors.USER_LOGIN_TAKEN,
    identityErrors.USER_ROLE_NOT_ALLOWED,
    identityErrors.USER_API_KEY_REFUSED,
  )
  async create(@Body() body: CreateUserDto): Promise<UserDto> {
    return toUserDto(await this.users.create(body));
  }

  @Post(':id/disable')
  @TenantScoped('OPERATOR_ADMIN', 'FRANCHISEE_ADMIN', 'CUSTOMER_ADMIN')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Disable a login',
    description:
      'Admins of the login\'s organisation or of the organisation directly above it (and platform admins). The login can no longer ' +
      'sign in or refresh, and its access tokens are refused from the next request on, in every API process. A login one does not manage ' +
      'answers USER_ROLE_NOT_ALLOWED; one’s own login cannot be disabled. Audited.',
  })
  @ApiOkResponse({ type: UserDto })
  @ApiErrors(platformErrors.VALIDATION_FAILED, identityErrors.USER_NOT_FOUND, identityErrors.USER_ROLE_NOT_ALLOWED, identityErrors.USER_CANNOT_DISABLE_SELF, identityErrors.USER_API_KEY_REFUSED)
  async disable(@UuidParam() id: string): Promise<UserDto> {
    return toUserDto(await this.users.disable(id));
  }

  @Post(':id/enable')
  @TenantScoped('OPERATOR_ADMIN', 'FRANCHISEE_ADMIN', 'CUSTOMER_ADMIN')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Enable a disabled login',
    description:
      'Same callers as disable. The login may sign in again; tokens it held when disabled stay revoked. Audited.',
  })
  @ApiOkResponse({ type: UserDto })
  @ApiErrors(platformErrors.VALIDATION_FAILED, identityErrors.USER_NOT_FOUND, identityErrors.USER_ROLE_NOT_ALLOWED, identityErrors.USER_API_KEY_REFUSED)
  async enable(@UuidParam() id: string): Promise<UserDto> {
    return toUserDto(await this.users.enable(id));
  }
}
