import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

export const ROLES = ['PLATFORM_ADMIN', 'OPERATOR_ADMIN', 'OPERATOR_STAFF', 'FRANCHISEE_ADMIN', 'CUSTOMER_ADMIN', 'TECHNICIAN'] as const;
export type Role = (typeof ROLES)[number];

@Entity({ name: 'users' })
export class UserEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'tenant_id', type: 'uuid' })
  tenantId!: string;

  @Column({ type: 'text', nullable: true })
  email!: string | null;

  @Column({ type: 'text', nullable: true })
  phone!: string | null;

  @Column({ name: 'password_hash', type: 'text', select: false })
  passwordHash!: string;

  @Column({ type: 'text' })
  role!: Role;

  @Column({ name: 'display_name', type: 'text' })
  displayName!: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @Column({ name: 'disabled_at', type: 'timestamptz', nullable: true })
  disabledAt!: Date | null;

  /** Bumped to revoke every access token of the user at once (when disabled); access tokens carry it. */
  @Column({ name: 'token_version', type: 'integer', default: 0 })
  tokenVersion!: number;
}
