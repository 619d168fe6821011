import { AuditLogEntity } from '../../modules/audit/audit-log.entity.js';
import { RefreshTokenEntity } from '../../modules/identity/refresh-token.entity.js';
import { UserEntity } from '../../modules/identity/user.entity.js';
import { OrganizationEntity } from '../../modules/organizations/organization.entity.js';
import { fleetEntities } from '../../modules/fleet/fleet.entities.js';

/** Every entity, registered by class (no globs under ESM). */
export const entities = [OrganizationEntity, UserEntity, RefreshTokenEntity, AuditLogEntity, ...fleetEntities];
