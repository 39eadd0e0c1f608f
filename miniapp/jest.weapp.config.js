/** The compiled WeChat build (dist/weapp) under WeChat's real template compiler; run after `taro build --type weapp`. */
module.exports = {
  testEnvironment: 'jsdom',
  roots: ['<rootDir>/test/weapp'],
  testMatch: ['**/*.test.ts'],
  transform: {
    '^.+\\.ts$': [
      'ts-jest',
      { tsconfig: { module: 'commonjs', esModuleInterop: true, isolatedModules: true } },
    ],
  },
  testTimeout: 60_000,
};
