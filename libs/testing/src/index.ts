export * from './sample-events.js';
export * from './test-infra.js';
export * from './wait-for.js';
