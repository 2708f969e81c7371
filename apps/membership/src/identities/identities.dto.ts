import { ApiProperty } from '@nestjs/swagger';
import { IsString, MaxLength, MinLength } from 'class-validator';

/** An identity provider's account to link to a member: its issuer and its subject there. */
export class LinkIdentityDto {
  @ApiProperty({ example: 'https://login.microsoftonline.com/<tenant>/v2.0' })
  @IsString()
  @MinLength(1)
  @MaxLength(500)
  issuer!: string;

  @ApiProperty({ example: 'AAAAAAAAAAAAAAAAAAAAAIkzqFVrSaSaFHy782bbtaQ' })
  @IsString()
  @MinLength(1)
  @MaxLength(255)
  subject!: string;
}
