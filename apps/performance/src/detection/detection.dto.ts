import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsUUID } from 'class-validator';
import { PageQuery } from '#platform';

export class AnnouncementQuery extends PageQuery {
  @ApiPropertyOptional({ description: "Only this alliance's announcements" })
  @IsOptional()
  @IsUUID()
  allianceId?: string;
}
