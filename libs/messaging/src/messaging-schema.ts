import { ProcessedEvent } from './consumer/processed-event.entity.js';
import { MessagingTables1763700000000 } from './migrations/1763700000000-messaging-tables.js';
import { AuditEntry } from './audit/audit-entry.entity.js';
import { AuditLog1796416110021 } from './migrations/1796416110021-audit-log.js';
import { OutboxParking1796600000000 } from './migrations/1796600000000-outbox-parking.js';
import { OutboxMessage } from './outbox/outbox-message.entity.js';
import { ParkedEvent } from './consumer/parked-event.entity.js';
import { ParkedEvents1796700000000 } from './migrations/1796700000000-parked-events.js';
import { OutboxTraceContext1796800000000 } from './migrations/1796800000000-outbox-trace-context.js';

/** Entities and migrations each service adds to its data source to publish and consume. */
export const messagingEntities = [OutboxMessage, ProcessedEvent, AuditEntry, ParkedEvent];
export const messagingMigrations = [
  MessagingTables1763700000000,
  AuditLog1796416110021,
  OutboxParking1796600000000,
  ParkedEvents1796700000000,
  OutboxTraceContext1796800000000,
];
