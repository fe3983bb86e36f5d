// ts-jest in ESM mode; run through `npm test` / `npm run test:unit`, which set
// NODE_OPTIONS=--experimental-vm-modules. Two tiers:
//  - unit:   `__tests__/**/*.unit.test.ts`: pure functions over fixtures; no engine, runs in seconds.
//  - engine: every other test file; talks to a real engine (brought up by the global setup).
const shared = {
  testEnvironment: 'node',
  extensionsToTreatAsEsm: ['.ts'],
  moduleNameMapper: { '^(\\.{1,2}/.*)\\.js$': '$1' },
  transform: {
    '^.+\\.ts$': ['ts-jest', { useESM: true, tsconfig: 'tsconfig.json' }]
  }
}

export default {
  projects: [
    {
      ...shared,
      displayName: 'unit',
      testMatch: ['<rootDir>/__tests__/**/*.unit.test.ts']
    },
    {
      ...shared,
      displayName: 'engine',
      testMatch: ['<rootDir>/__tests__/**/*.test.ts'],
      testPathIgnorePatterns: ['/node_modules/', '\\.unit\\.test\\.ts$'],
      // A global setup in a project runs only when a test of that project runs: the unit tier never
      // needs the engine.
      globalSetup: '<rootDir>/__tests__/helpers/global-setup.ts',
      globalTeardown: '<rootDir>/__tests__/helpers/global-teardown.ts'
    }
  ],
  // Some engine tests build images and wait on containers.
  testTimeout: 120_000,
  // Two cores: two workers keep the engine busy without starving it.
  maxWorkers: 2,
  // test.concurrent blocks (faults.test.ts) wait out timeouts side by side; a test's timeout runs while it
  // queues for a slot, so let all of a block's tests start at once.
  maxConcurrency: 16
}
