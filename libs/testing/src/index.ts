export * from './membership-fixture.js';
export * from './outbox-delivered.js';
export * from './sample-events.js';
export * from './schema-drift.js';
export * from './service-process.js';
export * from './test-infra.js';
export * from './wait-for.js';
export * from './smtp-sink.js';
