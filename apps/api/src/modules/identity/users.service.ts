import { Injectable } from '@nestjs/common';
import { QueryFailedError } from 'typeorm';
import { RequestContext } from '../../platform/tenancy/request-context.js';
import { AuditService } from '../audit/audit.service.js';
import type { OrganizationEntity } from '../organizations/organization.entity.js';
import { OrganizationsService } from '../organizations/organizations.service.js';
import type { CreateUserDto } from './dto/user.dto.js';
import { identityErrors } from './identity.errors.js';
import { passwordHasher } from './password-hasher.js';
import { normaliseLogin } from './auth.service.js';
import { type Role, UserEntity } from './user.entity.js';

export const toUserDto = (u: UserEntity) => ({
  id: u.id,
  organizationId: u.tenantId,
  email: u.email,
  phone: u.phone,
  role: u.role,
  displayName: u.displayName,
  createdAt: u.createdAt.toISOString(),
  disabledAt: u.disabledAt?.toISOString() ?? null,
});

/** The roles a login of an organisation of this kind may hold. */
const ROLES_BY_KIND: Record<OrganizationEntity['kind'], readonly Role[]> = {
  PLATFORM: ['PLATFORM_ADMIN'],
  OPERATOR: ['OPERATOR_ADMIN', 'OPERATOR_STAFF', 'TECHNICIAN'],
  FRANCHISEE: ['FRANCHISEE_ADMIN', 'TECHNICIAN'],
  CUSTOMER: ['CUSTOMER_ADMIN', 'TECHNICIAN'],
};

@Injectable()
export class UsersService {
  constructor(
    private readonly context: RequestContext,
    private readonly organizations: OrganizationsService,
    private readonly audit: AuditService,
  ) {}

  list(organizationId?: string): Promise<UserEntity[]> {
    return this.context.manager.find(UserEntity, {
      where: organizationId ? { tenantId: organizationId } : {},
      order: { createdAt: 'ASC' },
    });
  }

  async get(id: string): Promise<UserEntity> {
    const user = await this.context.manager.findOne(UserEntity, { where: { id } });
    if (!user) throw identityErrors.USER_NOT_FOUND();
    return user;
  }

  async create(input: CreateUserDto): Promise<UserEntity> {
    this.refuseApiKey();
    if (!input.email && !input.phone) throw identityErrors.USER_LOGIN_REQUIRED();
    const principal = this.context.principal;
    const org = await this.organizations.get(input.organizationId ?? principal.tenantId);
    // the logins of an organisation are its merchant data: a reseller's customers are not the reseller's to manage
    const [{ visible }] = (await this.context.manager.query('SELECT zizhu_data_visible($1) AS visible', [org.id])) as [{ visible: boolean }];
    if (!visible) throw identityErrors.USER_ORGANIZATION_NOT_FOUND();
    this.assertManages(org);
    if (!ROLES_BY_KIND[org.kind].includes(input.role)) {
      throw identityErrors.USER_ROLE_NOT_ALLOWED(`A ${org.kind.toLowerCase()} login can be ${ROLES_BY_KIND[org.kind].join(' or ')}.`);
    }
    const email = input.email ? (normaliseLogin(input.email) as { email: string }).email : null;
    const phone = input.phone ? (normaliseLogin(input.phone) as { phone: string }).phone : null;
    const passwordHash = await passwordHasher.hash(input.password);
    try {
      // a savepoint, so a taken login leaves the request transaction usable for the error path
      await this.context.manager.transaction((m) =>
        m.insert(UserEntity, { tenantId: org.id, email, phone, passwordHash, role: input.role, displayName: input.displayName }),
      );
    } catch (error) {
      if (error instanceof QueryFailedError && (error as QueryFailedError & { code?: string }).code === '23505') throw identityErrors.USER_LOGIN_TAKEN();
      throw error;
    }
    const created = await this.context.manager.findOneOrFail(UserEntity, { where: email ? { email } : { phone: phone! } });
    await this.audit.record({
      action: 'user.create',
      resourceType: 'user',
      resourceId: created.id,
      subjectTenantId: org.id,
      after: toUserDto(created),
    });
    return created;
  }

  /**
   * Disables a login: it can no longer sign in or refresh, and every access token it holds is refused from
   * the next request on (its token version is bumped and its refresh tokens revoked, in this transaction).
   */
  async disable(id: string): Promise<UserEntity> {
    const user = await this.managed(id);
    if (user.id === this.context.principal.userId) throw identityErrors.USER_CANNOT_DISABLE_SELF();
    if (user.disabledAt) return user;
    const m = this.context.manager;
    await m.query(`UPDATE users SET disabled_at = now(), token_version = token_version + 1 WHERE id = $1`, [user.id]);
    await m.query(`UPDATE refresh_tokens SET revoked_at = now() WHERE user_id = $1 AND revoked_at IS NULL`, [user.id]);
    const after = await m.findOneOrFail(UserEntity, { where: { id: user.id } });
    await this.audit.record({ action: 'user.disable', resourceType: 'user', resourceId: user.id, subjectTenantId: user.tenantId, before: toUserDto(user), after: toUserDto(after) });
    return after;
  }

  /** Lets a disabled login sign in again (the tokens it held before stay revoked). */
  async enable(id: string): Promise<UserEntity> {
    const user = await this.managed(id);
    if (!user.disabledAt) return user;
    await this.context.manager.query(`UPDATE users SET disabled_at = NULL WHERE id = $1`, [user.id]);
    const after = await this.context.manager.findOneOrFail(UserEntity, { where: { id: user.id } });
    await this.audit.record({ action: 'user.enable', resourceType: 'user', resourceId: user.id, subjectTenantId: user.tenantId, before: toUserDto(user), after: toUserDto(after) });
    return after;
  }

  /** A login the caller may manage: visible (RLS), and of the caller's organisation or one directly under it. */
  private async managed(id: string): Promise<UserEntity> {
    this.refuseApiKey();
    const user = await this.get(id);
    this.assertManages(await this.organizations.get(user.tenantId));
    return user;
  }

  /**
   * Making, disabling or enabling logins (and any role change) takes a signed-in person: a key could otherwise mint an
   * admin login that signs in, gets integrations.manage and outlives the key's revocation. Defence in depth: no key
   * can hold users.write either (NEVER_KEY_SCOPES).
   */
  private refuseApiKey(): void {
    if (this.context.principal.apiKey) throw identityErrors.USER_API_KEY_REFUSED();
  }

  private assertManages(org: OrganizationEntity): void {
    const principal = this.context.principal;
    const ownOrChild = org.id === principal.tenantId || org.parentId === principal.tenantId;
    if (!this.context.isPlatformAdmin && !ownOrChild) throw identityErrors.USER_ROLE_NOT_ALLOWED('You manage logins of your own organisation and the ones directly under it.');
  }
}
