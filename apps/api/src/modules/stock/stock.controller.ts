import { Body, Controller, Get, Post, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { TenantScoped } from '../../platform/auth/access-policy.js';
import { ApiErrors } from '../../platform/errors/api-errors.js';
import { platformErrors } from '../../platform/errors/domain-error.js';
import { UuidParam } from '../../platform/errors/uuid-param.js';
import {
  CreateRestockDto,
  CreateStockCountDto,
  LowStockListDto,
  PlanogramDto,
  PutPlanogramDto,
  RestockDto,
  RestockListDto,
  StockCountDto,
  StockCountListDto,
  StockDto,
  StockMovementListDto,
} from './dto/stock.dto.js';
import { stockErrors } from './stock.errors.js';
import { StockService } from './stock.service.js';

const WRITERS = ['OPERATOR_ADMIN', 'FRANCHISEE_ADMIN', 'CUSTOMER_ADMIN'] as const;
const SEE = 'A fridge whose data the caller may see (its owner, a franchise brand above it, the platform; never a hardware reseller for its customers’: 404).';

@ApiTags('stock')
@ApiBearerAuth()
@Controller('v1/devices/:id')
@TenantScoped()
export class FridgeStockController {
  constructor(private readonly stock: StockService) {}

  @Get('planogram')
  @ApiOperation({ summary: 'Get a fridge’s planogram', description: `The SKU and par level of each shelf and slot. ${SEE}` })
  @ApiOkResponse({ type: PlanogramDto })
  @ApiErrors(platformErrors.VALIDATION_FAILED, stockErrors.STOCK_DEVICE_NOT_FOUND, stockErrors.STOCK_NOT_A_FRIDGE)
  planogram(@UuidParam() id: string): Promise<PlanogramDto> {
    return this.stock.planogram(id);
  }

  @Put('planogram')
  @TenantScoped(...WRITERS)
  @ApiOperation({
    summary: 'Replace a fridge’s planogram',
    description: `Every SKU must be in the catalog of the fridge’s pricing plan (refused naming \`slots.<i>.sku\`); a shelf and slot appears once. Starts the book for new SKUs at 0; from then on the fridge’s sessions decrement it. Audited. ${SEE}`,
  })
  @ApiOkResponse({ type: PlanogramDto })
  @ApiErrors(platformErrors.VALIDATION_FAILED, stockErrors.STOCK_DEVICE_NOT_FOUND, stockErrors.STOCK_NOT_A_FRIDGE, stockErrors.STOCK_SKU_UNKNOWN, stockErrors.STOCK_SLOT_DUPLICATE)
  putPlanogram(@UuidParam() id: string, @Body() body: PutPlanogramDto): Promise<PlanogramDto> {
    return this.stock.putPlanogram(id, body);
  }

  @Get('stock')
  @ApiOperation({
    summary: 'Get a fridge’s stock',
    description: `The book per SKU with its par level, what to fill and the low mark (the FRIDGE_LOW_STOCK rule’s share of par), and the latest sales beyond the book (charged as the fridge reported; the book floors at 0). ${SEE}`,
  })
  @ApiOkResponse({ type: StockDto })
  @ApiErrors(platformErrors.VALIDATION_FAILED, stockErrors.STOCK_DEVICE_NOT_FOUND, stockErrors.STOCK_NOT_A_FRIDGE)
  get(@UuidParam() id: string): Promise<StockDto> {
    return this.stock.stock(id);
  }

  @Get('stock/movements')
  @ApiOperation({ summary: 'A fridge’s stock history', description: `The latest 200 movements of the book: sales, restocks, expired removals, count corrections. ${SEE}` })
  @ApiOkResponse({ type: StockMovementListDto })
  @ApiErrors(platformErrors.VALIDATION_FAILED, stockErrors.STOCK_DEVICE_NOT_FOUND, stockErrors.STOCK_NOT_A_FRIDGE)
  movements(@UuidParam() id: string): Promise<StockMovementListDto> {
    return this.stock.movements(id);
  }

  @Post('restocks')
  @TenantScoped(...WRITERS)
  @ApiOperation({
    summary: 'Record a restock',
    description: `Per SKU: expired items taken out (the book floors at 0), then items added. Raises the book; who and when are recorded. Audited. ${SEE}`,
  })
  @ApiCreatedResponse({ type: RestockDto })
  @ApiErrors(platformErrors.VALIDATION_FAILED, stockErrors.STOCK_DEVICE_NOT_FOUND, stockErrors.STOCK_NOT_A_FRIDGE, stockErrors.STOCK_SKU_UNKNOWN, stockErrors.STOCK_SKU_DUPLICATE, stockErrors.STOCK_NOTHING_TO_RECORD)
  restock(@UuidParam() id: string, @Body() body: CreateRestockDto): Promise<RestockDto> {
    return this.stock.restock(id, body);
  }

  @Get('restocks')
  @ApiOperation({ summary: 'A fridge’s restocks', description: `The latest 100, newest first. ${SEE}` })
  @ApiOkResponse({ type: RestockListDto })
  @ApiErrors(platformErrors.VALIDATION_FAILED, stockErrors.STOCK_DEVICE_NOT_FOUND, stockErrors.STOCK_NOT_A_FRIDGE)
  restocks(@UuidParam() id: string): Promise<RestockListDto> {
    return this.stock.restocks(id);
  }

  @Post('stock-counts')
  @TenantScoped(...WRITERS)
  @ApiOperation({ summary: 'Record a stock count', description: `Sets the book of each counted SKU to what was counted and records the difference. Audited. ${SEE}` })
  @ApiCreatedResponse({ type: StockCountDto })
  @ApiErrors(platformErrors.VALIDATION_FAILED, stockErrors.STOCK_DEVICE_NOT_FOUND, stockErrors.STOCK_NOT_A_FRIDGE, stockErrors.STOCK_SKU_UNKNOWN, stockErrors.STOCK_SKU_DUPLICATE)
  count(@UuidParam() id: string, @Body() body: CreateStockCountDto): Promise<StockCountDto> {
    return this.stock.count(id, body);
  }

  @Get('stock-counts')
  @ApiOperation({ summary: 'A fridge’s stock counts', description: `The latest 100, newest first, with the differences. ${SEE}` })
  @ApiOkResponse({ type: StockCountListDto })
  @ApiErrors(platformErrors.VALIDATION_FAILED, stockErrors.STOCK_DEVICE_NOT_FOUND, stockErrors.STOCK_NOT_A_FRIDGE)
  counts(@UuidParam() id: string): Promise<StockCountListDto> {
    return this.stock.counts(id);
  }
}

@ApiTags('stock')
@ApiBearerAuth()
@Controller('v1/stock')
@TenantScoped()
export class StockOverviewController {
  constructor(private readonly stock: StockService) {}

  @Get('below-par')
  @ApiOperation({
    summary: 'Fridges below par',
    description: 'The fridges whose data the caller may see with a SKU below its par level (the morning restock run), most low SKUs and most to fill first (a hardware reseller: its own only).',
  })
  @ApiOkResponse({ type: LowStockListDto })
  @ApiErrors()
  belowPar(): Promise<LowStockListDto> {
    return this.stock.belowPar();
  }
}
