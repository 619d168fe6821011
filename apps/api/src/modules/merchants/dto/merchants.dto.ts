import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsIn,
  IsInt,
  IsObject,
  IsOptional,
  IsString,
  Length,
  Matches,
  Max,
  Min,
  ValidateNested,
} from 'class-validator';
import type { PayscoreScenario } from '@zizhu/pricing';
import { PAYSCORE_SCENARIOS, SERVICE_MODES, type ServiceMode } from '../merchant-store.js';
import { TRANSFER_SCENE_LIMITS } from '../transfer-scene.js';

const APPID = /^wx[0-9A-Za-z]{6,32}$/;

export class PlatformCertificateDto {
  @ApiProperty({ description: 'Serial number of the WeChat Pay platform certificate (hex).' })
  @IsString()
  @Matches(/^[0-9A-Fa-f]{8,64}$/, { message: 'serialNo must be 8–64 hex digits' })
  serialNo!: string;

  @ApiProperty({ description: 'The platform certificate (or its public key) as PEM.' }) @IsString() @Length(64, 20_000) pem!: string;
}

/** The secret and key material of a merchant; shared by create and replace. */
export class MerchantCredentialsDto {
  @ApiProperty({ example: '5157F09EFDC096DE15EBE81A47057A7232F1B8E1', description: 'Serial number of the merchant API certificate.' })
  @IsString()
  @Matches(/^[0-9A-Fa-f]{8,64}$/, { message: 'serialNo must be 8–64 hex digits' })
  serialNo!: string;

  @ApiProperty({ description: 'The merchant API private key (apiclient_key.pem). Write-only: never returned.', writeOnly: true })
  @IsString()
  @Length(100, 20_000)
  privateKeyPem!: string;

  @ApiProperty({ description: 'The APIv3 key (32 characters). Write-only.', writeOnly: true, minLength: 32, maxLength: 32 })
  @IsString()
  @Length(32, 32)
  apiV3Key!: string;

  @ApiProperty({ description: 'The APIv2 key (32 characters), for the mini-program jump signature. Write-only.', writeOnly: true, minLength: 32, maxLength: 32 })
  @IsString()
  @Length(32, 32)
  apiV2Key!: string;

  @ApiPropertyOptional({ example: 'PUB_KEY_ID_0112345678901234567890123456789012', description: 'WeChat Pay public key id (public-key mode).' })
  @IsOptional()
  @IsString()
  @Matches(/^PUB_KEY_ID_[0-9A-Za-z_]{1,64}$/, { message: 'platformPublicKeyId must be a PUB_KEY_ID_…' })
  platformPublicKeyId?: string;

  @ApiPropertyOptional({ description: 'WeChat Pay public key (PEM), with platformPublicKeyId.' }) @IsOptional() @IsString() @Length(64, 20_000) platformPublicKeyPem?: string;

  @ApiPropertyOptional({ type: [PlatformCertificateDto], description: 'Platform certificates (certificate mode).' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(10)
  @ValidateNested({ each: true })
  @Type(() => PlatformCertificateDto)
  platformCertificates?: PlatformCertificateDto[];

  @ApiPropertyOptional({
    type: 'object',
    additionalProperties: { type: 'string' },
    description: 'Mini-program secrets by appid (for the consumer login). Write-only.',
    writeOnly: true,
  })
  @IsOptional()
  @IsObject()
  appSecrets?: Record<string, string>;
}

export class CreateMerchantAccountDto extends MerchantCredentialsDto {
  @ApiProperty({ example: '小电共享充电宝' }) @IsString() @Length(1, 200) name!: string;

  @ApiProperty({ example: '1230000109', description: 'WeChat Pay merchant id.' })
  @IsString()
  @Matches(/^[0-9]{6,32}$/, { message: 'mchid must be 6–32 digits' })
  mchid!: string;

  @ApiProperty({ type: [String], example: ['wxd678efh567hg6787'], description: 'Mini-program / app ids bound to the mchid.' })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(20)
  @ArrayUnique()
  @Matches(APPID, { each: true, message: 'each appid must be wx followed by 6–32 letters or digits' })
  appids!: string[];
}

export class ReplaceCredentialsDto extends MerchantCredentialsDto {}

export class TransferSceneReportInfoDto {
  @ApiProperty({ example: '岗位类型', maxLength: TRANSFER_SCENE_LIMITS.infoType, description: 'The report item’s type (info_type) as the scene asks for it.' })
  @IsString()
  @Length(1, TRANSFER_SCENE_LIMITS.infoType)
  infoType!: string;

  @ApiProperty({
    example: '分成结算{period}',
    maxLength: TRANSFER_SCENE_LIMITS.infoContent,
    description: 'The item’s content (info_content); `{period}` becomes the statement’s period (`YYYYMMDD-YYYYMMDD`, 17 characters), and the result must fit in 32 characters.',
  })
  @IsString()
  @Length(1, TRANSFER_SCENE_LIMITS.infoContent)
  infoContent!: string;
}

/** PUT /v1/merchant-accounts/:id/transfer-scene */
export class TransferSceneDto {
  @ApiProperty({ example: '1005', description: 'WeChat’s transfer scene id (transfer_scene_id, 4 digits), as approved for this merchant in its merchant platform.' })
  @IsString()
  @Matches(/^[0-9]{4}$/, { message: 'sceneId must be 4 digits' })
  sceneId!: string;

  @ApiProperty({ type: [TransferSceneReportInfoDto], description: 'The scene’s report items (transfer_scene_report_infos), each infoType once.' })
  @IsArray()
  @ArrayMinSize(TRANSFER_SCENE_LIMITS.infos.min)
  @ArrayMaxSize(TRANSFER_SCENE_LIMITS.infos.max)
  @ValidateNested({ each: true })
  @Type(() => TransferSceneReportInfoDto)
  reportInfos!: TransferSceneReportInfoDto[];
}

export class TransferSceneViewDto extends TransferSceneDto {
  @ApiProperty({ description: 'True when the account stores no scene of its own and pays under the platform’s default (1005 佣金报酬; unconfirmed for franchise revenue shares).' })
  isDefault!: boolean;
}

export const COMPLAINT_NOTIFICATION_STATES = ['REGISTERED', 'PENDING', 'FAILED', 'UNAVAILABLE'] as const;
export type ComplaintNotificationState = (typeof COMPLAINT_NOTIFICATION_STATES)[number];
export const COMPLAINT_NOTIFICATION_UNAVAILABLE_REASONS = ['ACCOUNT_DISABLED', 'PLATFORM_KEYS_UNCONFIRMED'] as const;
export type ComplaintNotificationUnavailableReason = (typeof COMPLAINT_NOTIFICATION_UNAVAILABLE_REASONS)[number];

/** Whether WeChat sends this account's consumer complaints here (its complaint notification URL, modules/complaints). */
export class ComplaintNotificationStatusDto {
  @ApiProperty({
    enum: COMPLAINT_NOTIFICATION_STATES,
    description:
      '`REGISTERED`: WeChat answered the URL below; `PENDING`: the registration job has not succeeded yet; `FAILED`: its last attempt failed (`lastError`), it is retried with back-off ' +
      'and by the periodic catch-up; `UNAVAILABLE`: it cannot work for this account (`unavailableReason`), nothing is tried.',
  })
  state!: ComplaintNotificationState;
  @ApiProperty({ type: String, nullable: true, description: 'The URL WeChat answered at the last registration.' }) url!: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true, description: 'When it was last registered.' }) registeredAt!: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'Why the last attempt failed (WeChat’s code); null once one succeeded.' }) lastError!: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true, description: 'When the last attempt was made.' }) lastAttemptAt!: string | null;
  @ApiProperty({
    enum: COMPLAINT_NOTIFICATION_UNAVAILABLE_REASONS,
    nullable: true,
    description: '`ACCOUNT_DISABLED`: a disabled account is not registered; `PLATFORM_KEYS_UNCONFIRMED`: WeChat’s answers cannot be verified until its credentials are saved again.',
  })
  unavailableReason!: ComplaintNotificationUnavailableReason | null;
}

export class MerchantAccountDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid', description: 'The merchant of record.' }) organizationId!: string;
  @ApiProperty() name!: string;
  @ApiProperty() mchid!: string;
  @ApiProperty({ type: [String] }) appids!: string[];
  @ApiProperty() serialNo!: string;
  @ApiProperty({ type: String, nullable: true }) platformPublicKeyId!: string | null;
  @ApiProperty({ type: [String], description: 'Serials of the platform certificates configured.' }) platformCertificateSerials!: string[];
  @ApiProperty() hasPrivateKey!: boolean;
  @ApiProperty() hasApiV3Key!: boolean;
  @ApiProperty() hasApiV2Key!: boolean;
  @ApiProperty({ description: 'Bumped each time the credentials are replaced.' }) credentialsVersion!: number;
  @ApiProperty({ description: 'Id (not the key) of the master key wrapping this account’s data key.' }) masterKeyId!: string;
  @ApiProperty({ enum: ['ACTIVE', 'DISABLED'], description: '`DISABLED` once disabled: its services charge nothing new.' }) status!: 'ACTIVE' | 'DISABLED';
  @ApiProperty({
    enum: ['ACCEPTED', 'NOT_VALIDATED'],
    description: 'The result of the last credentials check: `ACCEPTED` when a signed test call to WeChat Pay (or the simulator) accepted them at `validatedAt` — credentials it refuses are never stored —, `NOT_VALIDATED` when none was made (seeded accounts).',
  })
  validationResult!: 'ACCEPTED' | 'NOT_VALIDATED';
  @ApiProperty({ type: String, format: 'date-time', nullable: true, description: 'When a test call last accepted the credentials.' }) validatedAt!: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) disabledAt!: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ format: 'date-time' }) updatedAt!: string;
  @ApiProperty({ type: TransferSceneViewDto, description: 'The WeChat transfer scene its franchisee payouts are sent under.' }) transferScene!: TransferSceneViewDto;
  @ApiProperty({ type: ComplaintNotificationStatusDto, description: 'The registration of its complaint notification URL with WeChat (done by a job at creation; retried).' })
  complaintNotification!: ComplaintNotificationStatusDto;
}

export class CreatePayscoreServiceDto {
  @ApiProperty({ example: '2002000000000558128851361561536', description: 'WeChat’s Pay Score service id.' })
  @IsString()
  @Matches(/^[0-9A-Za-z_-]{1,64}$/, { message: 'serviceId must be 1–64 letters, digits, - or _' })
  serviceId!: string;

  @ApiProperty({ example: '充电宝免押租借' }) @IsString() @Length(1, 200) name!: string;
  @ApiProperty({ enum: PAYSCORE_SCENARIOS, description: 'The scenario WeChat approved the service for; only devices of that vertical may use it.' })
  @IsIn(PAYSCORE_SCENARIOS)
  scenario!: PayscoreScenario;

  @ApiProperty({ enum: SERVICE_MODES }) @IsIn(SERVICE_MODES) mode!: ServiceMode;
  @ApiProperty({ minimum: 1, description: 'The highest risk fund WeChat allows per order, in fen.' })
  @IsInt()
  @Min(1)
  @Max(2_147_483_647)
  riskCapFen!: number;
}

export class PayscoreServiceDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) merchantAccountId!: string;
  @ApiProperty({ format: 'uuid', description: 'The merchant of record.' }) organizationId!: string;
  @ApiProperty() serviceId!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ enum: PAYSCORE_SCENARIOS }) scenario!: PayscoreScenario;
  @ApiProperty({ enum: SERVICE_MODES }) mode!: ServiceMode;
  @ApiProperty() riskCapFen!: number;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) disabledAt!: string | null;
}

export class MerchantAccountDetailDto extends MerchantAccountDto {
  @ApiProperty({ type: [PayscoreServiceDto] }) services!: PayscoreServiceDto[];
}

export class BindPayscoreServiceDto {
  @ApiProperty({ example: '2002000000000558128851361561536', description: 'A service id of the device’s merchant of record (a franchisee: its brand’s).' })
  @IsString()
  @Matches(/^[0-9A-Za-z_-]{1,64}$/, { message: 'serviceId must be 1–64 letters, digits, - or _' })
  serviceId!: string;
}

export class DevicePayscoreBindingDto {
  @ApiProperty({ format: 'uuid' }) deviceId!: string;
  @ApiProperty() payscoreServiceId!: string;
  @ApiProperty({ type: PayscoreServiceDto }) service!: PayscoreServiceDto;
  @ApiProperty({ type: Number, nullable: true, description: 'The risk fund the device’s current plan asks for (its total cap), in fen.' })
  riskFundFen!: number | null;
}
