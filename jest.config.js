// ts-jest in ESM mode; run through `npm test`, which sets NODE_OPTIONS=--experimental-vm-modules.
export default {
  testEnvironment: 'node',
  extensionsToTreatAsEsm: ['.ts'],
  moduleNameMapper: { '^(\\.{1,2}/.*)\\.js$': '$1' },
  transform: {
    '^.+\\.ts$': ['ts-jest', { useESM: true, tsconfig: 'tsconfig.json' }]
  },
  testMatch: ['<rootDir>/__tests__/**/*.test.ts'],
  // Every test talks to a real engine; some build images and wait on containers.
  testTimeout: 120_000,
  // Two cores: two workers keep the engine busy without starving it.
  maxWorkers: 2,
  // test.concurrent blocks (faults.test.ts) wait out timeouts side by side; a test's timeout runs while it
  // queues for a slot, so let all of a block's tests start at once.
  maxConcurrency: 16,
  globalSetup: '<rootDir>/__tests__/helpers/global-setup.ts',
  globalTeardown: '<rootDir>/__tests__/helpers/global-teardown.ts'
}
