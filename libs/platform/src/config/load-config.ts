import type * as z from 'zod';

/** Thrown at boot when the environment does not satisfy the service's schema. */
export class ConfigError extends Error {
  constructor(readonly problems: readonly string[]) {
    super(`Invalid configuration: ${problems.join('; ')}`);
    this.name = 'ConfigError';
  }
}

type Env = Record<string, string | undefined>;

/**
 * Parses the environment against `schema`, reporting every bad variable at once so an operator
 * fixes a deployment in one go. Empty values count as unset, as most shells and manifests mean.
 */
export function loadConfig<S extends z.ZodType>(schema: S, env: Env = process.env): z.output<S> {
  const input: Env = {};
  for (const [key, value] of Object.entries(env)) {
    if (value !== undefined && value !== '') {
      input[key] = value;
    }
  }
  const result = schema.safeParse(input);
  if (result.success) {
    return result.data;
  }
  const problems = result.error.issues.map((issue) => {
    const name = issue.path.map(String).join('.') || '(root)';
    return `${name}: ${issue.message}`;
  });
  throw new ConfigError(problems);
}
