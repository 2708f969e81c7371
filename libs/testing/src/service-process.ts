import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';
import { waitFor } from './wait-for.js';

const ROOT = fileURLToPath(new URL('../../..', import.meta.url));

export interface ServiceProcess {
  readonly url: string;
  /** Everything the process wrote, for a failing test to show. */
  readonly output: () => string;
  stop(): Promise<void>;
  /** SIGKILL, as a node failing or the OOM killer does: no shutdown hooks run. */
  kill(): Promise<void>;
}

/** A port nothing listens on right now. */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address
          ? resolve(address.port)
          : reject(new Error('no port')),
      );
    });
  });
}

/**
 * Runs a service as its own process, as `npm start` does (apps/<service>/src/main.ts), and
 * waits until it answers /health/live. Tests talk to it only over HTTP and Kafka.
 */
export async function startServiceProcess(
  service: string,
  env: Record<string, string>,
): Promise<ServiceProcess> {
  const port = await freePort();
  let output = '';
  const child: ChildProcess = spawn(
    process.execPath,
    [
      '--conditions=development',
      '--import',
      '@swc-node/register/esm-register',
      `apps/${service}/src/main.ts`,
    ],
    {
      cwd: ROOT,
      env: { ...process.env, ...env, PORT: String(port) },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const url = `http://127.0.0.1:${port}`;
  try {
    await waitFor(
      `${service} to answer on ${url}`,
      async () => {
        if (child.exitCode !== null) {
          throw new Error(`${service} exited with code ${child.exitCode}:\n${output.slice(-2000)}`);
        }
        const response = await fetch(`${url}/health/live`).catch(() => undefined);
        return response?.ok === true;
      },
      { timeoutMs: 60_000, intervalMs: 200 },
    );
  } catch (error) {
    child.kill('SIGKILL');
    throw new Error(
      `${(error as Error).message}\n--- ${service} output ---\n${output.slice(-3000)}`,
      { cause: error },
    );
  }
  return {
    url,
    output: () => output,
    async stop() {
      if (child.exitCode === null && child.signalCode === null) {
        child.kill('SIGTERM');
        const killer = setTimeout(() => child.kill('SIGKILL'), 10_000);
        await exited;
        clearTimeout(killer);
      }
    },
    async kill() {
      if (child.exitCode === null && child.signalCode === null) {
        child.kill('SIGKILL');
        await exited;
      }
    },
  };
}

/**
 * Runs a TypeScript entry point of the repository as its own process to the end (a one-off
 * command such as the membership seed), as `npm run` would; rejects with its output when it
 * exits other than 0.
 */
export async function runScriptProcess(path: string, env: Record<string, string>): Promise<string> {
  const child = spawn(
    process.execPath,
    ['--conditions=development', '--import', '@swc-node/register/esm-register', path],
    { cwd: ROOT, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
  if (code !== 0) {
    throw new Error(`${path} exited with code ${code}:\n${output.slice(-3000)}`);
  }
  return output;
}
