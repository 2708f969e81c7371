export * from './daily-job.js';
