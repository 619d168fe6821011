import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { IsBoolean, IsIn, IsInt, IsOptional, IsString, IsUUID, Length, Max, Min } from 'class-validator';
import { POWER_BANK_FLAGS, POWER_BANK_STATES, type PowerBankState } from '../power-banks.js';

export class PowerBankDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ description: 'The id the cabinets report for this bank.' }) bankId!: string;
  @ApiProperty({ enum: POWER_BANK_STATES }) state!: string;
  @ApiProperty({ format: 'uuid', description: 'The organisation whose cabinet holds it (or it was rented from).' }) organizationId!: string;
  @ApiProperty({ format: 'uuid', description: 'Its merchant network (the brand).' }) networkId!: string;
  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'The cabinet it is in (null while rented).' }) deviceId!: string | null;
  @ApiProperty({ type: String, nullable: true }) deviceCode!: string | null;
  @ApiProperty({ type: Number, nullable: true }) slot!: number | null;
  @ApiProperty({ type: Number, nullable: true, description: 'Charge level as last reported, 0–100.' }) chargePercent!: number | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'The session renting it (RENTED).' }) sessionId!: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'The cabinet it was last rented from.' }) rentedFromDeviceCode!: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) rentedAt!: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) returnedAt!: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) boughtOutAt!: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) lostAt!: string | null;
  @ApiProperty({ type: String, enum: POWER_BANK_FLAGS, nullable: true, description: 'For the operator: returned after its buyout, at another network’s cabinet, ejected while another open session rents it, or a return older than its eject.' })
  flag!: string | null;
  @ApiProperty({ type: String, nullable: true }) flagDetail!: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) flaggedAt!: string | null;
  @ApiProperty({ format: 'date-time' }) updatedAt!: string;
}

export class PowerBankListDto {
  @ApiProperty({ type: [PowerBankDto] }) items!: PowerBankDto[];
  @ApiProperty() total!: number;
}

export class ListPowerBanksQuery {
  @ApiPropertyOptional({ enum: POWER_BANK_STATES }) @IsOptional() @IsIn(POWER_BANK_STATES) state?: PowerBankState;
  @ApiPropertyOptional({ type: Boolean, description: 'Only flagged banks (true) or only unflagged ones (false).' })
  @IsOptional()
  @Transform(({ value }: { value: unknown }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean()
  flagged?: boolean;
  @ApiPropertyOptional({ format: 'uuid', description: 'Banks in this cabinet.' }) @IsOptional() @IsUUID() deviceId?: string;
  @ApiPropertyOptional({ description: 'Banks whose id starts with this (case-insensitive).' }) @IsOptional() @IsString() @Length(1, 64) bankId?: string;
  @ApiPropertyOptional({ default: 100, maximum: 500 }) @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(500) limit?: number;
  @ApiPropertyOptional({ default: 0 }) @IsOptional() @Type(() => Number) @IsInt() @Min(0) offset?: number;
}

export class InventorySlotDto {
  @ApiProperty() slot!: number;
  @ApiProperty({ type: String, nullable: true, description: 'The bank in it (null: free).' }) bankId!: string | null;
  @ApiProperty({ type: Number, nullable: true }) chargePercent!: number | null;
  @ApiProperty({ description: 'Charged enough to rent (≥ chargedPercent, or no charge reported).' }) charged!: boolean;
}

export class DeviceInventoryDto {
  @ApiProperty({ format: 'uuid' }) deviceId!: string;
  @ApiProperty() code!: string;
  @ApiProperty({ description: 'Its heartbeats report its slots (`slots: [{slot, bankId, chargePercent}]`): only then is a rental refused when no bank is charged.' }) reported!: boolean;
  @ApiProperty({ type: Number, nullable: true }) slotCount!: number | null;
  @ApiProperty({ type: [InventorySlotDto], description: 'Occupied and free slots, by slot number.' }) slots!: InventorySlotDto[];
  @ApiProperty({ type: Number, nullable: true, description: 'Slots with no bank (null: unknown).' }) freeSlots!: number | null;
  @ApiProperty() banks!: number;
  @ApiProperty({ description: 'Banks charged enough to rent.' }) chargedBanks!: number;
  @ApiProperty({ description: 'The threshold: a bank at or above this charge is rentable.' }) chargedPercent!: number;
  @ApiProperty({ type: [PowerBankDto], description: 'Banks in the cabinet, and those rented from it still out.' }) powerBanks!: PowerBankDto[];
}

export class ClearPowerBankFlagDto {
  @ApiProperty({ minLength: 1, maxLength: 500, example: '已联系用户，买断后归还的宝已回收入库', description: 'Why the flag is cleared (kept in the audit log).' })
  @Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value))
  @IsString()
  @Length(1, 500)
  note!: string;
}
