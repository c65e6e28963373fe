/**
 * Lets the test worker's event loop turn between tests. A file of synchronous tests (the
 * property tests, the statistics on generated samples) otherwise runs back to back without one,
 * and Vitest's reports to its main process wait unread: on a machine shared with other jobs that
 * passed Vitest's 60 s limit once ("Timeout calling onTaskUpdate", an unhandled error that made
 * the run exit 1 with every test passing). The workaround Vitest's maintainers point to
 * (vitest-dev/vitest discussion 6511).
 */
import { afterEach } from 'vitest';

afterEach(async () => {
  await new Promise<void>((resolve) => setImmediate(resolve));
});
