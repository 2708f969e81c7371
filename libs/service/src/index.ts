export * from './service-imports.js';
