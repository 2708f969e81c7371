import { ApiProperty } from '@nestjs/swagger';
import { IsString, IsUUID, MaxLength, MinLength } from 'class-validator';

export class DraftMinutesDto {
  @ApiProperty({ description: 'The minutes, as text or Markdown' })
  @IsString()
  @MinLength(1)
  @MaxLength(200_000)
  text!: string;
}

export class ApproveMinutesDto {
  @ApiProperty({ description: 'The later, quorate meeting of the body that approved them' })
  @IsUUID()
  atMeetingId!: string;
}
