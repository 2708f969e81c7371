import { ApiProperty } from '@nestjs/swagger';
import { BODY_KINDS } from '#contracts';
import { GuidanceDocumentDto } from './bodies.dto.js';

/** A body as anyone may read it: no members, no personal data, no terms of reference. */
export class PublicBodyDto {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ example: 'Lung Cancer Network Group' })
  name!: string;

  @ApiProperty({ enum: BODY_KINDS })
  kind!: (typeof BODY_KINDS)[number];

  @ApiProperty({ format: 'uuid' })
  allianceId!: string;

  @ApiProperty({ example: 'East of England Cancer Alliance' })
  allianceName!: string;

  @ApiProperty({
    format: 'uuid',
    nullable: true,
    type: String,
    description: 'Where the body escalates to; null for a Board',
  })
  parentBodyId!: string | null;
}

export class PublicBodyListDto {
  @ApiProperty({
    type: [PublicBodyDto],
    description:
      'Every body, by alliance name, then up the escalation ladder (groups, the Clinical Advisory Group, the Board), then name',
  })
  items!: PublicBodyDto[];
}

export class PublicBodyDetailDto extends PublicBodyDto {
  @ApiProperty({ type: [GuidanceDocumentDto], description: "The body's public guidance" })
  guidance!: GuidanceDocumentDto[];
}
