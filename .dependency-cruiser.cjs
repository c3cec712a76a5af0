// Layering rules, checked by `npm run depcruise` (part of `npm run check`). See docs/architecture.md.
/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      severity: 'error',
      comment: 'Circular imports make module initialisation order fragile (and break Nest DI).',
      from: {},
      to: { circular: true },
    },
    {
      name: 'libs-do-not-import-apps',
      severity: 'error',
      comment: 'Libraries are shared by the apps; they never depend on one.',
      from: { path: '^libs/' },
      to: { path: '^apps/' },
    },
    {
      name: 'apps-do-not-import-each-other',
      severity: 'error',
      comment:
        "The exceptions: `npm start` can run the worker in its process (LOCAL_WORKER), and the API's tests run it to receive the mail it sends; both through the worker's entry point only.",
      from: {
        path: '^apps/([^/]+)/',
        pathNot: [
          '^apps/api/src/local/in-process-worker\\.ts$',
          '^apps/api/test/support/mail-pipeline\\.ts$',
        ],
      },
      to: { path: '^apps/', pathNot: '^apps/$1/' },
    },
    {
      name: 'the-in-process-worker-uses-the-worker-entry-point',
      severity: 'error',
      from: {
        path: [
          '^apps/api/src/local/in-process-worker\\.ts$',
          '^apps/api/test/support/mail-pipeline\\.ts$',
        ],
      },
      to: { path: '^apps/worker/', pathNot: '^apps/worker/src/index\\.ts$' },
    },
    {
      name: 'controllers-do-not-touch-data',
      severity: 'error',
      comment: 'controller -> service -> repository: controllers translate HTTP, nothing else.',
      from: { path: '\\.controller\\.ts$' },
      to: {
        path: [
          '\\.repository\\.ts$',
          '^libs/database/',
          '^libs/cache/',
          'node_modules/(ioredis|pg|@prisma)/',
        ],
      },
    },
    {
      name: 'only-repositories-touch-prisma',
      severity: 'error',
      comment:
        'Feature code reaches PostgreSQL through repositories (entry points, platform and health excepted).',
      from: {
        path: '^apps/[^/]+/src/',
        pathNot: [
          '/src/(main|local)\\.ts$',
          '\\.repository\\.ts$',
          '\\.module\\.ts$',
          '/health/',
          '/platform/',
          '\\.spec\\.ts$',
        ],
      },
      // Types (a Role, a User) may be shared; runtime access goes through repositories.
      to: {
        path: ['^libs/database/', 'node_modules/(pg|@prisma)/'],
        dependencyTypesNot: ['type-only'],
      },
    },
    {
      name: 'only-libs-touch-redis',
      severity: 'error',
      comment:
        "Redis is reached through libs/cache, repositories, or (worker) BullMQ's connection.",
      from: {
        path: '^apps/[^/]+/src/',
        pathNot: ['\\.repository\\.ts$', '^apps/worker/src/queues/bull-connection\\.ts$'],
      },
      to: { path: 'node_modules/ioredis/' },
    },
    {
      name: 'services-do-not-import-controllers',
      severity: 'error',
      from: { path: '\\.(service|repository)\\.ts$' },
      to: { path: '\\.controller\\.ts$' },
    },
    {
      name: 'production-entry-points-stay-lean',
      severity: 'error',
      comment:
        'What only `npm start`, tests or the migration Job use (embedded PostgreSQL, seeds, the schema engine) never loads in a production process: it costs memory in every pod (docs/performance.md).',
      from: { path: '^apps/[^/]+/src/(main|instrumentation)\\.ts$' },
      to: {
        path: [
          '^libs/database/src/(embedded|seed|migrate)/',
          'node_modules/(@electric-sql|@prisma/schema-engine-wasm)/',
        ],
        reachable: true,
      },
    },
    {
      name: 'no-test-code-in-production',
      severity: 'error',
      from: { path: '^(apps|libs)/[^/]+/src/', pathNot: ['\\.spec\\.ts$', '^libs/testing/'] },
      to: { path: ['^libs/testing/', '/test/', '\\.(spec|int-spec|e2e-spec)\\.ts$'] },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: ['/dist/', '/generated/'] },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    combinedDependencies: true,
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['@app/source', 'import', 'require', 'node', 'default'],
      extensions: ['.ts', '.js', '.mjs', '.cjs', '.json'],
    },
  },
};
