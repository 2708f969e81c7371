import { membershipViewEntities, membershipViewMigrations } from '#membership-view';
import { messagingEntities, messagingMigrations } from '#messaging';
import type { ConstraintMessages } from '#platform';
import { AllianceNation } from './calendar/alliance-nation.entity.js';
import { BankHolidayRow } from './calendar/bank-holiday.entity.js';
import { WorkingCalendarRow } from './calendar/working-calendar.entity.js';
import { CaseDeadline } from './cases/case-deadline.entity.js';
import { EscalationCase } from './cases/escalation-case.entity.js';
import { ActionView } from './governance/action-view.entity.js';
import { MeetingView } from './governance/meeting-view.entity.js';
import { RoleVacancy } from './governance/role-vacancy.entity.js';
import { CaseHistory } from './history/case-history.entity.js';
import { HistoryCheckpoint } from './history/history-checkpoint.entity.js';
import { HistoryAnchor1796417000000 } from './migrations/1796417000000-history-anchor.js';
import { NotificationSending1796430326689 } from './migrations/1796430326689-notification-sending.js';
import { NationCalendars1796440873628 } from './migrations/1796440873628-nation-calendars.js';
import { ServiceGapThresholds1796441600000 } from './migrations/1796441600000-service-gap-thresholds.js';
import { CadenceDeadlines1796505700000 } from './migrations/1796505700000-cadence-deadlines.js';
import { WorkflowSchema1795249955644 } from './migrations/1795249955644-workflow-schema.js';
import { WorkflowReferenceData1795249955645 } from './migrations/1795249955645-workflow-reference-data.js';
import { DeadlineArming1795250487719 } from './migrations/1795250487719-deadline-arming.js';
import { Notifications1795250898084 } from './migrations/1795250898084-notifications.js';
import { GovernanceReadModel1795251668108 } from './migrations/1795251668108-governance-read-model.js';
import { SealedWebhookSecrets1796416300000 } from './migrations/1796416300000-sealed-webhook-secrets.js';
import { MemberPreference } from './notifications/member-preference.entity.js';
import { Notification } from './notifications/notification.entity.js';
import { PolicyVersion } from './policy/policy-version.entity.js';

/** The workflow schema: its entities and the migrations that build it, in order. */
export const workflowEntities = [
  ...messagingEntities,
  ...membershipViewEntities,
  BankHolidayRow,
  WorkingCalendarRow,
  AllianceNation,
  PolicyVersion,
  EscalationCase,
  CaseHistory,
  HistoryCheckpoint,
  CaseDeadline,
  Notification,
  MemberPreference,
  MeetingView,
  ActionView,
  RoleVacancy,
];

export const workflowMigrations = [
  ...messagingMigrations,
  ...membershipViewMigrations,
  WorkflowSchema1795249955644,
  WorkflowReferenceData1795249955645,
  DeadlineArming1795250487719,
  Notifications1795250898084,
  GovernanceReadModel1795251668108,
  SealedWebhookSecrets1796416300000,
  HistoryAnchor1796417000000,
  NotificationSending1796430326689,
  NationCalendars1796440873628,
  ServiceGapThresholds1796441600000,
  CadenceDeadlines1796505700000,
];

export const workflowConstraintMessages: ConstraintMessages = {
  escalation_case_open_subject_key: 'This subject already has an open case',
};
