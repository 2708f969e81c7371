import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsEmail, IsIn, IsOptional, IsString, MaxLength, MinLength } from 'class-validator';
import { COMMENT_RELATIONSHIPS, type CommentRelationship } from './pathway-comment.entity.js';

const trimmed = ({ value }: { value: unknown }) =>
  typeof value === 'string' ? value.trim() : value;

// A form without JavaScript sends the fields left empty as empty strings: they are not given.
const trimmedOrAbsent = ({ value }: { value: unknown }) =>
  typeof value === 'string' ? value.trim() || undefined : value;

/** A comment on a pathway under consultation, from a patient, a carer or anyone. */
export class PostCommentDto {
  @ApiProperty({ minLength: 1, maxLength: 5000, description: 'Trimmed; never shown publicly' })
  @Transform(trimmed)
  @IsString()
  @MinLength(1)
  @MaxLength(5000)
  comment!: string;

  @ApiProperty({ enum: COMMENT_RELATIONSHIPS, description: 'Who the commenter is' })
  @IsIn(COMMENT_RELATIONSHIPS)
  relationship!: CommentRelationship;

  @ApiPropertyOptional({ maxLength: 200, description: 'Left out when empty' })
  @IsOptional()
  @Transform(trimmedOrAbsent)
  @IsString()
  @MaxLength(200)
  name?: string;

  @ApiPropertyOptional({ maxLength: 320, description: 'Left out when empty' })
  @IsOptional()
  @Transform(trimmedOrAbsent)
  @IsEmail()
  @MaxLength(320)
  email?: string;
}

/** What the commenter is told: that it arrived, and nothing of what it said. */
export class CommentReceivedDto {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ format: 'date-time' })
  receivedAt!: Date;
}

/** A comment as its body's chair, clinical lead or secretariat read it. */
export class PathwayCommentDto {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ format: 'uuid' })
  pathwayId!: string;

  @ApiProperty()
  pathwayTitle!: string;

  @ApiProperty({ format: 'uuid' })
  versionId!: string;

  @ApiProperty({ example: '2.0' })
  version!: string;

  @ApiProperty({ enum: COMMENT_RELATIONSHIPS })
  relationship!: CommentRelationship;

  @ApiProperty()
  comment!: string;

  @ApiProperty({ type: String, nullable: true })
  name!: string | null;

  @ApiProperty({ type: String, nullable: true })
  email!: string | null;

  @ApiProperty({ format: 'date-time' })
  receivedAt!: Date;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  readAt!: Date | null;
}

export class PathwayCommentsPageDto {
  @ApiProperty({ type: [PathwayCommentDto] })
  items!: PathwayCommentDto[];

  @ApiProperty()
  total!: number;

  @ApiProperty()
  limit!: number;

  @ApiProperty()
  offset!: number;
}
