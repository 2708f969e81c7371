import { ApiProperty } from '@nestjs/swagger';
import { DECISION_OUTCOMES, INTEREST_ACTIONS, INTEREST_NATURES, MEETING_KINDS } from '#contracts';

/** A decision as the public reads it once the minutes of its meeting are approved. */
export class PublicDecisionDto {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ example: 'Lung FDS below target for three months' })
  itemTitle!: string;

  @ApiProperty({
    nullable: true,
    type: String,
    description: 'The escalation case the item tabled; null for an item added by hand',
  })
  caseId!: string | null;

  @ApiProperty({ enum: DECISION_OUTCOMES })
  outcome!: (typeof DECISION_OUTCOMES)[number];

  @ApiProperty({
    example: 'The group cannot fund extra diagnostic capacity; escalated to the CAG.',
  })
  rationale!: string;

  @ApiProperty({ nullable: true, type: Number, description: 'Null where no vote was taken' })
  votesFor!: number | null;

  @ApiProperty({ nullable: true, type: Number })
  votesAgainst!: number | null;

  @ApiProperty({ nullable: true, type: Number })
  votesAbstained!: number | null;

  @ApiProperty({ format: 'date-time' })
  recordedAt!: string;
}

/**
 * A declaration of interest as minutes record it: the member by name, as minutes of NHS bodies
 * publish them, the interest and what the chair agreed they do for the item.
 */
export class PublicDeclarationDto {
  @ApiProperty({ example: 'Lung FDS below target for three months' })
  itemTitle!: string;

  @ApiProperty({ example: 'Dr A Clinician' })
  memberName!: string;

  @ApiProperty({ enum: INTEREST_NATURES })
  nature!: (typeof INTEREST_NATURES)[number];

  @ApiProperty({ example: 'Clinical director at one of the trusts named in the paper' })
  interest!: string;

  @ApiProperty({ enum: INTEREST_ACTIONS })
  action!: (typeof INTEREST_ACTIONS)[number];
}

/**
 * A meeting's approved minutes, the decisions it took and the interests declared; nothing of who
 * attended or recorded beyond the declarations.
 */
export class PublicMinutesDto {
  @ApiProperty({ format: 'uuid' })
  meetingId!: string;

  @ApiProperty({ format: 'uuid', description: 'The body that met' })
  bodyId!: string;

  @ApiProperty({ example: 'Lung Group' })
  title!: string;

  @ApiProperty({ enum: MEETING_KINDS })
  kind!: (typeof MEETING_KINDS)[number];

  @ApiProperty({ format: 'date-time' })
  startsAt!: string;

  @ApiProperty({ description: 'The approved minutes, as text or Markdown' })
  minutesText!: string;

  @ApiProperty({ format: 'uuid', description: 'The later meeting of the body that approved them' })
  approvedAtMeetingId!: string;

  @ApiProperty({
    format: 'date',
    example: '2026-04-14',
    description: 'The UK date the approving meeting started',
  })
  approvedOn!: string;

  @ApiProperty({ type: [PublicDecisionDto], description: 'In agenda order' })
  decisions!: PublicDecisionDto[];

  @ApiProperty({ type: [PublicDeclarationDto], description: 'In agenda order' })
  declarations!: PublicDeclarationDto[];
}

export class PublicMinutesPageDto {
  @ApiProperty({ type: [PublicMinutesDto], description: 'Newest meeting first' })
  items!: PublicMinutesDto[];

  @ApiProperty()
  total!: number;

  @ApiProperty()
  limit!: number;

  @ApiProperty()
  offset!: number;
}
