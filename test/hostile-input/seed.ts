import { randomUUID } from 'node:crypto';
import { aMeeting, anAction } from '../../apps/meetings/test/builders.js';
import { aBody, aMember, anAlliance, anOrganisation } from '../../apps/membership/test/builders.js';
import { aSubmissionRow, aTarget } from '../../apps/performance/test/builders.js';
import {
  aComment,
  anAudit,
  aPathway,
  aPriority,
  aProgramme,
  aServiceGap,
  aVersion,
  aWorkforceRecommendation,
} from '../../apps/priorities/test/builders.js';
import { aRaisedCase } from '../../apps/workflow/test/builders.js';
import type { IdPool } from './openapi-requests.js';
import type { PlatformUnderTest } from './platform-under-test.js';

type Id = { id: string };

/**
 * A little real data in every service, so that hostile requests naming a real record get past
 * the lookup: an alliance and its ladder, a clinician chairing the group (the clinician caller),
 * a meeting with an agenda item and an action, a priority, a service gap, a pathway, a case...
 * Returns their ids by the collection a path or field names them by.
 */
export async function seedPlatform(platform: PlatformUnderTest): Promise<IdPool> {
  const alliance = await platform.expect('membership', 'POST', '/alliances', anAlliance());
  const allianceId = alliance.id;
  await platform.expect(
    'membership',
    'POST',
    '/organisations',
    anOrganisation({ odsCode: 'RGT', allianceId }),
  );
  const bodies: string[] = [];
  for (const kind of ['alliance-board', 'clinical-advisory-group', 'tumour-site-group'] as const) {
    bodies.push(
      (await platform.expect('membership', 'POST', '/bodies', aBody({ allianceId, kind }))).id,
    );
  }
  const groupId = bodies[2] ?? '';
  const member = await platform.expect('membership', 'POST', '/members', aMember());
  const appointment = await platform.expect('membership', 'POST', '/appointments', {
    memberId: member.id,
    bodyId: groupId,
    role: 'chair',
    termStart: '2025-04-01',
  });
  await platform.linkClinician(member.id);
  for (const service of ['meetings', 'priorities', 'workflow'] as const) {
    await platform.knowsBody(service, groupId);
  }

  const meeting = await platform.expect(
    'meetings',
    'POST',
    `/bodies/${groupId}/meetings`,
    aMeeting(),
  );
  const item = await platform.expect('meetings', 'POST', `/meetings/${meeting.id}/agenda`, {
    type: 'for-decision',
    title: 'Lung FDS',
  });
  const action = await platform.expect(
    'meetings',
    'POST',
    `/meetings/${meeting.id}/actions`,
    anAction({ ownerMemberId: member.id, dueOn: '2027-01-31' }),
  );
  const subscription = await platform.expect<{ url: string }>(
    'meetings',
    'POST',
    `/members/${member.id}/calendar-subscription`,
  );

  const priority = await platform.expect(
    'priorities',
    'POST',
    '/priorities',
    aPriority({ bodyId: groupId }),
  );
  const milestone = await platform.expect(
    'priorities',
    'POST',
    `/priorities/${priority.id}/milestones`,
    {
      title: 'Every trust on the RDP',
      dueOn: '2027-03-31',
    },
  );
  const gap = await platform.expect(
    'priorities',
    'POST',
    '/service-gaps',
    aServiceGap({ bodyId: groupId }),
  );
  const pathway = await platform.expect(
    'priorities',
    'POST',
    '/pathways',
    aPathway({ bodyId: groupId }),
  );
  const version = await platform.expect(
    'priorities',
    'POST',
    `/pathways/${pathway.id}/versions`,
    aVersion(),
  );
  // A version in consultation with a comment, so that comments get past the lookup too.
  const consulting = await platform.expect(
    'priorities',
    'POST',
    `/pathways/${pathway.id}/versions`,
    aVersion({ version: '2.0' }),
  );
  await platform.expect('priorities', 'POST', `/pathway-versions/${consulting.id}/advance`, {
    status: 'consultation',
  });
  const comment = await platform.expect(
    'priorities',
    'POST',
    `/public/pathway-versions/${consulting.id}/comments`,
    aComment(),
  );
  const workforce = await platform.expect(
    'priorities',
    'POST',
    '/workforce-recommendations',
    aWorkforceRecommendation({ bodyId: groupId }),
  );
  const audit = await platform.expect(
    'priorities',
    'POST',
    '/audits',
    anAudit({ bodyId: groupId }),
  );
  await platform.expect('priorities', 'POST', '/programmes', aProgramme({ allianceId }));

  const target = await platform.expect(
    'performance',
    'POST',
    '/targets',
    aTarget({ scopeValue: allianceId }),
  );
  await platform.expect('performance', 'PUT', '/providers/RGT', { allianceId, name: 'A trust' });
  await platform.expect('performance', 'POST', '/submissions', { rows: [aSubmissionRow()] });
  const imports = await platform.expect<{ items: Id[] }>('performance', 'GET', '/imports');
  const standards = await platform.expect<{ code: string }[]>('performance', 'GET', '/standards');

  const raised = await platform.expect(
    'workflow',
    'POST',
    '/cases',
    aRaisedCase({ bodyId: groupId }),
  );
  const holidays = await platform.expect<{ date: string }[]>(
    'workflow',
    'GET',
    '/calendar/bank-holidays',
  );

  const ids = (...records: ({ id: string } | undefined)[]) =>
    records.flatMap((record) => (record?.id ? [record.id] : []));
  return {
    alliances: [allianceId],
    organisations: ['RGT'],
    providers: ['RGT'],
    bodies,
    members: [member.id],
    appointments: ids(appointment),
    meetings: ids(meeting),
    'agenda-items': ids(item),
    actions: ids(action),
    'calendar-subscriptions': [subscription.url.split('/').at(-2) ?? randomUUID()],
    priorities: ids(priority),
    milestones: ids(milestone),
    'service-gaps': ids(gap),
    pathways: ids(pathway),
    'pathway-versions': ids(version, consulting),
    'pathway-comments': ids(comment),
    'workforce-recommendations': ids(workforce),
    audits: ids(audit),
    targets: ids(target),
    imports: imports.items.map((run) => run.id),
    standards: standards.map((standard) => standard.code),
    cases: ids(raised),
    policy: ['1', '2'],
    'bank-holidays': holidays.slice(0, 3).map((holiday) => holiday.date),
  };
}
