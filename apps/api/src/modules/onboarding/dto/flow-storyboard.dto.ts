import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsUUID } from 'class-validator';

export class FlowStoryboardQueryDto {
  @ApiPropertyOptional({ format: 'uuid', description: 'A device that charges through the account; absent: its first device with a pricing plan, by code.' })
  @IsOptional()
  @IsUUID()
  deviceId?: string;
}
