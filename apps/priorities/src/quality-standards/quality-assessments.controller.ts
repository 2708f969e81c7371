import { Body, Controller, Get, HttpCode, Inject, Param, Post } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentUser, ParseUuidPipe, Roles, type Principal } from '#platform';
import { READERS, WRITERS } from '../common/roles.js';
import { AssessmentAccessService } from './assessment-access.service.js';
import {
  AnswersDto,
  AssessmentDto,
  BodyComplianceDto,
  ReviewDto,
  StartAssessmentDto,
} from './quality-assessments.dto.js';
import { QualityAssessmentsService } from './quality-assessments.service.js';

/**
 * Self-assessment against a quality measure set and its network review. The body's members
 * (any seat but an observer's) or an admin answer and submit; an officer of the body's
 * escalation parent (its CAG) who does not sit on the body, or an admin, reviews.
 */
@ApiTags('quality standards')
@Controller()
export class QualityAssessmentsController {
  constructor(
    @Inject(QualityAssessmentsService) private readonly assessments: QualityAssessmentsService,
    @Inject(AssessmentAccessService) private readonly access: AssessmentAccessService,
  ) {}

  @Post('quality-assessments')
  @Roles(...WRITERS)
  @ApiCreatedResponse({ type: AssessmentDto, description: 'A draft; one per body and set version' })
  async start(@Body() dto: StartAssessmentDto, @CurrentUser() principal: Principal) {
    await this.access.assertMayAssess(principal, dto.bodyId);
    return this.assessments.start(dto);
  }

  @Get('quality-assessments/:id')
  @Roles(...READERS)
  @ApiOkResponse({ type: AssessmentDto })
  get(@Param('id', ParseUuidPipe) id: string) {
    return this.assessments.get(id);
  }

  @Post('quality-assessments/:id/answers')
  @HttpCode(200)
  @Roles(...WRITERS)
  @ApiOkResponse({ type: AssessmentDto, description: 'A draft only: 409 once submitted' })
  async answer(
    @Param('id', ParseUuidPipe) id: string,
    @Body() dto: AnswersDto,
    @CurrentUser() principal: Principal,
  ) {
    await this.access.assertMayAssess(principal, await this.assessments.bodyOf(id));
    return this.assessments.answer(id, dto.answers);
  }

  @Post('quality-assessments/:id/submit')
  @HttpCode(200)
  @Roles(...WRITERS)
  @ApiOperation({
    summary: 'Submit for network review',
    description:
      'Once (409 after); 422 unless every measure is answered and every compliant answer links its evidence',
  })
  @ApiOkResponse({ type: AssessmentDto })
  async submit(@Param('id', ParseUuidPipe) id: string, @CurrentUser() principal: Principal) {
    await this.access.assertMayAssess(principal, await this.assessments.bodyOf(id));
    return this.assessments.submit(id, principal);
  }

  @Post('quality-assessments/:id/review')
  @HttpCode(200)
  @Roles(...WRITERS)
  @ApiOperation({
    summary: 'Review a submitted assessment for the network',
    description:
      'Once, after submission (409 otherwise). Each measure is agreed or challenged with a finding; a measure not named is agreed. ' +
      'A measure left not compliant may be flagged a serious concern, which the workflow escalates.',
  })
  @ApiOkResponse({ type: AssessmentDto })
  async review(
    @Param('id', ParseUuidPipe) id: string,
    @Body() dto: ReviewDto,
    @CurrentUser() principal: Principal,
  ) {
    await this.access.assertMayReview(principal, await this.assessments.bodyOf(id));
    return this.assessments.review(id, dto, principal);
  }

  @Get('bodies/:bodyId/quality-compliance')
  @Roles(...READERS)
  @ApiOperation({
    summary: "A body's compliance per measure set",
    description:
      'The submitted or reviewed assessment against the newest version of each set. Compliance is compliant / ' +
      '(compliant + not compliant) x 100: not-applicable measures are excluded from the denominator.',
  })
  @ApiOkResponse({ type: [BodyComplianceDto] })
  compliance(@Param('bodyId', ParseUuidPipe) bodyId: string) {
    return this.assessments.complianceOf(bodyId);
  }
}
