import { CreateTenancyRoles1764300000000 } from './1764300000000-create-tenancy-roles.js';
import { CreateOrganizations1764300001000 } from './1764300001000-create-organizations.js';
import { CreateUsersAndTokens1764300002000 } from './1764300002000-create-users-and-tokens.js';
import { CreateAuditLog1764300003000 } from './1764300003000-create-audit-log.js';
import { GrantJobsSchema1764302000000 } from './1764302000000-grant-jobs-schema.js';

/** Registered as classes (no globs under ESM), in order. */
export const migrations = [
  CreateTenancyRoles1764300000000,
  CreateOrganizations1764300001000,
  CreateUsersAndTokens1764300002000,
  CreateAuditLog1764300003000,
  GrantJobsSchema1764302000000,
];
