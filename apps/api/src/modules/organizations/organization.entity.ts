import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

export const ORGANIZATION_KINDS = ['PLATFORM', 'OPERATOR', 'FRANCHISEE', 'CUSTOMER'] as const;
export type OrganizationKind = (typeof ORGANIZATION_KINDS)[number];
export const OPERATING_MODELS = ['SELF_RUN', 'FRANCHISE', 'HARDWARE_SALE'] as const;
export type OperatingModel = (typeof OPERATING_MODELS)[number];

@Entity({ name: 'organizations' })
export class OrganizationEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'parent_id', type: 'uuid', nullable: true })
  parentId!: string | null;

  @Column({ type: 'uuid', array: true })
  path!: string[];

  @Column({ type: 'text' })
  kind!: OrganizationKind;

  @Column({ name: 'operating_model', type: 'text', nullable: true })
  operatingModel!: OperatingModel | null;

  @Column({ type: 'text' })
  name!: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
