import { CommonplaceError } from '../core/errors';

/** The CommonplaceError `run` fails with; any other error, or none, fails the test. */
export async function failure(run: () => unknown): Promise<CommonplaceError> {
  try {
    await run();
  } catch (e) {
    if (e instanceof CommonplaceError) return e;
    throw e;
  }
  throw new Error('did not fail');
}
