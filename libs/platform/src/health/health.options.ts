import type { ReadinessCheck } from './readiness-check.js';

export const HEALTH_OPTIONS = Symbol('HEALTH_OPTIONS');

export interface HealthOptions {
  /** The dependencies `/health/ready` checks; none means ready as soon as the app serves. */
  checks: ReadinessCheck[];
  /** How long each check may take before it counts as down (default 2000 ms). */
  timeoutMs?: number;
}

export const DEFAULT_CHECK_TIMEOUT_MS = 2000;
