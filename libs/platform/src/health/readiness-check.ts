/**
 * One dependency the service needs before it can take traffic. `run` resolves when the dependency
 * answers and rejects with the reason when it does not; it must release whatever it opened when
 * `signal` aborts (the readiness probe gave up waiting).
 */
export interface ReadinessCheck {
  readonly name: string;
  run(signal: AbortSignal): Promise<Record<string, unknown> | void>;
}
