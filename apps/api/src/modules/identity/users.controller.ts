import { Body, Controller, Get, HttpCode, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { TenantScoped } from '../../platform/auth/access-policy.js';
import { UuidParam } from '../../platform/errors/uuid-param.js';
import { CreateUserDto, UserDto, UserListQueryDto } from './dto/user.dto.js';
import { toUserDto, UsersService } from './users.service.js';

@ApiTags('users')
@ApiBearerAuth()
@Controller('v1/users')
@TenantScoped('OPERATOR_ADMIN', 'OPERATOR_STAFF', 'FRANCHISEE_ADMIN', 'CUSTOMER_ADMIN')
export class UsersController {
  constructor(private readonly users: UsersService) {}

  @Get()
  @ApiOkResponse({ type: [UserDto] })
  async list(@Query() query: UserListQueryDto): Promise<UserDto[]> {
    return (await this.users.list(query.organizationId)).map(toUserDto);
  }

  @Get(':id')
  @ApiOkResponse({ type: UserDto })
  async get(@UuidParam() id: string): Promise<UserDto> {
    return toUserDto(await this.users.get(id));
  }

  @Post()
  @TenantScoped('OPERATOR_ADMIN', 'FRANCHISEE_ADMIN', 'CUSTOMER_ADMIN')
  @ApiCreatedResponse({ type: UserDto })
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
      'sign in or refresh, and its access tokens are refused from the next request on, in every API process. Audited. ' +
      'Errors: 400 VALIDATION_FAILED, 403 AUTH_FORBIDDEN, 404 USER_NOT_FOUND, 422 USER_ROLE_NOT_ALLOWED (not a login you manage), 422 USER_CANNOT_DISABLE_SELF.',
  })
  @ApiOkResponse({ type: UserDto })
  async disable(@UuidParam() id: string): Promise<UserDto> {
    return toUserDto(await this.users.disable(id));
  }

  @Post(':id/enable')
  @TenantScoped('OPERATOR_ADMIN', 'FRANCHISEE_ADMIN', 'CUSTOMER_ADMIN')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Enable a disabled login',
    description:
      'Same callers as disable. The login may sign in again; tokens it held when disabled stay revoked. Audited. ' +
      'Errors: 400 VALIDATION_FAILED, 403 AUTH_FORBIDDEN, 404 USER_NOT_FOUND, 422 USER_ROLE_NOT_ALLOWED.',
  })
  @ApiOkResponse({ type: UserDto })
  async enable(@UuidParam() id: string): Promise<UserDto> {
    return toUserDto(await this.users.enable(id));
  }
}
