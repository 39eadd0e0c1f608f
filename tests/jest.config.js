/** End-to-end journeys boot real servers and a real browser: generous timeouts, one suite at a time. */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/src'],
  testMatch: ['**/*.test.ts'],
  transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.json' }] },
  moduleNameMapper: { '^@cardhub/shared$': '<rootDir>/../shared/src/index.ts' },
  testTimeout: 120_000,
};
