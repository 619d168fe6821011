import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsInt, IsOptional, IsString, Length, Max, MaxLength, Min, ValidateNested } from 'class-validator';

export class PlanogramSlotDto {
  @ApiProperty({ minimum: 1, maximum: 50, example: 1 }) @IsInt() @Min(1) @Max(50) shelf!: number;
  @ApiProperty({ minimum: 1, maximum: 100, example: 1 }) @IsInt() @Min(1) @Max(100) slot!: number;
  @ApiProperty({ example: 'cola-330', description: 'A SKU of the catalog of the fridge’s pricing plan.' }) @IsString() @Length(1, 64) sku!: string;
  @ApiProperty({ minimum: 0, maximum: 10000, example: 8, description: 'How many this slot holds when full.' }) @IsInt() @Min(0) @Max(10000) parLevel!: number;
}

export class PutPlanogramDto {
  @ApiProperty({ type: [PlanogramSlotDto], description: 'The whole planogram: it replaces the previous one.' })
  @IsArray()
  @ArrayMaxSize(500)
  @ValidateNested({ each: true })
  @Type(() => PlanogramSlotDto)
  slots!: PlanogramSlotDto[];
}

export class PlanogramDto {
  @ApiProperty({ format: 'uuid' }) deviceId!: string;
  @ApiProperty({ type: [PlanogramSlotDto] }) slots!: PlanogramSlotDto[];
}

export class StockLineDto {
  @ApiProperty() sku!: string;
  @ApiProperty({ description: 'The catalog name (empty when the SKU left the catalog).' }) name!: string;
  @ApiProperty({ description: 'The sum of the par levels of its slots (0 when not in the planogram).' }) parLevel!: number;
  @ApiProperty({ description: 'The book: what should be in the fridge.' }) onHand!: number;
  @ApiProperty({ description: 'Par level minus on hand, at least 0: what the morning restock brings.' }) toFill!: number;
  @ApiProperty({ description: 'Below the low-stock rule’s share of par (FRIDGE_LOW_STOCK).' }) low!: boolean;
  @ApiProperty({ format: 'date-time' }) updatedAt!: string;
}

export class DiscrepancyDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() sku!: string;
  @ApiProperty({ format: 'uuid' }) sessionId!: string;
  @ApiProperty({ description: 'How many the fridge reported sold beyond the book (charged as reported; the book floors at 0).' }) shortfall!: number;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
}

export class CatalogItemDto {
  @ApiProperty() sku!: string;
  @ApiProperty() name!: string;
}

export class StockDto {
  @ApiProperty({ format: 'uuid' }) deviceId!: string;
  @ApiProperty() deviceCode!: string;
  @ApiProperty({ type: [CatalogItemDto], description: 'The catalog of the fridge’s current pricing plan: the SKUs a planogram, restock or count may name.' }) catalog!: CatalogItemDto[];
  @ApiProperty({ description: 'The FRIDGE_LOW_STOCK rule in force for the fridge’s organisation: low below this percent of par.' }) lowThresholdPercent!: number;
  @ApiProperty({ type: [StockLineDto] }) lines!: StockLineDto[];
  @ApiProperty({ type: [DiscrepancyDto], description: 'The latest 50 sales beyond the book.' }) discrepancies!: DiscrepancyDto[];
}

export class RestockLineInputDto {
  @ApiProperty({ example: 'cola-330' }) @IsString() @Length(1, 64) sku!: string;
  @ApiProperty({ minimum: 0, maximum: 10000, description: 'Items put in.' }) @IsInt() @Min(0) @Max(10000) added!: number;
  @ApiPropertyOptional({ minimum: 0, maximum: 10000, description: 'Expired items taken out (before adding).' }) @IsOptional() @IsInt() @Min(0) @Max(10000) removedExpired?: number;
}

export class CreateRestockDto {
  @ApiProperty({ type: [RestockLineInputDto] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(200)
  @ValidateNested({ each: true })
  @Type(() => RestockLineInputDto)
  lines!: RestockLineInputDto[];
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(500) note?: string;
}

export class RestockLineDto {
  @ApiProperty() sku!: string;
  @ApiProperty() added!: number;
  @ApiProperty() removedExpired!: number;
  @ApiProperty() onHandBefore!: number;
  @ApiProperty() onHandAfter!: number;
}

export class RestockDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) deviceId!: string;
  @ApiProperty({ type: [RestockLineDto] }) lines!: RestockLineDto[];
  @ApiProperty({ type: String, nullable: true }) note!: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ type: String, nullable: true, format: 'uuid' }) createdBy!: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'The display name of who restocked.' }) createdByName!: string | null;
}

export class RestockListDto {
  @ApiProperty({ type: [RestockDto] }) items!: RestockDto[];
}

export class CountLineInputDto {
  @ApiProperty({ example: 'cola-330' }) @IsString() @Length(1, 64) sku!: string;
  @ApiProperty({ minimum: 0, maximum: 100000, description: 'What the operator counted in the fridge.' }) @IsInt() @Min(0) @Max(100000) counted!: number;
}

export class CreateStockCountDto {
  @ApiProperty({ type: [CountLineInputDto] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(200)
  @ValidateNested({ each: true })
  @Type(() => CountLineInputDto)
  lines!: CountLineInputDto[];
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(500) note?: string;
}

export class CountLineDto {
  @ApiProperty() sku!: string;
  @ApiProperty({ description: 'The book before the count.' }) booked!: number;
  @ApiProperty() counted!: number;
  @ApiProperty({ description: 'counted − booked.' }) difference!: number;
}

export class StockCountDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) deviceId!: string;
  @ApiProperty({ type: [CountLineDto] }) lines!: CountLineDto[];
  @ApiProperty({ type: String, nullable: true }) note!: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ type: String, nullable: true, format: 'uuid' }) createdBy!: string | null;
  @ApiProperty({ type: String, nullable: true }) createdByName!: string | null;
}

export class StockCountListDto {
  @ApiProperty({ type: [StockCountDto] }) items!: StockCountDto[];
}

export class StockMovementDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() sku!: string;
  @ApiProperty({ enum: ['SALE', 'RESTOCK', 'EXPIRED', 'COUNT'] }) kind!: 'SALE' | 'RESTOCK' | 'EXPIRED' | 'COUNT';
  @ApiProperty() delta!: number;
  @ApiProperty() onHandAfter!: number;
  @ApiProperty() shortfall!: number;
  @ApiProperty({ type: String, nullable: true, format: 'uuid' }) sessionId!: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
}

export class StockMovementListDto {
  @ApiProperty({ type: [StockMovementDto] }) items!: StockMovementDto[];
}

export class LowStockLineDto {
  @ApiProperty() sku!: string;
  @ApiProperty() name!: string;
  @ApiProperty() parLevel!: number;
  @ApiProperty() onHand!: number;
  @ApiProperty() toFill!: number;
  @ApiProperty() low!: boolean;
}

export class LowStockFridgeDto {
  @ApiProperty({ format: 'uuid' }) deviceId!: string;
  @ApiProperty() deviceCode!: string;
  @ApiProperty({ type: String, nullable: true }) deviceName!: string | null;
  @ApiProperty() siteName!: string;
  @ApiProperty({ format: 'uuid' }) organizationId!: string;
  @ApiProperty() organizationName!: string;
  @ApiProperty({ description: 'Items to bring to fill every SKU to par.' }) toFill!: number;
  @ApiProperty({ description: 'SKUs below the low-stock share of par.' }) lowSkus!: number;
  @ApiProperty({ type: [LowStockLineDto], description: 'The SKUs below par.' }) lines!: LowStockLineDto[];
}

export class LowStockListDto {
  @ApiProperty({ type: [LowStockFridgeDto], description: 'The fridges with a SKU below par, most to fill first.' }) items!: LowStockFridgeDto[];
}
