import { Body, Controller, Get, HttpCode, Post, Put, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { TenantScoped } from '../../platform/auth/access-policy.js';
import { ApiErrors } from '../../platform/errors/api-errors.js';
import { platformErrors } from '../../platform/errors/domain-error.js';
import { UuidParam } from '../../platform/errors/uuid-param.js';
import { CreatePlanDto, ListPlansQuery, PlanDetailDto, PlanListDto, PlanRepricingDto, PreviewPlanDto, UpdatePlanDto } from './dto/plans.dto.js';
import { fleetErrors } from './fleet.errors.js';
import { PlansService } from './plans.service.js';

/** The same roles that change devices (DevicesController). */
const WRITERS = ['OPERATOR_ADMIN', 'FRANCHISEE_ADMIN', 'CUSTOMER_ADMIN'] as const;

@ApiTags('fleet')
@ApiBearerAuth()
@Controller('v1/plans')
@TenantScoped()
export class PlansController {
  constructor(private readonly plans: PlansService) {}

  @Get()
  @ApiOperation({
    summary: 'List pricing plans',
    description:
      'The pricing plans of the organisations whose fleet the caller operates (its own and, for a franchise brand, its franchisees’; never a reseller’s customers’), newest first, ' +
      'each with its current version, its kind (`type`, from the charge parts of the current version) and how many devices use it. ' +
      'Filter by `type`, by vertical (`deviceType`: plans used by a device of that type), by `organizationId`, search by name (`q`); page with `limit` and `offset`; `total` counts every match.',
  })
  @ApiErrors(platformErrors.VALIDATION_FAILED)
  @ApiOkResponse({ type: PlanListDto })
  list(@Query() query: ListPlansQuery): Promise<PlanListDto> {
    return this.plans.list(query);
  }

  @Get(':id')
  @ApiOperation({
    summary: 'Get a pricing plan with its versions and devices',
    description: 'One plan: its current version’s plan, every version newest first with who published it and when, and the devices using it (by code).',
  })
  @ApiErrors(platformErrors.VALIDATION_FAILED, fleetErrors.PLAN_NOT_FOUND)
  @ApiOkResponse({ type: PlanDetailDto })
  detail(@UuidParam() id: string): Promise<PlanDetailDto> {
    return this.plans.detail(id);
  }

  @Post()
  @TenantScoped(...WRITERS)
  @ApiOperation({
    summary: 'Create a pricing plan',
    description:
      'A named plan at version 1 (contracts.md §3, checked by the pricing engine: every problem is named by its field path, e.g. `plan.rental.unitFen`), ' +
      'owned by the caller’s organisation or one whose fleet it operates (`organizationId`). Devices use it through `planId` ' +
      '(POST /v1/devices, PUT /v1/devices/{id}/plan). Audited (plan.create).',
  })
  @ApiErrors(platformErrors.VALIDATION_FAILED, fleetErrors.DEVICE_PLAN_INVALID, fleetErrors.PLAN_ORGANIZATION_NOT_FOUND)
  @ApiCreatedResponse({ type: PlanDetailDto })
  create(@Body() body: CreatePlanDto): Promise<PlanDetailDto> {
    return this.plans.create(body);
  }

  @Post(':id/preview')
  @HttpCode(200)
  @TenantScoped(...WRITERS)
  @ApiOperation({
    summary: 'Preview a new version: the devices it reprices',
    description:
      'A dry run of PUT /v1/plans/{id}: checks the plan and lists the devices whose new sessions would be priced by it (sessions already running keep their version), ' +
      'and whether it differs from the current version at all. Stores nothing; the console shows the list and asks before saving (with `expectedVersion`).',
  })
  @ApiErrors(platformErrors.VALIDATION_FAILED, fleetErrors.DEVICE_PLAN_INVALID, fleetErrors.PLAN_NOT_FOUND)
  @ApiOkResponse({ type: PlanRepricingDto })
  preview(@UuidParam() id: string, @Body() body: PreviewPlanDto): Promise<PlanRepricingDto> {
    return this.plans.preview(id, body.plan);
  }

  @Put(':id')
  @TenantScoped(...WRITERS)
  @ApiOperation({
    summary: 'Publish a new version of a pricing plan',
    description:
      'Appends the next immutable version (and renames the plan when `name` is given). Every device using the plan prices its new sessions with it at once; ' +
      'sessions already started keep the version they started with. With `expectedVersion` (the version a preview was made for), nothing is stored when another ' +
      'version was published since (409). Audited (plan.version.create, before/after).',
  })
  @ApiErrors(platformErrors.VALIDATION_FAILED, fleetErrors.DEVICE_PLAN_INVALID, fleetErrors.PLAN_NOT_FOUND, fleetErrors.PLAN_VERSION_CONFLICT)
  @ApiOkResponse({ type: PlanDetailDto, description: 'The plan at its new version.' })
  update(@UuidParam() id: string, @Body() body: UpdatePlanDto): Promise<PlanDetailDto> {
    return this.plans.update(id, body);
  }
}
