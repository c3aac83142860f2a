import type { Command } from 'commander';
import type { CliContext } from '../context';
import { parsePositiveInt } from '../options';

/** `commonplace serve`: web mode, the app and its API over HTTP on 127.0.0.1. */
export function registerServeCommand(program: Command, context: CliContext): void {
  program
    .command('serve')
    .description(
      'web mode: serve the app and its API on 127.0.0.1 (the printed URL carries a one-run token)',
    )
    .option(
      '--port <n>',
      'port (0 picks a free one)',
      (v) => parsePositiveInt(v, '--port', true),
      0,
    )
    .addHelpText(
      'after',
      '\nExample:\n  commonplace serve --port 8080   # then open the printed URL',
    )
    .action(async (o: { port: number }) => {
      const { library, services, dispatch } = context.serveSession();
      // The HTTP transport (and the renderer file server) loads only for web mode.
      const { startWebServer } = await import('../../api/transports/http');
      const server = await startWebServer({
        library,
        dispatch,
        rendererDir: context.io.rendererDir,
        port: o.port,
      });
      context.io.out(`Commonplace web mode: ${server.openUrl}`);
      context.io.err(`library: ${library.path} — press Ctrl+C to stop`);
      // A running import stops with the server (whatever it committed stays; its current file is not half-written).
      if (context.keepServing)
        await context.keepServing(async () =>
          Promise.all([
            server.close(),
            services.bulkImports.closeAll(),
            services.bulkJobs.stopAll(),
            services.liveSync?.stop(),
          ]).then(() => undefined),
        );
    });
}
