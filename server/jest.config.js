/** Integration tests boot the real application against real databases: allow time for migrations. */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/src'],
  testRegex: '\\.spec\\.ts$',
  transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.json' }] },
  moduleNameMapper: {
    '^@cardhub/shared$': '<rootDir>/../shared/src/index.ts',
    '^@cardhub/tests/fake-wechat$': '<rootDir>/../tests/src/fake-wechat/index.ts',
  },
  globalSetup: '<rootDir>/src/test-support/global-setup.ts',
  testTimeout: 60_000,
};
