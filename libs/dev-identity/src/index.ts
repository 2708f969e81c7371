export * from './accounts.js';
export * from './dev-identity-server.js';
export * from './settings.js';
