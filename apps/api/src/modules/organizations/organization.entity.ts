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

  /** 主体名称: the name on the business licence (the subject of its merchant numbers); null until entered. */
  @Column({ name: 'legal_name', type: 'text', nullable: true })
  legalName!: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
