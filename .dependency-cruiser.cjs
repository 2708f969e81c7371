/**
 * Architecture boundaries, checked by `npm run boundaries` (part of `npm run check`):
 * apps never import other apps, libs never import apps, and the libs keep their layering
 * (contracts at the bottom, testing at the top).
 */
module.exports = {
  forbidden: [
    {
      name: 'no-app-to-other-app',
      comment: 'Each service is its own bounded context: share through libs/ or events.',
      severity: 'error',
      from: { path: '^apps/([^/]+)/' },
      to: { path: '^apps/', pathNot: '^apps/$1/' },
    },
    {
      name: 'no-lib-to-app',
      comment: 'Libraries serve apps; they never depend on one.',
      severity: 'error',
      from: { path: '^libs/' },
      to: { path: '^apps/' },
    },
    {
      name: 'contracts-stand-alone',
      comment: 'Event contracts are read by every service and by outside consumers.',
      severity: 'error',
      from: { path: '^libs/contracts/' },
      to: { path: '^libs/(?!contracts/)' },
    },
    {
      name: 'platform-below-messaging',
      comment: 'Its tests may use the test helpers, which sit above every lib.',
      severity: 'error',
      from: { path: '^libs/platform/', pathNot: ['\\.(e2e-)?spec\\.ts$', '/test/'] },
      to: { path: '^libs/(messaging|jobs|service|testing)/' },
    },
    {
      name: 'service-assembles-libs',
      comment: 'The service lib wires the other libs together; no lib below it depends on it.',
      severity: 'error',
      from: { path: '^libs/(?!service/|testing/)' },
      to: { path: '^libs/service/' },
    },
    {
      name: 'testing-only-in-tests',
      comment: 'Test helpers never ship in a service.',
      severity: 'error',
      from: {
        path: '^(apps|libs)/',
        pathNot: ['\\.(e2e-)?spec\\.ts$', '/test/', '^libs/testing/'],
      },
      to: { path: '^libs/testing/' },
    },
    {
      name: 'feature-internals-stay-inside',
      comment:
        'A feature folder is a Nest module: other features use what its module exports (its services, entities and rules), never its controllers, consumers, processors or DTOs.',
      severity: 'error',
      // A seed drives the features from outside, as a client of their DTOs: it is no feature.
      from: { path: '^apps/([^/]+)/src/([^/]+)/', pathNot: '^apps/[^/]+/src/seed/' },
      to: {
        path: '^apps/$1/src/([^/]+)/.+\\.(controller|consumer|processor|dto)\\.ts$',
        pathNot: ['^apps/$1/src/$2/', '^apps/$1/src/common/'],
      },
    },
    {
      name: 'no-folder-cycles',
      comment: 'Feature folders depend on each other one way only.',
      severity: 'error',
      scope: 'folder',
      from: { path: '^(apps|libs)/' },
      to: { circular: true },
    },
    {
      name: 'no-circular',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
    {
      name: 'not-to-unresolvable',
      comment: 'An import that cannot be resolved is a typo or a missing dependency.',
      severity: 'error',
      from: {},
      to: { couldNotResolve: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    // Browser assets (apps/web/src/public) import by URL, which only the browser resolves.
    exclude: { path: '^(dist|\\.infra|coverage)/|^apps/web/src/public/' },
    tsConfig: { fileName: 'tsconfig.json' },
    tsPreCompilationDeps: true,
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['development', 'import', 'require', 'node', 'default'],
      extensions: ['.ts', '.js', '.mjs', '.cjs', '.json'],
    },
  },
};
