/**
 * The fuzz worker thread: judges the inputs its parent sends, one at a time. It runs apart so
 * its parent can hold each input to a time budget (a parse that never returns is terminated and
 * reported, not left to hang the run) and a memory limit (resourceLimits).
 */
import { parentPort, workerData } from 'node:worker_threads';
import { ImportProbe } from './probe';
import type { FuzzCase } from './cases';

const port = parentPort!;
const { dir } = workerData as { dir: string };

void (async () => {
  const probe = await ImportProbe.create(dir);
  port.on('message', (c: FuzzCase) => {
    probe.run(c).then(
      (verdict) => port.postMessage({ verdict }),
      (e: unknown) =>
        port.postMessage({
          verdict: {
            outcome: 'broken',
            findings: [
              `the probe itself failed: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`,
            ],
            ms: 0,
          },
        }),
    );
  });
  port.postMessage({ ready: true });
})();
