import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsObject,
  IsOptional,
  IsString,
  IsUrl,
  IsUUID,
  MaxLength,
  MinLength,
  ValidateNested,
} from 'class-validator';
import { MEASURE_ANSWERS, MEASURE_REVIEW_OUTCOMES } from '#contracts';
import { ASSESSMENT_STATUSES } from './quality-assessment.entity.js';

type MeasureAnswer = (typeof MEASURE_ANSWERS)[number];

export class AnswerDto {
  @ApiProperty({ example: 'LUNG-02' })
  @IsString()
  @MinLength(1)
  @MaxLength(40)
  measureId!: string;

  @ApiProperty({ enum: MEASURE_ANSWERS })
  @IsIn(MEASURE_ANSWERS)
  answer!: MeasureAnswer;

  @ApiPropertyOptional({
    example: 'https://example.org/lung-mdt/attendance-2025.xlsx',
    description: 'Where the evidence asked for is kept; needed for a compliant answer to submit',
  })
  @IsOptional()
  @IsUrl({ require_protocol: true, protocols: ['https', 'http'] })
  @MaxLength(2000)
  evidenceUrl?: string;

  @ApiPropertyOptional({ example: 'Two meetings cancelled for bank holidays' })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  comment?: string;
}

const ANSWERS_ABOUT =
  'Each measure of the set at most once; an answer replaces an earlier one for its measure';

/** A body begins its self-assessment against one version of a measure set. */
export class StartAssessmentDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  bodyId!: string;

  @ApiProperty({ format: 'uuid', description: 'The version of the measure set answered' })
  @IsUUID()
  measureSetId!: string;

  @ApiPropertyOptional({ type: [AnswerDto], description: ANSWERS_ABOUT })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(200)
  @IsObject({ each: true })
  @ValidateNested({ each: true })
  @Type(() => AnswerDto)
  answers?: AnswerDto[];
}

export class AnswersDto {
  @ApiProperty({ type: [AnswerDto], description: ANSWERS_ABOUT })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(200)
  @IsObject({ each: true })
  @ValidateNested({ each: true })
  @Type(() => AnswerDto)
  answers!: AnswerDto[];
}

export class MeasureReviewDto {
  @ApiProperty({ example: 'LUNG-03' })
  @IsString()
  @MinLength(1)
  @MaxLength(40)
  measureId!: string;

  @ApiProperty({ enum: MEASURE_REVIEW_OUTCOMES })
  @IsIn(MEASURE_REVIEW_OUTCOMES)
  outcome!: (typeof MEASURE_REVIEW_OUTCOMES)[number];

  @ApiPropertyOptional({
    enum: MEASURE_ANSWERS,
    description: "A challenge's finding, other than the team's answer; none when agreed",
  })
  @IsOptional()
  @IsIn(MEASURE_ANSWERS)
  finding?: MeasureAnswer;

  @ApiPropertyOptional({ description: 'Needed to challenge or to flag a serious concern' })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(2000)
  comment?: string;

  @ApiPropertyOptional({
    description:
      'A measure found not compliant (agreed, or challenged to not-compliant) may be flagged a serious concern: the workflow escalates it',
  })
  @IsOptional()
  @IsBoolean()
  seriousConcern?: boolean;
}

export class ReviewDto {
  @ApiProperty({
    type: [MeasureReviewDto],
    description: 'Each measure once; a measure the review does not name is agreed',
  })
  @IsArray()
  @ArrayMaxSize(200)
  @IsObject({ each: true })
  @ValidateNested({ each: true })
  @Type(() => MeasureReviewDto)
  reviews!: MeasureReviewDto[];
}

const COMPLIANCE_RULE =
  'Compliant measures as a percentage of the measures that apply: compliant / (compliant + not compliant) x 100, ' +
  'one decimal place. Not-applicable measures are excluded from the denominator; null when no measure applies. ' +
  "Once reviewed, a challenged measure counts as the network's finding.";

export class ComplianceDto {
  @ApiProperty()
  compliant!: number;

  @ApiProperty()
  notCompliant!: number;

  @ApiProperty()
  notApplicable!: number;

  @ApiProperty({ type: Number, nullable: true, example: 77.8, description: COMPLIANCE_RULE })
  percent!: number | null;

  @ApiProperty({ type: [String], description: "In the set's order" })
  nonCompliantMeasureIds!: string[];
}

export class AssessmentAnswerDto extends AnswerDto {}

export class AssessmentReviewDto {
  @ApiProperty()
  measureId!: string;

  @ApiProperty({ enum: MEASURE_REVIEW_OUTCOMES })
  outcome!: string;

  @ApiProperty({ enum: MEASURE_ANSWERS, nullable: true, type: String })
  finding!: string | null;

  @ApiProperty({ type: String, nullable: true })
  comment!: string | null;

  @ApiProperty()
  seriousConcern!: boolean;
}

export class AssessmentDto {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ format: 'uuid' })
  bodyId!: string;

  @ApiProperty({ format: 'uuid' })
  measureSetId!: string;

  @ApiProperty({ example: 'lung' })
  measureSetCode!: string;

  @ApiProperty({ example: 1 })
  measureSetVersion!: number;

  @ApiProperty({ enum: ASSESSMENT_STATUSES })
  status!: string;

  @ApiProperty({ type: [AssessmentAnswerDto] })
  answers!: AssessmentAnswerDto[];

  @ApiProperty({ type: [AssessmentReviewDto] })
  reviews!: AssessmentReviewDto[];

  @ApiProperty({ type: ComplianceDto, description: COMPLIANCE_RULE })
  compliance!: ComplianceDto;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  submittedAt!: Date | null;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  reviewedAt!: Date | null;
}

/** A body's standing against one measure set: its latest assessment's compliance. */
export class BodyComplianceDto {
  @ApiProperty({ example: 'lung' })
  measureSetCode!: string;

  @ApiProperty({ example: 1 })
  measureSetVersion!: number;

  @ApiProperty({ format: 'uuid' })
  assessmentId!: string;

  @ApiProperty({ enum: ASSESSMENT_STATUSES })
  status!: string;

  @ApiProperty({
    enum: ['self-assessment', 'network-review'],
    description: "Whether the figure is the team's own or reviewed by the network",
  })
  basis!: string;

  @ApiProperty({ type: ComplianceDto, description: COMPLIANCE_RULE })
  compliance!: ComplianceDto;
}
