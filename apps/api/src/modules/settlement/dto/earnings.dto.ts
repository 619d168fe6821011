import { ApiProperty } from '@nestjs/swagger';
import { IsUUID, Matches } from 'class-validator';
import { DATE_PATTERN } from './agreement.dto.js';

export class EarningsQueryDto {
  @ApiProperty({ format: 'uuid', description: 'The organisation (with those under it).' })
  @IsUUID()
  organizationId!: string;

  @ApiProperty({ example: '2026-12-01', description: 'First Asia/Shanghai calendar day, inclusive.' })
  @Matches(DATE_PATTERN, { message: 'from must be a date YYYY-MM-DD' })
  from!: string;

  @ApiProperty({ example: '2026-12-31', description: 'Last Asia/Shanghai calendar day, inclusive.' })
  @Matches(DATE_PATTERN, { message: 'to must be a date YYYY-MM-DD' })
  to!: string;
}

export class EarningsDto {
  @ApiProperty({ format: 'uuid' }) organizationId!: string;
  @ApiProperty({ example: '2026-12-01' }) from!: string;
  @ApiProperty({ example: '2026-12-31' }) to!: string;
  @ApiProperty({ description: 'Sessions charged more than 0 fen whose payment was recorded in the range.' }) sessions!: number;
  @ApiProperty({ description: 'What they paid, in fen.' }) paidFen!: number;
  @ApiProperty({ description: 'Their successful refunds so far, in fen.' }) refundedFen!: number;
  @ApiProperty({ description: '`paidFen − refundedFen`.' }) netFen!: number;
  @ApiProperty({ description: 'Σ ⌊order net × basis points ÷ 10000⌋ per order, under the agreement in force for the session’s organisation when it started (0 where none).' })
  commissionFen!: number;
  @ApiProperty({ description: '`netFen − commissionFen`.' }) shareFen!: number;
}

export class OrganizationEarningsDto {
  @ApiProperty({ format: 'uuid', description: 'A direct child of the organisation asked about (with those under it), or that organisation itself for its own devices.' })
  organizationId!: string;
  @ApiProperty() organizationName!: string;
  @ApiProperty() sessions!: number;
  @ApiProperty() paidFen!: number;
  @ApiProperty() refundedFen!: number;
  @ApiProperty() netFen!: number;
  @ApiProperty() commissionFen!: number;
  @ApiProperty() shareFen!: number;
}

export class EarningsByOrganizationDto {
  @ApiProperty({ format: 'uuid' }) organizationId!: string;
  @ApiProperty({ example: '2026-12-01' }) from!: string;
  @ApiProperty({ example: '2026-12-31' }) to!: string;
  @ApiProperty({ type: [OrganizationEarningsDto], description: 'One entry per direct child (zeros included) and the organisation itself, by name; they sum to GET /v1/earnings.' })
  items!: OrganizationEarningsDto[];
}
