import { Module } from '@nestjs/common';
import { OrganizationsModule } from '../organizations/organizations.module.js';
import { AuthController } from './auth.controller.js';
import { AuthService } from './auth.service.js';
import { LoginLimiter } from './login-limiter.js';
import { RefreshCookie } from './refresh-cookie.js';
import { UsersController } from './users.controller.js';
import { UsersService } from './users.service.js';

@Module({
  imports: [OrganizationsModule],
  controllers: [AuthController, UsersController],
  providers: [AuthService, LoginLimiter, RefreshCookie, UsersService],
})
export class IdentityModule {}
