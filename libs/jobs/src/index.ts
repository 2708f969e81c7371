export * from './daily-job.js';
export * from './job-telemetry.js';
