/** End-to-end journeys boot real servers and a real browser: generous timeouts, one suite at a time. */
const scaleOutReady = Boolean(process.env.MYSQL_URL && process.env.REDIS_URL);
if (!scaleOutReady) {
  console.log(
    '[cardhub] two-instance tests (src/scale-out) need MYSQL_URL and REDIS_URL (e.g. redis://127.0.0.1:6379): not run',
  );
}

module.exports = {
  // Node's, telling a journey when one of its tests failed (src/support/journey-environment.ts).
  testEnvironment: '<rootDir>/src/support/journey-environment.ts',
  roots: ['<rootDir>/src'],
  testMatch: ['**/*.test.ts'],
  testPathIgnorePatterns: ['/node_modules/', ...(scaleOutReady ? [] : ['<rootDir>/src/scale-out/'])],
  transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.json' }] },
  moduleNameMapper: { '^@cardhub/shared$': '<rootDir>/../shared/src/index.ts' },
  testTimeout: 120_000,
};
