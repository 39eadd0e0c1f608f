export {
  createScratchDatabase,
  databasesUnderTest,
  describeEachDatabase,
  type TestDatabase,
} from './databases';
export { TEST_TOKEN_SECRET, bearer, createTestApp, type TestApp, type TestAppOptions } from './test-app';
export { MP4_BYTES, PNG_BYTES, WINDOWS_EXECUTABLE } from './upload-fixtures';
