import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsIn,
  IsOptional,
  IsUrl,
  MaxLength,
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

  @ApiPropertyOptional({
    example: 'https://trust.example.org/hooks/escalations',
    description:
      'An https URL whose host resolves only to public addresses. Setting a new URL issues a new signing secret, shown once in the answer as webhookSecret.',
  })
  @IsOptional()
  @IsUrl({ require_protocol: true, protocols: ['https', 'http'], require_tld: false })
  @MaxLength(500)
  webhookUrl?: string;
}

/** A webhook signing secret, shown once: when it is issued. */
export class WebhookSecretDto {
  @ApiProperty({
    example: 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw7s4mDZ5bWQE=',
    description:
      'Verify deliveries with it as the Standard Webhooks specification says: the base64 after whsec_ is the HMAC-SHA256 key over `${webhook-id}.${webhook-timestamp}.${body}`',
  })
  webhookSecret!: string;
}
