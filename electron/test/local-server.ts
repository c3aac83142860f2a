import { createServer, type RequestListener, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A real HTTP server on 127.0.0.1 standing in for a download host (mirrors, binary hosts):
 * records the paths asked for; `stop()` closes it and any connection left hanging.
 */
export async function localHost(
  handler: RequestListener,
): Promise<{ url: string; requested: string[]; stop: () => Promise<void> }> {
  const requested: string[] = [];
  const server: Server = createServer((req, res) => {
    requested.push(req.url ?? '');
    handler(req, res);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  let stopped = false;
  const stop = async () => {
    if (stopped) return;
    stopped = true;
    server.closeAllConnections();
    await new Promise((r) => server.close(r));
  };
  return { url, requested, stop };
}
