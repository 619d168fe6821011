import { ApiProperty } from '@nestjs/swagger';

export class ComplianceDeviceDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() code!: string;
  @ApiProperty() type!: string;
  @ApiProperty({ description: 'The scenario the device’s type needs.' }) scenario!: string;
  @ApiProperty({ description: 'False when the device does not fit the service’s scenario (scans are refused).' }) fits!: boolean;
}

export class ScenarioRefusalDto {
  @ApiProperty() refusedAt!: string;
  @ApiProperty() deviceCode!: string;
  @ApiProperty() deviceType!: string;
  @ApiProperty({ description: 'Who scanned: the end user’s openid under the appid.' }) openid!: string;
  @ApiProperty() appid!: string;
}

export class ComplianceServiceDto {
  @ApiProperty() serviceId!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ enum: ['VENDING', 'POWERBANK_RENTAL', 'EV_CHARGING', 'WATER'] }) scenario!: string;
  @ApiProperty({ enum: ['DEPOSIT_WAIVED', 'USE_FIRST'] }) mode!: string;
  @ApiProperty() riskCapFen!: number;
  @ApiProperty({ type: String, nullable: true }) disabledAt!: string | null;
  @ApiProperty({ type: [ComplianceDeviceDto], description: 'The unrevoked devices that charge through this service: those bound to it, and for a franchisee that collects itself (issue 12) its own devices of this scenario, whatever they are bound to.' }) devices!: ComplianceDeviceDto[];
  @ApiProperty({ description: 'True when all its devices fit its scenario (a service never mixes scenarios).' }) scenariosUnmixed!: boolean;
  @ApiProperty({ type: [ScenarioRefusalDto], description: 'Scans refused by the scenario guard in the last 30 days, newest first (at most 100).' }) refusals!: ScenarioRefusalDto[];
}

export class ComplaintRateDto {
  @ApiProperty() complaints!: number;
  @ApiProperty() paidOrders!: number;
  @ApiProperty({ type: Number, nullable: true, description: 'complaints ÷ paid orders over 30 days; null without paid orders.' }) rate!: number | null;
  @ApiProperty({
    type: Number,
    nullable: true,
    example: 0.01,
    description:
      'The alert threshold in percent: the COMPLAINT_RATE alert rule in force for the account’s legal entity (its own rule, a franchisee’s brand’s, else the default) — the same row as the overview’s. Null only when the caller cannot see the account’s rate row.',
  })
  thresholdPercent!: number | null;
  @ApiProperty({ description: 'Whether that COMPLAINT_RATE rule is switched on.' }) alertEnabled!: boolean;
  @ApiProperty({ description: '`rate × 100 > thresholdPercent`, computed in the database exactly as the alert compares (false without paid orders).' }) aboveThreshold!: boolean;
  @ApiProperty() formula!: string;
}

export class ComplianceDto {
  @ApiProperty() merchantAccountId!: string;
  @ApiProperty({ type: [ComplianceServiceDto] }) services!: ComplianceServiceDto[];
  @ApiProperty({ type: ComplaintRateDto }) complaintRate!: ComplaintRateDto;
}
