import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, MaxLength } from 'class-validator';
import { EVIDENCE_CONTENT_TYPES } from '../acceptance-rules.js';

const PURPOSE = '`step:<1.1|1.2|1.3|1.4|2.1|2.2|2.3>` or `acceptance:<runId>:<checklist item key>`';

/** The query of `POST …/evidence`: checked by the service (422 EVIDENCE_INVALID naming the field), not by the pipe. */
export class UploadEvidenceQueryDto {
  @ApiProperty({ example: 'step:1.3', description: `What the file is evidence of: ${PURPOSE}.` })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  purpose?: string;

  @ApiProperty({ example: '验证截图.png', description: 'The file’s name (URL-encoded in the query), 1–200 characters.' })
  @IsOptional()
  @IsString()
  @MaxLength(1000)
  name?: string;
}

export class ListEvidenceQueryDto {
  @ApiPropertyOptional({ example: 'step:1.3', description: `Only the files of this purpose (${PURPOSE}); all of the account’s when absent.` })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  purpose?: string;
}

export class EvidenceFileDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ example: 'step:1.3', description: PURPOSE }) purpose!: string;
  @ApiProperty({ example: '验证截图.png' }) name!: string;
  @ApiProperty({ enum: EVIDENCE_CONTENT_TYPES }) contentType!: string;
  @ApiProperty({ description: 'Size in bytes (1 to 10 MiB).' }) size!: number;
  @ApiProperty({ description: 'SHA-256 of the bytes, lower-case hex.' }) sha256!: string;
  @ApiProperty({ format: 'date-time' }) uploadedAt!: string;
  @ApiProperty({ type: String, nullable: true, format: 'uuid', description: 'The user who uploaded it.' }) uploadedBy!: string | null;
}

export class EvidenceListDto {
  @ApiProperty({ type: [EvidenceFileDto], description: 'Metadata only, oldest first.' }) items!: EvidenceFileDto[];
}
