export * from './sample-events.js';
export * from './schema-drift.js';
export * from './test-infra.js';
export * from './wait-for.js';
