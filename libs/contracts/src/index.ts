export * from './contract.js';
export * from './envelope.js';
export * from './event-registry.js';
export * from './invalid-event.error.js';
export * from './meetings.events.js';
export * from './membership.events.js';
export * from './platform-events.js';
export * from './workflow.events.js';
