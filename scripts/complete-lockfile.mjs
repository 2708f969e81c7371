// Adds to package-lock.json the optional, platform-specific packages (native bindings for
// other operating systems and CPUs) that the registry mirror of our build machines does not
// serve. Without them `npm ci` refuses the lock file ("Missing: ... from lock file"); with
// them, marked optional with their os/cpu/libc as the public registry publishes them, each
// machine installs only the binding for its own platform. Run after `npm install`:
//   npm run lockfile:complete
import { readFileSync, writeFileSync } from 'node:fs';

const LOCK = new URL('../package-lock.json', import.meta.url);
const lock = JSON.parse(readFileSync(LOCK, 'utf8'));
const packages = lock.packages;

const OS = [
  'darwin',
  'win32',
  'linux',
  'android',
  'freebsd',
  'openharmony',
  'netbsd',
  'openbsd',
  'sunos',
  'aix',
];
const CPU = [
  ['arm64', 'arm64'],
  ['aarch64', 'arm64'],
  ['x64', 'x64'],
  ['ia32', 'ia32'],
  ['arm', 'arm'],
  ['ppc64', 'ppc64'],
  ['s390x', 's390x'],
  ['riscv64', 'riscv64'],
  ['loong64', 'loong64'],
];

function platformOf(name) {
  const tokens = name.split('/').pop().split('-');
  const os = tokens.find((token) => OS.includes(token));
  const cpu = CPU.find(([token]) => tokens.includes(token))?.[1];
  if (!os || !cpu) {
    return undefined;
  }
  const libc = tokens.some((t) => t.startsWith('musl'))
    ? 'musl'
    : tokens.some((t) => t === 'gnu' || t.startsWith('gnueabi'))
      ? 'glibc'
      : undefined;
  return { os: [os], cpu: [cpu], ...(os === 'linux' && libc ? { libc: [libc] } : {}) };
}

const added = [];
const unknown = [];
for (const [path, entry] of Object.entries(packages)) {
  for (const [name, version] of Object.entries(entry.optionalDependencies ?? {})) {
    const key = `node_modules/${name}`;
    const nested = `${path}/node_modules/${name}`;
    if (packages[key] || packages[nested]) {
      continue;
    }
    const platform = platformOf(name);
    if (!platform) {
      unknown.push(`${name} (optional dependency of ${path})`);
      continue;
    }
    packages[key] = {
      version,
      ...(entry.dev ? { dev: true } : {}),
      optional: true,
      ...platform,
    };
    added.push(`${name}@${version}`);
  }
}
if (unknown.length > 0) {
  console.error(
    `Optional dependencies missing from the lock file, platform unknown:\n  ${unknown.join('\n  ')}`,
  );
  process.exit(1);
}
lock.packages = Object.fromEntries(
  Object.entries(packages).sort(([a], [b]) => (a === '' ? -1 : b === '' ? 1 : a.localeCompare(b))),
);
writeFileSync(LOCK, `${JSON.stringify(lock, null, 2)}\n`);
console.log(
  added.length
    ? `Added ${added.length} platform packages: ${added.join(', ')}`
    : 'Lock file already complete',
);
