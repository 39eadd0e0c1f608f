import { TestEnvironment } from 'jest-environment-node';

/** Set on a test file's global while the test that failed last has not been looked at (journey.ts). */
export const FAILED_TEST_GLOBAL = 'cardhubFailedTest';

/**
 * Jest's node environment, telling a journey that one of its tests failed, so it keeps screenshots of its
 * pages as they were at that moment (journey.ts): a journey that fails only now and then is otherwise hard to read.
 */
export default class JourneyEnvironment extends TestEnvironment {
  handleTestEvent(event: { name: string; test?: { name: string } }): void {
    if (event.name === 'test_fn_failure' && event.test) this.global[FAILED_TEST_GLOBAL] = event.test.name;
  }
}
