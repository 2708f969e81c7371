import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsIn,
  IsOptional,
  IsString,
  IsUrl,
  MaxLength,
  MinLength,
} from 'class-validator';
import { NOTIFICATION_CHANNELS } from '#contracts';
import type { NotificationChannel } from './notification.entity.js';

export class PreferenceDto {
  @ApiProperty({ enum: NOTIFICATION_CHANNELS, isArray: true, example: ['email', 'inbox'] })
  @IsArray()
  @ArrayUnique()
  @IsIn(NOTIFICATION_CHANNELS, { each: true })
  channels!: NotificationChannel[];

  @ApiProperty({ description: 'Non-urgent notifications once a day in one e-mail' })
  @IsBoolean()
  digest!: boolean;

  @ApiPropertyOptional({ example: 'https://trust.example.org/hooks/escalations' })
  @IsOptional()
  @IsUrl({ require_protocol: true, protocols: ['https', 'http'], require_tld: false })
  @MaxLength(500)
  webhookUrl?: string;

  @ApiPropertyOptional({
    description: 'The key bodies are signed with (HMAC-SHA256), 16 characters or more',
  })
  @IsOptional()
  @IsString()
  @MinLength(16)
  @MaxLength(200)
  webhookSecret?: string;
}
