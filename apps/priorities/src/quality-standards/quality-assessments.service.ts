import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { DataSource, Not, type EntityManager } from 'typeorm';
import { actorOf, Clock, ConflictError, notFound, type Principal } from '#platform';
import { PrioritiesPublisher } from '../priorities.publisher.js';
import { checkAnswers, checkSubmittable, reviewEntries } from './assessment-rules.js';
import { complianceOf, resultsOf } from './compliance.js';
import type { MeasureSet } from './measure-set.entity.js';
import { MeasureSetsService, setName } from './measure-sets.service.js';
import { QualityAssessment, type AnswerEntry } from './quality-assessment.entity.js';
import type {
  AnswerDto,
  AssessmentDto,
  BodyComplianceDto,
  ReviewDto,
  StartAssessmentDto,
} from './quality-assessments.dto.js';

const entriesOf = (answers: readonly AnswerDto[]): AnswerEntry[] =>
  answers.map((a) => ({
    measureId: a.measureId,
    answer: a.answer,
    evidenceUrl: a.evidenceUrl ?? null,
    comment: a.comment ?? null,
  }));

/**
 * A body's self-assessment against a measure set: drafted and answered by its members,
 * submitted once (announced), then reviewed once by the network (announced), each serious
 * concern the review flags announced on its own for the workflow to escalate.
 */
@Injectable()
export class QualityAssessmentsService {
  constructor(
    @Inject(DataSource) private readonly dataSource: DataSource,
    @Inject(PrioritiesPublisher) private readonly events: PrioritiesPublisher,
    @Inject(Clock) private readonly clock: Clock,
    @Inject(MeasureSetsService) private readonly sets: MeasureSetsService,
  ) {}

  /** One assessment per body and version of a set: a second is a conflict (409). */
  async start(dto: StartAssessmentDto): Promise<AssessmentDto> {
    return this.dataSource.transaction(async (manager) => {
      const set = await this.sets.get(dto.measureSetId, manager);
      const answers = dto.answers ?? [];
      checkAnswers(set.measures, setName(set), answers);
      const assessment = manager.create(QualityAssessment, {
        id: randomUUID(),
        bodyId: dto.bodyId,
        measureSetId: set.id,
        status: 'draft',
        answers: entriesOf(answers),
        reviews: [],
        submittedAt: null,
        submittedBy: null,
        reviewedAt: null,
        reviewedBy: null,
      });
      await manager.insert(QualityAssessment, assessment);
      await this.events.audit(manager, {
        action: 'priorities.quality-assessment-started',
        changes: { id: assessment.id, bodyId: assessment.bodyId, measureSetId: set.id },
      });
      return this.view(assessment, set);
    });
  }

  /** Answers for a draft; each replaces an earlier answer to its measure. */
  async answer(id: string, answers: readonly AnswerDto[]): Promise<AssessmentDto> {
    return this.change(id, async (manager, assessment, set) => {
      if (assessment.status !== 'draft') {
        throw new ConflictError(`The assessment is ${assessment.status}: its answers are final`);
      }
      checkAnswers(set.measures, setName(set), answers);
      const given = new Set(answers.map((a) => a.measureId));
      assessment.answers = [
        ...assessment.answers.filter((a) => !given.has(a.measureId)),
        ...entriesOf(answers),
      ];
      await manager.save(QualityAssessment, assessment);
      await this.events.audit(manager, {
        action: 'priorities.quality-assessment-answered',
        changes: { id, answers: entriesOf(answers) },
      });
    });
  }

  async submit(id: string, principal: Principal): Promise<AssessmentDto> {
    return this.change(id, async (manager, assessment, set) => {
      if (assessment.status !== 'draft') {
        throw new ConflictError(
          `The assessment was submitted on ${assessment.submittedAt?.toISOString().slice(0, 10)}: it is submitted once`,
        );
      }
      checkSubmittable(set.measures, assessment.answers);
      assessment.status = 'submitted';
      assessment.submittedAt = this.clock.now();
      assessment.submittedBy = actorOf(principal);
      await manager.save(QualityAssessment, assessment);
      await this.events.publish(manager, 'priorities.quality-assessment-submitted.v1', {
        ...this.about(assessment, set),
        submittedBy: assessment.submittedBy,
        compliance: complianceOf(set.measures, resultsOf(assessment.answers)),
      });
    });
  }

  async review(id: string, dto: ReviewDto, principal: Principal): Promise<AssessmentDto> {
    return this.change(id, async (manager, assessment, set) => {
      if (assessment.status !== 'submitted') {
        throw new ConflictError(
          assessment.status === 'draft'
            ? 'The assessment has not been submitted: the network reviews a submitted assessment'
            : 'The assessment has been reviewed: it is reviewed once',
        );
      }
      const reviews = reviewEntries(set.measures, setName(set), assessment.answers, dto.reviews);
      const reviewedBy = actorOf(principal);
      assessment.reviews = reviews;
      assessment.status = 'reviewed';
      assessment.reviewedAt = this.clock.now();
      assessment.reviewedBy = reviewedBy;
      await manager.save(QualityAssessment, assessment);
      const concerns = reviews.filter((r) => r.seriousConcern);
      await this.events.publish(manager, 'priorities.quality-assessment-reviewed.v1', {
        ...this.about(assessment, set),
        reviewedBy,
        challengedMeasureIds: reviews
          .filter((r) => r.outcome === 'challenged')
          .map((r) => r.measureId),
        seriousConcernMeasureIds: concerns.map((r) => r.measureId),
        compliance: complianceOf(set.measures, resultsOf(assessment.answers, reviews)),
      });
      for (const concern of concerns) {
        const measure = set.measures.find((m) => m.id === concern.measureId);
        await this.events.publish(manager, 'priorities.quality-serious-concern-raised.v1', {
          ...this.about(assessment, set),
          measureId: concern.measureId,
          measureText: measure?.text ?? concern.measureId,
          comment: concern.comment ?? '',
          raisedBy: reviewedBy,
        });
      }
    });
  }

  async get(id: string): Promise<AssessmentDto> {
    const assessment = await this.find(this.dataSource.manager, id);
    return this.view(assessment, await this.sets.get(assessment.measureSetId));
  }

  /** The body an assessment is of, for deciding who may act on it. */
  async bodyOf(id: string): Promise<string> {
    return (await this.find(this.dataSource.manager, id)).bodyId;
  }

  /**
   * A body's compliance per measure set: the submitted or reviewed assessment against the
   * newest version of each set it has answered (drafts are not counted).
   */
  async complianceOf(bodyId: string): Promise<BodyComplianceDto[]> {
    const assessments = await this.dataSource.manager.find(QualityAssessment, {
      where: { bodyId, status: Not('draft') },
    });
    const sets = new Map(
      (await this.sets.byIds([...new Set(assessments.map((a) => a.measureSetId))])).map((set) => [
        set.id,
        set,
      ]),
    );
    const newest = new Map<string, { assessment: QualityAssessment; set: MeasureSet }>();
    for (const assessment of assessments) {
      const set = sets.get(assessment.measureSetId);
      const known = set ? newest.get(set.code) : undefined;
      if (set && (!known || known.set.version < set.version)) {
        newest.set(set.code, { assessment, set });
      }
    }
    return [...newest.values()]
      .sort((a, b) => a.set.code.localeCompare(b.set.code))
      .map(({ assessment, set }) => {
        const view = this.view(assessment, set);
        return {
          measureSetCode: set.code,
          measureSetVersion: set.version,
          assessmentId: assessment.id,
          status: assessment.status,
          basis: assessment.status === 'reviewed' ? 'network-review' : 'self-assessment',
          compliance: view.compliance,
        };
      });
  }

  /** Runs a change on the assessment, locked, in one transaction; answers the result. */
  private change(
    id: string,
    apply: (
      manager: EntityManager,
      assessment: QualityAssessment,
      set: MeasureSet,
    ) => Promise<void>,
  ): Promise<AssessmentDto> {
    return this.dataSource.transaction(async (manager) => {
      const assessment = await this.find(manager, id, true);
      const set = await this.sets.get(assessment.measureSetId, manager);
      await apply(manager, assessment, set);
      return this.view(assessment, set);
    });
  }

  private async find(manager: EntityManager, id: string, lock = false): Promise<QualityAssessment> {
    const assessment = await manager.findOne(QualityAssessment, {
      where: { id },
      ...(lock ? { lock: { mode: 'pessimistic_write' as const } } : {}),
    });
    if (!assessment) {
      throw notFound('Quality assessment', id);
    }
    return assessment;
  }

  private about(assessment: QualityAssessment, set: MeasureSet) {
    return {
      bodyId: assessment.bodyId,
      assessmentId: assessment.id,
      measureSetId: set.id,
      measureSetCode: set.code,
      measureSetVersion: set.version,
    };
  }

  private view(assessment: QualityAssessment, set: MeasureSet): AssessmentDto {
    return {
      id: assessment.id,
      bodyId: assessment.bodyId,
      measureSetId: set.id,
      measureSetCode: set.code,
      measureSetVersion: set.version,
      status: assessment.status,
      answers: assessment.answers.map((a) => ({
        measureId: a.measureId,
        answer: a.answer,
        ...(a.evidenceUrl === null ? {} : { evidenceUrl: a.evidenceUrl }),
        ...(a.comment === null ? {} : { comment: a.comment }),
      })),
      reviews: assessment.reviews,
      compliance: complianceOf(set.measures, resultsOf(assessment.answers, assessment.reviews)),
      submittedAt: assessment.submittedAt,
      reviewedAt: assessment.reviewedAt,
    };
  }
}
