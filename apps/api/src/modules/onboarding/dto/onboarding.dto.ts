import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsIn, IsInt, IsOptional, IsString, IsUUID, Matches, Max, MaxLength, Min, MinLength, ValidateIf, ValidateNested } from 'class-validator';
import { STEP_KEYS, STEP_STATES, SUBJECT_TYPES, type StepKey, type StepState, type StoredState, type SubjectType } from '../onboarding-rules.js';

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/**
 * A step's evidence: either metadata only (the file stays with the operator), or `fileId`, a file uploaded to the
 * account's evidence store (`POST …/evidence?purpose=step:<step>`), whose name, type and size then come from the file.
 */
export class EvidenceDto {
  @ApiPropertyOptional({ format: 'uuid', description: 'An evidence file of this account with purpose step:<this step> (else 422 naming evidence.fileId); its name, type and size are shown from the file.' })
  @IsOptional()
  @IsUUID()
  fileId?: string;

  @ApiProperty({ maxLength: 200, example: '验收录屏.mp4', description: 'The file’s name as kept by the operator (optional with fileId: the stored file’s name).' })
  @ValidateIf((o: EvidenceDto) => o.fileId === undefined || o.fileName !== undefined)
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  fileName!: string;

  @ApiPropertyOptional({ maxLength: 100, example: 'video/mp4' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  contentType?: string;

  @ApiPropertyOptional({ minimum: 0, maximum: 10485760, description: 'Size in bytes (≤ 10 MiB).' })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(10485760)
  sizeBytes?: number;

  @ApiPropertyOptional({ example: '2026-12-06', description: 'The day it was made or sent (YYYY-MM-DD).' })
  @IsOptional()
  @Matches(DAY, { message: 'date must be a date YYYY-MM-DD' })
  date?: string;

  @ApiPropertyOptional({ maxLength: 500 })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  note?: string;

  @ApiPropertyOptional({ description: 'With fileId: the stored file’s SHA-256 (read only; ignored on PUT).' })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  sha256?: string;
}

export class PutOnboardingStepDto {
  @ApiProperty({ enum: STEP_STATES, description: 'The operator’s state of the step. 2.2 is DONE only when the platform has seen its orders.' })
  @IsIn(STEP_STATES)
  state!: StoredState;

  @ApiPropertyOptional({ example: '2026-12-01', description: 'Asia/Shanghai day the step was submitted or done; for 1.4 the 7–10 working days count from it.' })
  @IsOptional()
  @Matches(DAY, { message: 'submittedOn must be a date YYYY-MM-DD' })
  submittedOn?: string;

  @ApiPropertyOptional({ maxLength: 2000 })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  note?: string;

  @ApiPropertyOptional({ type: [EvidenceDto], maxItems: 20, description: 'Replaces the step’s evidence (metadata, or a stored file by fileId).' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @ValidateNested({ each: true })
  @Type(() => EvidenceDto)
  evidence?: EvidenceDto[];
}

export class PutOnboardingSubjectDto {
  @ApiProperty({ enum: SUBJECT_TYPES, description: '主体类型 as on the business licence. INDIVIDUAL_BUSINESS, MICRO_MERCHANT and SERVICE_PROVIDER cannot apply for direct Pay Score.' })
  @IsIn(SUBJECT_TYPES)
  subjectType!: SubjectType;
}

export class OnboardingStepDto {
  @ApiProperty({ enum: STEP_KEYS }) key!: StepKey;
  @ApiProperty() title!: string;
  @ApiProperty({ description: 'Who does it.' }) who!: string;
  @ApiProperty({ type: [String], description: 'What it needs.' }) needs!: string[];
  @ApiProperty({ enum: [...STEP_STATES, 'BLOCKED'] }) state!: StepState;
  @ApiProperty({ type: [String] }) blockers!: string[];
  @ApiProperty({ type: [String], description: 'What the platform checked itself.' }) checks!: string[];
  @ApiProperty({ type: Object, nullable: true, description: '1.4: expected answer (7–10 working days after submittedOn); 2.3: the next review day (Tuesday or Thursday).' })
  expected!: { from: string; to: string } | null;
  @ApiProperty({ type: String, nullable: true }) submittedOn!: string | null;
  @ApiProperty({ type: String, nullable: true }) note!: string | null;
  @ApiProperty({ type: [EvidenceDto] }) evidence!: EvidenceDto[];
}

export class OnboardingNextActionDto {
  @ApiProperty({ enum: STEP_KEYS }) step!: StepKey;
  @ApiProperty() text!: string;
}

export class OnboardingDto {
  @ApiProperty({ type: OnboardingNextActionDto, nullable: true, description: 'What to do next (null when done or refused).' }) nextAction!: OnboardingNextActionDto | null;
  @ApiProperty({ type: String, nullable: true, description: 'Why this subject cannot apply for direct Pay Score; the tracker stops.' }) refused!: string | null;
  @ApiProperty() merchantAccountId!: string;
  @ApiProperty({ enum: SUBJECT_TYPES, nullable: true }) subjectType!: SubjectType | null;
  @ApiProperty({ type: [OnboardingStepDto] }) steps!: OnboardingStepDto[];
  @ApiProperty({ type: [String] }) notes!: string[];
}
