// Nest 12 ships ES modules only, so jest runs in its native ESM mode
// (node --experimental-vm-modules, see the "jest" script) and swc emits ES modules.
const swc = [
  '@swc/jest',
  {
    jsc: {
      parser: { syntax: 'typescript', decorators: true },
      transform: { legacyDecorator: true, decoratorMetadata: true },
      target: 'es2023',
      keepClassNames: true,
    },
    module: { type: 'es6' },
    sourceMaps: 'inline',
  },
];

const common = {
  testEnvironment: 'node',
  // "development" makes the #lib imports resolve to TypeScript sources, as tsconfig does.
  testEnvironmentOptions: { customExportConditions: ['node', 'node-addons', 'development'] },
  extensionsToTreatAsEsm: ['.ts'],
  transform: { '^.+\\.ts$': swc },
  moduleNameMapper: { '^(\\.{1,2}/.*)\\.js$': '$1' },
};

/** @type {import('jest').Config} */
export default {
  projects: [
    {
      ...common,
      displayName: 'unit',
      testMatch: ['<rootDir>/{apps,libs,scripts,test}/**/*.spec.ts'],
    },
    {
      ...common,
      displayName: 'integration',
      testMatch: [
        '<rootDir>/{apps,libs}/**/test/**/*.e2e-spec.ts',
        '<rootDir>/test/**/*.e2e-spec.ts',
      ],
      globalSetup: '<rootDir>/libs/testing/src/global-setup.mjs',
    },
  ],
  // Suites share one broker and one database; running them one at a time keeps
  // the 2-core machines from timing out consumer-group joins.
  maxWorkers: 1,
  // Consumer-group joins and broker round trips take seconds on two cores; jest reads
  // this option only at the top level, so it holds for unit tests too.
  testTimeout: 60_000,
};
