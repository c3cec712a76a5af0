// One project per layer of the test pyramid, plus the fault suite (resilience) and the browser
// tests; run one with `--selectProjects <name>`.
// TypeScript is compiled by SWC (decorator metadata included) and run as native ESM.

/** @type {import('jest').Config} */
const base = {
  testEnvironment: 'node',
  // Workspace libs resolve to their TypeScript sources (see "exports" in libs/*/package.json).
  testEnvironmentOptions: { customExportConditions: ['@app/source', 'node', 'node-addons'] },
  extensionsToTreatAsEsm: ['.ts'],
  moduleNameMapper: { '^(\\.{1,2}/.*)\\.js$': '$1' },
  transform: {
    '^.+\\.ts$': [
      '@swc/jest',
      {
        jsc: {
          parser: { syntax: 'typescript', decorators: true },
          transform: {
            legacyDecorator: true,
            decoratorMetadata: true,
            useDefineForClassFields: false,
          },
          target: 'es2024',
          keepClassNames: true,
        },
        module: { type: 'es6' },
        sourceMaps: 'inline',
      },
    ],
  },
};

/**
 * Services (PostgreSQL, Redis) come from the harness in libs/testing, started once per run.
 * Jest loads global setup outside its module system, so it runs the built harness (the test
 * scripts build first).
 */
const withServices = {
  globalSetup: '<rootDir>/libs/testing/dist/global-setup.js',
  globalTeardown: '<rootDir>/libs/testing/dist/global-teardown.js',
};

/** @type {import('jest').Config} */
export default {
  // On a two-core machine jest runs all files in one process (in band). Native-ESM test
  // modules are not freed between files (hence the larger heap in the test scripts), and a
  // client a test forgot to close must not keep CI waiting once everything has finished.
  forceExit: true,
  // Real databases on a busy two-core CI machine: 5 s (jest's default) is too tight for some
  // tests. Every wait inside a test is bounded on its own.
  testTimeout: 30_000,
  // Jest's own report, then the per-layer table (cases, share, time) that keeps the pyramid visible.
  reporters: ['default', '<rootDir>/libs/testing/src/pyramid-reporter.ts'],
  projects: [
    {
      ...base,
      displayName: 'unit',
      // Nest's log lines are held back and shown only for a failing test.
      testEnvironment: '<rootDir>/libs/testing/src/quiet-logs-environment.ts',
      setupFilesAfterEnv: ['<rootDir>/libs/testing/src/quiet-logs.setup.ts'],
      testMatch: [
        '<rootDir>/{apps,libs}/*/src/**/*.spec.ts',
        '<rootDir>/scripts/**/*.spec.ts',
        '<rootDir>/bench/src/**/*.spec.ts',
      ],
    },
    {
      ...base,
      ...withServices,
      displayName: 'integration',
      testMatch: [
        '<rootDir>/{apps,libs}/*/test/**/*.int-spec.ts',
        '<rootDir>/test/**/*.int-spec.ts',
      ],
    },
    {
      ...base,
      ...withServices,
      displayName: 'e2e',
      testMatch: ['<rootDir>/apps/*/test/**/*.e2e-spec.ts'],
      // Every response is checked against docs/openapi.json.
      setupFilesAfterEnv: ['<rootDir>/apps/api/test/support/contract.setup.ts'],
    },
    {
      // Real faults (PostgreSQL, Redis and OIDC behind FaultProxy, signals to a built process).
      ...base,
      ...withServices,
      displayName: 'resilience',
      testMatch: ['<rootDir>/apps/*/test/resilience/**/*.resilience-spec.ts'],
    },
    {
      // Debian's Chromium (playwright-core) against the app: /docs under its CSP, OIDC sign-in.
      ...base,
      ...withServices,
      displayName: 'browser',
      testMatch: ['<rootDir>/apps/*/test/browser/**/*.browser-spec.ts'],
      setupFilesAfterEnv: ['<rootDir>/apps/api/test/support/contract.setup.ts'],
    },
    {
      // Deployment files: Kubernetes manifests, workflows, Dockerfile, compose (no services).
      ...base,
      displayName: 'ops',
      testMatch: ['<rootDir>/test/ops/**/*.test.ts'],
    },
  ],
};
